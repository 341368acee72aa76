// The garbage collector (pkg/controller/garbagecollector), level-triggered on the virtual clock:
//   - a dependent whose owners are all gone (by uid) is deleted (Background);
//   - dangling references beside a live owner are removed;
//   - an owner being deleted with the `orphan` finalizer: strip its references from every
//     dependent, then drop the finalizer;
//   - an owner with `foregroundDeletion`: delete its dependents, and drop the finalizer once no
//     dependent with blockOwnerDeletion remains (then the API server removes the owner).
import type { KubeObject, OwnerReference } from '../../api/types'
import { KINDS, type KindInfo } from '../../api/kinds'
import { hasFinalizer, withoutOwner } from '../../api/objects'
import type { ApiServer } from '../apiserver'
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, ignoreGoneOrConflict, tryGet, type ObjRef } from '../apiserver'
import type { VirtualClock } from '../runtime/clock'
import { WorkQueue } from '../runtime/workqueue'

/** GetDeletableResources: kinds served with delete, list and watch (not read-only ones like metrics.k8s.io). */
const isCollectable = (k: KindInfo): boolean => ['delete', 'list', 'watch'].every((v) => k.verbs.includes(v))

export function startGarbageCollector(api: ApiServer, clock: VirtualClock, onError?: (name: string, key: string, err: unknown) => void): () => void {
  const index = new OwnerIndex()
  const gc: GC = { api, index }
  const queue = new WorkQueue(clock, (key) => sync(gc, key), 'garbagecollector', onError)
  const enqueue = (resource: string, o: KubeObject) => queue.add(refKey({ resource, namespace: o.metadata.namespace, name: o.metadata.name! }))
  // Objects that existed before the collector started.
  for (const k of api.discovery().filter(isCollectable)) for (const o of api.list(k.plural).items) index.observe(k.plural, 'ADDED', o)
  const stop = api.onAnyChange((ev) => {
    const o = ev.object
    index.observe(ev.resource, ev.type, o)
    if (ev.type !== 'DELETED') enqueue(ev.resource, o)
    // A change to a dependent may unblock an owner waiting in foreground deletion.
    for (const r of o.metadata.ownerReferences ?? []) {
      const where = ownerRef(r, o.metadata.namespace, api.discovery())
      if (where) queue.add(refKey(where))
    }
    // An owner that vanished or started deleting: its dependents need a look.
    if (ev.type === 'DELETED' || (o.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp)) {
      for (const d of dependentsOf(gc, o.metadata.uid!)) enqueue(d.resource, d.obj)
    }
  })
  // Objects that existed before the collector started.
  for (const k of api.discovery().filter(isCollectable)) for (const o of api.list(k.plural).items) if (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp) enqueue(k.plural, o)
  return stop
}

/** What the collector's syncs share: the API and the owner → dependents index. */
interface GC {
  api: ApiServer
  index: OwnerIndex
}

function sync(gc: GC, key: string): void {
  const { api } = gc
  const ref = parseRefKey(key)
  const obj = tryGet(api, ref)
  if (!obj) return
  if (obj.metadata.deletionTimestamp) {
    if (hasFinalizer(obj, FINALIZER_ORPHAN)) return orphanDependents(gc, ref.resource, obj)
    if (hasFinalizer(obj, FINALIZER_FOREGROUND)) return deleteDependentsInForeground(gc, ref.resource, obj)
  }
  const refs = obj.metadata.ownerReferences ?? []
  if (refs.length === 0 || obj.metadata.deletionTimestamp) return
  // An owner of a kind this server does not serve cannot be looked up: keep the reference
  // (upstream's GC retries such items rather than deleting them).
  const live = refs.filter((r) => !kindOfRef(r, api.discovery()) || findOwner(api, r, obj.metadata.namespace))
  if (live.length === 0) {
    ignoreGoneOrConflict(() => api.delete(ref.resource, ref.namespace, ref.name, { propagationPolicy: 'Background', preconditions: { uid: obj.metadata.uid } }))
  } else if (live.length < refs.length) {
    ignoreGoneOrConflict(() => api.patch(ref.resource, ref.namespace, ref.name, 'merge', { metadata: { ownerReferences: live, resourceVersion: obj.metadata.resourceVersion } }))
  }
}

function removeFinalizer(api: ApiServer, resource: string, obj: KubeObject, f: string): void {
  const finalizers = (obj.metadata.finalizers ?? []).filter((x) => x !== f)
  ignoreGoneOrConflict(() => api.patch(resource, obj.metadata.namespace, obj.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, resourceVersion: obj.metadata.resourceVersion } }))
}

function orphanDependents(gc: GC, resource: string, owner: KubeObject): void {
  const { api } = gc
  for (const d of dependentsOf(gc, owner.metadata.uid!)) {
    const refs = withoutOwner(d.obj.metadata.ownerReferences, owner.metadata.uid!)
    ignoreGoneOrConflict(() => api.patch(d.resource, d.obj.metadata.namespace, d.obj.metadata.name!, 'merge', { metadata: { ownerReferences: refs.length ? refs : null } }))
  }
  removeFinalizer(api, resource, api.get(resource, owner.metadata.namespace, owner.metadata.name!), FINALIZER_ORPHAN)
}

function deleteDependentsInForeground(gc: GC, resource: string, owner: KubeObject): void {
  const { api } = gc
  const deps = dependentsOf(gc, owner.metadata.uid!)
  for (const d of deps) {
    if (d.obj.metadata.deletionTimestamp) continue
    // A dependent with dependents of its own is deleted in foreground too, so the chain unwinds bottom-up.
    const policy = gc.index.dependents(d.obj.metadata.uid!).length ? 'Foreground' : 'Background'
    ignoreGoneOrConflict(() => api.delete(d.resource, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: policy }))
  }
  const blocking = dependentsOf(gc, owner.metadata.uid!).filter((d) =>
    d.obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion === true))
  if (blocking.length === 0) removeFinalizer(api, resource, owner, FINALIZER_FOREGROUND)
}

// ---- owner/dependent lookups ----
// Owners are looked up in the API server each time. Dependents come from an index fed by the same
// change stream the collector watches (upstream's GraphBuilder keeps such a graph too): listing
// every object of every kind on each delete made a 1,000-pod rollout quadratic.

export const refKey = (r: ObjRef) => `${r.resource}|${r.namespace ?? ''}|${r.name}`

export function parseRefKey(key: string): ObjRef {
  const [resource, namespace, name] = key.split('|')
  return { resource, namespace: namespace || undefined, name }
}

export function kindOfRef(ref: OwnerReference, kinds: readonly KindInfo[] = KINDS): KindInfo | undefined {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : ''
  return kinds.find((k) => k.kind === ref.kind && k.group === group)
}

/** Where the owner named by `ref` lives, from a dependent in `namespace`. */
export function ownerRef(ref: OwnerReference, dependentNamespace: string | undefined, kinds: readonly KindInfo[] = KINDS): ObjRef | undefined {
  const k = kindOfRef(ref, kinds)
  if (!k) return undefined
  return { resource: k.plural, namespace: k.namespaced ? dependentNamespace : undefined, name: ref.name }
}

/** The owner if it exists with the referenced uid (a same-named newcomer is not the owner). */
export function findOwner(api: ApiServer, ref: OwnerReference, dependentNamespace: string | undefined): KubeObject | undefined {
  const where = ownerRef(ref, dependentNamespace, api.discovery())
  const o = where && tryGet(api, where)
  return o && o.metadata.uid === ref.uid ? o : undefined
}

/** owner uid → the objects whose ownerReferences name it, kept current from the change stream. */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, ObjRef>>()
  private readonly ownersOf = new Map<string, string[]>()

  observe(resource: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const uid = obj.metadata.uid!
    for (const owner of this.ownersOf.get(uid) ?? []) {
      const deps = this.byOwner.get(owner)
      deps?.delete(uid)
      if (deps?.size === 0) this.byOwner.delete(owner)
    }
    this.ownersOf.delete(uid)
    const owners = type === 'DELETED' ? [] : (obj.metadata.ownerReferences ?? []).map((r) => r.uid)
    if (owners.length === 0) return
    this.ownersOf.set(uid, owners)
    const ref: ObjRef = { resource, namespace: obj.metadata.namespace, name: obj.metadata.name! }
    for (const owner of owners) {
      let deps = this.byOwner.get(owner)
      if (!deps) this.byOwner.set(owner, (deps = new Map()))
      deps.set(uid, ref)
    }
  }

  dependents(ownerUid: string): { uid: string; ref: ObjRef }[] {
    return [...(this.byOwner.get(ownerUid) ?? [])].map(([uid, ref]) => ({ uid, ref }))
  }
}

/** Every object (any kind) with an ownerReference to `ownerUid`, as the API server has it now. */
function dependentsOf(gc: GC, ownerUid: string): { resource: string; obj: KubeObject }[] {
  const out: { resource: string; obj: KubeObject }[] = []
  for (const { uid, ref } of gc.index.dependents(ownerUid)) {
    const obj = tryGet(gc.api, ref)
    if (obj && obj.metadata.uid === uid && obj.metadata.ownerReferences?.some((r) => r.uid === ownerUid)) out.push({ resource: ref.resource, obj })
  }
  return out
}
