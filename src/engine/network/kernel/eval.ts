// The rule evaluator: what this node's netfilter and IPVS do with the first packet of a connection
// (translation happens once per connection, as conntrack would remember it). Path of a packet:
//   nat PREROUTING (from a pod or the laptop) or nat OUTPUT (the node's own) → DNAT?
//   → IPVS (a virtual server on a local address: rr to a real server; a kube-ipvs0 address
//     without one: the node's stack refuses; ICMP to it: the node answers)
//   → filter INPUT (local destination) / OUTPUT / FORWARD → REJECT or DROP?
//   → nat POSTROUTING (leaving the node) → MASQUERADE / SNAT → the source the server sees.
// Counters: every rule that matched gets +1 packet, +60 bytes (a SYN); a policy that decided too.
import { ipToInt } from '../ipam'
import type { SeededRandom } from '../../runtime/random'
import { addrContains, parseMark, type Match, type Rule } from './rule'
import type { IpSetTable } from './ipsets'
import type { IpvsTable } from './ipvs'
import type { LinkTable } from './links'
import type { Netfilter } from './netfilter'
import type { IpvsProtocol } from './types'
import type { Translation, TranslationQuery } from '../types'

/** Bytes a connection's first packet adds to a counter (a TCP SYN with options: 60). */
export const PACKET_BYTES = 60
/** A jump loop in learner-written rules must not hang the worker (the kernel refuses loops at load). */
const MAX_JUMPS = 256
/** The ephemeral source port curl's connection uses (only `--sport` rules look at it). */
const EPHEMERAL_PORT = 49152
/** The pod bridge: minikube's conflist calls it `bridge`; flannel/kubenet-minded rules say `cni0`. */
const BRIDGE_NAMES = ['bridge', 'cni0']

export interface Packet {
  src: string
  dst: string
  sport: number
  dport: number
  proto: 'tcp' | 'udp' | 'icmp'
  in?: string
  out?: string
  mark: number
  dnat: boolean
  /** ipToInt(src)/ipToInt(dst), kept in step (a node with 1000 pods has 1000 POSTROUTING rules to compare). */
  srcN?: number
  dstN?: number
}

export interface EvalContext {
  nf: Netfilter
  ipvs: IpvsTable
  ipsets: IpSetTable
  links: LinkTable
  random: SeededRandom
  nodeIP: string
  /** The bridge's address (10.244.0.1): the masquerade source towards pods. */
  podGateway: string
  /** The cluster's pod network (10.244.0.0/16): routed through the bridge. */
  podNetwork: string
  /** Virtual time, for `-m recent --seconds` (session affinity). */
  now(): number
  /** xt_recent's lists: name → address → last seen (ms). */
  recent: Map<string, Map<string, number>>
}

type Verdict = 'ACCEPT' | 'DROP' | 'REJECT'
interface Effects { snat?: string }

const ifaceMatches = (want: string, have: string | undefined) => {
  if (have === undefined) return false
  if (want.endsWith('+')) return have.startsWith(want.slice(0, -1))
  return want === have || (BRIDGE_NAMES.includes(want) && BRIDGE_NAMES.includes(have))
}

function inPorts(spec: string, port: number): boolean {
  return spec.split(',').some((p) => {
    const [a, b] = p.split(':')
    return b === undefined ? Number(a) === port : port >= Number(a || 0) && port <= Number(b || 65535)
  })
}

const nthCounters = new WeakMap<Rule, number>()

function matchModule(m: Match, p: Packet, ctx: EvalContext, rule: Rule): boolean {
  const opt = (n: string) => m.opts.find((o) => o.name === n)
  const xor = (v: boolean, inv: boolean | undefined) => (inv ? !v : v)
  switch (m.name) {
    case 'comment': return true
    case 'tcp': case 'udp': case 'sctp': {
      if (p.proto !== m.name) return false
      const dp = opt('dport')
      const sp = opt('sport')
      if (dp && !xor(inPorts(dp.args[0], p.dport), dp.inv)) return false
      if (sp && !xor(inPorts(sp.args[0], p.sport), sp.inv)) return false
      return true
    }
    case 'icmp': return p.proto === 'icmp'
    case 'multiport': {
      for (const o of m.opts) {
        const ports = o.name === 'dports' || o.name === 'destination-ports' ? [p.dport] : o.name === 'sports' || o.name === 'source-ports' ? [p.sport] : [p.sport, p.dport]
        if (!xor(ports.some((x) => inPorts(o.args[0], x)), o.inv)) return false
      }
      return p.proto !== 'icmp'
    }
    case 'statistic': {
      const mode = opt('mode')?.args[0]
      if (mode === 'nth') {
        const every = Number(opt('every')?.args[0] ?? 1)
        const n = nthCounters.get(rule) ?? Number(opt('packet')?.args[0] ?? 0)
        nthCounters.set(rule, (n + 1) % every)
        return n === 0
      }
      const prob = opt('probability')
      return xor(ctx.random.next() < Number(prob?.args[0] ?? 0), prob?.inv)
    }
    case 'addrtype': {
      const isLocal = (ip: string) => ctx.links.isLocal(ip)
      const src = opt('src-type')
      const dst = opt('dst-type')
      if (src && !xor(src.args[0] === 'LOCAL' ? isLocal(p.src) : src.args[0] === 'UNICAST' && !isLocal(p.src), src.inv)) return false
      if (dst && !xor(dst.args[0] === 'LOCAL' ? isLocal(p.dst) : dst.args[0] === 'UNICAST' && !isLocal(p.dst), dst.inv)) return false
      return true
    }
    case 'set': {
      const o = opt('match-set')
      if (!o) return false
      const fields = o.args[1].split(',').map((d) => (d === 'src' ? { ip: p.src, port: p.sport, proto: p.proto } : { ip: p.dst, port: p.dport, proto: p.proto }))
      return xor(ctx.ipsets.test(o.args[0], fields), o.inv)
    }
    case 'mark': {
      const o = opt('mark')
      if (!o) return true
      const [v, mask] = parseMark(o.args[0])
      return xor(((p.mark & mask) >>> 0) === v, o.inv)
    }
    case 'conntrack': case 'state': {
      const o = opt('ctstate') ?? opt('state')
      if (!o) return true
      const states = p.dnat ? ['NEW', 'DNAT'] : ['NEW']
      return xor(o.args[0].split(',').some((s) => states.includes(s)), o.inv)
    }
    case 'iprange': {
      for (const o of m.opts) {
        const [a, b] = o.args[0].split('-')
        const ip = ipToInt(o.name === 'src-range' ? p.src : p.dst)
        if (!xor(ip >= ipToInt(a) && ip <= ipToInt(b ?? a), o.inv)) return false
      }
      return true
    }
    case 'recent': {
      const name = opt('name')?.args[0] ?? 'DEFAULT'
      const ip = opt('rdest') ? p.dst : p.src
      let list = ctx.recent.get(name)
      if (!list) ctx.recent.set(name, (list = new Map()))
      const inv = m.opts.some((o) => o.inv)
      if (opt('set')) { list.set(ip, ctx.now()); return !inv }
      const seen = list.get(ip)
      const seconds = opt('seconds')
      const fresh = seen !== undefined && (!seconds || ctx.now() - seen <= Number(seconds.args[0]) * 1000)
      if (opt('remove') && seen !== undefined) list.delete(ip)
      if (opt('update') && fresh) list.set(ip, ctx.now())
      return xor(fresh, inv)
    }
    case 'physdev': case 'owner': case 'socket': case 'connmark': return false
    default: return true
  }
}

function matches(r: Rule, p: Packet, ctx: EvalContext): boolean {
  if (r.src && addrContains(r.src, (p.srcN ??= ipToInt(p.src))) === r.src.inv) return false
  if (r.dst && addrContains(r.dst, (p.dstN ??= ipToInt(p.dst))) === r.dst.inv) return false
  if (r.in && ifaceMatches(r.in.name, p.in) === r.in.inv) return false
  if (r.out && ifaceMatches(r.out.name, p.out) === r.out.inv) return false
  if (r.proto && r.proto.name !== 'all' && (r.proto.name === p.proto) === r.proto.inv) return false
  for (const m of r.matches) if (!matchModule(m, p, ctx, r)) return false
  return true
}

/** The address the packet leaves by (what MASQUERADE takes as the new source). */
export function outInterface(ctx: EvalContext, dst: string): { name: string; address: string } {
  if (dst.startsWith('127.') || ctx.links.isLocal(dst)) return { name: 'lo', address: '127.0.0.1' }
  const [net, bits] = ctx.podNetwork.split('/')
  if (addrContains({ net: ipToInt(net), prefix: Number(bits), inv: false }, ipToInt(dst))) return { name: 'bridge', address: ctx.podGateway }
  if (dst.startsWith('172.17.')) return { name: 'docker0', address: '172.17.0.1' }
  return { name: 'eth0', address: ctx.nodeIP }
}

/**
 * Walk one built-in chain of one table; returns the verdict and whether the chain's policy gave it
 * (undefined: the table has no such chain).
 */
export function traverse(ctx: EvalContext, tableName: string, chainName: string, p: Packet, fx: Effects): { verdict: Verdict; policy: boolean } | undefined {
  const v = walk(ctx, tableName, chainName, p, fx)
  return v === undefined ? undefined : typeof v === 'string' ? { verdict: v, policy: false } : v
}

function walk(ctx: EvalContext, tableName: string, chainName: string, p: Packet, fx: Effects): Verdict | { verdict: Verdict; policy: true } | undefined {
  const table = ctx.nf.tables.get(tableName)
  const start = table?.chains.get(chainName)
  if (!table || !start) return undefined
  const stack: { rules: Rule[]; i: number }[] = [{ rules: start.rules, i: 0 }]
  let jumps = 0
  while (stack.length) {
    const frame = stack[stack.length - 1]
    if (frame.i >= frame.rules.length) {
      stack.pop()
      continue
    }
    const r = frame.rules[frame.i++]
    if (!matches(r, p, ctx)) continue
    r.pkts++
    r.bytes += PACKET_BYTES
    const t = r.target
    if (!t) continue
    const opt = (n: string) => t.opts.find((o) => o.name === n)?.args[0]
    switch (t.name) {
      case 'ACCEPT': case 'QUEUE': return 'ACCEPT'
      case 'DROP': return 'DROP'
      case 'REJECT': return 'REJECT'
      case 'RETURN': stack.pop(); continue
      case 'DNAT': case 'REDIRECT': {
        const to = t.name === 'DNAT' ? opt('to-destination') ?? '' : `${p.in ? ctx.nodeIP : '127.0.0.1'}:${opt('to-ports') ?? p.dport}`
        const [ip, port] = to.split(':')
        if (ip) { p.dst = ip.split('-')[0]; p.dstN = undefined }
        if (port) p.dport = Number(port.split('-')[0])
        p.dnat = true
        return 'ACCEPT'
      }
      case 'SNAT': fx.snat = (opt('to-source') ?? '').split(':')[0] || undefined; return 'ACCEPT'
      case 'MASQUERADE': fx.snat = outInterface(ctx, p.dst).address; return 'ACCEPT'
      case 'MARK': {
        const [v, m] = parseMark(opt('set-xmark') ?? '0/0')
        p.mark = ((p.mark & ~m) ^ v) >>> 0
        continue
      }
      default: {
        const next = table.chains.get(t.name)
        if (!next) continue // LOG, CONNMARK, CT, …: no effect on where the packet goes
        if (++jumps > MAX_JUMPS) return 'DROP'
        if (t.goto) stack.pop()
        stack.push({ rules: next.rules, i: 0 })
      }
    }
  }
  start.pkts++
  start.bytes += PACKET_BYTES
  return { verdict: start.policy ?? 'ACCEPT', policy: true }
}

/** The whole path for one query; see the file comment. */
export function evaluate(ctx: EvalContext, q: TranslationQuery): Translation | undefined {
  const hook = q.hook ?? 'PREROUTING'
  const laptopIP = ctx.nodeIP.replace(/\.\d+$/, '.1')
  const out0 = outInterface(ctx, q.ip)
  const src = q.from.kind === 'laptop' ? laptopIP : q.from.kind === 'pod' ? q.from.ip : hook === 'OUTPUT' ? (out0.name === 'bridge' ? ctx.podGateway : ctx.nodeIP) : q.from.ip
  const p: Packet = {
    src, dst: q.ip, sport: EPHEMERAL_PORT, dport: q.port, proto: q.proto, mark: 0, dnat: false,
    in: hook === 'PREROUTING' ? (q.from.kind === 'pod' ? 'bridge' : 'eth0') : undefined,
  }
  const fx: Effects = {}
  const natVerdict = traverse(ctx, 'nat', hook, p, fx)
  if (natVerdict?.verdict === 'DROP') return { kind: 'drop' }
  // IPVS hooks LOCAL_IN after filter INPUT: the filter sees the virtual address and port.
  const vip = p.dst
  const vport = p.dport
  let selfAnswer = false
  if (!p.dnat) {
    const vs = q.proto === 'icmp' ? undefined : ctx.ipvs.find(p.dst, p.dport, q.proto.toUpperCase() as IpvsProtocol)
    const onDummy = ctx.links.addresses('kube-ipvs0').some((a) => a.address === p.dst)
    if (vs) {
      const rs = ctx.ipvs.schedule(vs, p.src, ctx.now())
      if (!rs) return { kind: 'reject' }
      p.dst = rs.address
      p.dstN = undefined
      p.dport = rs.port
      p.dnat = true
    } else if (onDummy) {
      if (q.proto !== 'icmp') return { kind: 'reject' }
      selfAnswer = true
    }
  }
  const local = ctx.links.isLocal(p.dst)
  p.out = local ? 'lo' : outInterface(ctx, p.dst).name
  const filterChain = local || vip !== p.dst && ctx.links.isLocal(vip) ? 'INPUT' : hook === 'OUTPUT' ? 'OUTPUT' : 'FORWARD'
  const filterPacket = filterChain === 'INPUT' && !local ? { ...p, dst: vip, dstN: undefined, dport: vport } : p
  const filtered = traverse(ctx, 'filter', filterChain, filterPacket, fx)
  if (filtered?.verdict === 'REJECT') return { kind: 'reject' }
  // Docker sets FORWARD's policy to DROP (for docker0); pod traffic is bridged and not subject to it.
  if (filtered?.verdict === 'DROP' && !(filtered.policy && filterChain === 'FORWARD')) return { kind: 'drop' }
  if (selfAnswer) return { kind: 'forward', ip: ctx.nodeIP, port: 0 }
  if (!local) traverse(ctx, 'nat', 'POSTROUTING', p, fx)
  // Only a DNAT changes where the connection goes; a masquerade alone (a pod reaching beyond the
  // pod network) is left to normal routing, so later translators (and the fabric) still decide.
  if (!p.dnat) return undefined
  return { kind: 'forward', ip: p.dst, port: p.dport, ...(fx.snat && fx.snat !== src ? { sourceIP: fx.snat } : {}) }
}
