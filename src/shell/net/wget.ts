// busybox wget (the one in busybox and alpine images), networking/wget.c:
//   Connecting to web (10.96.0.10:80)
//   saving to 'index.html'
//   index.html           100% |*******************************|   615  0:00:00 ETA
//   'index.html' saved
// Errors end with exit 1: `wget: bad address 'web'`, `wget: can't connect to remote host
// (10.244.0.5): Connection refused`, `wget: server returned error: HTTP/1.1 404 Not Found`,
// `wget: download timed out` (-T), `wget: error getting response` (the server closed at once).
import { resolvePath } from '../path'
import type { CommandContext, CommandInfo, HttpResult, NetworkAccess } from '../types'
import { STRERROR, netOf, writeDownload } from './common'
import { byteLength } from './curl-out'
import { DEFAULT_PORT, type Url } from './url'

/** busybox's G.timeout_seconds default: 900 s, longer than the kernel's 130 s connect timeout. */
const DEFAULT_TIMEOUT_S = 900
/** The progress bar is as wide as the terminal minus the 49 columns of text around it. */
const BAR_MARGIN = 49
const DEFAULT_COLUMNS = 80
const MAX_REDIRECTS = 16
const OK_CODES = new Set([200, 201, 202, 203, 204])
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308])

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`

interface WgetOptions {
  quiet: boolean
  serverResponse: boolean
  spider: boolean
  noCheckCertificate: boolean
  output?: string
  prefix?: string
  userAgent: string
  timeoutS: number
  headers: string[]
  postData?: string
  urls: string[]
}

class Die extends Error {}

function parse(args: string[]): WgetOptions | undefined {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, noCheckCertificate: false, userAgent: 'Wget', timeoutS: DEFAULT_TIMEOUT_S, headers: [], urls: [] }
  const longValue: Record<string, (v: string) => void> = {
    'output-document': (v) => (o.output = v), 'directory-prefix': (v) => (o.prefix = v), 'user-agent': (v) => (o.userAgent = v),
    timeout: (v) => (o.timeoutS = Number(v)), header: (v) => o.headers.push(v), 'post-data': (v) => (o.postData = v),
    tries: () => {}, proxy: () => {}, 'output-file': () => {},
  }
  const longFlag: Record<string, () => void> = {
    quiet: () => (o.quiet = true), 'server-response': () => (o.serverResponse = true), spider: () => (o.spider = true),
    continue: () => {}, 'no-check-certificate': () => (o.noCheckCertificate = true), 'no-verbose': () => {}, 'no-cache': () => {},
  }
  const shortValue: Record<string, (v: string) => void> = {
    O: longValue['output-document'], P: longValue['directory-prefix'], U: longValue['user-agent'], T: longValue.timeout,
    t: () => {}, Y: () => {}, o: () => {},
  }
  const shortFlag: Record<string, () => void> = { q: longFlag.quiet, S: longFlag['server-response'], c: () => {} }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s)
      if (longFlag[name]) longFlag[name]()
      else if (longValue[name]) {
        const v = inline ?? args[++i]
        if (v === undefined) return undefined
        longValue[name](v)
      } else return undefined
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'n') break // -nv, -nc, -nH, -np: accepted and ignored
        if (shortFlag[a[j]]) shortFlag[a[j]]()
        else if (shortValue[a[j]]) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          if (v === undefined) return undefined
          shortValue[a[j]](v)
          break
        } else return undefined
      }
      continue
    }
    o.urls.push(a)
  }
  if (!Number.isInteger(o.timeoutS) || o.timeoutS < 0) return undefined
  return o.urls.length ? o : undefined
}

/** busybox parse_url: `host[:port]` kept as typed (messages show it), path without the leading '/'. */
function parseTarget(url: string): Url & { hostport: string } {
  let rest = url
  let scheme: 'http' | 'https' = 'http'
  const m = /^([^:/]*):\/\//.exec(url)
  if (m) {
    if (m[1] !== 'http' && m[1] !== 'https') throw new Die(`not an http or ftp url: ${url}`)
    scheme = m[1]
    rest = url.slice(m[0].length)
  }
  const cut = rest.search(/[/?#]/)
  const hostport = cut < 0 ? rest : rest.slice(0, cut)
  let path = cut < 0 ? '/' : rest.slice(cut).replace(/#.*$/s, '')
  if (!path.startsWith('/')) path = `/${path}`
  const colon = hostport.lastIndexOf(':')
  const host = colon >= 0 ? hostport.slice(0, colon) : hostport
  const portText = colon >= 0 ? hostport.slice(colon + 1) : ''
  const port = portText === '' ? DEFAULT_PORT[scheme] : /^\d+$/.test(portText) && Number(portText) < 65536 ? Number(portText) : NaN
  if (Number.isNaN(port) || host === '') throw new Die(`bad address '${hostport}'`)
  return { scheme, host, port, path, explicitPort: portText !== '', hostport }
}

async function download(ctx: CommandContext, net: NetworkAccess, o: WgetOptions, url: string): Promise<void> {
  let target = parseTarget(url)
  const say = (s: string) => o.quiet || ctx.stderr.write(s)
  let name = o.output ?? lastComponent(target.path)
  if (o.output === undefined && o.prefix) name = `${o.prefix.replace(/\/$/, '')}/${name}`
  let connectTo = true
  let warnedTls = false
  let ip = ''
  for (let redirects = 0; ; redirects++) {
    if (redirects >= MAX_REDIRECTS) throw new Die('too many redirections')
    if (connectTo) {
      const ips = net.resolve(target.host)
      if (!ips) throw new Die(`bad address '${target.hostport}'`)
      ip = ips[0]
      say(`Connecting to ${target.hostport} (${ip}:${target.port})\n`)
    }
    // busybox's internal TLS client does not check certificates, and says so (even with -q).
    if (target.scheme === 'https' && !o.noCheckCertificate && !warnedTls) {
      ctx.stderr.write('wget: note: TLS certificate validation not implemented\n')
      warnedTls = true
    }
    const headers: [string, string][] = [['Host', target.hostport], ['User-Agent', o.userAgent], ['Connection', 'close']]
    for (const h of o.headers) {
      const colon = h.indexOf(':')
      if (colon > 0) headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()])
    }
    if (o.postData !== undefined) headers.push(['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String(byteLength(o.postData))])
    const timeoutMs = o.timeoutS > 0 ? o.timeoutS * 1000 : undefined
    const t0 = ctx.clock.now()
    const r = await net.http({ host: ip, port: target.port, scheme: target.scheme, method: o.postData !== undefined ? 'POST' : 'GET', path: target.path, headers, body: o.postData, timeoutMs }, ctx.signal)
    if (ctx.signal.aborted) return
    if (r.kind === 'error') throw new Die(failure(r, ip, o.timeoutS > 0 && ctx.clock.now() - t0 >= o.timeoutS * 1000))
    const statusLine = `HTTP/1.1 ${r.status} ${r.reason}`.trimEnd()
    if (o.serverResponse) ctx.stderr.write([statusLine, ...r.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `  ${l}\n`).join(''))
    const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if (REDIRECTS.has(r.status) && location) {
      if (location.startsWith('/')) {
        target = { ...target, path: location }
        connectTo = false
      } else {
        target = parseTarget(location)
        connectTo = true
      }
      continue
    }
    if (!OK_CODES.has(r.status) && !REDIRECTS.has(r.status)) throw new Die(`server returned error: ${statusLine}`)
    if (o.spider) return void say('remote file exists\n')
    save(ctx, o, name, r.body)
    return
  }
}

/** `alarmFired`: -T's alarm (armed for the connect and each read) went off before anything else. */
function failure(r: Extract<HttpResult, { kind: 'error' }>, ip: string, alarmFired: boolean): string {
  if (r.code === 'reset') return 'error getting response'
  // Without -T the 900 s alarm loses to the kernel's 130 s connect timeout: ETIMEDOUT.
  if (r.code === 'timeout' && alarmFired) return 'download timed out'
  if (r.code === 'resolve') return `bad address '${ip}'`
  return `can't connect to remote host (${ip}): ${STRERROR[r.code]}`
}

function save(ctx: CommandContext, o: WgetOptions, name: string, body: string): void {
  const toStdout = name === '-'
  const say = (s: string) => o.quiet || ctx.stderr.write(s)
  if (!toStdout) {
    // Without -O busybox opens O_EXCL: it never overwrites a file it named itself.
    if (o.output === undefined && ctx.fs.exists(resolvePath(ctx.cwd, name))) throw new Die(`can't open '${name}': File exists`)
    const written = writeDownload(ctx, name, body)
    if (written !== 'ok') throw new Die(`can't open '${name}': ${written}`)
  }
  say(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`)
  if (toStdout) ctx.stdout.write(body)
  say(progressLine(name.slice(name.lastIndexOf('/') + 1), byteLength(body), ctx.columns ?? DEFAULT_COLUMNS) + '\n')
  say(toStdout ? 'written to stdout\n' : `'${name}' saved\n`)
}

/** libbb/progress.c's last update of a finished download (stderr is not a tty in a container). */
export function progressLine(file: string, bytes: number, columns: number): string {
  const barlength = columns - BAR_MARGIN
  const bar = barlength > 0 ? ` |${'*'.repeat(barlength)}|` : ''
  let size = bytes
  let scale = 0
  while (size >= 100_000) {
    size = Math.floor(size / 1024)
    scale++
  }
  return `${file.padEnd(20).slice(0, 20)} 100%${bar}${String(size).padStart(6)}${' kMGTPEZY'[scale]}  0:00:00 ETA`
}

function lastComponent(path: string): string {
  const p = path.replace(/[?#].*$/s, '')
  const last = p.slice(p.lastIndexOf('/') + 1)
  return last === '' ? 'index.html' : last
}

async function runWget(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1))
  if (!o) {
    ctx.stderr.write(USAGE)
    return 1
  }
  try {
    for (const url of o.urls) {
      await download(ctx, netOf(ctx), o, url)
      if (ctx.signal.aborted) return 130
    }
    return 0
  } catch (e) {
    if (!(e instanceof Die)) throw e
    ctx.stderr.write(`wget: ${e.message}\n`)
    return 1
  }
}

export const wget: CommandInfo = { summary: 'retrieve files via HTTP', run: runWget }
