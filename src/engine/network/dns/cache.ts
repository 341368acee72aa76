// The cluster as CoreDNS's kubernetes plugin sees it: Services, EndpointSlices, Namespaces and Pods kept
// by watches (its informers), so a query is a few map lookups, never a list. `serial` is the SOA
// serial: the Unix time of the last change seen (dnsControl.Modified), as CoreDNS reports it.
import type { ApiClient } from '../../../api/client'
import type { EndpointSlice, KubeObject, Namespace, Pod, Service, WatchEvent } from '../../../api/types'

/** One ready address behind a Service (an EndpointSlice endpoint), with the slice's ports. */
export interface EndpointAddress {
  ip: string
  /** endpoints[].hostname (a StatefulSet pod under its governing Service), if any. */
  hostname?: string
  /** The pod's name (targetRef), for logs. */
  targetName?: string
  ports: { name: string; port: number; protocol: string }[]
}

/** What the kubernetes plugin asks of the cluster. */
export interface ClusterDnsView {
  namespaceExists(ns: string): boolean
  service(ns: string, name: string): Service | undefined
  /** The Service's ready addresses (all of them when publishNotReadyAddresses), deduplicated by IP. */
  endpoints(ns: string, name: string): EndpointAddress[]
  /** The Service whose ClusterIP this is (PTR). */
  serviceByIP(ip: string): Service | undefined
  /** The Service an endpoint address belongs to (PTR for endpoint IPs). */
  endpointByIP(ip: string): { service: Service; address: EndpointAddress } | undefined
  /** SOA serial: Unix seconds of the last change. */
  serial(): number
  /** Whether a pod with this IP runs in the namespace (`pods verified`). Optional: absent = unknown. */
  podExists?(ip: string, namespace: string): boolean
}

export interface DnsCache extends ClusterDnsView {
  /**
   * Keep a pod index (`pods verified` needs one; `insecure`, minikube's default, does not). CoreDNS
   * only starts its pod informer in verified mode, and so do we: a pod watch costs a copy of every
   * pod write (a 1,000-pod rollout is 20,000 of them).
   */
  watchPods(on: boolean): void
  /** Stop the watches (the CoreDNS process ended). */
  stop(): void
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const key = (ns: string | undefined, name: string | undefined) => `${ns ?? 'default'}/${name ?? ''}`

/**
 * Watch the API. `nowMs` is the cluster clock (for the serial). Cost: O(1) per event except a
 * Service's slices, which are re-read only when a query asks for them (they are few per Service).
 */
export function createDnsCache(api: ApiClient, nowMs: () => number): DnsCache {
  const services = new Map<string, Service>()
  const byClusterIP = new Map<string, string>()
  /** service key → slice name → slice */
  const slices = new Map<string, Map<string, EndpointSlice>>()
  const namespaces = new Set<string>()
  /** pod IP → namespace → pod names (PodIndex, for `pods verified`). */
  const podsByIP = new Map<string, Map<string, Set<string>>>()
  const podIPOf = new Map<string, string>()
  let modified = Math.floor(nowMs() / 1000)
  const touch = () => { modified = Math.floor(nowMs() / 1000) }

  let stopPods: (() => void) | undefined
  const startPods = () => api.watch<KubeObject>('pods', {}, (ev: WatchEvent<KubeObject>) => {
    const pod = ev.object as unknown as Pod
    const ns = pod.metadata?.namespace ?? 'default'
    const k = key(ns, pod.metadata?.name)
    const old = podIPOf.get(k)
    const ip = ev.type === 'DELETED' ? undefined : pod.status?.podIP
    if (old === ip) return
    if (old) {
      const byNs = podsByIP.get(old)
      byNs?.get(ns)?.delete(k)
      if (byNs?.get(ns)?.size === 0) byNs.delete(ns)
      if (byNs?.size === 0) podsByIP.delete(old)
      podIPOf.delete(k)
    }
    if (ip && !pod.spec?.hostNetwork) {
      const byNs = podsByIP.get(ip) ?? new Map<string, Set<string>>()
      byNs.set(ns, (byNs.get(ns) ?? new Set()).add(k))
      podsByIP.set(ip, byNs)
      podIPOf.set(k, ip)
    }
  })
  const stops = [
    api.watch<KubeObject>('namespaces', {}, (ev: WatchEvent<KubeObject>) => {
      const ns = ev.object as Namespace
      if (ev.type === 'DELETED') namespaces.delete(ns.metadata?.name ?? '')
      else namespaces.add(ns.metadata?.name ?? '')
    }),
    api.watch<KubeObject>('services', {}, (ev: WatchEvent<KubeObject>) => {
      const svc = ev.object as Service
      const k = key(svc.metadata?.namespace, svc.metadata?.name)
      const old = services.get(k)
      for (const ip of clusterIPs(old)) if (byClusterIP.get(ip) === k) byClusterIP.delete(ip)
      if (ev.type === 'DELETED') services.delete(k)
      else {
        services.set(k, svc)
        for (const ip of clusterIPs(svc)) byClusterIP.set(ip, k)
      }
      touch()
    }),
    api.watch<KubeObject>('endpointslices', {}, (ev: WatchEvent<KubeObject>) => {
      const slice = ev.object as unknown as EndpointSlice
      const owner = slice.metadata?.labels?.[SERVICE_NAME_LABEL]
      if (!owner) return
      const k = key(slice.metadata?.namespace, owner)
      const set = slices.get(k) ?? new Map<string, EndpointSlice>()
      if (ev.type === 'DELETED') set.delete(slice.metadata?.name ?? '')
      else set.set(slice.metadata?.name ?? '', slice)
      if (set.size) slices.set(k, set)
      else slices.delete(k)
      touch()
    }),
  ]

  function endpoints(ns: string, name: string): EndpointAddress[] {
    const k = key(ns, name)
    const svc = services.get(k)
    const all = svc?.spec?.publishNotReadyAddresses === true
    const out: EndpointAddress[] = []
    const seen = new Set<string>()
    const sorted = [...(slices.get(k)?.values() ?? [])].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
    for (const s of sorted) {
      if (s.addressType && s.addressType !== 'IPv4') continue
      // CoreDNS adds a sentinel port when a slice has none (a headless Service without ports).
      const ports = (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port ?? -1, protocol: p.protocol ?? 'TCP' }))
      for (const e of s.endpoints ?? []) {
        // conditions.ready: nil means ready (EndpointSliceToEndpoints skips only explicit false).
        if (!all && e.conditions?.ready === false) continue
        for (const ip of e.addresses ?? []) {
          if (seen.has(ip)) continue
          seen.add(ip)
          out.push({ ip, hostname: e.hostname, targetName: e.targetRef?.name, ports: ports.length ? ports : [{ name: '', port: -1, protocol: '' }] })
        }
      }
    }
    return out
  }

  return {
    namespaceExists: (ns) => namespaces.has(ns),
    service: (ns, name) => services.get(key(ns, name)),
    endpoints,
    serviceByIP(ip) {
      const k = byClusterIP.get(ip)
      return k ? services.get(k) : undefined
    },
    endpointByIP(ip) {
      for (const [k, set] of slices) {
        for (const s of set.values()) {
          if (!(s.endpoints ?? []).some((e) => e.addresses?.includes(ip))) continue
          const svc = services.get(k)
          if (!svc) continue
          const address = endpoints(svc.metadata?.namespace ?? 'default', svc.metadata?.name ?? '').find((a) => a.ip === ip)
          if (address) return { service: svc, address }
        }
      }
      return undefined
    },
    serial: () => modified,
    podExists: (ip, ns) => (podsByIP.get(ip)?.get(ns)?.size ?? 0) > 0,
    watchPods(on) {
      if (on && !stopPods) stopPods = startPods()
      if (!on && stopPods) {
        stopPods()
        stopPods = undefined
        podsByIP.clear()
        podIPOf.clear()
      }
    },
    stop() {
      for (const s of stops) s()
      stopPods?.()
    },
  }
}

/** spec.clusterIPs (or clusterIP), without `None`. */
export function clusterIPs(svc: Service | undefined): string[] {
  if (!svc?.spec) return []
  const ips = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec.clusterIP ? [svc.spec.clusterIP] : []
  return ips.filter((ip) => ip && ip !== 'None')
}
