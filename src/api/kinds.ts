// The kind table: everything generic code needs to know about a kind. Adding a kind is one row
// here plus its types, defaulting/validation (engine/apiserver/admission) and printer columns
// (kubectl/printers). Field names follow `kubectl api-resources`.

export interface KindInfo {
  /** API group; '' for the core group. */
  group: string
  version: string
  kind: string
  /** Lower-case plural: the REST resource name and the key the API server stores under. */
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** Verbs as `kubectl api-resources -o wide` prints them. */
  verbs: string[]
  /** Categories (`all` makes `kubectl get all` include the kind). */
  categories?: string[]
  /** Whether the kind has a status subresource (updates to the main resource ignore status). */
  hasStatus: boolean
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

export const KINDS: readonly KindInfo[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, verbs: CRUD, hasStatus: true },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, verbs: CRUD, categories: ['all'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], categories: ['all'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, verbs: CRUD, categories: ['all'], hasStatus: true },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, verbs: CRUD, categories: ['all'], hasStatus: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, verbs: CRUD, categories: ['all'], hasStatus: true },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job', shortNames: [], namespaced: true, verbs: CRUD, categories: ['all'], hasStatus: true },
  { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true, verbs: CRUD, hasStatus: true },
  { group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false, verbs: CRUD, hasStatus: false },
  // MetalLB's CRDs (v0.13+): served from the start, where a real cluster serves them once MetalLB is installed.
  { group: 'metallb.io', version: 'v1beta1', kind: 'IPAddressPool', plural: 'ipaddresspools', singular: 'ipaddresspool', shortNames: [], namespaced: true, verbs: CRUD, hasStatus: false },
  { group: 'metallb.io', version: 'v1beta1', kind: 'L2Advertisement', plural: 'l2advertisements', singular: 'l2advertisement', shortNames: [], namespaced: true, verbs: CRUD, hasStatus: false },
  // metrics.k8s.io (metrics-server): read-only and computed live, never stored (engine/apiserver/metrics.ts).
  // Their plurals repeat core ones, so they come last: a bare `pods` resolves to the core kind.
  { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'NodeMetrics', plural: 'nodes', singular: '', shortNames: [], namespaced: false, verbs: ['get', 'list'], hasStatus: false },
  { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics', plural: 'pods', singular: '', shortNames: [], namespaced: true, verbs: ['get', 'list'], hasStatus: false },
]

export function apiVersionOf(k: KindInfo): string {
  return k.group ? `${k.group}/${k.version}` : k.version
}

/** "pods" for core, "deployments.apps" for grouped kinds: the form kubectl prints in errors. */
export function qualifiedResource(k: KindInfo): string {
  return k.group ? `${k.plural}.${k.group}` : k.plural
}

export function kindByPlural(plural: string): KindInfo | undefined {
  return KINDS.find((k) => k.plural === plural)
}

/** Find by apiVersion + kind, as a manifest names it. */
export function kindByGVK(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find((k) => apiVersionOf(k) === apiVersion && k.kind === kind)
}

/**
 * Resolve what a learner types (`po`, `pod`, `pods`, `Pod`, `pods.v1.`, `deployments.apps`)
 * the way kubectl's RESTMapper does. Returns undefined when nothing matches.
 */
export function resolveResource(word: string): KindInfo | undefined {
  const w = word.toLowerCase()
  const [name, ...rest] = w.split('.')
  const group = rest.length >= 2 && /^v\d/.test(rest[0]) ? rest.slice(1).join('.') : rest.join('.')
  return KINDS.find((k) =>
    (rest.length === 0 || k.group === group) &&
    (k.plural === name || k.singular === name || k.kind.toLowerCase() === name || k.shortNames.includes(name)))
}
