// One netfilter rule as iptables holds it after parsing: the ip header part (-s/-d/-i/-o/-p),
// the matches (-m name --opt val…) and the target (-j/-g). Options are canonicalised at parse
// time the way the kernel structs do it (MARK --or-mark 0x4000 → --set-xmark 0x4000/0x4000,
// REJECT → --reject-with icmp-port-unreachable, -s 10.244.0.5 → 10.244.0.5/32), so iptables-save
// prints what the real tool prints and -D/-C compare specs by their saved text.
import { ipToInt, intToIp } from '../ipam'

export interface AddrSpec { net: number; prefix: number; inv: boolean }
export interface IfaceSpec { name: string; inv: boolean }
/** One `--name args…` of a match or target; `inv` when written `! --name`. */
export interface Opt { name: string; inv: boolean; args: string[] }
export interface Match { name: string; opts: Opt[] }
export interface Target { name: string; goto: boolean; opts: Opt[] }

export interface Rule {
  src?: AddrSpec
  dst?: AddrSpec
  in?: IfaceSpec
  out?: IfaceSpec
  proto?: { name: string; inv: boolean }
  matches: Match[]
  target?: Target
  pkts: number
  bytes: number
}

/** What a parse error looks like: `unknown`/`load` get the tool's usage lines, `plain` is printed as is. */
export class RuleError extends Error {
  constructor(message: string, readonly kind: 'usage' | 'plain' = 'usage') { super(message) }
}

/** Targets the kernel knows besides chains (xtables extensions shipped with iptables 1.8.7). */
export const BUILTIN_VERDICTS = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE'])
export const TARGET_EXTENSIONS = new Set(['DNAT', 'SNAT', 'MASQUERADE', 'MARK', 'REJECT', 'LOG', 'CONNMARK', 'REDIRECT', 'NOTRACK', 'CT', 'TCPMSS', 'CHECKSUM', 'TPROXY'])
export const MATCH_EXTENSIONS = new Set(['comment', 'tcp', 'udp', 'icmp', 'statistic', 'addrtype', 'set', 'mark', 'conntrack', 'state', 'multiport', 'physdev', 'recent', 'limit', 'connmark', 'owner', 'iprange', 'sctp', 'socket', 'pkttype'])
/** Options that take no value. */
const FLAG_OPTS = new Set(['random-fully', 'random', 'persistent', 'rsource', 'rdest', 'set', 'rcheck', 'update', 'remove', 'reap', 'rttl', 'syn', 'physdev-is-in', 'physdev-is-out', 'physdev-is-bridged', 'limit-iface-in', 'limit-iface-out', 'log-uid', 'transparent'])
/** Options that take two values (`--match-set KUBE-CLUSTER-IP dst,dst`). */
const TWO_ARG_OPTS = new Set(['match-set'])

/** Options of the protocol matches, found without `-m tcp` once `-p tcp` is given. */
const PROTO_OPTS = new Set(['dport', 'sport', 'destination-port', 'source-port', 'syn', 'tcp-flags', 'icmp-type'])

export const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'sctp', 'all', 'esp', 'ah', 'udplite', 'icmpv6'])

export function parseAddr(text: string, inv: boolean): AddrSpec {
  const [a, b] = text.split('/')
  const parts = a.split('.')
  // iptables accepts the short forms `0/0` and `10/8`.
  while (parts.length < 4) parts.push('0')
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) throw new RuleError(`host/network \`${a}' not found`, 'usage')
  const prefix = b === undefined ? 32 : Number(b)
  if (!/^\d+$/.test(b ?? '32') || prefix > 32) throw new RuleError(`invalid mask \`${b}' specified`, 'usage')
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return { net: (ipToInt(parts.join('.')) & mask) >>> 0, prefix, inv }
}

export const addrText = (a: AddrSpec) => `${intToIp(a.net)}/${a.prefix}`

export function addrContains(a: AddrSpec, ip: number): boolean {
  const mask = a.prefix === 0 ? 0 : (0xffffffff << (32 - a.prefix)) >>> 0
  return ((ip & mask) >>> 0) === a.net
}

/** `0x4000`, `0x4000/0x4000`, `16384` → [value, mask]. */
export function parseMark(text: string): [number, number] {
  const [v, m] = text.split('/')
  const num = (s: string) => {
    const n = Number(s)
    if (!Number.isFinite(n) || n < 0 || n > 0xffffffff) throw new RuleError(`Bad MARK value "${text}"`, 'usage')
    return n >>> 0
  }
  return [num(v), m === undefined ? 0xffffffff : num(m)]
}

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`

/** `%.11f` of the probability the kernel keeps (a u32 scaled by 2^31): 0.3333333333 → 0.33333333349. */
export function kernelProbability(text: string): string {
  const p = Number(text)
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RuleError(`--probability must be between 0 and 1`, 'usage')
  return (Math.round(p * 0x80000000) / 0x80000000).toFixed(11)
}

/** libxt_recent's save order: action, --seconds, --reap, --hitcount, --rttl, --name, --mask, side. */
function canonicalRecent(m: Match): Match {
  const has = (n: string) => m.opts.find((o) => o.name === n)
  const inv = m.opts.some((o) => o.inv)
  const opts: Opt[] = []
  for (const action of ['set', 'rcheck', 'update', 'remove']) if (has(action)) opts.push({ name: action, inv: inv && opts.length === 0, args: [] })
  for (const n of ['seconds', 'reap', 'hitcount', 'rttl']) if (has(n)) opts.push({ name: n, inv: false, args: has(n)!.args })
  opts.push({ name: 'name', inv: false, args: [has('name')?.args[0] ?? 'DEFAULT'] })
  opts.push({ name: 'mask', inv: false, args: [has('mask')?.args[0] ?? '255.255.255.255'] })
  opts.push({ name: has('rdest') ? 'rdest' : 'rsource', inv: false, args: [] })
  return { name: 'recent', opts }
}

/** Canonical options of one match, as the kernel struct would save them. */
function canonicalMatch(m: Match): Match {
  if (m.name === 'recent') return canonicalRecent(m)
  const opts: Opt[] = []
  for (const o of m.opts) {
    let name = o.name
    if (name === 'destination-port') name = 'dport'
    if (name === 'source-port') name = 'sport'
    if (name === 'destination-ports') name = 'dports'
    if (name === 'source-ports') name = 'sports'
    if (m.name === 'statistic' && name === 'probability') opts.push({ name, inv: o.inv, args: [kernelProbability(o.args[0])] })
    else if ((m.name === 'mark' || m.name === 'connmark') && name === 'mark') {
      const [v, mask] = parseMark(o.args[0])
      opts.push({ name, inv: o.inv, args: [mask === 0xffffffff ? hex(v) : `${hex(v)}/${hex(mask)}`] })
    } else opts.push({ name, inv: o.inv, args: o.args })
  }
  return { name: m.name, opts }
}

function canonicalTarget(t: Target): Target {
  const opts: Opt[] = []
  if (t.name === 'MARK') {
    let mark = 0
    let mask = 0
    for (const o of t.opts) {
      const [v, m] = parseMark(o.args[0] ?? '')
      if (o.name === 'set-xmark') { mark = v; mask = m }
      else if (o.name === 'set-mark') { mark = v; mask = m === 0xffffffff ? 0xffffffff : m }
      else if (o.name === 'or-mark') { mark = v; mask = v }
      else if (o.name === 'and-mark') { mark = 0; mask = (~v) >>> 0 }
      else if (o.name === 'xor-mark') { mark = v; mask = 0 }
      else throw new RuleError(`unknown option "--${o.name}"`)
    }
    opts.push({ name: 'set-xmark', inv: false, args: [`${hex(mark)}/${hex(mask)}`] })
    return { ...t, opts }
  }
  if (t.name === 'REJECT') {
    const w = t.opts.find((o) => o.name === 'reject-with')?.args[0] ?? 'icmp-port-unreachable'
    return { ...t, opts: [{ name: 'reject-with', inv: false, args: [w] }] }
  }
  return t
}

/**
 * Parse the rule part of an iptables command line (everything except the command, chain and -t):
 * `-s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.0.5:80`.
 */
export function parseRule(args: string[], known: { isChain(name: string): boolean }): Rule {
  const rule: Rule = { matches: [], pkts: 0, bytes: 0 }
  let current: Match | Target | undefined
  let inv = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const value = () => {
      const v = args[++i]
      if (v === undefined) throw new RuleError(`option "${a}" requires an argument`)
      return v
    }
    if (a === '!') { inv = true; continue }
    switch (a) {
      case '-s': case '--source': case '--src': rule.src = parseAddr(value(), inv); break
      case '-d': case '--destination': case '--dst': rule.dst = parseAddr(value(), inv); break
      case '-i': case '--in-interface': rule.in = { name: value(), inv }; break
      case '-o': case '--out-interface': rule.out = { name: value(), inv }; break
      case '-p': case '--protocol': {
        const p = value().toLowerCase()
        if (!PROTOCOLS.has(p) && !/^\d+$/.test(p)) throw new RuleError(`unknown protocol "${p}" specified`)
        rule.proto = { name: p, inv }
        break
      }
      case '-m': case '--match': {
        const name = value()
        if (!MATCH_EXTENSIONS.has(name)) throw new RuleError(`Couldn't load match \`${name}':No such file or directory\n`)
        current = { name, opts: [] }
        rule.matches.push(current)
        break
      }
      case '-j': case '--jump': case '-g': case '--goto': {
        const name = value()
        if (!BUILTIN_VERDICTS.has(name) && !TARGET_EXTENSIONS.has(name) && !known.isChain(name)) {
          throw new RuleError(`Couldn't load target \`${name}':No such file or directory\n`)
        }
        current = { name, goto: a === '-g' || a === '--goto', opts: [] }
        rule.target = current
        break
      }
      case '-c': case '--set-counters': {
        rule.pkts = Number(value())
        rule.bytes = Number(value())
        break
      }
      default: {
        if (!a.startsWith('--')) throw new RuleError(`Bad argument \`${a}'`)
        const name = a.slice(2)
        // `-p tcp --dport 80` without `-m tcp`: iptables loads the protocol's match implicitly.
        const protoOpt = PROTO_OPTS.has(name) && rule.proto && ['tcp', 'udp', 'sctp', 'icmp'].includes(rule.proto.name)
        if (protoOpt && (!current || current === rule.target || !['tcp', 'udp', 'sctp', 'icmp'].includes(current.name))) {
          const existing = rule.matches.find((m) => m.name === rule.proto!.name)
          current = existing ?? { name: rule.proto!.name, opts: [] }
          if (!existing) rule.matches.push(current)
        }
        if (!current) throw new RuleError(`unknown option "${a}"`)
        const n = FLAG_OPTS.has(name) ? 0 : TWO_ARG_OPTS.has(name) ? 2 : 1
        const vals: string[] = []
        for (let k = 0; k < n; k++) vals.push(value())
        current.opts.push({ name, inv, args: vals })
      }
    }
    inv = false
  }
  rule.matches = rule.matches.map(canonicalMatch)
  if (rule.target) rule.target = canonicalTarget(rule.target)
  return rule
}
