// busybox nc (nc_bloaty.c, the netcat 1.10 port busybox images ship):
//   nc -z -v -w 2 web 80   → stderr `web (10.244.0.5:80) open`, exit 0
//   refused / timed out    → `nc: web (10.244.0.5:81): Connection refused`, exit 1
//   printf 'GET / HTTP/1.0\r\n\r\n' | nc web 80   → the raw HTTP response on stdout
//   nc -l -p 8080          → waits (until Ctrl-C) like a listener nobody connects to
import type { CommandContext, CommandInfo } from '../types'
import { STRERROR, netOf } from './common'
import { headerBlock } from './curl-out'

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nc [OPTIONS] HOST PORT  - connect
nc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen

	-e PROG	Run PROG after connect (must be last)
	-l	Listen mode, for inbound connects
	-lk	With -e, provides persistent server
	-p PORT	Local port
	-s ADDR	Local address
	-w SEC	Timeout for connects and final net reads
	-i SEC	Delay interval for lines sent
	-n	Don't do DNS resolution
	-u	UDP mode
	-b	Allow broadcasts
	-v	Verbose
	-o FILE	Hex dump traffic
	-z	Zero-I/O mode (scanning)
`

interface NcOptions {
  zero: boolean
  verbose: number
  listen: boolean
  waitS?: number
  operands: string[]
}

function parse(args: string[]): NcOptions | undefined {
  const o: NcOptions = { zero: false, verbose: 0, listen: false, operands: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!a.startsWith('-') || a === '-') {
      o.operands.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c === 'z') o.zero = true
      else if (c === 'v') o.verbose++
      else if (c === 'l' || c === 'k') o.listen = true
      else if (c === 'n' || c === 'u' || c === 'b') continue
      else if ('wpsioe'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (v === undefined) return undefined
        if (c === 'w') {
          if (!/^\d+$/.test(v)) return undefined
          o.waitS = Number(v)
        }
        break
      } else return undefined
    }
  }
  return o.operands.length <= 2 ? o : undefined
}

/** An HTTP request typed into nc (`GET /x HTTP/1.0` + headers + blank line + body). */
function parseHttp(text: string): { method: string; path: string; headers: [string, string][]; body: string } | undefined {
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(text)
  if (!m) return undefined
  const end = text.search(/\r?\n\r?\n/)
  const head = end < 0 ? text : text.slice(0, end)
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '')
  const headers = head.split(/\r?\n/).slice(1).filter(Boolean).map((l): [string, string] => {
    const colon = l.indexOf(':')
    return colon < 0 ? [l, ''] : [l.slice(0, colon).trim(), l.slice(colon + 1).trim()]
  })
  return { method: m[1], path: m[2], headers, body }
}

async function runNc(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1))
  if (!o || (!o.listen && o.operands.length < 2)) {
    ctx.stderr.write(USAGE)
    return 1
  }
  if (o.listen) {
    // Nobody can connect to a container's ad-hoc listener in this lab: it waits like an idle one.
    await new Promise<void>((resolve) => ctx.signal.onAbort(resolve))
    return 130
  }
  const [host, portText] = o.operands
  const port = /^\d+$/.test(portText) && Number(portText) < 65536 ? Number(portText) : 0
  const net = netOf(ctx)
  const ip = net.resolve(host)?.[0]
  if (!ip) {
    ctx.stderr.write(`nc: bad address '${host}'\n`)
    return 1
  }
  const dotted = `${ip}:${port}`
  const c = await net.connect(ip, port, o.waitS === undefined || o.waitS === 0 ? undefined : o.waitS * 1000, ctx.signal)
  if (ctx.signal.aborted) return 130
  if (c.kind === 'error') {
    // -w's alarm fakes ETIMEDOUT; the kernel's own timeout is ETIMEDOUT too.
    ctx.stderr.write(`nc: ${host} (${dotted}): ${STRERROR[c.code]}\n`)
    return 1
  }
  if (o.verbose) ctx.stderr.write(`${host} (${dotted}) open\n`)
  if (o.zero) return 0
  const input = await ctx.stdin.readAll()
  const req = parseHttp(input)
  if (!req) return 0 // a TCP server that says nothing first: the connection just closes
  const r = await net.http({ host: ip, port, method: req.method, path: req.path, headers: req.headers, body: req.body || undefined, timeoutMs: o.waitS ? o.waitS * 1000 : undefined }, ctx.signal)
  if (ctx.signal.aborted) return 130
  if (r.kind === 'response') ctx.stdout.write(headerBlock(r) + r.body)
  return 0
}

export const nc: CommandInfo = { summary: 'arbitrary TCP connections', run: runNc }
