// nslookup in two flavours.
// busybox 1.36 (busybox, alpine: networking/nslookup.c, the LEDE/OpenWrt resolver): A and AAAA
// queries sent together; a dotless name is tried under every search domain (never bare), a dotted
// one only as is (no ndots); each reply printed as it comes, NXDOMAIN ones too, so a hit comes with
// "can't find" lines and exit status 1:
//   Server:		10.96.0.10
//   Address:	10.96.0.10:53
//
//   Name:	web.default.svc.cluster.local
//   Address: 10.96.12.34
//
//   ** server can't find web.svc.cluster.local: NXDOMAIN
// bind9 (debian's dnsutils, the learner's laptop): the search list with ndots, one A lookup,
// `Address:\t10.96.0.10#53`, and `** server can't find web: NXDOMAIN` with exit 1 when all fail.
import type { CommandContext, CommandInfo, DnsRecord, DnsResult, DnsType } from '../types'
import { searchCandidates, reverseName, LOCAL_NAMESERVER } from './dnsmsg'
import { bare, exchange, parseType, readResolvConf } from './dnsclient'
import { isIPv4 } from './url'

/**
 * `busybox`: 1.29+ (its own resolver); `busybox-1.28`: the old applet the Kubernetes docs still ask
 * for (`busybox:1.28`), which resolves through the C library (search list, ndots) and prints
 * `Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local`; `bind9`: dnsutils.
 */
export type NslookupFlavour = 'busybox' | 'busybox-1.28' | 'bind9'

/** busybox: 5 s per server (G.default_timeout), the queries resent once halfway. */
const BUSYBOX_TIMEOUT_MS = 5000
/** bind9's nslookup: 3 tries of 5 s before "no servers could be reached". */
const BIND_TIMEOUT_MS = 15000

const BUSYBOX_USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`
const NO_SERVERS = ';; connection timed out; no servers could be reached\n'

interface Parsed { types: DnsType[]; host: string; server?: string; port: number; timeoutMs?: number }

function parse(args: string[]): Parsed | 'usage' | string {
  const types: DnsType[] = []
  let port = 53
  let timeoutMs: number | undefined
  let i = 0
  for (; i < args.length && args[i].startsWith('-') && args[i].length > 1; i++) {
    const [k, v = ''] = args[i].slice(1).split('=', 2)
    if (k === 'type' || k === 'querytype' || k === 'query' || k === 'q' || k === 'ty') {
      const t = parseType(v)
      if (!t) return `invalid query type "${v}"`
      types.push(t)
    } else if (k === 'port' || k === 'po') port = Number(v) || 53
    else if (k === 'timeout' || k === 't') timeoutMs = (Number(v) || 5) * 1000
    else if (k === 'debug' || k === 'retry' || k === 'ret' || k === 'nodebug' || k === 'search' || k === 'nosearch' || k === 'vc' || k === 'novc') continue
    else return 'usage'
  }
  const rest = args.slice(i)
  if (rest.length < 1 || rest.length > 2) return 'usage'
  return { types, host: rest[0], server: rest[1], port, timeoutMs }
}

export function createNslookup(flavour: NslookupFlavour): CommandInfo {
  return {
    summary: 'query DNS about a host',
    run: (ctx) => (flavour === 'busybox' ? busybox(ctx) : flavour === 'busybox-1.28' ? busyboxOld(ctx) : bind9(ctx)),
  }
}

// ── busybox ──────────────────────────────────────────────────────────────────────────────────

async function busybox(ctx: CommandContext): Promise<number> {
  const p = parse(ctx.argv.slice(1))
  if (p === 'usage') {
    ctx.stderr.write(BUSYBOX_USAGE)
    return 1
  }
  if (typeof p === 'string') {
    ctx.stderr.write(`nslookup: ${p}\n`)
    return 1
  }
  const conf = readResolvConf(ctx)
  const servers = p.server ? [p.server] : conf.nameservers.length ? conf.nameservers : [LOCAL_NAMESERVER]
  const ptr = isIPv4(p.host) ? reverseName(p.host) : undefined
  const queries: { name: string; type: DnsType }[] = []
  const withSearch = (type: DnsType) => {
    // add_query_with_search: PTR, no search list, or a dot in the name → the name itself.
    if (type === 'PTR' || conf.search.length === 0 || p.host.includes('.') || p.server) queries.push({ name: p.host, type })
    else for (const d of conf.search) queries.push({ name: `${p.host}.${d}`, type })
  }
  if (p.types.length === 0) {
    if (ptr) queries.push({ name: ptr, type: 'PTR' })
    else { withSearch('A'); withSearch('AAAA') }
  } else for (const t of p.types) withSearch(t)

  for (const server of servers) {
    if (!isIPv4(server)) {
      ctx.stderr.write(`nslookup: bad address '${server}'\n`)
      return 1
    }
    const replies: DnsResult[] = []
    for (const q of queries) {
      const r = await exchange(ctx, { server, port: p.port, name: q.name, type: q.type, timeoutMs: p.timeoutMs ?? BUSYBOX_TIMEOUT_MS })
      if (ctx.signal.aborted) return 130
      if (r.kind === 'error') break
      replies.push(r)
    }
    if (replies.length === 0) continue
    let status = 0
    ctx.stdout.write(`Server:\t\t${server}\nAddress:\t${server}:${p.port}\n\n`)
    replies.forEach((r, i) => {
      if (r.kind !== 'response') return
      if (r.rcode !== 'NOERROR') {
        ctx.stdout.write(`** server can't find ${queries[i].name}: ${r.rcode}\n`)
        status = 1
      } else {
        if (!r.authoritative) ctx.stdout.write('Non-authoritative answer:\n')
        for (const rr of r.answers) ctx.stdout.write(busyboxRecord(rr))
      }
      ctx.stdout.write('\n')
    })
    return status
  }
  ctx.stdout.write(NO_SERVERS + '\n')
  return 1
}

function busyboxRecord(rr: DnsRecord): string {
  const name = bare(rr.name)
  switch (rr.type) {
    case 'A': case 'AAAA': return `Name:\t${name}\nAddress: ${rr.data}\n`
    case 'CNAME': return `${name}\tcanonical name = ${bare(rr.data)}\n`
    case 'PTR': return `${name}\tname = ${bare(rr.data)}\n`
    case 'NS': return `${name}\tnameserver = ${bare(rr.data)}\n`
    case 'SRV': {
      const [pri, w, port, target] = rr.data.split(' ')
      return `${name}\tservice = ${pri} ${w} ${port} ${bare(target)}\n`
    }
    case 'TXT': return `${name}\ttext = ${rr.data}\n`
    case 'SOA': {
      const [origin, mail, serial, refresh, retry, expire, minimum] = rr.data.split(' ')
      return `${name}\n\torigin = ${bare(origin)}\n\tmail addr = ${bare(mail)}\n\tserial = ${serial}\n\trefresh = ${refresh}\n\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${minimum}\n`
    }
    default: return ''
  }
}

// ── busybox ≤ 1.28: getaddrinfo, then getnameinfo for each address ─────────────────────────────

const OLD_USAGE = `BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.

Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`

async function busyboxOld(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1)
  if (args.length < 1 || args.length > 2 || args[0].startsWith('-')) {
    ctx.stderr.write(OLD_USAGE)
    return 1
  }
  const conf = readResolvConf(ctx)
  const server = args[1] ?? conf.nameservers[0] ?? LOCAL_NAMESERVER
  if (!isIPv4(server)) {
    ctx.stderr.write(`nslookup: can't resolve '${server}'\n`)
    return 1
  }
  const ask = async (name: string, type: DnsType) => {
    const r = await exchange(ctx, { server, port: 53, name, type, timeoutMs: BUSYBOX_TIMEOUT_MS })
    return r.kind === 'response' ? r : undefined
  }
  /** getnameinfo(NI_NAMEREQD): the PTR's name without its dot, if any. */
  const reverse = async (ip: string) => {
    const r = await ask(`${reverseName(ip)}.`, 'PTR')
    const ptr = r?.rcode === 'NOERROR' ? r.answers.find((a) => a.type === 'PTR') : undefined
    return ptr ? bare(ptr.data) : undefined
  }
  /** getaddrinfo: the search walk of the C library (an IP literal is itself). */
  const lookup = async (host: string): Promise<string[] | undefined> => {
    if (isIPv4(host)) return [host]
    for (const name of searchCandidates(host, conf)) {
      const r = await ask(name, 'A')
      if (!r) return undefined
      const ips = r.rcode === 'NOERROR' ? r.answers.filter((a) => a.type === 'A').map((a) => a.data) : []
      if (ips.length) return ips
    }
    return undefined
  }
  const block = async (header: string, host: string, ips: string[]) => {
    let out = `${header.padEnd(10)} ${host}\n`
    for (const [i, ip] of ips.entries()) {
      const name = await reverse(ip)
      out += `Address ${i + 1}: ${ip}${name ? ' ' + name : ''}\n`
    }
    return out
  }
  ctx.stdout.write((await block('Server:', server, [server])) + '\n')
  const ips = await lookup(args[0])
  if (ctx.signal.aborted) return 130
  if (!ips) {
    ctx.stderr.write(`nslookup: can't resolve '${args[0]}'\n`)
    return 1
  }
  ctx.stdout.write(await block('Name:', args[0], ips))
  return 0
}

// ── bind9 ────────────────────────────────────────────────────────────────────────────────────

async function bind9(ctx: CommandContext): Promise<number> {
  const p = parse(ctx.argv.slice(1))
  if (p === 'usage' || typeof p === 'string') {
    // bind9 with no host enters interactive mode; the lab has no interactive nslookup.
    ctx.stderr.write(typeof p === 'string' ? `*** ${p}\n` : 'Usage: nslookup [-opt ...] host [server]\n')
    return 1
  }
  const conf = readResolvConf(ctx)
  const servers = p.server ? [p.server] : conf.nameservers.length ? conf.nameservers : [LOCAL_NAMESERVER]
  const type: DnsType = p.types[0] ?? (isIPv4(p.host) ? 'PTR' : 'A')
  const names = type === 'PTR' && isIPv4(p.host) ? [`${reverseName(p.host)}.`] : searchCandidates(p.host, conf)
  for (const server of servers) {
    let last: DnsResult | undefined
    let found: { r: Extract<DnsResult, { kind: 'response' }>; name: string } | undefined
    for (const name of names) {
      const r = await exchange(ctx, { server, port: p.port, name, type, timeoutMs: p.timeoutMs ?? BIND_TIMEOUT_MS })
      if (ctx.signal.aborted) return 130
      last = r
      if (r.kind === 'error') break
      if (r.rcode === 'NXDOMAIN' || (r.rcode === 'NOERROR' && r.answers.length === 0 && names.length > 1 && name !== names[names.length - 1])) continue
      found = { r, name }
      break
    }
    if (!last || last.kind === 'error') continue
    ctx.stdout.write(`Server:\t\t${server}\nAddress:\t${server}#${p.port}\n\n`)
    const r = found?.r ?? last
    if (r.kind !== 'response') continue
    if (r.rcode !== 'NOERROR') {
      ctx.stdout.write(`** server can't find ${p.host}: ${r.rcode}\n\n`)
      return 1
    }
    if (r.answers.length === 0) {
      ctx.stdout.write(`*** Can't find ${p.host}: No answer\n\n`)
      return 0
    }
    if (!r.authoritative) ctx.stdout.write('Non-authoritative answer:\n')
    for (const rr of r.answers) ctx.stdout.write(bindRecord(rr))
    ctx.stdout.write('\n')
    return 0
  }
  ctx.stdout.write(NO_SERVERS)
  return 1
}

function bindRecord(rr: DnsRecord): string {
  const name = bare(rr.name)
  switch (rr.type) {
    case 'A': case 'AAAA': return `Name:\t${name}\nAddress: ${rr.data}\n`
    case 'CNAME': return `${name}\tcanonical name = ${rr.data}\n`
    case 'PTR': return `${name}\tname = ${rr.data}\n`
    case 'NS': return `${name}\tnameserver = ${rr.data}\n`
    case 'SRV': return `${name}\tservice = ${rr.data}\n`
    case 'TXT': return `${name}\ttext = ${rr.data}\n`
    case 'SOA': {
      const [origin, mail, serial, refresh, retry, expire, minimum] = rr.data.split(' ')
      return `${name}\n\torigin = ${origin}\n\tmail addr = ${mail}\n\tserial = ${serial}\n\trefresh = ${refresh}\n\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${minimum}\n`
    }
    default: return ''
  }
}
