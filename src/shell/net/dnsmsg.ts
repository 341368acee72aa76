// What nslookup, dig and the lab's DNS server share: /etc/resolv.conf as glibc reads it, the
// search-list walk (ndots), reverse names, and the size of a DNS message on the wire (RFC 1035
// with name compression), which dig prints as `MSG SIZE  rcvd:` and CoreDNS logs per query.
import type { DnsRecord, DnsType } from '../types'

export interface ResolvConf {
  nameservers: string[]
  search: string[]
  ndots: number
}

/** glibc's defaults: no search list, ndots:1; no nameserver line = the local host (127.0.0.1). */
export const DEFAULT_NDOTS = 1
export const LOCAL_NAMESERVER = '127.0.0.1'
/** A DNS message header is 12 bytes; a question adds QTYPE + QCLASS (4); an RR adds TYPE, CLASS, TTL, RDLENGTH (10). */
const HEADER_BYTES = 12
const QUESTION_FIXED = 4
const RR_FIXED = 10
/** The OPT pseudo-record dig adds (EDNS0, 4096-byte UDP buffer): root name (1) + 10 fixed bytes. */
export const OPT_RR_BYTES = 11

/** Parse /etc/resolv.conf (`search`/`domain`, `nameserver`, `options ndots:N`); the last search/domain line wins. */
export function parseResolvConf(text: string | undefined): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: DEFAULT_NDOTS }
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim()
    const [key, ...args] = line.split(/\s+/)
    if (key === 'nameserver' && args[0]) conf.nameservers.push(args[0])
    else if (key === 'search' || key === 'domain') conf.search = args.filter((a) => a && a !== '.')
    else if (key === 'options') {
      for (const o of args) {
        const m = /^ndots:(\d+)$/.exec(o)
        if (m) conf.ndots = Math.min(15, Number(m[1]))
      }
    }
  }
  return conf
}

/**
 * The names a stub resolver (glibc res_search) tries, in order: a name with at least `ndots` dots
 * (or a trailing dot) is tried as is first, then under each search domain; a shorter one under
 * each search domain first, then as is. `web` with ndots:5 and search `default.svc.cluster.local
 * svc.cluster.local cluster.local` → web.default.svc.cluster.local, web.svc.cluster.local,
 * web.cluster.local, web.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name]
  const dots = name.split('.').length - 1
  const searched = conf.search.map((d) => `${name}.${d.replace(/\.$/, '')}.`)
  return dots >= conf.ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`]
}

/** `10.96.0.10` → `10.0.96.10.in-addr.arpa` (undefined when not an IPv4 address). */
export function reverseName(ip: string): string | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined
  return `${parts.reverse().map(Number).join('.')}.in-addr.arpa`
}

/** Fully qualified with the trailing dot, lower-case (DNS names compare case-insensitively). */
export const fqdn = (name: string): string => (name.endsWith('.') ? name : name + '.').toLowerCase()

/** Type codes (RFC 1035, 3596, 2782) for sizes and dig's `-t` parsing. */
export const TYPE_CODES: Record<DnsType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 }

/**
 * Bytes of a whole message, with compression as CoreDNS (miekg/dns, Compress=true) writes it: a
 * name whose suffix was written before costs its new labels plus a 2-byte pointer. Worked number:
 * `web.default.svc.cluster.local. A` with one A answer and no EDNS = 12 + (31 + 4) + (2 + 10 + 4) = 63.
 */
export function messageSize(question: { name: string; type: DnsType }, sections: DnsRecord[], opt = false): number {
  const seen = new Set<string>()
  let size = HEADER_BYTES + nameBytes(fqdn(question.name), seen) + QUESTION_FIXED
  for (const rr of sections) size += nameBytes(fqdn(rr.name), seen) + RR_FIXED + rdataBytes(rr, seen)
  return size + (opt ? OPT_RR_BYTES : 0)
}

/** A name's wire length given the suffixes already written (then remembered for later names). */
function nameBytes(name: string, seen: Set<string>): number {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean)
  let bytes = 0
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.')
    if (seen.has(suffix)) return bytes + 2
    seen.add(suffix)
    bytes += 1 + labels[i].length
  }
  return bytes + 1
}

function rdataBytes(rr: DnsRecord, seen: Set<string>): number {
  switch (rr.type) {
    case 'A': return 4
    case 'AAAA': return 16
    case 'CNAME': case 'PTR': case 'NS': return nameBytes(rr.data, seen)
    // RFC 2782: an SRV target is never compressed (miekg/dns writes it whole).
    case 'SRV': return 6 + nameBytes(rr.data.split(' ')[3] ?? '.', new Set())
    case 'SOA': {
      const [ns, mbox] = rr.data.split(' ')
      return nameBytes(ns, seen) + nameBytes(mbox, seen) + 20
    }
    case 'TXT': return 1 + rr.data.replace(/^"|"$/g, '').length
    default: return 0
  }
}
