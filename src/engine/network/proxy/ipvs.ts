// The IPVS proxier, ported from kubernetes v1.30 pkg/proxy/ipvs/proxier.go: a virtual server per
// ClusterIP:port (bound on the kube-ipvs0 dummy device, so the node answers ping for it), per
// external IP and LoadBalancer IP, and per node address for NodePorts; real servers from the
// endpoints (weight 1, Masq); ipsets instead of per-service chains; and the few iptables rules that
// match those sets. `ipvsPlan` is pure; `applyIpvsPlan` drives a NodeKernel toward it.
import type { IpvsProtocol, NodeKernel } from '../kernel/types'
import type { EndpointInfo, ServicePortInfo } from './model'
import { categorizeEndpoints, endpointString, servicePortKey } from './model'
import { masqueradeMark } from './names'
import type { ProxierConfig } from './iptables'
import { chainLine, cidrContains, KUBE_FORWARD, KUBE_MARK_MASQ, KUBE_POSTROUTING, KUBE_PROXY_FIREWALL, KUBE_SERVICES } from './iptables'

export const DEFAULT_DUMMY_DEVICE = 'kube-ipvs0'
export const DEFAULT_SCHEDULER = 'rr'
export const KUBE_NODE_PORT = 'KUBE-NODE-PORT'
export const KUBE_LOAD_BALANCER = 'KUBE-LOAD-BALANCER'
export const KUBE_SOURCE_RANGES_FIREWALL = 'KUBE-SOURCE-RANGES-FIREWALL'
export const KUBE_IPVS_FILTER = 'KUBE-IPVS-FILTER'
export const KUBE_IPVS_OUT_FILTER = 'KUBE-IPVS-OUT-FILTER'

type SetType = 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port' | 'hash:ip'

/** ipsetInfo: name, type, comment (the comment goes into the iptables rules that match the set). */
export const IPSET_INFO: readonly { name: string; type: SetType; comment: string }[] = [
  { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose' },
  { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', comment: 'Kubernetes service cluster ip + port for masquerade purpose' },
  { name: 'KUBE-EXTERNAL-IP', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port for masquerade and filter purpose' },
  { name: 'KUBE-EXTERNAL-IP-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  { name: 'KUBE-LOAD-BALANCER-FW', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange' },
  { name: 'KUBE-LOAD-BALANCER-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-IP', type: 'hash:ip,port,ip', comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', type: 'hash:ip,port,net', comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose' },
  { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-SCTP-HASH', type: 'hash:ip,port', comment: 'Kubernetes nodeport SCTP port for masquerade purpose with type \'hash ip:port\'' },
  { name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', type: 'hash:ip,port', comment: 'Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type \'hash ip:port\'' },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
]

/** `ipset create` arguments kube-proxy passes after the type (hash sets: family/hashsize/maxelem; bitmap: range). */
export function ipsetHeader(type: string): string {
  return type === 'bitmap:port' ? 'range 0-65535' : 'family inet hashsize 1024 maxelem 65536'
}

/** ipsetWithIptablesChain: the sets matched from a chain, in rule order (LOCAL sets before the others). */
const IPSET_WITH_IPTABLES_CHAIN: readonly { name: string; table: 'nat' | 'filter'; from: string; to: string; matchType: string; protocolMatch: string }[] = [
  { name: 'KUBE-LOOP-BACK', table: 'nat', from: KUBE_POSTROUTING, to: 'MASQUERADE', matchType: 'dst,dst,src', protocolMatch: '' },
  { name: 'KUBE-LOAD-BALANCER', table: 'nat', from: KUBE_SERVICES, to: KUBE_LOAD_BALANCER, matchType: 'dst,dst', protocolMatch: '' },
  { name: 'KUBE-LOAD-BALANCER-LOCAL', table: 'nat', from: KUBE_LOAD_BALANCER, to: 'RETURN', matchType: 'dst,dst', protocolMatch: '' },
  { name: 'KUBE-NODE-PORT-LOCAL-TCP', table: 'nat', from: KUBE_NODE_PORT, to: 'RETURN', matchType: 'dst', protocolMatch: 'tcp' },
  { name: 'KUBE-NODE-PORT-TCP', table: 'nat', from: KUBE_NODE_PORT, to: KUBE_MARK_MASQ, matchType: 'dst', protocolMatch: 'tcp' },
  { name: 'KUBE-NODE-PORT-LOCAL-UDP', table: 'nat', from: KUBE_NODE_PORT, to: 'RETURN', matchType: 'dst', protocolMatch: 'udp' },
  { name: 'KUBE-NODE-PORT-UDP', table: 'nat', from: KUBE_NODE_PORT, to: KUBE_MARK_MASQ, matchType: 'dst', protocolMatch: 'udp' },
  { name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', table: 'nat', from: KUBE_NODE_PORT, to: 'RETURN', matchType: 'dst,dst', protocolMatch: 'sctp' },
  { name: 'KUBE-NODE-PORT-SCTP-HASH', table: 'nat', from: KUBE_NODE_PORT, to: KUBE_MARK_MASQ, matchType: 'dst,dst', protocolMatch: 'sctp' },
  { name: 'KUBE-LOAD-BALANCER-FW', table: 'filter', from: KUBE_PROXY_FIREWALL, to: KUBE_SOURCE_RANGES_FIREWALL, matchType: 'dst,dst', protocolMatch: '' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', table: 'filter', from: KUBE_SOURCE_RANGES_FIREWALL, to: 'RETURN', matchType: 'dst,dst,src', protocolMatch: '' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-IP', table: 'filter', from: KUBE_SOURCE_RANGES_FIREWALL, to: 'RETURN', matchType: 'dst,dst,src', protocolMatch: '' },
]

/** iptablesChains: created (EnsureChain) and declared in every restore. */
export const IPVS_IPTABLES_CHAINS: readonly { table: 'nat' | 'filter'; chain: string }[] = [
  { table: 'nat', chain: KUBE_SERVICES }, { table: 'nat', chain: KUBE_POSTROUTING }, { table: 'nat', chain: KUBE_NODE_PORT },
  { table: 'nat', chain: KUBE_LOAD_BALANCER }, { table: 'nat', chain: KUBE_MARK_MASQ },
  { table: 'filter', chain: KUBE_FORWARD }, { table: 'filter', chain: KUBE_NODE_PORT }, { table: 'filter', chain: KUBE_PROXY_FIREWALL },
  { table: 'filter', chain: KUBE_SOURCE_RANGES_FIREWALL }, { table: 'filter', chain: KUBE_IPVS_FILTER }, { table: 'filter', chain: KUBE_IPVS_OUT_FILTER },
]

/** iptablesJumpChain of the IPVS proxier: `-m comment --comment C -j TO`, prepended to FROM. */
export const IPVS_JUMP_CHAINS: readonly { table: 'nat' | 'filter'; from: string; to: string; comment: string }[] = [
  { table: 'nat', from: 'OUTPUT', to: KUBE_SERVICES, comment: 'kubernetes service portals' },
  { table: 'nat', from: 'PREROUTING', to: KUBE_SERVICES, comment: 'kubernetes service portals' },
  { table: 'nat', from: 'POSTROUTING', to: KUBE_POSTROUTING, comment: 'kubernetes postrouting rules' },
  { table: 'filter', from: 'FORWARD', to: KUBE_FORWARD, comment: 'kubernetes forwarding rules' },
  { table: 'filter', from: 'INPUT', to: KUBE_NODE_PORT, comment: 'kubernetes health check rules' },
  { table: 'filter', from: 'INPUT', to: KUBE_PROXY_FIREWALL, comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'FORWARD', to: KUBE_PROXY_FIREWALL, comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'INPUT', to: KUBE_IPVS_FILTER, comment: 'kubernetes ipvs access filter' },
  { table: 'filter', from: 'OUTPUT', to: KUBE_IPVS_OUT_FILTER, comment: 'kubernetes ipvs access filter' },
]

export interface DesiredVirtualServer {
  address: string
  port: number
  protocol: IpvsProtocol
  scheduler: string
  persistentSeconds?: number
  /** Real servers as `ip:port`, weight 1. */
  realServers: string[]
}

export interface IpvsPlan {
  virtualServers: DesiredVirtualServer[]
  /** Addresses kube-ipvs0 must carry (ClusterIPs, external and LB IPs not already on the node). */
  bindAddrs: string[]
  /** Members of every set in IPSET_INFO, sorted. */
  ipsets: Record<string, string[]>
  /** iptables-restore input (`*nat … COMMIT *filter … COMMIT`), for --noflush. */
  iptablesText: string
}

const entryIPPort = (ip: string, proto: string, port: number) => `${ip},${proto}:${port}`

/**
 * syncProxyRules of the IPVS proxier as data. `nodeAddresses`: the node's addresses except
 * loopback and kube-ipvs0 (GetAllLocalAddressesExcept): every one gets a NodePort virtual server.
 */
export function ipvsPlan(cfg: ProxierConfig, svcPorts: readonly ServicePortInfo[], endpoints: ReadonlyMap<string, EndpointInfo[]>, nodeAddresses: readonly string[], scheduler = DEFAULT_SCHEDULER): IpvsPlan {
  const sets = new Map<string, Set<string>>(IPSET_INFO.map((s) => [s.name, new Set<string>()]))
  const add = (set: string, entry: string) => sets.get(set)!.add(entry)
  const vss = new Map<string, DesiredVirtualServer>()
  const bind = new Set<string>()
  const nodeAddrSet = new Set(nodeAddresses)
  const lbNoNodeAccess: { ip: string; proto: string; port: number }[] = []

  for (const sp of svcPorts) {
    const protocol = sp.protocol.toLowerCase()
    const all = endpoints.get(servicePortKey(sp.namespace, sp.name, sp.portName, sp.protocol)) ?? []
    for (const ep of all) if (ep.isLocal) add('KUBE-LOOP-BACK', `${ep.ip},${protocol}:${ep.port},${ep.ip}`)
    const { clusterEndpoints, localEndpoints } = categorizeEndpoints(all, sp)
    // syncEndpoint: node-local policies use local endpoints when there are any, else the cluster's.
    const pick = (onlyLocal: boolean) => (onlyLocal ? (localEndpoints.length > 0 ? localEndpoints : clusterEndpoints) : clusterEndpoints).map(endpointString)
    const virtual = (address: string, port: number, onlyLocal: boolean) => {
      const vs: DesiredVirtualServer = {
        address, port, protocol: sp.protocol, scheduler,
        ...(sp.sessionAffinityClientIP ? { persistentSeconds: sp.stickyMaxAgeSeconds } : {}),
        realServers: [...new Set(pick(onlyLocal))].sort(),
      }
      vss.set(`${address}:${port}/${sp.protocol}`, vs)
    }

    add('KUBE-CLUSTER-IP', entryIPPort(sp.clusterIP, protocol, sp.port))
    virtual(sp.clusterIP, sp.port, sp.internalPolicyLocal)
    bind.add(sp.clusterIP)

    for (const ip of sp.externalIPs) {
      add(sp.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', entryIPPort(ip, protocol, sp.port))
      virtual(ip, sp.port, sp.externalPolicyLocal)
      // Not bound when the address already lives on another interface.
      if (!nodeAddrSet.has(ip)) bind.add(ip)
    }
    for (const ip of sp.loadBalancerVIPs) {
      const entry = entryIPPort(ip, protocol, sp.port)
      add('KUBE-LOAD-BALANCER', entry)
      if (sp.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', entry)
      if (sp.loadBalancerSourceRanges.length > 0) {
        add('KUBE-LOAD-BALANCER-FW', entry)
        let allowFromNode = false
        for (const cidr of sp.loadBalancerSourceRanges) {
          add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${cidr}`)
          if (cidrContains(cidr, cfg.nodeIP)) allowFromNode = true
        }
        if (allowFromNode) add('KUBE-LOAD-BALANCER-SOURCE-IP', `${entry},${ip}`)
        else lbNoNodeAccess.push({ ip, proto: protocol, port: sp.port })
      }
      virtual(ip, sp.port, sp.externalPolicyLocal)
      if (!nodeAddrSet.has(ip)) bind.add(ip)
    }
    if (sp.nodePort !== 0 && nodeAddresses.length > 0) {
      if (protocol === 'sctp') {
        for (const ip of nodeAddresses) {
          add('KUBE-NODE-PORT-SCTP-HASH', entryIPPort(ip, protocol, sp.nodePort))
          if (sp.externalPolicyLocal) add('KUBE-NODE-PORT-LOCAL-SCTP-HASH', entryIPPort(ip, protocol, sp.nodePort))
        }
      } else {
        const p = protocol.toUpperCase()
        add(`KUBE-NODE-PORT-${p}`, String(sp.nodePort))
        if (sp.externalPolicyLocal) add(`KUBE-NODE-PORT-LOCAL-${p}`, String(sp.nodePort))
      }
      // NodePorts are served on every node address, not bound on kube-ipvs0.
      for (const ip of nodeAddresses) virtual(ip, sp.nodePort, sp.externalPolicyLocal)
    }
    if (sp.healthCheckNodePort !== 0) add('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort))
  }
  for (const ip of bind) add('KUBE-IPVS-IPS', ip)

  const ipsets: Record<string, string[]> = {}
  for (const [name, members] of sets) ipsets[name] = [...members].sort()
  return {
    virtualServers: [...vss.values()],
    bindAddrs: [...bind],
    ipsets,
    iptablesText: ipvsIptablesText(cfg, ipsets, lbNoNodeAccess),
  }
}

const q = (s: string) => `"${s}"`
const comment = (name: string) => q(IPSET_INFO.find((s) => s.name === name)!.comment)

/** writeIptablesRules: the nat and filter rules that match the ipsets. */
function ipvsIptablesText(cfg: ProxierConfig, ipsets: Record<string, string[]>, lbNoNodeAccess: { ip: string; proto: string; port: number }[]): string {
  const mark = masqueradeMark(cfg.masqueradeBit)
  const natChains = ['*nat']
  const filterChains = ['*filter']
  for (const c of IPVS_IPTABLES_CHAINS) (c.table === 'nat' ? natChains : filterChains).push(chainLine(c.chain))
  const natRules: string[] = []
  const filterRules: string[] = []
  const w = (buf: string[], ...args: (string | string[])[]) => buf.push(args.flat().join(' '))
  const empty = (name: string) => ipsets[name].length === 0

  // Dismiss connections to localhost early in the service chain.
  w(natRules, '-A', KUBE_SERVICES, '-s', '127.0.0.0/8', '-j', 'RETURN')
  for (const s of IPSET_WITH_IPTABLES_CHAIN) {
    if (empty(s.name)) continue
    const args = ['-A', s.from, ...(s.protocolMatch ? ['-p', s.protocolMatch] : []), '-m', 'comment', '--comment', comment(s.name), '-m', 'set', '--match-set', s.name, s.matchType]
    w(s.table === 'filter' ? filterRules : natRules, args, '-j', s.to)
  }
  if (!empty('KUBE-CLUSTER-IP')) {
    const args = ['-A', KUBE_SERVICES, '-m', 'comment', '--comment', comment('KUBE-CLUSTER-IP'), '-m', 'set', '--match-set', 'KUBE-CLUSTER-IP']
    if (cfg.masqueradeAll) w(natRules, args, 'dst,dst', '-j', KUBE_MARK_MASQ)
    else w(natRules, args, 'dst,dst', '!', '-s', cfg.clusterCIDR, '-j', KUBE_MARK_MASQ)
  }
  const externalIPRules = (args: string[]) => {
    w(natRules, args, '-m', 'physdev', '!', '--physdev-is-in', '-m', 'addrtype', '!', '--src-type', 'LOCAL', '-j', 'ACCEPT')
    w(natRules, args, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'ACCEPT')
  }
  if (!empty('KUBE-EXTERNAL-IP')) {
    const args = ['-A', KUBE_SERVICES, '-m', 'comment', '--comment', comment('KUBE-EXTERNAL-IP'), '-m', 'set', '--match-set', 'KUBE-EXTERNAL-IP', 'dst,dst']
    w(natRules, args, '-j', KUBE_MARK_MASQ)
    externalIPRules(args)
  }
  if (!empty('KUBE-EXTERNAL-IP-LOCAL')) {
    externalIPRules(['-A', KUBE_SERVICES, '-m', 'comment', '--comment', comment('KUBE-EXTERNAL-IP-LOCAL'), '-m', 'set', '--match-set', 'KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'])
  }
  w(natRules, '-A', KUBE_SERVICES, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', KUBE_NODE_PORT)
  w(natRules, '-A', KUBE_LOAD_BALANCER, '-j', KUBE_MARK_MASQ)
  w(filterRules, '-A', KUBE_SOURCE_RANGES_FIREWALL, '-j', 'DROP')
  for (const e of lbNoNodeAccess) {
    w(filterRules, '-A', KUBE_IPVS_OUT_FILTER, '-s', e.ip, '-m', 'ipvs', '--vaddr', e.ip, '--vproto', e.proto, '--vport', String(e.port), '-j', 'DROP')
  }
  // acceptIPVSTraffic: must stay at the end of KUBE-SERVICES.
  for (const s of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) if (!empty(s)) w(natRules, '-A', KUBE_SERVICES, '-m', 'set', '--match-set', s, 'dst,dst', '-j', 'ACCEPT')
  w(filterRules, '-A', KUBE_FORWARD, '-m', 'comment', '--comment', q('kubernetes forwarding rules'), '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT')
  w(filterRules, '-A', KUBE_FORWARD, '-m', 'comment', '--comment', q('kubernetes forwarding conntrack rule'), '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT')
  w(filterRules, '-A', KUBE_NODE_PORT, '-m', 'comment', '--comment', comment('KUBE-HEALTH-CHECK-NODE-PORT'), '-m', 'set', '--match-set', 'KUBE-HEALTH-CHECK-NODE-PORT', 'dst', '-j', 'ACCEPT')
  // KUBE-IPVS-FILTER: reach host ports through a VIP only for the VIP's own service ports (issue 72236).
  for (const [set, match] of [['KUBE-LOAD-BALANCER', 'dst,dst'], ['KUBE-CLUSTER-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'], ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst']]) {
    w(filterRules, '-A', KUBE_IPVS_FILTER, '-m', 'set', '--match-set', set, match, '-j', 'RETURN')
  }
  w(filterRules, '-A', KUBE_IPVS_FILTER, '-m', 'conntrack', '--ctstate', 'NEW', '-m', 'set', '--match-set', 'KUBE-IPVS-IPS', 'dst', '-j', 'REJECT')
  w(natRules, '-A', KUBE_POSTROUTING, '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN')
  w(natRules, '-A', KUBE_POSTROUTING, '-j', 'MARK', '--xor-mark', mark)
  w(natRules, '-A', KUBE_POSTROUTING, '-m', 'comment', '--comment', q('kubernetes service traffic requiring SNAT'), '-j', 'MASQUERADE', '--random-fully')
  w(natRules, '-A', KUBE_MARK_MASQ, '-j', 'MARK', '--or-mark', mark)
  return [...natChains, ...natRules, 'COMMIT', ...filterChains, ...filterRules, 'COMMIT', ''].join('\n')
}

/** The node's addresses except loopback and kube-ipvs0, read from `ip addr show` (GetAllLocalAddressesExcept). */
export function nodeAddressesExceptDummy(kernel: NodeKernel): string[] {
  const out: string[] = []
  let dev = ''
  for (const line of kernel.links.show().stdout.split('\n')) {
    const head = /^\d+:\s+([^:@\s]+)/.exec(line)
    if (head) { dev = head[1]; continue }
    const inet = /^\s+inet\s+(\d+\.\d+\.\d+\.\d+)\//.exec(line)
    if (inet && dev !== DEFAULT_DUMMY_DEVICE && !inet[1].startsWith('127.')) out.push(inet[1])
  }
  return [...new Set(out)]
}

export interface ApplyIpvsResult { restore: { code: number; stderr: string } }

/**
 * Drive the kernel toward the plan, in the proxier's order: chains + jumps, the dummy device,
 * ipsets, virtual and real servers (+ bound addresses), the iptables restore, then unbinding
 * addresses and deleting virtual servers no service owns any more (cleanLegacyService).
 */
export function applyIpvsPlan(kernel: NodeKernel, plan: IpvsPlan): ApplyIpvsResult {
  for (const c of IPVS_IPTABLES_CHAINS) kernel.iptables(['-w', '-t', c.table, '-N', c.chain])
  for (const j of IPVS_JUMP_CHAINS) {
    const args = ['-m', 'comment', '--comment', j.comment, '-j', j.to]
    if (kernel.iptables(['-w', '-t', j.table, '-C', j.from, ...args]).code !== 0) kernel.iptables(['-w', '-t', j.table, '-I', j.from, ...args])
  }
  kernel.links.ensureDummy(DEFAULT_DUMMY_DEVICE)
  for (const s of IPSET_INFO) {
    kernel.ipsets.ensure({ name: s.name, type: s.type, header: ipsetHeader(s.type) })
    kernel.ipsets.setMembers(s.name, plan.ipsets[s.name])
  }
  const bound = new Set(kernel.links.addresses(DEFAULT_DUMMY_DEVICE).map((a) => a.address))
  const active = new Set<string>()
  for (const vs of plan.virtualServers) {
    const { realServers, ...virtual } = vs
    const existing = kernel.ipvs.list().find((x) => x.address === vs.address && x.port === vs.port && x.protocol === vs.protocol)
    if (!existing || existing.scheduler !== vs.scheduler || existing.persistentSeconds !== vs.persistentSeconds) kernel.ipvs.upsertVirtualServer(virtual)
    active.add(`${vs.address}:${vs.port}/${vs.protocol}`)
    const key = { address: vs.address, port: vs.port, protocol: vs.protocol }
    const current = new Set((existing?.realServers ?? []).map((r) => `${r.address}:${r.port}`))
    for (const rs of realServers) {
      if (current.has(rs) && existing?.realServers.find((r) => `${r.address}:${r.port}` === rs)?.weight === 1) continue
      const [address, port] = splitHostPort(rs)
      kernel.ipvs.upsertRealServer(key, { address, port, weight: 1 })
    }
    const want = new Set(realServers)
    for (const rs of current) if (!want.has(rs)) {
      const [address, port] = splitHostPort(rs)
      kernel.ipvs.deleteRealServer(key, address, port)
    }
  }
  for (const a of plan.bindAddrs) if (!bound.has(a)) kernel.links.addAddress(DEFAULT_DUMMY_DEVICE, a, 32)
  const res = kernel.iptablesRestore(plan.iptablesText, { noflush: true })
  const want = new Set(plan.bindAddrs)
  for (const a of bound) if (!want.has(a)) kernel.links.delAddress(DEFAULT_DUMMY_DEVICE, a)
  for (const vs of kernel.ipvs.list()) {
    if (!active.has(`${vs.address}:${vs.port}/${vs.protocol}`)) kernel.ipvs.deleteVirtualServer(vs.address, vs.port, vs.protocol)
  }
  return { restore: { code: res.code, stderr: res.stderr } }
}

function splitHostPort(s: string): [string, number] {
  const i = s.lastIndexOf(':')
  return [s.slice(0, i), Number(s.slice(i + 1))]
}

/** NewProxier's sysctls (kernel 5.15 ≥ 5.9: conn_reuse_mode left as it is). */
export function ipvsSysctls(strictARP: boolean): Record<string, string> {
  return {
    'net.ipv4.vs.conntrack': '1',
    'net.ipv4.vs.expire_nodest_conn': '1',
    'net.ipv4.vs.expire_quiescent_template': '1',
    'net.ipv4.ip_forward': '1',
    ...(strictARP ? { 'net.ipv4.conf.all.arp_ignore': '1', 'net.ipv4.conf.all.arp_announce': '2' } : {}),
  }
}
