// The controller's pod lister: pods by namespace, kept current by the same watch that drives the
// handlers (client-go's shared informer cache). Each watcher receives its own copy of every
// object, so holding on to them is safe; nothing here is ever modified or written back.
// Why: a sync reads every pod of the namespace; listing through the API copies them all, and a
// 1,000-replica ReplicaSet syncs thousands of times while its pods start (1,000 × thousands copies).
import type { KubeObject, Pod } from '../../../api/types'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'

export type CachedPod = Pod & KubeObject

export class PodCache {
  private byNamespace = new Map<string, Map<string, CachedPod>>()

  /** Prime from a list (the informer's initial LIST). */
  constructor(api: ApiServer) {
    for (const p of api.list<CachedPod>('pods').items) this.set(p)
  }

  /** Apply one pod watch event. */
  apply(ev: AnyChangeEvent): void {
    const pod = ev.object as CachedPod
    if (ev.type === 'DELETED') this.byNamespace.get(pod.metadata.namespace ?? '')?.delete(pod.metadata.name!)
    else this.set(pod)
  }

  /** The namespace's pods (read-only: do not modify them). */
  list(namespace: string | undefined): CachedPod[] {
    return [...(this.byNamespace.get(namespace ?? '')?.values() ?? [])]
  }

  private set(pod: CachedPod): void {
    const ns = pod.metadata.namespace ?? ''
    let m = this.byNamespace.get(ns)
    if (!m) this.byNamespace.set(ns, (m = new Map()))
    m.set(pod.metadata.name!, pod)
  }
}
