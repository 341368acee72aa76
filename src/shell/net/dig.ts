// dig (BIND 9.9.5, debian jessie's dnsutils): one query to the first resolv.conf nameserver (or
// @server), EDNS0 with a 4096-byte buffer, printed as BIND's presentation format:
//
//   ; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> web.default.svc.cluster.local
//   ;; global options: +cmd
//   ;; Got answer:
//   ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 40123
//   ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
//   ;; WARNING: recursion requested but not available
//   …
//   web.default.svc.cluster.local. 30 IN	A	10.96.12.34
//
// `+short` prints the answers' data only; `+search` walks resolv.conf's search list (dig does not
// by default); `-x 10.96.0.10` asks for the PTR; `-t SRV` or a type word picks the type. NXDOMAIN is
// still exit 0; no server answering is exit 9 after 3 tries of 5 s.
import type { CommandContext, CommandInfo, DnsRecord, DnsResult, DnsType } from '../types'
import { hexId, recordLine, questionLine, whenLine } from './dig-format'
import { exchange, parseType, readResolvConf } from './dnsclient'
import { LOCAL_NAMESERVER, messageSize, reverseName, searchCandidates } from './dnsmsg'
import { isIPv4 } from './url'

export const DIG_VERSION = '9.9.5-9+deb8u19-Debian'
/** +time=5 +tries=3: 15 s before ";; connection timed out". */
const DEFAULT_TIME_S = 5
const DEFAULT_TRIES = 3
/** dig's exit status when no server replied. */
const EXIT_NO_REPLY = 9
const EXIT_USAGE = 1
/** EDNS0 UDP buffer size dig advertises (and CoreDNS echoes back in its OPT). */
const EDNS_UDP = 4096

interface DigOptions {
  server?: string
  port: number
  name?: string
  type?: DnsType
  short: boolean
  search: boolean
  tcp: boolean
  timeS: number
  tries: number
  /** Display toggles (+noall turns all off, then +answer etc. turn single ones back on). */
  show: { cmd: boolean; comments: boolean; question: boolean; answer: boolean; authority: boolean; stats: boolean }
}

function parseArgs(args: string[]): DigOptions | string {
  const o: DigOptions = { port: 53, short: false, search: false, tcp: false, timeS: DEFAULT_TIME_S, tries: DEFAULT_TRIES, show: { cmd: true, comments: true, question: true, answer: true, authority: true, stats: true } }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('@')) o.server = a.slice(1)
    else if (a.startsWith('+')) {
      const opt = a.slice(1).toLowerCase()
      const on = !opt.startsWith('no')
      const word = on ? opt : opt.slice(2)
      const [k, v] = word.split('=', 2)
      if (k === 'short') o.short = on
      else if (k === 'search') o.search = on
      else if (k === 'tcp' || k === 'vc') o.tcp = on
      else if (k === 'time' && v) o.timeS = Math.max(1, Number(v) || DEFAULT_TIME_S)
      else if ((k === 'tries' || k === 'retry') && v) o.tries = Math.max(1, Number(v) + (k === 'retry' ? 1 : 0) || DEFAULT_TRIES)
      else if (k === 'all') for (const s of Object.keys(o.show) as (keyof DigOptions['show'])[]) o.show[s] = on
      else if (k in o.show) o.show[k as keyof DigOptions['show']] = on
    } else if (a === '-t' || a === '-p' || a === '-x') {
      const v = args[++i]
      if (v === undefined) return `dig: option requires an argument -- '${a.slice(1)}'`
      if (a === '-t') {
        const t = parseType(v)
        if (!t) return `dig: invalid type: ${v}`
        o.type = t
      } else if (a === '-p') o.port = Number(v) || 53
      else {
        const r = reverseName(v)
        if (!r) return `dig: '${v}' is not a legal IP address`
        o.name = `${r}.`
        o.type = 'PTR'
      }
    } else if (a.startsWith('-')) continue // -4, -6 and friends: accepted
    // dighost.c: a word that parses as a type is the type (`dig SRV web…` or `dig web… SRV`), IN is
    // the class, anything else the name (a later name starts a new lookup; the lab keeps the first).
    else if (parseType(a)) o.type = parseType(a)
    else if (a.toUpperCase() === 'IN') continue
    else if (o.name === undefined) o.name = a
  }
  return o
}

export const dig: CommandInfo = {
  summary: 'DNS lookup utility',
  async run(ctx) {
    const o = parseArgs(ctx.argv.slice(1))
    if (typeof o === 'string') {
      ctx.stderr.write(o + '\n')
      return EXIT_USAGE
    }
    const conf = readResolvConf(ctx)
    const server = o.server ?? conf.nameservers[0] ?? LOCAL_NAMESERVER
    if (!isIPv4(server)) {
      ctx.stderr.write(`dig: couldn't get address for '${server}': not found\n`)
      return 10
    }
    // `dig` alone asks for the root's NS records.
    const name = o.name ?? '.'
    const type = o.type ?? (o.name === undefined ? 'NS' : 'A')
    const candidates = o.search && !name.endsWith('.') ? searchCandidates(name, conf) : [name.endsWith('.') ? name : `${name}.`]
    let result: DnsResult | undefined
    let asked = candidates[0]
    for (const candidate of candidates) {
      asked = candidate
      result = await exchange(ctx, { server, port: o.port, name: candidate, type, tcp: o.tcp, timeoutMs: o.timeS * o.tries * 1000 })
      if (ctx.signal.aborted) return 130
      if (result.kind === 'error' || result.rcode !== 'NXDOMAIN') break
    }
    const argsEcho = ctx.argv.slice(1).join(' ')
    if (!result || result.kind === 'error') {
      if (!o.short && o.show.cmd) ctx.stdout.write(banner(o, argsEcho))
      ctx.stdout.write(';; connection timed out; no servers could be reached\n')
      return EXIT_NO_REPLY
    }
    if (o.short) {
      for (const rr of result.answers) ctx.stdout.write(rr.data + '\n')
      return 0
    }
    ctx.stdout.write(fullOutput(ctx, o, argsEcho, server, asked, type, result))
    return 0
  },
}

/** The command echo; `@server` adds dig's count of the addresses it found for the server. */
function banner(o: DigOptions, argsEcho: string): string {
  return `\n; <<>> DiG ${DIG_VERSION} <<>> ${argsEcho}\n${o.server ? '; (1 server found)\n' : ''};; global options: +cmd\n`
}

function fullOutput(ctx: CommandContext, o: DigOptions, argsEcho: string, server: string, name: string, type: DnsType, r: Extract<DnsResult, { kind: 'response' }>): string {
  const authority: DnsRecord[] = r.authority ?? []
  let out = ''
  if (o.show.cmd) out += banner(o, argsEcho)
  if (o.show.comments) {
    const flags = ['qr', r.authoritative ? 'aa' : '', 'rd'].filter(Boolean).join(' ')
    out += ';; Got answer:\n'
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${hexId(`${name} ${type} ${ctx.clock.now()}`)}\n`
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1\n`
    // CoreDNS never sets RA; dig asked for recursion (RD), so it warns.
    out += ';; WARNING: recursion requested but not available\n\n'
    out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${EDNS_UDP}\n`
  }
  // Without comments the sections run together: `dig +noall +answer` prints bare record lines.
  const gap = o.show.comments ? '\n' : ''
  if (o.show.question) out += `${o.show.comments ? ';; QUESTION SECTION:\n' : ''}${questionLine(name, type)}\n${gap}`
  if (o.show.answer && r.answers.length) out += `${o.show.comments ? ';; ANSWER SECTION:\n' : ''}${r.answers.map(recordLine).join('')}${gap}`
  if (o.show.authority && authority.length) out += `${o.show.comments ? ';; AUTHORITY SECTION:\n' : ''}${authority.map(recordLine).join('')}${gap}`
  if (o.show.stats) {
    out += ';; Query time: 0 msec\n'
    out += `;; SERVER: ${server}#${o.port}(${server})\n`
    out += `;; WHEN: ${whenLine(ctx.clock.now())}\n`
    out += `;; MSG SIZE  rcvd: ${messageSize({ name, type }, [...r.answers, ...authority], true)}\n\n`
  }
  return out
}
