// The namespaces every cluster starts with (minikube has these four on first boot).
import type { ApiServer } from './server'
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { VirtualClock } from '../runtime/clock'
import { tryGet } from './clientutil'

export const BOOTSTRAP_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

export function bootstrapNamespaces(api: ApiServer): void {
  for (const name of BOOTSTRAP_NAMESPACES) {
    try {
      api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
    } catch (e) {
      if (!(isStatusError(e) && e.status.reason === 'AlreadyExists')) throw e
    }
  }
}

// ---- the `kubernetes` Service (pkg/controlplane/controller/kubernetesservice) ----
// The API server itself keeps default/kubernetes (10.96.0.1:443 → 192.168.49.2:8443) with its
// Endpoints and EndpointSlice, created at boot and re-created by a reconcile loop every 10 s, so a
// learner who deletes it sees it come back. The Endpoints carry skip-mirror and the slice no
// managed-by label: neither the EndpointSlice mirroring controller nor the EndpointSlice
// controller touches them (the Service has no selector), exactly as upstream.

/** The first address of the service CIDR 10.96.0.0/12: reserved for the API server. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1'
/** kube-apiserver --advertise-address / --secure-port on minikube (docker driver). */
export const APISERVER_ADVERTISE_ADDRESS = '192.168.49.2'
export const APISERVER_SECURE_PORT = 8443
/** EndpointInterval: how often the reconciler checks the Service and its endpoints. */
export const KUBERNETES_SERVICE_RECONCILE_MS = 10_000

export function kubernetesServiceObjects(): { service: KubeObject; endpoints: KubeObject; slice: KubeObject } {
  const port = { name: 'https', port: APISERVER_SECURE_PORT, protocol: 'TCP' }
  return {
    service: {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_SECURE_PORT }], sessionAffinity: 'None', type: 'ClusterIP' },
    },
    endpoints: {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: APISERVER_ADVERTISE_ADDRESS }], ports: [port] }],
    } as KubeObject,
    slice: {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [APISERVER_ADVERTISE_ADDRESS], conditions: { ready: true } }],
      ports: [port],
    } as KubeObject,
  }
}

function createIfMissing(api: ApiServer, resource: string, obj: KubeObject): void {
  try {
    api.get(resource, obj.metadata.namespace, obj.metadata.name!)
  } catch (e) {
    if (!(isStatusError(e) && e.status.reason === 'NotFound')) throw e
    try {
      api.create(resource, obj)
    } catch (err) {
      if (!(isStatusError(err) && err.status.reason === 'AlreadyExists')) throw err
    }
  }
}

/** Create default/kubernetes, its Endpoints and its EndpointSlice when missing. */
export function bootstrapKubernetesService(api: ApiServer): void {
  const { service, endpoints, slice } = kubernetesServiceObjects()
  createIfMissing(api, 'services', service)
  createIfMissing(api, 'endpoints', endpoints)
  createIfMissing(api, 'endpointslices', slice)
  // The endpoint reconciler also puts back addresses and ports someone edited.
  repair(api, 'endpoints', endpoints, ['subsets'])
  repair(api, 'endpointslices', slice, ['addressType', 'endpoints', 'ports'])
}

function repair(api: ApiServer, resource: string, want: KubeObject, fields: string[]): void {
  const cur = tryGet(api, { resource, namespace: want.metadata.namespace, name: want.metadata.name! }) as Record<string, unknown> | undefined
  if (!cur) return
  const w = want as unknown as Record<string, unknown>
  if (fields.every((f) => JSON.stringify(cur[f]) === JSON.stringify(w[f]))) return
  const next: Record<string, unknown> = { ...cur }
  for (const f of fields) next[f] = w[f]
  try {
    api.update(resource, next as unknown as KubeObject)
  } catch (e) {
    if (!isStatusError(e)) throw e
  }
}

/** Boot + the 10 s reconcile loop; returns the stop function. */
export function startKubernetesServiceReconciler(api: ApiServer, clock: VirtualClock): () => void {
  let stopped = false
  let cancel: (() => void) | undefined
  const loop = () => {
    if (stopped) return
    bootstrapKubernetesService(api)
    cancel = clock.after(KUBERNETES_SERVICE_RECONCILE_MS, loop)
  }
  loop()
  return () => { stopped = true; cancel?.() }
}
