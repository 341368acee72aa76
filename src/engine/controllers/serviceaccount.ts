// The service account controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
// every active namespace holds a ServiceAccount `default`; deleted, it comes back. Since v1.24 no
// token Secret is created for it: pods get short-lived tokens through their kube-api-access volume.
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../api/errors'
import type { ApiServer } from '../apiserver'
import { tryGet } from '../apiserver'
import type { VirtualClock } from '../runtime/clock'
import { WorkQueue } from '../runtime/workqueue'

export const DEFAULT_SERVICE_ACCOUNT = 'default'

export function startServiceAccountController(api: ApiServer, clock: VirtualClock, onError?: (name: string, key: string, err: unknown) => void): () => void {
  const queue = new WorkQueue(clock, (ns) => sync(api, ns), 'serviceaccount-controller', onError)
  const stop = api.onAnyChange((ev) => {
    if (ev.resource === 'namespaces') { if (ev.type !== 'DELETED') queue.add(ev.object.metadata.name!) }
    else if (ev.type === 'DELETED' && ev.object.metadata.name === DEFAULT_SERVICE_ACCOUNT) queue.add(ev.object.metadata.namespace!)
  }, (resource) => resource === 'namespaces' || resource === 'serviceaccounts')
  for (const ns of api.list('namespaces').items) queue.add(ns.metadata.name!)
  return stop
}

function sync(api: ApiServer, namespace: string): void {
  const ns = tryGet(api, { resource: 'namespaces', name: namespace })
  // A terminating namespace refuses new content; the namespace controller is emptying it.
  if (!ns || ns.metadata.deletionTimestamp) return
  if (tryGet(api, { resource: 'serviceaccounts', namespace, name: DEFAULT_SERVICE_ACCOUNT })) return
  const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } }
  try {
    api.create('serviceaccounts', sa)
  } catch (e) {
    if (!(isStatusError(e) && (e.status.reason === 'AlreadyExists' || e.status.reason === 'Forbidden'))) throw e
  }
}
