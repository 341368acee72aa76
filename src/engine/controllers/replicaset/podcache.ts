// The controller's pod lister: pods by namespace, kept current by the same watch that drives the
// handlers (client-go's shared informer cache). Each watcher receives its own copy of every
// object, so holding on to them is safe; nothing here is ever modified or written back.
// Why: a sync reads every pod of the namespace; listing through the API copies them all, and a
// 1,000-replica ReplicaSet syncs thousands of times while its pods start (1,000 × thousands copies).
import type { KubeObject, Pod } from '../../../api/types'
import { getControllerOf } from '../../../api/objects'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'

export type CachedPod = Pod & KubeObject

export class PodCache {
  private byNamespace = new Map<string, Map<string, CachedPod>>()
  // Pods by controller uid, and pods without a controller by namespace: what ClaimPods can
  // possibly claim. Pods of other controllers are skipped by ClaimPods anyway, and scanning them
  // made a 1,000-replica rollout quadratic (each of thousands of syncs read every pod).
  private byController = new Map<string, Map<string, CachedPod>>()
  private orphans = new Map<string, Map<string, CachedPod>>()

  /** Prime from a list (the informer's initial LIST). */
  constructor(api: ApiServer) {
    for (const p of api.list<CachedPod>('pods').items) this.set(p)
  }

  /** Apply one pod watch event. */
  apply(ev: AnyChangeEvent): void {
    const pod = ev.object as CachedPod
    if (ev.type === 'DELETED') this.remove(pod)
    else this.set(pod)
  }

  /** The namespace's pods that `controllerUid` owns or could adopt (read-only). */
  claimable(namespace: string | undefined, controllerUid: string): CachedPod[] {
    return [
      ...(this.byController.get(controllerUid)?.values() ?? []),
      ...(this.orphans.get(namespace ?? '')?.values() ?? []),
    ]
  }

  /** The namespace's pods (read-only: do not modify them). */
  list(namespace: string | undefined): CachedPod[] {
    return [...(this.byNamespace.get(namespace ?? '')?.values() ?? [])]
  }

  private set(pod: CachedPod): void {
    const ns = pod.metadata.namespace ?? ''
    const key = `${ns}/${pod.metadata.name}`
    this.remove(pod)
    slot(this.byNamespace, ns).set(pod.metadata.name!, pod)
    const owner = getControllerOf(pod)?.uid
    if (owner) slot(this.byController, owner).set(key, pod)
    else slot(this.orphans, ns).set(key, pod)
  }

  private remove(pod: CachedPod): void {
    const ns = pod.metadata.namespace ?? ''
    const key = `${ns}/${pod.metadata.name}`
    const old = this.byNamespace.get(ns)?.get(pod.metadata.name!)
    if (!old) return
    this.byNamespace.get(ns)!.delete(pod.metadata.name!)
    const owner = getControllerOf(old)?.uid
    if (owner) {
      const m = this.byController.get(owner)
      m?.delete(key)
      if (m?.size === 0) this.byController.delete(owner)
    } else {
      this.orphans.get(ns)?.delete(key)
    }
  }
}

function slot<V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> {
  let inner = m.get(k)
  if (!inner) m.set(k, (inner = new Map()))
  return inner
}
