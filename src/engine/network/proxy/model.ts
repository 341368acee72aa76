// What kube-proxy knows after its informers: one ServicePort per (service, port) and the endpoints
// of each, as pkg/proxy builds them (serviceport.go BaseServicePortInfo, endpointslicecache.go,
// topology.go CategorizeEndpoints). Pure: Services + EndpointSlices + the node's name in, data out.
import type { EndpointSlice, Service } from '../../../api/types'
import { servicePortNameString } from './names'

export type Protocol = 'TCP' | 'UDP' | 'SCTP'

/** proxy.ServicePort for one port of one Service. */
export interface ServicePortInfo {
  namespace: string
  name: string
  portName: string
  protocol: Protocol
  /** ServicePortName.String(): `default/web-svc-cip`, `kube-system/kube-dns:dns`. */
  nameString: string
  clusterIP: string
  port: number
  /** 0 when the Service has none (ClusterIP type). */
  nodePort: number
  externalIPs: string[]
  /** status.loadBalancer.ingress[].ip (ipMode Proxy excluded, as LoadBalancerIPMode does in 1.30). */
  loadBalancerVIPs: string[]
  loadBalancerSourceRanges: string[]
  healthCheckNodePort: number
  sessionAffinityClientIP: boolean
  /** sessionAffinityConfig.clientIP.timeoutSeconds, 10800 by default. */
  stickyMaxAgeSeconds: number
  externalPolicyLocal: boolean
  internalPolicyLocal: boolean
}

/** proxy.Endpoint. */
export interface EndpointInfo {
  ip: string
  port: number
  ready: boolean
  serving: boolean
  terminating: boolean
  isLocal: boolean
}

/** BaseEndpointInfo.String(): net.JoinHostPort(ip, port). */
export const endpointString = (ep: { ip: string; port: number }) => `${ep.ip}:${ep.port}`

/** Key of a ServicePortName (namespace/name, port name and protocol). */
export const servicePortKey = (ns: string, name: string, portName: string, protocol: string) => `${ns}/${name}\u0000${portName}\u0000${protocol}`

/** Default session-affinity timeout (core/v1 DefaultClientIPServiceAffinitySeconds: 3 hours). */
export const DEFAULT_STICKY_SECONDS = 10800

/** ShouldSkipService: headless (clusterIP None or empty) and ExternalName services are not proxied. */
export function shouldSkipService(svc: Service): boolean {
  const ip = svc.spec?.clusterIP
  if (!ip || ip === 'None') return true
  return svc.spec?.type === 'ExternalName'
}

/** The service ports kube-proxy proxies, sorted by name (upstream iterates a Go map; we keep it stable). */
export function servicePorts(services: readonly Service[]): ServicePortInfo[] {
  const out: ServicePortInfo[] = []
  for (const svc of services) {
    if (shouldSkipService(svc)) continue
    const spec = svc.spec ?? {}
    const ns = svc.metadata?.namespace ?? 'default'
    const name = svc.metadata?.name ?? ''
    const externallyAccessibleTypes = spec.type === 'NodePort' || spec.type === 'LoadBalancer'
    const vips = (svc.status?.loadBalancer?.ingress ?? [])
      .filter((i) => i.ip && (i as { ipMode?: string }).ipMode !== 'Proxy')
      .map((i) => i.ip as string)
    for (const p of spec.ports ?? []) {
      const protocol = (p.protocol ?? 'TCP') as Protocol
      const portName = p.name ?? ''
      const nodePort = externallyAccessibleTypes ? p.nodePort ?? 0 : 0
      const externalIPs = spec.externalIPs ?? []
      const externallyAccessible = nodePort !== 0 || vips.length > 0 || externalIPs.length > 0
      out.push({
        namespace: ns, name, portName, protocol,
        nameString: servicePortNameString(ns, name, portName),
        clusterIP: spec.clusterIP as string,
        port: p.port,
        nodePort,
        externalIPs,
        loadBalancerVIPs: vips,
        loadBalancerSourceRanges: spec.type === 'LoadBalancer' ? spec.loadBalancerSourceRanges ?? [] : [],
        // apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local.
        healthCheckNodePort: spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' ? spec.healthCheckNodePort ?? 0 : 0,
        sessionAffinityClientIP: spec.sessionAffinity === 'ClientIP',
        stickyMaxAgeSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS,
        externalPolicyLocal: externallyAccessible && spec.externalTrafficPolicy === 'Local',
        internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
      })
    }
  }
  return out.sort((a, b) => (a.nameString === b.nameString ? a.protocol.localeCompare(b.protocol) : a.nameString < b.nameString ? -1 : 1))
}

/**
 * endpointslicecache: for each ServicePortName, the endpoints of every slice of the service
 * (label kubernetes.io/service-name), deduplicated by `ip:port` (a ready copy wins) and sorted by
 * that string (byEndpoint), so "10.244.0.10:8000" sorts before "10.244.0.4:8000".
 */
export function endpointsMap(slices: readonly EndpointSlice[], nodeName: string): Map<string, EndpointInfo[]> {
  const bySP = new Map<string, Map<string, EndpointInfo>>()
  for (const slice of slices) {
    const svcName = slice.metadata?.labels?.['kubernetes.io/service-name']
    if (!svcName || slice.addressType === 'FQDN') continue
    const ns = slice.metadata?.namespace ?? 'default'
    for (const port of slice.ports ?? []) {
      if (port.port === undefined || port.port === null) continue
      const key = servicePortKey(ns, svcName, port.name ?? '', port.protocol ?? 'TCP')
      let set = bySP.get(key)
      if (!set) bySP.set(key, (set = new Map()))
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0]
        if (!ip) continue
        const c = ep.conditions ?? {}
        // A nil condition reads as ready/serving; terminating only when set (upstream's rule).
        const ready = c.ready === undefined || c.ready === null || c.ready
        const info: EndpointInfo = {
          ip, port: port.port, ready,
          serving: c.serving === undefined || c.serving === null || c.serving,
          terminating: c.terminating === true,
          isLocal: ep.nodeName === nodeName,
        }
        const s = endpointString(info)
        if (!set.has(s) || info.ready) set.set(s, info)
      }
    }
  }
  const out = new Map<string, EndpointInfo[]>()
  for (const [key, set] of bySP) {
    if (set.size === 0) continue
    out.set(key, [...set.values()].sort((a, b) => (endpointString(a) < endpointString(b) ? -1 : endpointString(a) > endpointString(b) ? 1 : 0)))
  }
  return out
}

export const externallyAccessible = (sp: ServicePortInfo) => sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0
/** UsesClusterEndpoints: ClusterIP traffic under Cluster policy, or external traffic under Cluster policy. */
export const usesClusterEndpoints = (sp: ServicePortInfo) => !sp.internalPolicyLocal || (externallyAccessible(sp) && !sp.externalPolicyLocal)
export const usesLocalEndpoints = (sp: ServicePortInfo) => sp.internalPolicyLocal || (externallyAccessible(sp) && sp.externalPolicyLocal)

export interface Categorized {
  clusterEndpoints: EndpointInfo[]
  localEndpoints: EndpointInfo[]
  allReachableEndpoints: EndpointInfo[]
  hasAnyEndpoints: boolean
}

/** topology.go CategorizeEndpoints (without topology hints: the lab's node has no zone label). */
export function categorizeEndpoints(endpoints: readonly EndpointInfo[], sp: ServicePortInfo): Categorized {
  let clusterEndpoints: EndpointInfo[] = []
  let localEndpoints: EndpointInfo[] = []
  let hasAnyEndpoints = false
  if (usesClusterEndpoints(sp)) {
    clusterEndpoints = endpoints.filter((e) => e.ready)
    // No ready endpoint anywhere: fall back to serving-terminating ones.
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter((e) => e.serving && e.terminating)
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true
  }
  if (!usesLocalEndpoints(sp)) return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints }

  let hasLocalReady = false
  let hasLocalServingTerminating = false
  for (const e of endpoints) {
    if (e.ready) {
      hasAnyEndpoints = true
      if (e.isLocal) hasLocalReady = true
    } else if (e.serving && e.terminating) {
      hasAnyEndpoints = true
      if (e.isLocal) hasLocalServingTerminating = true
    }
  }
  let useServingTerminating = false
  if (hasLocalReady) localEndpoints = endpoints.filter((e) => e.isLocal && e.ready)
  else if (hasLocalServingTerminating) {
    useServingTerminating = true
    localEndpoints = endpoints.filter((e) => e.isLocal && e.serving && e.terminating)
  }
  if (!usesClusterEndpoints(sp)) return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints }
  if (!useServingTerminating) return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints }
  const merged = new Map<string, EndpointInfo>()
  for (const e of [...clusterEndpoints, ...localEndpoints]) merged.set(endpointString(e), e)
  return { clusterEndpoints, localEndpoints, allReachableEndpoints: [...merged.values()], hasAnyEndpoints }
}
