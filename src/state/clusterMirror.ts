// The UI's copy of the cluster: objects keyed by uid, kept current by applying the engine's deltas
// with a pure reducer (headlamp's KubeList.applyUpdate, tldraw's RecordsDiff). A delta may arrive
// after a newer one was applied (or repeat one): an object whose resourceVersion is not newer than
// the stored one is ignored, so the mirror never goes back in time.
import { createStore } from 'zustand/vanilla'
import type { KubeObject } from '../api/types'
import type { ObjectsDelta } from '../protocol/messages'

export type ObjectsByUid = Readonly<Record<string, KubeObject>>

export interface ClusterState {
  /** True once the engine's `ready` arrived. */
  ready: boolean
  objects: ObjectsByUid
}

/** resourceVersion is an opaque string upstream; ours (like etcd's) is a decimal counter. */
function rvNumber(obj: KubeObject): number {
  const n = Number(obj.metadata.resourceVersion)
  return Number.isFinite(n) ? n : NaN
}

/** Whether `cur` should replace `prev`: newer resourceVersion (unknown versions always win). */
export function isNewer(cur: KubeObject, prev: KubeObject | undefined): boolean {
  if (!prev) return true
  const a = rvNumber(cur)
  const b = rvNumber(prev)
  if (Number.isNaN(a) || Number.isNaN(b)) return cur.metadata.resourceVersion !== prev.metadata.resourceVersion
  return a > b
}

function uidOf(obj: KubeObject): string {
  return obj.metadata.uid ?? `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`
}

export function objectsFromList(list: readonly KubeObject[]): ObjectsByUid {
  const out: Record<string, KubeObject> = {}
  for (const o of list) {
    const uid = uidOf(o)
    if (isNewer(o, out[uid])) out[uid] = o
  }
  return out
}

/** Applies one delta; returns the same object when nothing changed (cheap equality for React). */
export function applyDelta(state: ObjectsByUid, delta: ObjectsDelta): ObjectsByUid {
  let next: Record<string, KubeObject> | null = null
  const write = (): Record<string, KubeObject> => (next ??= { ...state })
  const current = (uid: string) => (next ?? state)[uid]
  for (const o of delta.added) {
    const uid = uidOf(o)
    if (isNewer(o, current(uid))) write()[uid] = o
  }
  for (const [, cur] of delta.updated) {
    const uid = uidOf(cur)
    if (isNewer(cur, current(uid))) write()[uid] = cur
  }
  for (const o of delta.removed) {
    const uid = uidOf(o)
    if (current(uid)) delete write()[uid]
  }
  return next ?? state
}

export function createClusterStore() {
  return createStore<ClusterState>()(() => ({ ready: false, objects: {} }))
}

export const clusterStore = createClusterStore()

export function resetCluster(objects: readonly KubeObject[]): void {
  clusterStore.setState({ ready: true, objects: objectsFromList(objects) })
}

export function applyClusterDelta(delta: ObjectsDelta): void {
  const { objects } = clusterStore.getState()
  const next = applyDelta(objects, delta)
  if (next !== objects) clusterStore.setState({ objects: next })
}
