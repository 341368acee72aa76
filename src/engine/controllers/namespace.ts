// The namespace controller (pkg/controller/namespace): a namespace being deleted is phase
// Terminating; the controller deletes everything in it, reports what remains in
// NamespaceContentRemaining, and once it is empty removes the `kubernetes` finalizer from
// spec.finalizers (the namespaces/finalize subresource), so the API server can remove it.
import type { KubeObject } from '../../api/types'
import { setCondition, type Condition } from '../../api/objects'
import type { ApiServer } from '../apiserver'
import { FINALIZER_KUBERNETES, ignoreGoneOrConflict, tryGet } from '../apiserver'
import type { VirtualClock } from '../runtime/clock'
import { WorkQueue } from '../runtime/workqueue'

/** While content remains, look again after 1 s (pods may take their grace period to go). */
export const NAMESPACE_RESYNC_MS = 1000
export const CONTENT_REMAINING = 'NamespaceContentRemaining'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

export function startNamespaceController(api: ApiServer, clock: VirtualClock, onError?: (name: string, key: string, err: unknown) => void): () => void {
  const queue = new WorkQueue(clock, (name) => sync(api, name), 'namespace', onError)
  const stop = api.onAnyChange((ev) => {
    if (ev.resource === 'namespaces') {
      if (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp) queue.add(ev.object.metadata.name!)
    } else if (ev.type === 'DELETED' && ev.object.metadata.namespace) {
      // Content going away may finish a terminating namespace.
      const ns = tryGet(api, { resource: 'namespaces', name: ev.object.metadata.namespace })
      if (ns?.metadata.deletionTimestamp) queue.add(ns.metadata.name!)
    }
  }, (resource, type) => resource === 'namespaces' || type === 'DELETED')
  for (const ns of api.list('namespaces').items) if (ns.metadata.deletionTimestamp) queue.add(ns.metadata.name!)
  return stop
}

function sync(api: ApiServer, name: string): void | { requeueAfterMs: number } {
  const ns = tryGet(api, { resource: 'namespaces', name }) as Loose
  if (!ns || !ns.metadata.deletionTimestamp) return
  for (const k of api.discovery()) {
    if (!k.namespaced || !k.verbs.includes('delete')) continue
    for (const o of api.list(k.plural, { namespace: name }).items) {
      if (!o.metadata.deletionTimestamp) {
        ignoreGoneOrConflict(() => api.delete(k.plural, name, o.metadata.name!, { propagationPolicy: 'Background' }))
      }
    }
  }
  // Count again: most objects go at once, pods with a grace period stay for a while.
  const left: Remaining = { counts: new Map(), finalizers: new Map() }
  for (const k of api.discovery()) {
    // Only deletable kinds count (upstream's deleter skips read-only ones such as metrics.k8s.io).
    if (!k.namespaced || !k.verbs.includes('delete')) continue
    const items = api.list(k.plural, { namespace: name }).items
    if (items.length) left.counts.set(k.plural, items.length)
    for (const o of items) for (const f of o.metadata.finalizers ?? []) left.finalizers.set(f, (left.finalizers.get(f) ?? 0) + 1)
  }
  setConditions(api, name, left)
  if (left.counts.size > 0) return { requeueAfterMs: NAMESPACE_RESYNC_MS }
  const fresh = tryGet(api, { resource: 'namespaces', name }) as Loose
  if (!fresh) return
  const finalizers: string[] = (fresh.spec?.finalizers ?? []).filter((f: string) => f !== FINALIZER_KUBERNETES)
  api.finalizeNamespace(name, finalizers)
}

/** The five conditions upstream's deleter keeps on a terminating namespace, in its order. */
export const NAMESPACE_CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure', 'NamespaceDeletionContentFailure',
  CONTENT_REMAINING, 'NamespaceFinalizersRemaining',
]

interface Remaining { counts: Map<string, number>; finalizers: Map<string, number> }

/** Upstream's words, e.g. `Some resources are remaining: pods. has 2 resource instances`. */
export function namespaceConditions(left: Remaining): Condition[] {
  const res = [...left.counts.entries()].sort().map(([r, n]) => `${r}. has ${n} resource instances`)
  const fin = [...left.finalizers.entries()].sort().map(([f, n]) => `${f} in ${n} resource instances`)
  return [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    res.length
      ? { type: CONTENT_REMAINING, status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${res.join(', ')}` }
      : { type: CONTENT_REMAINING, status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    fin.length
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${fin.join(', ')}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ]
}

function setConditions(api: ApiServer, name: string, left: Remaining): void {
  const ns = tryGet(api, { resource: 'namespaces', name }) as (KubeObject & { status?: { conditions?: Condition[] } }) | undefined
  if (!ns) return
  let conds = ns.status?.conditions ?? []
  for (const c of namespaceConditions(left)) conds = setCondition(conds, c, api.clock.nowISO())
  // Status is computed, then written only when it changed.
  if (JSON.stringify(conds) === JSON.stringify(ns.status?.conditions ?? [])) return
  ignoreGoneOrConflict(() => api.updateStatus('namespaces', { ...ns, status: { ...(ns.status ?? {}), conditions: conds } }))
}
