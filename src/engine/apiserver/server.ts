// The API server: storage, admission and watch behind the ApiClient verbs. Generic over the kind
// table (api/kinds.ts); kind-specific behaviour lives in admission/ and delete.ts.
import type { KubeObject, ObjectList, WatchEvent, WatchEventType } from '../../api/types'
import type { AbortSignalLike, ApiClient, ChunkWriter, DeleteOptions, ExecIO, ExecSession, ListOptions, PatchType, PodExecOptions, PodLogOptions, PortForwardTunnel, WatchOptions, WriteOptions } from '../../api/client'
import { KINDS, apiVersionOf, qualifiedResource, type KindInfo } from '../../api/kinds'
import { alreadyExists, badRequest, conflict, forbiddenFor, methodNotAllowed, notFound, isStatusError } from '../../api/errors'
import { deepCopy, setCondition, type Condition } from '../../api/objects'
import type { VirtualClock } from '../runtime/clock'
import { NAME_SUFFIX_ALPHABET, type SeededRandom } from '../runtime/random'
import { Store } from './store'
import { WatchHub, type Change, type HubEvent } from './watch'
import { admit, admitStatus, releaseAllocated } from './admission'
import { ServiceAllocators } from './allocators'
import { generateName, keepSystemMeta, metaOf, tracksGeneration, sameObject, specChanged } from './meta'
import { planDelete, readyToRemove } from './delete'
import { decodeCheck } from './decode'
import { applyPatch } from './patching'
import { checkNamespaceOpen, IMMORTAL_NAMESPACES } from './lifecycle'
import { EventTTL } from './eventttl'
import { filterFor, guardSize, nsFor, resolveKind } from './request'
import { bind, BINDINGS_RESOURCE } from './binding'
import { VERSION_INFO, type VersionInfo } from './version'
import { NodeConnections } from './nodeproxy'
import { podExec, podExecSession, podLogs, podPortForward } from './podsubresources'
import { isMetricsResource, metricsGet, metricsList, metricsMethodNotAllowed } from './metrics'

export interface ApiServerOptions {
  clock: VirtualClock
  random: SeededRandom
  /** The kind table to serve (default: api/kinds.ts KINDS); tests may add kinds. */
  kinds?: readonly KindInfo[]
}

/** onAnyChange events: the resource (plural) and, for MODIFIED/DELETED, the state before the write. */
export type AnyChangeEvent = HubEvent

/** What ApiClient.update callers may hand in that the verbs treat as a precondition. */
const RV_CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again'

export class ApiServer implements ApiClient {
  readonly clock: VirtualClock
  readonly random: SeededRandom
  private readonly kinds: readonly KindInfo[]
  private readonly store = new Store()
  private readonly hub = new WatchHub((o) => deepCopy(o))
  private readonly eventTTL: EventTTL
  /** Kubelets register here; the pod subresources proxy to them. */
  readonly nodeConnections = new NodeConnections()
  /** ClusterIPs (10.96.0.0/12) and NodePorts (30000-32767), drawn from the server's random stream. */
  readonly allocators: ServiceAllocators

  constructor(opts: ApiServerOptions) {
    this.clock = opts.clock
    this.random = opts.random
    this.kinds = opts.kinds ?? KINDS
    this.allocators = new ServiceAllocators(this.random)
    this.eventTTL = new EventTTL(this.clock, (ns, name, uid) => {
      try {
        this.delete('events', ns, name, { preconditions: { uid } })
      } catch (e) {
        if (!isStatusError(e)) throw e
      }
    })
  }

  podLogs(namespace: string, name: string, opts: PodLogOptions, out: ChunkWriter, signal: AbortSignalLike): Promise<void> {
    return podLogs(this, namespace, name, opts, out, signal)
  }

  podExec(namespace: string, name: string, opts: PodExecOptions, io: ExecIO): Promise<number> {
    return podExec(this, namespace, name, opts, io)
  }

  podExecSession(namespace: string, name: string, opts: PodExecOptions): ExecSession {
    return podExecSession(this, namespace, name, opts)
  }

  podPortForward(namespace: string, name: string, port: number): PortForwardTunnel {
    return podPortForward(this, namespace, name, port)
  }

  discovery(): readonly KindInfo[] {
    return this.kinds
  }

  version(): VersionInfo {
    return { ...VERSION_INFO }
  }

  /** Every change to every resource, after it is stored (the worker's delta stream). */
  /**
   * Every change of every kind. `accept`, when given, picks changes by resource and type before
   * any copy is made: each delivered event copies the object (and its previous state), and a
   * rollout writes tens of thousands of pods and events that most listeners never look at.
   */
  onAnyChange(fn: (ev: AnyChangeEvent) => void, accept?: (resource: string, type: WatchEventType) => boolean): () => void {
    return this.hub.add(undefined, () => true, fn, undefined, [], this.store.currentRV(), accept)
  }

  /** Handler errors swallowed by watch delivery (a throwing watcher never breaks a write). */
  get watchErrors(): readonly unknown[] {
    return this.hub.handlerErrors
  }

  currentResourceVersion(): string {
    return String(this.store.currentRV())
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T {
    if (isMetricsResource(resource)) return metricsGet(this, resource, namespace, name) as T
    const info = this.kind(resource)
    const o = this.store.peek(info.plural, nsFor(info, namespace), name)
    if (!o) throw notFound(qualifiedResource(info), name)
    return deepCopy(o) as T
  }

  list<T extends KubeObject = KubeObject>(resource: string, opts?: ListOptions): ObjectList<T> {
    if (isMetricsResource(resource)) return metricsList(this, resource, opts) as ObjectList<T>
    const info = this.kind(resource)
    const match = filterFor(info, opts)
    const items = this.store.all(info.plural).filter(match).map((o) => deepCopy(o) as T)
    return { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: String(this.store.currentRV()) }, items }
  }

  create<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T {
    guardSize(obj)
    if (resource === BINDINGS_RESOURCE) return bind(this, obj) as T
    const info = this.kind(resource)
    const o = deepCopy(obj) as KubeObject
    o.apiVersion = apiVersionOf(info)
    o.kind = info.kind
    o.metadata = { ...(o.metadata ?? {}) }
    decodeCheck(info, o)
    const m = metaOf(o)
    if (m.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created')
    if (info.namespaced) m.namespace = m.namespace || 'default'
    else delete m.namespace
    if (!m.name && m.generateName) m.name = generateName(m.generateName, this.random)
    if (info.namespaced) checkNamespaceOpen(this.store.peek('namespaces', undefined, m.namespace!), qualifiedResource(info), m.namespace!, m.name ?? '')
    m.uid = this.random.uuid()
    m.creationTimestamp = this.clock.nowISO()
    if (tracksGeneration(info.kind)) m.generation = 1
    else delete m.generation
    delete m.deletionTimestamp
    delete m.deletionGracePeriodSeconds
    delete m.managedFields
    // Registry strategies reset status on create (PrepareForCreate); nodes may register with one.
    if (info.hasStatus && !KEEP_STATUS_ON_CREATE.has(info.kind)) delete o.status
    const dryRun = opts?.dryRun === 'All'
    const txn = admit(info, o, { op: 'create', now: this.clock.nowISO(), randomSuffix: (n) => this.random.string(n, NAME_SUFFIX_ALPHABET), allocators: this.allocators, dryRun, list: (plural) => this.list(plural).items })
    if (this.store.peek(info.plural, m.namespace, m.name!)) { txn?.revert(); throw alreadyExists(qualifiedResource(info), m.name!) }
    if (dryRun) { txn?.revert(); return deepCopy(o) as T }
    const created = this.commit(info, 'ADDED', o) as T
    txn?.commit()
    return created
  }

  update<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T {
    guardSize(obj)
    const info = this.kind(resource)
    const old = this.mustGet(info, obj.metadata?.namespace, obj.metadata?.name ?? '')
    this.checkRV(info, old, obj.metadata?.resourceVersion)
    const next = deepCopy(obj) as KubeObject
    decodeCheck(info, next)
    next.apiVersion = apiVersionOf(info)
    next.kind = info.kind
    next.metadata = { ...next.metadata, namespace: old.metadata.namespace }
    keepSystemMeta(next, old)
    if (info.hasStatus) next.status = deepCopy(old.status)
    // Namespace spec.finalizers change only through the finalize subresource (finalizeNamespace).
    if (info.plural === 'namespaces') next.spec = { ...((next.spec as object) ?? {}), finalizers: deepCopy((old.spec as { finalizers?: string[] })?.finalizers) }
    const dryRun = opts?.dryRun === 'All'
    const txn = admit(info, next, { op: 'update', old: deepCopy(old), now: this.clock.nowISO(), allocators: this.allocators, dryRun })
    if (dryRun) txn?.revert()
    else txn?.commit()
    return this.commitUpdate(info, old, next, opts) as T
  }

  updateStatus<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T {
    guardSize(obj)
    const info = this.kind(resource)
    const old = this.mustGet(info, obj.metadata?.namespace, obj.metadata?.name ?? '')
    this.checkRV(info, old, obj.metadata?.resourceVersion)
    const next = deepCopy(old)
    next.status = deepCopy(obj.status)
    admitStatus(info, next, old)
    return this.commitUpdate(info, old, next, opts) as T
  }

  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions & { subresource?: 'status' }): T {
    guardSize(patch)
    const info = this.kind(resource)
    const old = this.mustGet(info, namespace, name)
    const patched = applyPatch(type, deepCopy(old), patch)
    if (!patched || typeof patched !== 'object' || !patched.metadata) throw badRequest('the patch removed the object metadata')
    patched.metadata.name = name
    patched.metadata.namespace = old.metadata.namespace
    if (opts?.subresource === 'status') return this.updateStatus(resource, patched as T, opts)
    return this.update(resource, patched as T, opts)
  }

  delete<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const info = this.kind(resource)
    const old = this.mustGet(info, namespace, name)
    const pre = opts.preconditions
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw conflict(qualifiedResource(info), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`)
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(qualifiedResource(info), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`)
    }
    if (info.plural === 'namespaces' && IMMORTAL_NAMESPACES.includes(name)) {
      throw forbiddenFor('namespaces', name, 'this namespace may not be deleted')
    }
    const plan = planDelete(info.plural, deepCopy(old), opts, this.clock.now())
    if (opts.dryRun === 'All') return deepCopy(plan.action === 'update' ? plan.obj : old) as T
    if (plan.action === 'none') return deepCopy(old) as T
    if (plan.action === 'update') return this.commit(info, 'MODIFIED', plan.obj, old) as T
    return this.commit(info, 'DELETED', deepCopy(old), old) as T
  }

  deleteCollection(resource: string, opts: ListOptions & DeleteOptions = {}): KubeObject[] {
    const info = this.kind(resource)
    if (!info.verbs.includes('deletecollection')) throw methodNotAllowed('the server does not allow this method on the requested resource')
    const out: KubeObject[] = []
    for (const o of this.list(resource, opts).items) {
      try {
        out.push(this.delete(resource, o.metadata.namespace, o.metadata.name!, opts))
      } catch (e) {
        if (!(isStatusError(e) && e.status.reason === 'NotFound')) throw e
      }
    }
    return out
  }

  watch<T extends KubeObject = KubeObject>(resource: string, opts: WatchOptions, handler: (ev: WatchEvent<T>) => void): () => void {
    const info = this.kind(resource)
    const match = filterFor(info, opts)
    const rv = opts.resourceVersion
    const fromRV = rv === undefined || rv === '' || rv === '0' ? undefined : Number(rv)
    if (fromRV !== undefined && !Number.isInteger(fromRV)) throw badRequest(`invalid resource version: ${rv}`)
    const initial = fromRV === undefined ? this.store.all(info.plural).filter(match) : []
    const fn = (ev: AnyChangeEvent) => handler({ type: ev.type, object: ev.object as T })
    return this.hub.add(info.plural, match, fn, fromRV, initial, this.store.currentRV())
  }

  /** The namespaces/finalize subresource: set spec.finalizers (the namespace controller's last step). */
  finalizeNamespace(name: string, finalizers: string[]): KubeObject {
    const info = this.kind('namespaces')
    const old = this.mustGet(info, undefined, name)
    const next = deepCopy(old)
    next.spec = { ...((next.spec as object) ?? {}), finalizers: [...finalizers] }
    return this.commitUpdate(info, old, next)
  }

  /** pods/binding (binding.ts): set spec.nodeName and PodScheduled=True in one write. */
  assignNode(namespace: string, name: string, node: string): KubeObject {
    const info = this.kind('pods')
    const old = this.mustGet(info, namespace, name)
    const next = deepCopy(old) as KubeObject & { spec: { nodeName?: string }; status?: { conditions?: Condition[] } }
    next.spec.nodeName = node
    next.status = { ...(next.status ?? {}) }
    next.status.conditions = setCondition<Condition>(next.status.conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, this.clock.nowISO())
    return this.commitUpdate(info, old, next)
  }

  // ---- internals ----

  private kind(resource: string): KindInfo {
    // metrics.k8s.io is served by get/list only (metrics.ts): every other verb is 405.
    if (isMetricsResource(resource)) metricsMethodNotAllowed()
    return resolveKind(resource, this.kinds)
  }

  private mustGet(info: KindInfo, namespace: string | undefined, name: string): KubeObject {
    const o = this.store.peek(info.plural, nsFor(info, namespace), name)
    if (!o) throw notFound(qualifiedResource(info), name)
    return o
  }

  private checkRV(info: KindInfo, old: KubeObject, rv: string | undefined): void {
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(qualifiedResource(info), old.metadata.name!, RV_CONFLICT)
  }

  private commitUpdate(info: KindInfo, old: KubeObject, next: KubeObject, opts?: WriteOptions): KubeObject {
    if (tracksGeneration(info.kind) && specChanged(old, next)) metaOf(next).generation = (old.metadata.generation ?? 0) + 1
    if (readyToRemove(info.plural, next)) {
      return opts?.dryRun === 'All' ? deepCopy(next) : this.commit(info, 'DELETED', next, old)
    }
    if (sameObject(old, next)) return deepCopy(old)
    if (opts?.dryRun === 'All') return deepCopy(next)
    return this.commit(info, 'MODIFIED', next, old)
  }

  /** Store (or remove) with a fresh resourceVersion and tell the watchers. */
  private commit(info: KindInfo, type: Change['type'], obj: KubeObject, old?: KubeObject): KubeObject {
    const rv = this.store.nextRV()
    metaOf(obj).resourceVersion = String(rv)
    if (type === 'DELETED') {
      this.store.remove(info.plural, obj)
      releaseAllocated(info, obj, this.allocators)
    } else this.store.put(info.plural, obj)
    if (info.kind === 'Event') {
      if (type === 'DELETED') this.eventTTL.forget(obj)
      else this.eventTTL.touch(obj)
    }
    this.hub.publish({ resource: info.plural, type, object: obj, old, rv })
    return deepCopy(obj)
  }
}

/** Kinds whose create keeps the status the client sent (the kubelet registers its Node with one). */
const KEEP_STATUS_ON_CREATE = new Set(['Node'])
