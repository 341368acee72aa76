// The networking part of the graph, as data: which pods stand behind a Service (its EndpointSlices,
// else its Endpoints — ready and not-ready apart — else, with neither yet, its selector), which
// Services an Ingress routes to per rule (edge label `host/path`), the address an Ingress or a
// LoadBalancer Service got, and which pods are ingress-nginx controllers.
import type { KubeObject } from '../../api/types'

export type BackendState = 'ready' | 'notready'

export interface Backend {
  /** The pod, by uid when the endpoint names one, else by `namespace/name`. */
  uid?: string
  key: string
  state: BackendState
}

interface TargetRef { kind?: string; name?: string; namespace?: string; uid?: string }

/** EndpointSlices name their Service in this label (discovery.k8s.io). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

function backend(ref: TargetRef | undefined, ns: string, state: BackendState): Backend | undefined {
  if (!ref?.name || (ref.kind && ref.kind !== 'Pod')) return undefined
  return { uid: ref.uid, key: `${ref.namespace ?? ns}/${ref.name}`, state }
}

/**
 * `namespace/service` → the pods behind it. A pod listed in several slices (or ports) appears once;
 * ready wins if any listing says ready. EndpointSlices take precedence over Endpoints (kube-proxy
 * reads slices); a Service with neither is absent from the map.
 */
export function endpointIndex(objects: readonly KubeObject[]): Map<string, Backend[]> {
  const fromSlices = new Map<string, Map<string, Backend>>()
  const fromEndpoints = new Map<string, Map<string, Backend>>()
  const add = (into: Map<string, Map<string, Backend>>, svcKey: string, b: Backend | undefined) => {
    let m = into.get(svcKey)
    if (!m) into.set(svcKey, (m = new Map()))
    if (!b) return
    const prev = m.get(b.key)
    if (!prev || (prev.state === 'notready' && b.state === 'ready')) m.set(b.key, b)
  }
  for (const o of objects) {
    const ns = o.metadata.namespace ?? ''
    if (o.kind === 'EndpointSlice') {
      const svc = o.metadata.labels?.[SERVICE_NAME_LABEL]
      if (!svc) continue
      const eps = (o as unknown as { endpoints?: { conditions?: { ready?: boolean | null }; targetRef?: TargetRef }[] }).endpoints ?? []
      add(fromSlices, `${ns}/${svc}`, undefined)
      // discovery.k8s.io: a nil `ready` means ready.
      for (const e of eps) add(fromSlices, `${ns}/${svc}`, backend(e.targetRef, ns, e.conditions?.ready === false ? 'notready' : 'ready'))
    } else if (o.kind === 'Endpoints') {
      const key = `${ns}/${o.metadata.name}`
      add(fromEndpoints, key, undefined)
      const subsets = (o as unknown as { subsets?: { addresses?: { targetRef?: TargetRef }[]; notReadyAddresses?: { targetRef?: TargetRef }[] }[] }).subsets ?? []
      for (const s of subsets) {
        for (const a of s.addresses ?? []) add(fromEndpoints, key, backend(a.targetRef, ns, 'ready'))
        for (const a of s.notReadyAddresses ?? []) add(fromEndpoints, key, backend(a.targetRef, ns, 'notready'))
      }
    }
  }
  const out = new Map<string, Backend[]>()
  for (const [k, m] of fromEndpoints) out.set(k, [...m.values()])
  for (const [k, m] of fromSlices) out.set(k, [...m.values()])
  return out
}

interface BackendRef { service?: { name?: string } }
interface IngressSpec {
  ingressClassName?: string
  defaultBackend?: BackendRef
  rules?: { host?: string; http?: { paths?: { path?: string; backend?: BackendRef }[] } }[]
}

export interface Route { service: string; label: string }

/**
 * One route per rule path: the Service and `host/path` as `kubectl describe ingress` reads it
 * (`foo.example.com/web`; no host: `/web`; the default backend: `default backend`).
 */
export function ingressRoutes(o: KubeObject): Route[] {
  const spec = o.spec as IngressSpec | undefined
  const routes: Route[] = []
  const seen = new Set<string>()
  const push = (service: string | undefined, label: string) => {
    if (!service || seen.has(`${service} ${label}`)) return
    seen.add(`${service} ${label}`)
    routes.push({ service, label })
  }
  for (const r of spec?.rules ?? []) {
    for (const p of r.http?.paths ?? []) push(p.backend?.service?.name, `${r.host ?? ''}${p.path ?? '/'}`)
  }
  push(spec?.defaultBackend?.service?.name, 'default backend')
  return routes
}

interface LoadBalancerStatus { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } }

/** status.loadBalancer.ingress addresses, comma-joined as kubectl's ADDRESS / EXTERNAL-IP column. */
export function loadBalancerAddress(o: KubeObject): string {
  const ingress = (o.status as LoadBalancerStatus | undefined)?.loadBalancer?.ingress ?? []
  return ingress.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean).join(',')
}

/**
 * A Service's status word: its type, and for a LoadBalancer its EXTERNAL-IP (`<pending>` until an
 * address provider such as MetalLB assigns one).
 */
export function serviceStatus(o: KubeObject): { status: string; pending: boolean } {
  const type = (o.spec as { type?: string } | undefined)?.type ?? 'ClusterIP'
  if (type !== 'LoadBalancer') return { status: type, pending: false }
  const ip = loadBalancerAddress(o)
  return { status: `LoadBalancer ${ip || '<pending>'}`, pending: !ip }
}

/** ingress-nginx controller pods carry these labels (its Deployment's pod template, as the addon and the manifest set them). */
const CONTROLLER_LABELS: Record<string, string> = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }

export function isIngressController(o: KubeObject): boolean {
  return o.kind === 'Pod' && Object.entries(CONTROLLER_LABELS).every(([k, v]) => o.metadata.labels?.[k] === v)
}

/** The IngressClass name an Ingress asks for (spec, or the legacy annotation). */
export function ingressClassOf(o: KubeObject): string | undefined {
  return (o.spec as IngressSpec | undefined)?.ingressClassName ?? o.metadata.annotations?.['kubernetes.io/ingress.class']
}
