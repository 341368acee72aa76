// An in-memory ApiClient for kubectl's unit tests: enough of the API server's behaviour (names,
// namespaces, selectors, patches, watch, graceful deletion on demand) to pin kubectl's output.
// Scenario tests against the real engine live in src/testing/kubectl/.
import type { AbortSignalLike, ApiClient, ChunkWriter, DeleteOptions, ExecIO, ExecSession, ListOptions, PatchType, PodExecOptions, PodLogOptions, PodSubresources, PortForwardTunnel, WatchOptions, WriteOptions } from '../../api/client'
import { KINDS, type KindInfo } from '../../api/kinds'
import type { KubeObject, ObjectList, WatchEvent } from '../../api/types'
import { alreadyExists, fieldInvalid, fieldRequired, invalid, notFound, badRequest } from '../../api/errors'
import { deepCopy } from '../../api/objects'
import { matchesSelectorString } from '../../api/labels'
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../api/merge'
import { isDNS1123Subdomain } from '../../api/labels'

type Handler = (ev: WatchEvent) => void
interface Watcher { resource: string; opts: WatchOptions; handler: Handler }

export class FakeApi implements ApiClient {
  private store = new Map<string, KubeObject>()
  private rv = 100
  private uid = 0
  private watchers = new Set<Watcher>()
  /** Every write, for tests that prove nothing was (half-)applied. */
  writes: Array<{ verb: string; resource: string; name: string; dryRun?: boolean; patch?: unknown }> = []
  /** When true, deleting a pod only marks it (deletionTimestamp); finishDeletes() removes it. */
  graceful = false
  /** Pod subresources a test scripts (logs, exec, port-forward); unset ones answer BadRequest. */
  subresources: Partial<PodSubresources> = {}

  private noSubresource(what: string): never {
    throw badRequest(`${what} is not scripted in this test`)
  }
  podLogs(namespace: string, name: string, opts: PodLogOptions, out: ChunkWriter, signal: AbortSignalLike): Promise<void> {
    if (!this.subresources.podLogs) this.noSubresource('pods/log')
    return this.subresources.podLogs(namespace, name, opts, out, signal)
  }
  podExec(namespace: string, name: string, opts: PodExecOptions, io: ExecIO): Promise<number> {
    if (!this.subresources.podExec) this.noSubresource('pods/exec')
    return this.subresources.podExec(namespace, name, opts, io)
  }
  podExecSession(namespace: string, name: string, opts: PodExecOptions): ExecSession {
    if (!this.subresources.podExecSession) this.noSubresource('pods/exec')
    return this.subresources.podExecSession(namespace, name, opts)
  }
  podPortForward(namespace: string, name: string, port: number): PortForwardTunnel {
    if (!this.subresources.podPortForward) this.noSubresource('pods/portforward')
    return this.subresources.podPortForward(namespace, name, port)
  }

  constructor(public now: () => string = () => '2026-01-01T00:00:00Z', public kinds: readonly KindInfo[] = KINDS) {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
    }
    this.writes = []
  }

  private kind(resource: string): KindInfo {
    const k = this.kinds.find((x) => x.plural === resource)
    if (!k) throw notFound(resource, '')
    return k
  }
  private key(resource: string, ns: string | undefined, name: string): string {
    return `${resource}/${this.kind(resource).namespaced ? ns ?? '' : ''}/${name}`
  }
  private emit(resource: string, type: WatchEvent['type'], obj: KubeObject): void {
    for (const w of [...this.watchers]) {
      if (w.resource !== resource) continue
      if (!this.matches(w.resource, w.opts, obj)) continue
      w.handler({ type, object: deepCopy(obj) })
    }
  }
  private matches(resource: string, opts: ListOptions, o: KubeObject): boolean {
    if (this.kind(resource).namespaced && opts.namespace && o.metadata.namespace !== opts.namespace) return false
    if (opts.labelSelector && !matchesSelectorString(opts.labelSelector, o.metadata.labels)) return false
    if (opts.fieldSelector) {
      for (const term of opts.fieldSelector.split(',')) {
        const m = /^([\w.]+)(==|=|!=)(.*)$/.exec(term)
        if (!m) throw badRequest(`invalid selector: '${opts.fieldSelector}'; can't understand '${term}'`)
        const v = m[1].split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], o)
        if ((m[2] === '!=') === (String(v ?? '') === m[3])) return false
      }
    }
    return true
  }

  discovery(): readonly KindInfo[] { return this.kinds }

  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T {
    const o = this.store.get(this.key(resource, namespace, name))
    if (!o) throw notFound(resource, name)
    return deepCopy(o) as T
  }

  list<T extends KubeObject>(resource: string, opts: ListOptions = {}): ObjectList<T> {
    const k = this.kind(resource)
    for (const term of (opts.fieldSelector ?? '').split(',').filter(Boolean)) {
      if (!/^([\w.]+)(==|=|!=)(.*)$/.test(term)) throw badRequest(`invalid selector: '${opts.fieldSelector}'; can't understand '${term}'`)
    }
    const items = [...this.store.entries()].filter(([key]) => key.startsWith(resource + '/')).map(([, o]) => o)
      .filter((o) => this.matches(resource, opts, o))
      .sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`))
    return { apiVersion: 'v1', kind: `${k.kind}List`, metadata: { resourceVersion: String(this.rv) }, items: items.map((o) => deepCopy(o) as T) }
  }

  private validate(k: KindInfo, obj: KubeObject): void {
    const name = obj.metadata?.name
    if (!name) throw invalid(k.kind, '', [fieldRequired('metadata.name', 'name or generateName is required')])
    const errs = isDNS1123Subdomain(name)
    if (errs.length > 0) throw invalid(k.kind, name, [fieldInvalid('metadata.name', name, errs[0])])
    if (k.kind === 'Pod') {
      const cs = ((obj.spec as { containers?: Array<{ image?: string }> } | undefined)?.containers) ?? []
      const causes = cs.flatMap((c, i) => (c.image ? [] : [fieldRequired(`spec.containers[${i}].image`)]))
      if (cs.length === 0) causes.push(fieldRequired('spec.containers'))
      if (causes.length > 0) throw invalid(k.kind, name, causes)
    }
    if (k.namespaced && !this.store.has(`namespaces//${obj.metadata.namespace}`)) throw notFound('namespaces', obj.metadata.namespace ?? '')
  }

  create<T extends KubeObject>(resource: string, obj: T, opts: WriteOptions = {}): T {
    const k = this.kind(resource)
    const o = deepCopy(obj) as KubeObject
    o.metadata = { ...o.metadata }
    if (k.namespaced) o.metadata.namespace ??= 'default'
    else delete o.metadata.namespace
    this.validate(k, o)
    const key = this.key(resource, o.metadata.namespace, o.metadata.name!)
    if (this.store.has(key)) throw alreadyExists(resource, o.metadata.name!)
    o.metadata = { ...o.metadata, uid: `uid-${++this.uid}`, resourceVersion: String(++this.rv), creationTimestamp: this.now() }
    if (opts.dryRun) return deepCopy(o) as T
    this.store.set(key, o)
    this.writes.push({ verb: 'create', resource, name: o.metadata.name! })
    this.emit(resource, 'ADDED', o)
    return deepCopy(o) as T
  }

  update<T extends KubeObject>(resource: string, obj: T, opts: WriteOptions = {}): T {
    const k = this.kind(resource)
    const cur = this.get(resource, obj.metadata.namespace, obj.metadata.name ?? '')
    const o = deepCopy(obj) as KubeObject
    this.validate(k, o)
    o.metadata = { ...o.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp, resourceVersion: String(++this.rv) }
    if (opts.dryRun) return o as T
    this.store.set(this.key(resource, o.metadata.namespace, o.metadata.name!), o)
    this.writes.push({ verb: 'update', resource, name: o.metadata.name! })
    this.emit(resource, 'MODIFIED', o)
    return deepCopy(o) as T
  }

  updateStatus<T extends KubeObject>(resource: string, obj: T, opts?: WriteOptions): T { return this.update(resource, obj, opts) }

  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): T {
    const cur = this.get(resource, namespace, name)
    const next = (type === 'merge' ? jsonMergePatch(cur, patch) : type === 'strategic' ? strategicMergePatch(cur, patch) : jsonPatch(cur, patch)) as KubeObject
    this.writes.push({ verb: 'patch', resource, name, patch, dryRun: !!opts.dryRun })
    if (opts.dryRun) return next as T
    const saved = this.update(resource, { ...next, metadata: { ...next.metadata, resourceVersion: undefined } }, {})
    this.writes.pop()
    return saved as T
  }

  delete<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const key = this.key(resource, namespace, name)
    const cur = this.get(resource, namespace, name)
    if (opts.dryRun) return cur as T
    this.writes.push({ verb: 'delete', resource, name })
    if (this.graceful && resource === 'pods' && opts.gracePeriodSeconds !== 0) {
      cur.metadata = { ...cur.metadata, deletionTimestamp: this.now(), resourceVersion: String(++this.rv) }
      this.store.set(key, cur)
      this.emit(resource, 'MODIFIED', cur)
      return cur as T
    }
    this.store.delete(key)
    this.emit(resource, 'DELETED', cur)
    return cur as T
  }

  /** Completes graceful deletions started while `graceful` was true. */
  finishDeletes(): void {
    for (const [key, o] of [...this.store]) {
      if (!o.metadata.deletionTimestamp) continue
      this.store.delete(key)
      this.emit(key.split('/')[0], 'DELETED', o)
    }
  }

  deleteCollection(resource: string, opts: ListOptions & DeleteOptions = {}): KubeObject[] {
    return this.list(resource, opts).items.map((o) => this.delete(resource, o.metadata.namespace, o.metadata.name ?? '', opts))
  }

  watch<T extends KubeObject>(resource: string, opts: WatchOptions, handler: (ev: WatchEvent<T>) => void): () => void {
    const w: Watcher = { resource, opts, handler: handler as Handler }
    if (opts.resourceVersion === undefined) for (const o of this.list(resource, opts).items) handler({ type: 'ADDED', object: o as T })
    this.watchers.add(w)
    return () => { this.watchers.delete(w) }
  }
}
