// The iptables proxier's rules, ported from kubernetes v1.30 pkg/proxy/iptables/proxier.go
// syncProxyRules: one iptables-restore text (filter then nat, applied with --noflush) plus the jump
// rules from the built-in chains that EnsureRule keeps in place. Pure: a full sync every time (the
// partial-sync optimisation only skips chains whose text would be identical).
import type { EndpointInfo, ServicePortInfo } from './model'
import { categorizeEndpoints, endpointString, servicePortKey } from './model'
import {
  computeProbability, isServiceChainName, masqueradeMark, serviceExternalChainName, serviceFirewallChainName,
  servicePortEndpointChainName, servicePortPolicyClusterChain, servicePortPolicyLocalChainName,
} from './names'

export const KUBE_SERVICES = 'KUBE-SERVICES'
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES'
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS'
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING'
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ'
export const KUBE_FORWARD = 'KUBE-FORWARD'
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL'
export const KUBE_PROXY_CANARY = 'KUBE-PROXY-CANARY'
/** kubelet's chain (the anti-martian rule); kube-proxy keeps a copy of its rule. */
export const KUBELET_FIREWALL = 'KUBE-FIREWALL'

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterMode). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000

export interface ProxierConfig {
  nodeName: string
  nodeIP: string
  /** KubeProxyConfiguration.clusterCIDR (minikube: 10.244.0.0/16): the local-traffic detector. */
  clusterCIDR: string
  masqueradeAll: boolean
  masqueradeBit: number
  /** iptables.localhostNodePorts (default true): NodePorts answer on 127.0.0.1. */
  localhostNodePorts: boolean
}

export const MINIKUBE_PROXIER_CONFIG: ProxierConfig = {
  nodeName: 'minikube', nodeIP: '192.168.49.2', clusterCIDR: '10.244.0.0/16', masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true,
}

export interface JumpChain {
  table: 'filter' | 'nat'
  /** The chain jumped to. */
  dstChain: string
  /** The built-in chain holding the jump. */
  srcChain: string
  comment: string
  extraArgs: string[]
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW']

/** iptablesJumpChains: EnsureRule(Prepend) each on a full sync. */
export const IPTABLES_JUMP_CHAINS: readonly JumpChain[] = [
  { table: 'filter', dstChain: KUBE_EXTERNAL_SERVICES, srcChain: 'INPUT', comment: 'kubernetes externally-visible service portals', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_EXTERNAL_SERVICES, srcChain: 'FORWARD', comment: 'kubernetes externally-visible service portals', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_NODEPORTS, srcChain: 'INPUT', comment: 'kubernetes health check service ports', extraArgs: [] },
  { table: 'filter', dstChain: KUBE_SERVICES, srcChain: 'FORWARD', comment: 'kubernetes service portals', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_SERVICES, srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_FORWARD, srcChain: 'FORWARD', comment: 'kubernetes forwarding rules', extraArgs: [] },
  { table: 'filter', dstChain: KUBE_PROXY_FIREWALL, srcChain: 'INPUT', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_PROXY_FIREWALL, srcChain: 'OUTPUT', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'filter', dstChain: KUBE_PROXY_FIREWALL, srcChain: 'FORWARD', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'nat', dstChain: KUBE_SERVICES, srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: KUBE_SERVICES, srcChain: 'PREROUTING', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: KUBE_POSTROUTING, srcChain: 'POSTROUTING', comment: 'kubernetes postrouting rules', extraArgs: [] },
]

/** iptablesKubeletJumpChains: duplicates of kubelet's, created but never cleaned up. */
export const IPTABLES_KUBELET_JUMP_CHAINS: readonly JumpChain[] = [
  { table: 'filter', dstChain: KUBELET_FIREWALL, srcChain: 'INPUT', comment: '', extraArgs: [] },
  { table: 'filter', dstChain: KUBELET_FIREWALL, srcChain: 'OUTPUT', comment: '', extraArgs: [] },
]

/** The argv (after `-t table -I|-C srcChain`) of a jump rule, as EnsureRule passes it. */
export function jumpRuleArgs(j: JumpChain): string[] {
  return [...j.extraArgs, ...(j.comment ? ['-m', 'comment', '--comment', j.comment] : []), '-j', j.dstChain]
}

/** utiliptables.MakeChainLine. */
export const chainLine = (chain: string) => `:${chain} - [0:0]`

export interface IptablesSyncResult {
  /** The iptables-restore input (`*filter … COMMIT *nat … COMMIT`). */
  text: string
  /** The nat chains this sync wrote (service chains included). */
  activeNatChains: Set<string>
  numEndpoints: number
  deletedChains: number
}

const q = (s: string) => `"${s}"`

/**
 * syncProxyRules' restore text. `existingNatChains`: the nat table's chains now (from
 * iptables-save), so unused KUBE-SVC-/KUBE-SEP-… chains get `:CHAIN` + `-X CHAIN`.
 */
export function iptablesRestoreText(cfg: ProxierConfig, svcPorts: readonly ServicePortInfo[], endpoints: ReadonlyMap<string, EndpointInfo[]>, existingNatChains: Iterable<string>, opts: { changed?: ReadonlySet<string> } = {}): IptablesSyncResult {
  const mark = masqueradeMark(cfg.masqueradeBit)
  const filterChains: string[] = []
  const filterRules: string[] = []
  const natChains: string[] = []
  const natRules: string[] = []
  const allNatChains = natChains
  const allNatRules = natRules
  /** Where a partial sync's unchanged service chains go (upstream's discard LineBuffer). */
  const skipped: string[] = []
  const w = (buf: string[], ...args: (string | string[])[]) => buf.push(args.flat().join(' '))

  for (const c of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) filterChains.push(chainLine(c))
  for (const c of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) natChains.push(chainLine(c))

  w(natRules, '-A', KUBE_POSTROUTING, '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN')
  // Clear the mark so a packet that re-traverses the stack is not masqueraded twice.
  w(natRules, '-A', KUBE_POSTROUTING, '-j', 'MARK', '--xor-mark', mark)
  // iptables 1.8 has --random-fully (HasRandomFully).
  w(natRules, '-A', KUBE_POSTROUTING, '-m', 'comment', '--comment', q('kubernetes service traffic requiring SNAT'), '-j', 'MASQUERADE', '--random-fully')
  w(natRules, '-A', KUBE_MARK_MASQ, '-j', 'MARK', '--or-mark', mark)

  if (cfg.localhostNodePorts) {
    // route_localnet makes NodePorts answer on 127.0.0.1; this rule closes the hole it opens (issue 90259).
    filterChains.push(chainLine(KUBELET_FIREWALL))
    w(filterRules, '-A', KUBELET_FIREWALL, '-m', 'comment', '--comment', q('block incoming localnet connections'),
      '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP')
  }

  const active = new Set<string>()
  let totalEndpoints = 0
  for (const sp of svcPorts) totalEndpoints += endpoints.get(servicePortKey(sp.namespace, sp.name, sp.portName, sp.protocol))?.length ?? 0
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD
  const withComment = (args: string[], comment: string) => (largeClusterMode ? args : [...args, '-m', 'comment', '--comment', comment])
  const ifNotLocal = ['!', '-s', cfg.clusterCIDR]
  const ifLocal = ['-s', cfg.clusterCIDR]

  for (const sp of svcPorts) {
    const protocol = sp.protocol.toLowerCase()
    const name = sp.nameString
    const all = endpoints.get(servicePortKey(sp.namespace, sp.name, sp.portName, sp.protocol)) ?? []
    const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = categorizeEndpoints(all, sp)

    const clusterPolicyChain = servicePortPolicyClusterChain(name, protocol)
    const usesClusterPolicyChain = clusterEndpoints.length > 0 && (!sp.internalPolicyLocal || (isExternal(sp) && !sp.externalPolicyLocal))
    const localPolicyChain = servicePortPolicyLocalChainName(name, protocol)
    const usesLocalPolicyChain = localEndpoints.length > 0 && (sp.internalPolicyLocal || sp.externalPolicyLocal)

    let internalPolicyChain = clusterPolicyChain
    let hasInternalEndpoints = hasEndpoints
    if (sp.internalPolicyLocal) {
      internalPolicyChain = localPolicyChain
      if (localEndpoints.length === 0) hasInternalEndpoints = false
    }
    let externalPolicyChain = clusterPolicyChain
    let hasExternalEndpoints = hasEndpoints
    if (sp.externalPolicyLocal) {
      externalPolicyChain = localPolicyChain
      if (localEndpoints.length === 0) hasExternalEndpoints = false
    }
    const externalTrafficChain = serviceExternalChainName(name, protocol)
    const usesExternalTrafficChain = hasEndpoints && isExternal(sp)
    const fwChain = serviceFirewallChainName(name, protocol)
    const usesFWChain = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0
    const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain

    let internalFilterTarget = ''
    let internalFilterComment = ''
    let externalFilterTarget = ''
    let externalFilterComment = ''
    if (!hasEndpoints) {
      internalFilterTarget = externalFilterTarget = 'REJECT'
      internalFilterComment = externalFilterComment = q(`${name} has no endpoints`)
    } else {
      if (!hasInternalEndpoints) {
        internalFilterTarget = 'DROP'
        internalFilterComment = q(`${name} has no local endpoints`)
      }
      if (!hasExternalEndpoints) {
        externalFilterTarget = 'DROP'
        externalFilterComment = q(`${name} has no local endpoints`)
      }
    }
    const dport = String(sp.port)
    const proto = ['-m', protocol, '-p', protocol]

    // Capture the clusterIP.
    if (hasInternalEndpoints) {
      w(natRules, '-A', KUBE_SERVICES, '-m', 'comment', '--comment', q(`${name} cluster IP`), proto, '-d', sp.clusterIP, '--dport', dport, '-j', internalPolicyChain)
    } else {
      w(filterRules, '-A', KUBE_SERVICES, '-m', 'comment', '--comment', internalFilterComment, proto, '-d', sp.clusterIP, '--dport', dport, '-j', internalFilterTarget)
    }
    // Capture externalIPs.
    for (const ip of sp.externalIPs) {
      if (hasEndpoints) w(natRules, '-A', KUBE_SERVICES, '-m', 'comment', '--comment', q(`${name} external IP`), proto, '-d', ip, '--dport', dport, '-j', externalTrafficChain)
      if (!hasExternalEndpoints) w(filterRules, '-A', KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', externalFilterComment, proto, '-d', ip, '--dport', dport, '-j', externalFilterTarget)
    }
    // Capture load-balancer ingress.
    for (const ip of sp.loadBalancerVIPs) {
      if (hasEndpoints) w(natRules, '-A', KUBE_SERVICES, '-m', 'comment', '--comment', q(`${name} loadbalancer IP`), proto, '-d', ip, '--dport', dport, '-j', loadBalancerTrafficChain)
      if (usesFWChain) w(filterRules, '-A', KUBE_PROXY_FIREWALL, '-m', 'comment', '--comment', q(`${name} traffic not accepted by ${fwChain}`), proto, '-d', ip, '--dport', dport, '-j', 'DROP')
    }
    if (!hasExternalEndpoints) {
      for (const ip of sp.loadBalancerVIPs) w(filterRules, '-A', KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', externalFilterComment, proto, '-d', ip, '--dport', dport, '-j', externalFilterTarget)
    }
    // Capture nodeports (the nfacct-counted localhost rule is left out: no nfacct counters on the lab's node).
    if (sp.nodePort !== 0) {
      if (hasEndpoints) w(natRules, '-A', KUBE_NODEPORTS, '-m', 'comment', '--comment', name, proto, '--dport', String(sp.nodePort), '-j', externalTrafficChain)
      if (!hasExternalEndpoints) {
        w(filterRules, '-A', KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', proto, '--dport', String(sp.nodePort), '-j', externalFilterTarget)
      }
    }
    if (sp.healthCheckNodePort !== 0) {
      w(filterRules, '-A', KUBE_NODEPORTS, '-m', 'comment', '--comment', q(`${name} health check node port`), '-m', 'tcp', '-p', 'tcp', '--dport', String(sp.healthCheckNodePort), '-j', 'ACCEPT')
    }

    // Partial sync: the SVC/SVL/EXT/FW/SEP chains of a service that did not change since the last
    // sync are left out of the restore (noflush keeps them) but still count as active.
    const svcChains = !opts.changed || opts.changed.has(`${sp.namespace}/${sp.name}`) ? allNatChains : skipped
    const svcRules = svcChains === allNatChains ? allNatRules : skipped

    // Internal traffic: masquerade what does not come from a pod (the node, off-cluster routes).
    if (hasInternalEndpoints) {
      const args = ['-m', 'comment', '--comment', q(`${name} cluster IP`), ...proto, '-d', sp.clusterIP, '--dport', dport]
      if (cfg.masqueradeAll) w(svcRules, '-A', internalPolicyChain, args, '-j', KUBE_MARK_MASQ)
      else w(svcRules, '-A', internalPolicyChain, args, ifNotLocal, '-j', KUBE_MARK_MASQ)
    }
    if (usesExternalTrafficChain) {
      svcChains.push(chainLine(externalTrafficChain))
      active.add(externalTrafficChain)
      if (!sp.externalPolicyLocal) {
        w(svcRules, '-A', externalTrafficChain, '-m', 'comment', '--comment', q(`masquerade traffic for ${name} external destinations`), '-j', KUBE_MARK_MASQ)
      } else {
        w(svcRules, '-A', externalTrafficChain, '-m', 'comment', '--comment', q(`pod traffic for ${name} external destinations`), ifLocal, '-j', clusterPolicyChain)
        w(svcRules, '-A', externalTrafficChain, '-m', 'comment', '--comment', q(`masquerade LOCAL traffic for ${name} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', KUBE_MARK_MASQ)
        w(svcRules, '-A', externalTrafficChain, '-m', 'comment', '--comment', q(`route LOCAL traffic for ${name} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', clusterPolicyChain)
      }
      if (hasExternalEndpoints) w(svcRules, '-A', externalTrafficChain, '-j', externalPolicyChain)
    }
    if (usesFWChain) {
      svcChains.push(chainLine(fwChain))
      active.add(fwChain)
      const args = ['-A', fwChain, '-m', 'comment', '--comment', q(`${name} loadbalancer IP`)]
      let allowFromNode = false
      for (const cidr of sp.loadBalancerSourceRanges) {
        w(svcRules, args, '-s', cidr, '-j', externalTrafficChain)
        if (cidrContains(cidr, cfg.nodeIP)) allowFromNode = true
      }
      if (allowFromNode) for (const ip of sp.loadBalancerVIPs) w(svcRules, args, '-s', ip, '-j', externalTrafficChain)
      w(svcRules, '-A', fwChain, '-m', 'comment', '--comment', q(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`))
    }
    if (usesClusterPolicyChain) {
      svcChains.push(chainLine(clusterPolicyChain))
      active.add(clusterPolicyChain)
      writeServiceToEndpointRules(svcRules, sp, clusterPolicyChain, clusterEndpoints, withComment)
    }
    if (usesLocalPolicyChain) {
      svcChains.push(chainLine(localPolicyChain))
      active.add(localPolicyChain)
      writeServiceToEndpointRules(svcRules, sp, localPolicyChain, localEndpoints, withComment)
    }
    // The per-endpoint chains.
    for (const ep of allReachableEndpoints) {
      const chain = endpointChain(sp, ep)
      svcChains.push(chainLine(chain))
      active.add(chain)
      const args = withComment(['-A', chain], name)
      // Hairpin: a pod reaching itself through the Service is masqueraded.
      w(svcRules, args, '-s', ep.ip, '-j', KUBE_MARK_MASQ)
      const affinity = sp.sessionAffinityClientIP ? ['-m', 'recent', '--name', chain, '--set'] : []
      w(svcRules, args, affinity, proto, '-j', 'DNAT', '--to-destination', endpointString(ep))
    }
  }

  // Delete service chains no longer in use (they would otherwise linger unreferenced).
  let deletedChains = 0
  for (const chain of [...new Set(existingNatChains)].sort()) {
    if (active.has(chain) || !isServiceChainName(chain)) continue
    natChains.push(chainLine(chain))
    natRules.push(`-X ${chain}`)
    deletedChains++
  }

  // Tail-call to the nodePorts chain: it must be the last rule of KUBE-SERVICES.
  const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL', ...(cfg.localhostNodePorts ? [] : ['!', '-d', '127.0.0.0/8'])]
  w(natRules, '-A', KUBE_SERVICES, '-m', 'comment', '--comment', q('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), destinations, '-j', KUBE_NODEPORTS)

  // nf_conntrack_tcp_be_liberal is 0: drop INVALID packets (issue 74839).
  w(filterRules, '-A', KUBE_FORWARD, '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'DROP')
  w(filterRules, '-A', KUBE_FORWARD, '-m', 'comment', '--comment', q('kubernetes forwarding rules'), '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT')
  w(filterRules, '-A', KUBE_FORWARD, '-m', 'comment', '--comment', q('kubernetes forwarding conntrack rule'), '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT')

  const text = ['*filter', ...filterChains, ...filterRules, 'COMMIT', '*nat', ...natChains, ...natRules, 'COMMIT', ''].join('\n')
  return { text, activeNatChains: new Set([KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ, ...active]), numEndpoints: totalEndpoints, deletedChains }
}

const isExternal = (sp: ServicePortInfo) => sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0

/** endpointInfo.ChainName. */
export const endpointChain = (sp: ServicePortInfo, ep: EndpointInfo) => servicePortEndpointChainName(sp.nameString, sp.protocol.toLowerCase(), endpointString(ep))

/** writeServiceToEndpointRules: affinity checks, then the probability ladder 1/n, 1/(n-1), …, then an unconditional jump. */
function writeServiceToEndpointRules(natRules: string[], sp: ServicePortInfo, svcChain: string, eps: readonly EndpointInfo[], withComment: (args: string[], c: string) => string[]): void {
  if (sp.sessionAffinityClientIP) {
    for (const ep of eps) {
      const chain = endpointChain(sp, ep)
      natRules.push([...withComment(['-A', svcChain], q(`${sp.nameString} -> ${endpointString(ep)}`)),
        '-m', 'recent', '--name', chain, '--rcheck', '--seconds', String(sp.stickyMaxAgeSeconds), '--reap', '-j', chain].join(' '))
    }
  }
  const n = eps.length
  eps.forEach((ep, i) => {
    const args = withComment(['-A', svcChain], q(`${sp.nameString} -> ${endpointString(ep)}`))
    if (i < n - 1) args.push('-m', 'statistic', '--mode', 'random', '--probability', computeProbability(n - i))
    natRules.push([...args, '-j', endpointChain(sp, ep)].join(' '))
  })
}

/** IPv4 CIDR membership (`10.244.0.0/16` contains `10.244.0.5`). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsStr] = cidr.split('/')
  const bits = bitsStr === undefined ? 32 : Number(bitsStr)
  const toInt = (a: string) => a.split('.').reduce((acc, o) => (acc * 256 + Number(o)) >>> 0, 0)
  if (bits === 0) return true
  const mask = bits >= 32 ? 0xffffffff : (~((1 << (32 - bits)) - 1)) >>> 0
  return ((toInt(base) & mask) >>> 0) === ((toInt(ip) & mask) >>> 0)
}

/** The chains `iptables-save -t <table>` declares (`:NAME POLICY [p:b]` lines). */
export function chainsFromSave(save: string): string[] {
  const out: string[] = []
  for (const line of save.split('\n')) if (line.startsWith(':')) out.push(line.slice(1).split(' ')[0])
  return out
}
