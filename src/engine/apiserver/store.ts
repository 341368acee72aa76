// The storage layer, standing in for etcd: objects by resource (plural), then `namespace/name`.
// One global counter supplies resourceVersions, bumped on every write, like etcd's revision.
import type { KubeObject } from '../../api/types'
import { deepCopy } from '../../api/objects'

export class Store {
  private readonly byResource = new Map<string, Map<string, KubeObject>>()
  private rv = 0

  /** The last resourceVersion handed out (the list resourceVersion). */
  currentRV(): number {
    return this.rv
  }

  nextRV(): number {
    return ++this.rv
  }

  static key(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}/${name}` : name
  }

  /** The stored object itself (never hand it out: callers get copies). */
  peek(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(Store.key(namespace, name))
  }

  put(resource: string, obj: KubeObject): void {
    let m = this.byResource.get(resource)
    if (!m) this.byResource.set(resource, (m = new Map()))
    m.set(Store.key(obj.metadata.namespace, obj.metadata.name!), obj)
  }

  remove(resource: string, obj: KubeObject): void {
    this.byResource.get(resource)?.delete(Store.key(obj.metadata.namespace, obj.metadata.name!))
  }

  /** Stored objects of a resource (optionally one namespace), sorted by namespace/name as etcd lists. */
  all(resource: string, namespace?: string): KubeObject[] {
    const m = this.byResource.get(resource)
    if (!m) return []
    const keys = [...m.keys()].sort()
    const out: KubeObject[] = []
    for (const k of keys) {
      const o = m.get(k)!
      if (namespace === undefined || o.metadata.namespace === namespace) out.push(o)
    }
    return out
  }

  resources(): string[] {
    return [...this.byResource.keys()]
  }

  copy(o: KubeObject): KubeObject {
    return deepCopy(o)
  }
}
