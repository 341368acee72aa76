// From Ingresses to nginx's configuration, as ingress-nginx v1.10's controller.go builds it
// (getBackendServers → createUpstreams, createServers, updateServerLocations,
// mergeAlternativeBackends): servers by hostname (`_` catches every other Host), each with a root
// location `/` for the default backend, one location per rule path (the first Ingress to claim a
// path wins), Prefix paths split into `/p/` + `= /p`, locations sorted longest first, and canary
// Ingresses merged into the primary upstream of the same host + path as alternative backends.
import type { EndpointSlice, Ingress, IngressBackend, Service } from '../../../api/types'
import { parseAnnotations, type CanaryConfig, type IngressAnnotations } from './annotations'

/** The catch-all server's name in nginx.conf. */
export const DEFAULT_SERVER = '_'
/** The upstream of the controller's built-in default backend (nginx answers 404 on 127.0.0.1:8181). */
export const DEFAULT_UPSTREAM = 'upstream-default-backend'
export const ROOT_LOCATION = '/'

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

export interface Endpoint { ip: string; port: number }

export interface Upstream {
  name: string
  namespace: string
  service: string
  endpoints: Endpoint[]
  /** Set on a canary's upstream: it serves no location of its own. */
  noServer: boolean
  trafficShaping?: CanaryConfig
  /** Canary upstreams merged into this one (only the first is consulted, as balancer.lua does). */
  alternatives: string[]
}

export interface Location {
  path: string
  pathType: PathType
  /** The path as the Ingress wrote it (before `/p` → `/p/`). */
  ingressPath: string
  isDefBackend: boolean
  backend: string
  ingress?: { namespace: string; name: string }
  annotations: IngressAnnotations
}

export interface Server {
  hostname: string
  locations: Location[]
  /** Some Ingress lists this host under spec.tls (http then redirects to https unless ssl-redirect=false). */
  tls: boolean
}

export interface NginxModel {
  servers: Server[]
  upstreams: Map<string, Upstream>
  /** klog lines the build produced (the controller prints them). */
  warnings: { severity: 'W' | 'E'; file: string; text: string }[]
}

/** What the controller's informers hold. */
export interface BackendLookup {
  service(namespace: string, name: string): Service | undefined
  slices(namespace: string, service: string): EndpointSlice[]
}

const NO_ANNOTATIONS: IngressAnnotations = parseAnnotations({ metadata: {} } as Ingress)

/** `default-web-svc-8000` (upstreamName in controller.go). */
export function upstreamName(namespace: string, backend: IngressBackend['service']): string {
  if (backend?.port?.number) return `${namespace}-${backend.name}-${backend.port.number}`
  if (backend?.port?.name) return `${namespace}-${backend.name}-${backend.port.name}`
  return `${namespace}-INVALID`
}

/** sortIngressSlice: oldest first, then namespace/name. */
export function sortIngresses(list: Ingress[]): Ingress[] {
  const key = (i: Ingress) => `${i.metadata?.namespace ?? ''}/${i.metadata?.name ?? ''}`
  const created = (i: Ingress) => i.metadata?.creationTimestamp ?? ''
  return [...list].sort((a, b) => created(a).localeCompare(created(b)) || key(a).localeCompare(key(b)))
}

/**
 * getEndpointsFromSlices: the ready addresses of the slices of `service` whose port has the
 * Service port's name, at that slice port (the resolved targetPort). ExternalName: none here.
 */
export function endpointsOf(lookup: BackendLookup, namespace: string, backend: NonNullable<IngressBackend['service']>): Endpoint[] {
  const svc = lookup.service(namespace, backend.name)
  if (!svc || svc.spec?.type === 'ExternalName') return []
  const sp = (svc.spec?.ports ?? []).find((p) => (backend.port?.number ? p.port === backend.port.number : p.name === backend.port?.name))
  if (!sp) return []
  const seen = new Set<string>()
  const out: Endpoint[] = []
  for (const slice of lookup.slices(namespace, backend.name)) {
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === 'TCP')
    if (!port?.port) continue
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue
      for (const ip of ep.addresses ?? []) {
        const k = `${ip}:${port.port}`
        if (seen.has(k)) continue
        seen.add(k)
        out.push({ ip, port: port.port })
      }
    }
  }
  return out
}

export function buildModel(ingresses: Ingress[], lookup: BackendLookup): NginxModel {
  const warnings: NginxModel['warnings'] = []
  const ings = sortIngresses(ingresses).map((ing) => ({ ing, anns: parseAnnotations(ing), ns: ing.metadata?.namespace ?? 'default', name: ing.metadata?.name ?? '' }))
  const upstreams = new Map<string, Upstream>()
  upstreams.set(DEFAULT_UPSTREAM, { name: DEFAULT_UPSTREAM, namespace: '', service: '', endpoints: [{ ip: '127.0.0.1', port: 8181 }], noServer: false, alternatives: [] })

  // createUpstreams
  const addUpstream = (ns: string, svc: IngressBackend['service'], canary: CanaryConfig | undefined): string | undefined => {
    if (!svc) return undefined
    const name = upstreamName(ns, svc)
    if (!upstreams.has(name)) {
      const endpoints = endpointsOf(lookup, ns, svc)
      if (!lookup.service(ns, svc.name)) warnings.push({ severity: 'W', file: 'controller.go:1214', text: `Error obtaining Endpoints for Service "${ns}/${svc.name}": no object matching key "${ns}/${svc.name}" in local store` })
      else if (!endpoints.length) warnings.push({ severity: 'W', file: 'controller.go:1108', text: `Service "${ns}/${svc.name}" does not have any active Endpoint.` })
      upstreams.set(name, { name, namespace: ns, service: svc.name, endpoints, noServer: false, alternatives: [] })
    }
    const ups = upstreams.get(name)!
    if (canary) { ups.noServer = true; ups.trafficShaping = canary }
    return name
  }
  for (const { ing, anns, ns } of ings) {
    const canary = anns.canary.enabled ? anns.canary : undefined
    addUpstream(ns, ing.spec?.defaultBackend?.service, canary)
    for (const rule of ing.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) addUpstream(ns, p.backend.service, canary)
  }

  // createServers: the catch-all first, then one per host of the non-canary Ingresses.
  const servers = new Map<string, Server>()
  const rootLocation = (backend: string, isDef: boolean, ing?: { namespace: string; name: string }, a = NO_ANNOTATIONS): Location =>
    ({ path: ROOT_LOCATION, pathType: 'Prefix', ingressPath: ROOT_LOCATION, isDefBackend: isDef, backend, ingress: ing, annotations: a })
  servers.set(DEFAULT_SERVER, { hostname: DEFAULT_SERVER, locations: [rootLocation(DEFAULT_UPSTREAM, true)], tls: false })
  for (const { ing, anns, ns, name } of ings) {
    if (anns.canary.enabled) continue
    let un = DEFAULT_UPSTREAM
    const ref = { namespace: ns, name }
    const db = ing.spec?.defaultBackend?.service
    if (db) {
      un = upstreamName(ns, db)
      const defLoc = servers.get(DEFAULT_SERVER)!.locations[0]
      // "Ingress defines a backend but no rule. Using it to configure the catch-all server"
      if (defLoc.isDefBackend && !(ing.spec?.rules ?? []).length) Object.assign(defLoc, { isDefBackend: false, backend: un, ingress: ref, annotations: anns })
    }
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || DEFAULT_SERVER
      if (!servers.has(host)) servers.set(host, { hostname: host, locations: [rootLocation(un, un === DEFAULT_UPSTREAM, ref, anns)], tls: false })
    }
    for (const tls of ing.spec?.tls ?? []) for (const h of tls.hosts ?? []) { const s = servers.get(h); if (s) s.tls = true }
  }

  // getBackendServers: a location per path; an existing path of the same type is kept.
  for (const { ing, anns, ns, name } of ings) {
    for (const rule of ing.spec?.rules ?? []) {
      const server = servers.get(rule.host || DEFAULT_SERVER) ?? servers.get(DEFAULT_SERVER)!
      for (const p of rule.http?.paths ?? []) {
        if (!p.backend.service) continue
        const ups = upstreams.get(upstreamName(ns, p.backend.service))!
        if (ups.noServer) continue
        const path = p.path || ROOT_LOCATION
        const pathType = (p.pathType ?? 'ImplementationSpecific') as PathType
        const existing = server.locations.find((l) => l.path === path && l.pathType === pathType)
        const loc: Location = { path, pathType, ingressPath: path, isDefBackend: false, backend: ups.name, ingress: { namespace: ns, name }, annotations: anns }
        if (!existing) server.locations.push(loc)
        else if (existing.isDefBackend) Object.assign(existing, loc)
      }
    }
  }

  // mergeAlternativeBackends, for canary Ingresses only.
  for (const { ing, anns, ns } of ings) {
    if (!anns.canary.enabled) continue
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        if (!p.backend.service) continue
        const alt = upstreams.get(upstreamName(ns, p.backend.service))
        if (!alt) continue
        // v1.10 looks the rule's host up as written: a host-less canary finds no server named ''.
        const server = rule.host ? servers.get(rule.host) : undefined
        if (!server) {
          warnings.push({ severity: 'E', file: 'controller.go:1600', text: `cannot merge alternative backend ${alt.name} into hostname ${rule.host ?? ''} that does not exist` })
          continue
        }
        let merged = false
        for (const loc of server.locations) {
          const pri = upstreams.get(loc.backend)
          if (!pri || pri.name === alt.name || pri.noServer) continue
          if (loc.path === (p.path || ROOT_LOCATION) && loc.pathType === (p.pathType ?? 'ImplementationSpecific') && !loc.isDefBackend) {
            if (!pri.alternatives.includes(alt.name)) pri.alternatives.push(alt.name)
            merged = true
          }
        }
        if (!merged) {
          warnings.push({ severity: 'W', file: 'controller.go:1627', text: `unable to find real backend for alternative backend ${alt.name}. Deleting.` })
          upstreams.delete(alt.name)
        }
      }
    }
  }

  // Then the paths are normalized and sorted (after the merge, which compares paths as written).
  for (const server of servers.values()) {
    server.locations = updateServerLocations(server.locations)
    server.locations.sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0))
    // sort.SliceStable by length: longest first, ties keep the descending string order above.
    server.locations = stableSort(server.locations, (a, b) => b.path.length - a.path.length)
  }

  const sorted = [...servers.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))
  return { servers: sorted, upstreams, warnings }
}

/** location.go updateServerLocations: Prefix `/p` → `/p/` plus `= /p`, unless rewriting or regex. */
export function updateServerLocations(locations: Location[]): Location[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path))
  const out: Location[] = []
  for (const loc of locations) {
    if (loc.path === ROOT_LOCATION || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations.useRegex) { out.push(loc); continue }
    const normalized = loc.path.endsWith('/') ? loc.path : `${loc.path}/`
    out.push({ ...loc, path: normalized })
    if (!exact.has(loc.path) && normalized !== loc.path) out.push({ ...loc, pathType: 'Exact' })
  }
  return out
}

export function needsRewrite(loc: Location): boolean {
  return loc.annotations.rewriteTarget !== '' && loc.annotations.rewriteTarget !== loc.path
}

function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  return xs.map((x, i) => [x, i] as const).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map(([x]) => x)
}
