// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go + update.go, v1.30): one
// pod per eligible node. Handlers only enqueue; syncDaemonSet reads the DaemonSet, the nodes and
// its pods (claimed by selector), then
//   manage:        create a pod for each node that should run one and has none (pinned to the
//                  node by nodeAffinity matchFields metadata.name, bound by the scheduler), delete
//                  pods on nodes that should not run one, failed pods (with back-off) and extras;
//   rollingUpdate: maxSurge 0 → delete old pods while at most maxUnavailable are unavailable;
//                  the next manage pass creates their replacements;
//   status:        calculateStatus, written only when it changed.
// A deleted pod is replaced once it is gone: `kubectl delete pod -n kube-system -l k8s-app=kube-proxy`
// brings up a new kube-proxy-xxxxx on the same node, as on a real cluster.
import type { DaemonSet, KubeObject, Node, OwnerReference, Pod } from '../../../api/types'
import { deepEqual, getControllerOf } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'
import { tryGet } from '../../apiserver'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, keyOf, splitKey, type SyncResult } from '../../runtime/workqueue'
import type { EventRecorder } from '../../events/recorder'
import { isPodAvailable, podKey, selectorMatches } from '../podutil'
import { ControllerExpectations } from '../replicaset/expectations'
import { PodCache } from '../replicaset/podcache'
import { claimPods, podFromTemplate, slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE } from '../replicaset/pods'
import { calculateStatus, statusToWrite } from './status'
import {
  createPodTemplate, isPodUpdated, nodeShouldRunDaemonPod, podByCreationTimestampAndPhase, replaceNodeNameAffinity,
  revisionHash, scaledValue, targetNodeName, templateGeneration,
} from './util'

export const DAEMONSET_CONTROLLER = 'daemonset-controller'
/** BurstReplicas: at most 250 creations per sync. */
export const DS_BURST_REPLICAS = 250
/** failedPodsBackoff: 1 s doubling to 15 min between deletions of a node's failed daemon pod. */
export const FAILED_POD_BACKOFF_MS = 1000
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60 * 1000

type OnError = (name: string, key: string, err: unknown) => void
type DS = DaemonSet & KubeObject
type P = Pod & KubeObject
type N = Node & KubeObject

export function startDaemonSetController(api: ApiServer, clock: VirtualClock, recorder: EventRecorder, onError?: OnError): () => void {
  return new DaemonSetController(api, clock, recorder, onError).start()
}

/** shouldIgnoreNodeUpdate: heartbeats and status-only writes do not change where daemons run. */
function nodeChangeMatters(ev: AnyChangeEvent): boolean {
  if (ev.type !== 'MODIFIED' || !ev.old) return true
  return !deepEqual(ev.object.metadata.labels ?? {}, ev.old.metadata.labels ?? {}) || !deepEqual(ev.object.spec ?? {}, ev.old.spec ?? {})
}

export class DaemonSetController {
  readonly expectations: ControllerExpectations
  private readonly queue: WorkQueue
  private pods: PodCache | undefined
  /** Back-off per ds/node for deleting failed pods: next allowed time and current delay. */
  private readonly backoff = new Map<string, { until: number; delay: number }>()

  constructor(private readonly api: ApiServer, private readonly clock: VirtualClock, private readonly recorder: EventRecorder, onError?: OnError) {
    this.expectations = new ControllerExpectations(() => clock.now())
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'daemonset', onError)
  }

  start(): () => void {
    this.pods = new PodCache(this.api)
    const stop = this.api.onAnyChange((ev) => {
      if (ev.resource === 'daemonsets') this.onDaemonSet(ev)
      else if (ev.resource === 'pods') { this.pods?.apply(ev); this.onPod(ev) }
      else if (ev.resource === 'nodes' && nodeChangeMatters(ev)) this.enqueueAll()
    }, (resource) => resource === 'daemonsets' || resource === 'pods' || resource === 'nodes')
    this.enqueueAll()
    return stop
  }

  private enqueueAll(): void {
    for (const ds of this.api.list('daemonsets').items) this.queue.add(keyOf(ds))
  }

  private onDaemonSet(ev: AnyChangeEvent): void {
    const key = keyOf(ev.object)
    if (ev.type === 'DELETED') this.expectations.delete(key)
    this.queue.add(key)
  }

  private onPod(ev: AnyChangeEvent): void {
    const pod = ev.object as P
    const ref = getControllerOf(pod)
    if (ref) {
      const ds = this.resolve(pod.metadata.namespace, ref)
      if (!ds) return
      const key = keyOf(ds)
      if (ev.type === 'ADDED') this.expectations.creationObserved(key)
      // updatePod treats a pod that started terminating as deleted (deletePod).
      if (ev.type === 'DELETED' || pod.metadata.deletionTimestamp) this.expectations.deletionObserved(key, podKey(pod))
      this.queue.add(key)
      return
    }
    const oldRef = ev.old ? getControllerOf(ev.old) : undefined
    if (oldRef) { const ds = this.resolve(pod.metadata.namespace, oldRef); if (ds) this.queue.add(keyOf(ds)) }
    if (ev.type === 'DELETED') return
    // An orphan: every DaemonSet whose selector matches may adopt it.
    for (const ds of this.api.list<DS>('daemonsets', { namespace: pod.metadata.namespace }).items) {
      if (ds.spec?.selector && selectorMatches(ds.spec.selector, pod.metadata.labels)) this.queue.add(keyOf(ds))
    }
  }

  private resolve(namespace: string | undefined, ref: OwnerReference): DS | undefined {
    if (ref.kind !== 'DaemonSet' || !ref.apiVersion.startsWith('apps/')) return undefined
    const ds = tryGet(this.api, { resource: 'daemonsets', namespace, name: ref.name }) as DS | undefined
    return ds && ds.metadata.uid === ref.uid ? ds : undefined
  }

  // ---- sync ----

  sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key)
    const ds = tryGet(this.api, { resource: 'daemonsets', namespace, name }) as DS | undefined
    if (!ds) { this.expectations.delete(key); return }
    if (ds.metadata.deletionTimestamp) return
    const nodes = this.api.list<N>('nodes').items.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    const hash = revisionHash(ds)
    let requeue: number | undefined
    const satisfied = this.expectations.satisfied(key)
    if (satisfied) {
      requeue = this.manage(key, ds, nodes, hash)
      if (ds.spec?.updateStrategy?.type === 'RollingUpdate') {
        const r = this.rollingUpdate(key, ds, nodes, hash)
        if (r !== undefined) requeue = Math.min(requeue ?? r, r)
      }
    }
    const { status, recheckMs } = calculateStatus(ds, nodes, this.nodeToDaemonPods(ds, false), hash, this.clock.now())
    const write = statusToWrite(ds, status, satisfied)
    if (write) {
      try {
        this.api.updateStatus('daemonsets', { ...ds, status: write })
      } catch (e) {
        if (!(isStatusError(e) && (e.status.reason === 'NotFound' || e.status.reason === 'Conflict'))) throw e
        return { requeueAfterMs: 0 }
      }
    }
    if (recheckMs !== undefined) requeue = Math.min(requeue ?? recheckMs, recheckMs)
    return requeue !== undefined ? { requeueAfterMs: requeue } : undefined
  }

  /** getNodesToDaemonPods: claimed pods by target node; without deleted terminal pods unless asked. */
  private nodeToDaemonPods(ds: DS, includeDeletedTerminal: boolean): Map<string, P[]> {
    const candidates = this.pods ? this.pods.claimable(ds.metadata.namespace, ds.metadata.uid!) : this.api.list<P>('pods', { namespace: ds.metadata.namespace }).items
    const claimed = claimPods(this.api, ds as never, candidates, () => this.recheck(ds))
    const out = new Map<string, P[]>()
    for (const pod of claimed) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
      if (!includeDeletedTerminal && terminal && pod.metadata.deletionTimestamp) continue
      const node = targetNodeName(pod)
      if (!node) continue
      const list = out.get(node) ?? []
      list.push(pod)
      out.set(node, list)
    }
    return out
  }

  private recheck(ds: DS): void {
    const fresh = tryGet(this.api, { resource: 'daemonsets', namespace: ds.metadata.namespace, name: ds.metadata.name! })
    if (!fresh || fresh.metadata.uid !== ds.metadata.uid) throw new Error(`original DaemonSet ${ds.metadata.namespace}/${ds.metadata.name} is gone`)
    if (fresh.metadata.deletionTimestamp) throw new Error(`${ds.metadata.namespace}/${ds.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`)
  }

  /** manage + podsShouldBeOnNode; returns a requeue delay when a failed pod waits for its back-off. */
  private manage(key: string, ds: DS, nodes: readonly N[], hash: string): number | undefined {
    const byNode = this.nodeToDaemonPods(ds, true)
    const needing: string[] = []
    const toDelete: P[] = []
    let requeue: number | undefined
    const now = this.clock.now()
    for (const node of nodes) {
      const nodeName = node.metadata.name!
      const [shouldRun, shouldContinue] = nodeShouldRunDaemonPod(node, ds)
      const pods = byNode.get(nodeName)
      if (shouldRun && !pods) { needing.push(nodeName); continue }
      if (shouldContinue && pods) {
        const running: P[] = []
        for (const pod of pods) {
          if (pod.metadata.deletionTimestamp) continue
          if (pod.status?.phase === 'Failed') {
            const bk = `${key}/${nodeName}`
            const b = this.backoff.get(bk)
            if (b && now < b.until) { requeue = Math.min(requeue ?? b.until - now, b.until - now); continue }
            const delay = b ? Math.min(b.delay * 2, FAILED_POD_BACKOFF_MAX_MS) : FAILED_POD_BACKOFF_MS
            this.backoff.set(bk, { until: now + delay, delay })
            this.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`)
            toDelete.push(pod)
          } else if (pod.status?.phase === 'Succeeded') {
            this.recorder.event(ds, 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to delete it`)
            toDelete.push(pod)
          } else running.push(pod)
        }
        // Without surge, more than one running pod on a node: keep the oldest.
        if (running.length > 1) toDelete.push(...[...running].sort(podByCreationTimestampAndPhase).slice(1))
        continue
      }
      if (!shouldContinue && pods) for (const pod of pods) if (!pod.metadata.deletionTimestamp) toDelete.push(pod)
    }
    // getUnscheduledPodsWithoutNode: pods pinned to a node that no longer exists.
    const names = new Set(nodes.map((n) => n.metadata.name!))
    for (const [node, pods] of byNode) if (!names.has(node)) for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) toDelete.push(p)
    this.syncNodes(key, ds, toDelete, needing, hash)
    return requeue
  }

  /** syncNodes: delete, then create one pod per node in slow-start batches (at most 250). */
  private syncNodes(key: string, ds: DS, toDelete: readonly P[], nodesNeeding: readonly string[], hash: string): void {
    const creates = nodesNeeding.slice(0, DS_BURST_REPLICAS)
    if (!creates.length && !toDelete.length) return
    // Creations are expected by count (each ADDED pod lowers it); with no creations, deletions by key.
    if (creates.length) this.expectations.expectCreations(key, creates.length)
    else this.expectations.expectDeletions(key, toDelete.map(podKey))
    const template = createPodTemplate(ds, hash)
    let next = 0
    const { successes } = slowStartBatch(creates.length, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(ds, template, creates[next++]))
    // Creations never attempted (or failed) will never be observed.
    for (let i = successes; i < creates.length; i++) this.expectations.creationObserved(key)
    for (const pod of toDelete) {
      try {
        this.api.delete('pods', pod.metadata.namespace, pod.metadata.name!)
        this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      } catch (e) {
        this.expectations.deletionObserved(key, podKey(pod))
        if (isStatusError(e) && e.status.reason === 'NotFound') continue
        this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }

  private createPod(ds: DS, template: NonNullable<DS['spec']>['template'], node: string): void {
    const pod = podFromTemplate({ ...ds, spec: { ...ds.spec!, template } } as never) as P
    pod.spec = { ...pod.spec!, affinity: replaceNodeNameAffinity(pod.spec?.affinity, node) }
    try {
      const created = this.api.create('pods', pod)
      this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`)
    } catch (e) {
      if (isStatusError(e) && e.status.message.includes('because it is being terminated')) return
      this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`)
      throw e
    }
  }

  /** rollingUpdate with maxSurge 0: delete old pods while the unavailable count allows it. */
  private rollingUpdate(key: string, ds: DS, nodes: readonly N[], hash: string): number | undefined {
    const byNode = this.nodeToDaemonPods(ds, false)
    const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds)[0]).length
    const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {}
    let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true)
    const maxSurge = scaledValue(ru.maxSurge ?? 0, desired, false)
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1
    if (maxSurge > 0) return undefined // surge updates are not modelled: pods are replaced by manage as nodes need them
    const now = this.clock.now()
    const minReady = ds.spec?.minReadySeconds ?? 0
    const gen = templateGeneration(ds)
    let unavailable = 0
    const replace: P[] = []
    const candidates: P[] = []
    for (const node of [...byNode.keys()].sort()) {
      let newPod: P | undefined, oldPod: P | undefined, ok = true
      for (const pod of byNode.get(node)!) {
        if (pod.metadata.deletionTimestamp) continue
        if (isPodUpdated(pod, hash, gen)) { if (newPod) ok = false; newPod = pod } else { if (oldPod) ok = false; oldPod = pod }
      }
      if (!ok || (!newPod && !oldPod) || (newPod && oldPod)) { unavailable++; continue }
      if (newPod) { if (!isPodAvailable(newPod, minReady, now)) unavailable++; continue }
      if (!isPodAvailable(oldPod!, minReady, now)) replace.push(oldPod!)
      else if (unavailable < maxUnavailable) candidates.push(oldPod!)
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length)
    const victims = [...replace, ...candidates.slice(0, room)]
    if (victims.length) this.syncNodes(key, ds, victims, [], hash)
    return undefined
  }
}
