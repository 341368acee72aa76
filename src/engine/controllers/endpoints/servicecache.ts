// The Services lister both endpoint controllers keep from their own watch (client-go's informer
// cache): Services by namespace, so a pod event finds the Services selecting it without listing
// (and copying) every Service through the API. Objects are the watch's own copies; never modified.
import type { KubeObject, Service } from '../../../api/types'
import type { AnyChangeEvent } from '../../apiserver'
import { selectorSelects, serviceSelector } from './podendpoints'

export type CachedService = Service & KubeObject

export class ServiceCache {
  private byNamespace = new Map<string, Map<string, CachedService>>()

  apply(ev: AnyChangeEvent): void {
    const svc = ev.object as CachedService
    const ns = svc.metadata.namespace ?? ''
    if (ev.type === 'DELETED') {
      this.byNamespace.get(ns)?.delete(svc.metadata.name!)
      return
    }
    let m = this.byNamespace.get(ns)
    if (!m) this.byNamespace.set(ns, (m = new Map()))
    m.set(svc.metadata.name!, svc)
  }

  get(namespace: string | undefined, name: string): CachedService | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name)
  }

  /** getPodServiceMemberships: keys of the namespace's Services whose selector matches `labels`. */
  selecting(namespace: string | undefined, labels: Record<string, string> | undefined): string[] {
    const out: string[] = []
    for (const svc of this.byNamespace.get(namespace ?? '')?.values() ?? []) {
      const sel = serviceSelector(svc)
      if (sel && selectorSelects(sel, labels)) out.push(`${svc.metadata.namespace}/${svc.metadata.name}`)
    }
    return out
  }

  all(): CachedService[] {
    return [...this.byNamespace.values()].flatMap((m) => [...m.values()])
  }
}
