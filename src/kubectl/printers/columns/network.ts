// Endpoints, EndpointSlice, Ingress and IngressClass columns (printEndpoints/formatEndpoints,
// printEndpointSlice/formatDiscoveryPorts/formatDiscoveryEndpoints, printIngress/formatHosts/
// formatPorts/ingressLoadBalancerStatusStringer, printIngressClass in
// pkg/printers/internalversion/printers.go). Typed loosely: printers accept any stored shape.

import type { KubeObject } from '../../../api/types'
import { translateTimestampSince } from '../age'
import { NONE, field } from '../util'
import type { KindColumns } from './types'

const age = (obj: KubeObject, now: number) => translateTimestampSince(obj.metadata.creationTimestamp, now)

/** How many items a cell lists before `+ N more...` (the `max := 3` of every format* helper). */
export const LIST_MAX = 3
/** Ingress ADDRESS is clipped to 16 characters unless -o wide (printers.go loadBalancerWidth). */
const LOAD_BALANCER_WIDTH = 16

export interface EndpointAddress { ip: string }
export interface EndpointPort { name?: string; port: number; protocol?: string }
export interface EndpointSubset { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: EndpointPort[] }

/** Go's net.JoinHostPort: IPv6 addresses get brackets. */
export const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`)

/**
 * formatEndpoints: `10.244.0.5:8000,10.244.0.6:8000,10.244.0.7:8000 + 1 more...` (only ready
 * addresses), `<none>` without subsets. `ports` (port names) restricts the listing, as describe
 * service does for one port; undefined = all ports.
 */
export function formatEndpoints(subsets: EndpointSubset[] | undefined, ports?: Set<string>): string {
  if (!subsets || subsets.length === 0) return NONE
  const list: string[] = []
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    if ((ss.ports ?? []).length === 0) {
      // headless services with no ports list bare IPs
      count += addresses.length
      for (const a of addresses) {
        if (list.length === LIST_MAX) { more = true; break }
        list.push(a.ip)
      }
      continue
    }
    for (const port of ss.ports ?? []) {
      if (ports && !ports.has(port.name ?? '')) continue
      count += addresses.length
      for (const a of addresses) {
        if (list.length === LIST_MAX) { more = true; break }
        list.push(joinHostPort(a.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - LIST_MAX} more...` : ret
}

/** listWithMoreString: `<unset>` when empty. */
function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - LIST_MAX} more...`
  return ret || '<unset>'
}

/** formatDiscoveryPorts: port numbers, a name when the number is unset, `*` for neither. */
export function formatDiscoveryPorts(ports: Array<{ name?: string; port?: number }> | undefined | null): string {
  const list: string[] = []
  let more = false
  let count = 0
  for (const p of ports ?? []) {
    if (list.length < LIST_MAX) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*')
    else if (list.length === LIST_MAX) more = true
    count++
  }
  return listWithMore(list, more, count)
}

/** formatDiscoveryEndpoints: every endpoint's addresses, ready or not. */
export function formatDiscoveryEndpoints(endpoints: Array<{ addresses?: string[] }> | undefined | null): string {
  const list: string[] = []
  let more = false
  let count = 0
  for (const ep of endpoints ?? []) {
    for (const a of ep.addresses ?? []) {
      if (list.length < LIST_MAX) list.push(a)
      else if (list.length === LIST_MAX) more = true
      count++
    }
  }
  return listWithMore(list, more, count)
}

export const endpointsColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  cells: (obj, ctx) => [obj.metadata.name ?? '', formatEndpoints(field<EndpointSubset[]>(obj, 'subsets')), age(obj, ctx.now)],
}

export const endpointSliceColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  cells: (obj, ctx) => [obj.metadata.name ?? '', field<string>(obj, 'addressType') ?? '', formatDiscoveryPorts(field(obj, 'ports')),
    formatDiscoveryEndpoints(field(obj, 'endpoints')), age(obj, ctx.now)],
}

/** formatHosts: up to 3 hosts, `*` when no rule names one. */
export function formatIngressHosts(rules: Array<{ host?: string }> | undefined): string {
  const list: string[] = []
  let more = false
  for (const r of rules ?? []) {
    if (list.length === LIST_MAX) more = true
    if (!more && r.host) list.push(r.host)
  }
  if (list.length === 0) return '*'
  const ret = list.join(',')
  return more ? `${ret} + ${(rules ?? []).length - LIST_MAX} more...` : ret
}

/** ingressLoadBalancerStatusStringer: sorted unique IPs (or hostnames), clipped unless wide. */
export function ingressAddress(obj: KubeObject, wide: boolean): string {
  const ingress = field<Array<{ ip?: string; hostname?: string }>>(obj, 'status', 'loadBalancer', 'ingress') ?? []
  let r = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
  return r
}

export const ingressColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, { name: 'Age' }],
  cells(obj, ctx) {
    const className = field<string>(obj, 'spec', 'ingressClassName') ?? NONE
    const ports = (field<unknown[]>(obj, 'spec', 'tls') ?? []).length ? '80, 443' : '80'
    return [obj.metadata.name ?? '', className, formatIngressHosts(field(obj, 'spec', 'rules')), ingressAddress(obj, ctx.wide), ports, age(obj, ctx.now)]
  },
}

/** `Kind.apiGroup/name` of spec.parameters, `<none>` without. */
export function ingressClassParameters(obj: KubeObject): string {
  const p = field<{ kind?: string; apiGroup?: string; name?: string }>(obj, 'spec', 'parameters')
  if (!p) return NONE
  return `${p.kind ?? ''}${p.apiGroup !== undefined && p.apiGroup !== null ? '.' + p.apiGroup : ''}/${p.name ?? ''}`
}

export const ingressClassColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Controller' }, { name: 'Parameters' }, { name: 'Age' }],
  cells: (obj, ctx) => [obj.metadata.name ?? '', field<string>(obj, 'spec', 'controller') ?? '', ingressClassParameters(obj), age(obj, ctx.now)],
}
