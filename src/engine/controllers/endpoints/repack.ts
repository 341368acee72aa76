// endpoints.RepackSubsets (pkg/api/v1/endpoints/util.go): the controller builds one subset per
// (pod, port); repacking groups addresses offering the same ports into one subset, the canonical
// form that comparisons rely on.
//   [{a:[A], ports:[80]}, {a:[B], ports:[80]}, {a:[A], ports:[443]}, {a:[B], ports:[443]}]
//   → [{addresses: [A, B], ports: [80, 443]}]
// An address is keyed by IP + targetRef uid; when one port lists it both ready and not ready,
// not ready wins (upstream: "not ready always trumps ready"). Subsets without ports (headless
// services without ports) use upstream's sentinel port -1 so their addresses are kept.
import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../../api/types'

/** Upstream's sentinel for a subset without ports. */
const NO_PORT = -1

export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>()
  // port key → (address key → ready)
  const portToAddrs = new Map<string, { port: EndpointPort; addrs: Map<string, boolean> }>()
  const map = (addr: EndpointAddress, port: EndpointPort, ready: boolean) => {
    const ak = `${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`
    if (!allAddrs.has(ak)) allAddrs.set(ak, addr)
    const pk = portKey(port)
    let entry = portToAddrs.get(pk)
    if (!entry) portToAddrs.set(pk, (entry = { port, addrs: new Map() }))
    const was = entry.addrs.get(ak)
    if (was === undefined || was) entry.addrs.set(ak, ready)
  }
  for (const s of subsets) {
    const ports = s.ports?.length ? s.ports : [{ port: NO_PORT }]
    for (const port of ports) {
      for (const a of s.addresses ?? []) map(a, port, true)
      for (const a of s.notReadyAddresses ?? []) map(a, port, false)
    }
  }
  // Group ports by the exact set of (address, ready) they map to.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>()
  for (const { port, addrs } of portToAddrs.values()) {
    const key = [...addrs.entries()].map(([k, r]) => `${k}=${r}`).sort().join(',')
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { addrs, ports: [] }))
    if (port.port !== NO_PORT) g.ports.push(port)
  }
  const final: EndpointSubset[] = []
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = []
    const notReady: EndpointAddress[] = []
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!)
    const s: EndpointSubset = {}
    if (ready.length) s.addresses = ready
    if (notReady.length) s.notReadyAddresses = notReady
    if (g.ports.length) s.ports = g.ports
    final.push(s)
  }
  return sortSubsets(final)
}

/**
 * SortSubsets: addresses by IP (byte order, so "10.244.0.10" sorts before "10.244.0.9") then uid.
 * Upstream orders ports and subsets by an md5 of their Go representation; we order them by
 * name/port/protocol and by first address: stable, though not byte-identical to upstream's order.
 */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const s of subsets) {
    s.addresses?.sort(compareAddress)
    s.notReadyAddresses?.sort(compareAddress)
    s.ports?.sort((a, b) => cmp(portKey(a), portKey(b)))
  }
  return subsets.sort((a, b) => cmp(subsetKey(a), subsetKey(b)))
}

/** LessEndpointAddress as a comparator. */
export function compareAddress(a: EndpointAddress, b: EndpointAddress): number {
  return cmp(a.ip, b.ip) || cmp(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '')
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}\u0000${String(p.port).padStart(6, '0')}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`
}

function subsetKey(s: EndpointSubset): string {
  const first = s.addresses?.[0] ?? s.notReadyAddresses?.[0]
  return `${first?.ip ?? ''}\u0000${(s.ports ?? []).map(portKey).join('\u0001')}`
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
