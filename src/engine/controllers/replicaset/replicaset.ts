// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go), level-triggered on the
// virtual clock. Watch handlers only enqueue an RS key (and settle expectations); syncReplicaSet
// reads the ReplicaSet and the namespace's pods, claims them, creates or deletes the difference,
// and writes status when it changed.
//   3 replicas, 1 pod → expect 2 creations, create 1 then 1 (slow start) → SuccessfulCreate ×2.
//   1 replica, 3 pods → rank the pods (ranking.ts), delete the first 2 → SuccessfulDelete ×2.
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../../../api/types'
import { getControllerOf, deepEqual } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import { fromLabelSelector, matchSelector, type LabelSelector } from '../../../api/labels'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'
import { tryGet } from '../../apiserver'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, keyOf, splitKey, type SyncResult } from '../../runtime/workqueue'
import type { EventRecorder } from '../../events/recorder'
import { filterActivePods, podKey, selectorMatches } from '../podutil'
import { ControllerExpectations } from './expectations'
import { PodCache } from './podcache'
import { claimPods, podFromTemplate, slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE } from './pods'
import { getPodsToDelete } from './ranking'
import { calculateStatus, nextAvailabilityCheck, statusToWrite } from './status'

/** BurstReplicas: at most 500 creations or deletions per sync. */
export const BURST_REPLICAS = 500
export const REPLICASET_CONTROLLER = 'replicaset-controller'
/**
 * A sync whose creates or deletes failed is retried as client-go's default rate limiter does:
 * 5 ms doubling per failure up to 1000 s (5, 10, 20 … ms; the 10th retry waits 2.56 s).
 */
export const RETRY_BASE_MS = 5
export const RETRY_MAX_MS = 1000 * 1000

type OnError = (name: string, key: string, err: unknown) => void

/** Start the controller; returns the function that stops its watch. */
export function startReplicaSetController(api: ApiServer, clock: VirtualClock, recorder: EventRecorder, onError?: OnError): () => void {
  const c = new ReplicaSetController(api, clock, recorder, onError)
  return c.start()
}

export class ReplicaSetController {
  readonly expectations: ControllerExpectations
  private readonly queue: WorkQueue
  private readonly failures = new Map<string, number>()
  private pods: PodCache | undefined

  constructor(private readonly api: ApiServer, private readonly clock: VirtualClock, private readonly recorder: EventRecorder, onError?: OnError) {
    this.expectations = new ControllerExpectations(() => clock.now())
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'replicaset', onError)
  }

  start(): () => void {
    this.pods = new PodCache(this.api)
    const stop = this.api.onAnyChange((ev) => {
      if (ev.resource === 'replicasets') this.onReplicaSet(ev)
      else if (ev.resource === 'pods') { this.pods?.apply(ev); this.onPod(ev) }
    }, (resource) => resource === 'replicasets' || resource === 'pods')
    for (const rs of this.api.list('replicasets').items) this.queue.add(keyOf(rs))
    return stop
  }

  // ---- event handlers: enqueue and settle expectations, nothing else ----

  private onReplicaSet(ev: AnyChangeEvent): void {
    const key = keyOf(ev.object)
    if (ev.type === 'DELETED') this.expectations.delete(key)
    this.queue.add(key)
  }

  private onPod(ev: AnyChangeEvent): void {
    const pod = ev.object as Pod & KubeObject
    const old = ev.old as (Pod & KubeObject) | undefined
    if (ev.type === 'DELETED') return this.podGone(pod)
    if (ev.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp) return this.podGone(pod)
      const ref = getControllerOf(pod)
      if (ref) {
        const rs = this.resolve(pod.metadata.namespace, ref)
        if (rs) { this.expectations.creationObserved(keyOf(rs)); this.queue.add(keyOf(rs)) }
        return
      }
      for (const rs of this.replicaSetsSelecting(pod)) this.queue.add(keyOf(rs))
      return
    }
    // MODIFIED
    const labelChanged = !deepEqual(pod.metadata.labels ?? {}, old?.metadata.labels ?? {})
    if (pod.metadata.deletionTimestamp) {
      // A graceful delete: replace the pod now rather than when the kubelet finishes with it.
      this.podGone(pod)
      if (labelChanged && old) this.podGone(old)
      return
    }
    const ref = getControllerOf(pod)
    const oldRef = old ? getControllerOf(old) : undefined
    const refChanged = !deepEqual(ref ?? null, oldRef ?? null)
    if (refChanged && oldRef) {
      const rs = this.resolve(pod.metadata.namespace, oldRef)
      if (rs) this.queue.add(keyOf(rs))
    }
    if (ref) {
      const rs = this.resolve(pod.metadata.namespace, ref)
      if (rs) this.queue.add(keyOf(rs))
      return
    }
    if (labelChanged || refChanged) for (const rs of this.replicaSetsSelecting(pod)) this.queue.add(keyOf(rs))
  }

  /** deletePod: an owned pod went (or started going): count it and look again. */
  private podGone(pod: Pod & KubeObject): void {
    const ref = getControllerOf(pod)
    if (!ref) return
    const rs = this.resolve(pod.metadata.namespace, ref)
    if (!rs) return
    this.expectations.deletionObserved(keyOf(rs), podKey(pod))
    this.queue.add(keyOf(rs))
  }

  /** resolveControllerRef: the ReplicaSet a controller reference names, if it is still that one (uid). */
  private resolve(namespace: string | undefined, ref: OwnerReference): KubeObject | undefined {
    if (ref.kind !== 'ReplicaSet' || !ref.apiVersion.startsWith('apps/')) return undefined
    const rs = tryGet(this.api, { resource: 'replicasets', namespace, name: ref.name })
    return rs && rs.metadata.uid === ref.uid ? rs : undefined
  }

  /** getPodReplicaSets: ReplicaSets in the pod's namespace whose (non-empty) selector matches it. */
  private replicaSetsSelecting(pod: Pod & KubeObject): KubeObject[] {
    return this.api.list('replicasets', { namespace: pod.metadata.namespace }).items.filter((rs) => {
      const sel = (rs as ReplicaSet).spec?.selector
      const empty = !sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0
      return !empty && selectorMatches(sel, pod.metadata.labels)
    })
  }

  // ---- sync ----

  sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key)
    const rs = tryGet(this.api, { resource: 'replicasets', namespace, name }) as (ReplicaSet & KubeObject) | undefined
    if (!rs) { this.expectations.delete(key); this.failures.delete(key); return }
    const needsSync = this.expectations.satisfied(key)
    const active = filterActivePods(this.claimablePods(rs))
    const pods = claimPods(this.api, rs, active, () => this.recheck(rs))
    let manageError: string | undefined
    if (needsSync && !rs.metadata.deletionTimestamp) manageError = this.manageReplicas(key, rs, pods)
    const now = this.clock.now()
    const next = calculateStatus(rs, pods, manageError, now, this.clock.nowISO())
    const write = statusToWrite(rs, next)
    if (write) {
      try {
        this.api.updateStatus('replicasets', { ...rs, status: write })
      } catch (e) {
        if (!(isStatusError(e) && (e.status.reason === 'NotFound' || e.status.reason === 'Conflict'))) throw e
        return { requeueAfterMs: 0 }
      }
    }
    if (manageError !== undefined) {
      const n = this.failures.get(key) ?? 0
      this.failures.set(key, n + 1)
      return { requeueAfterMs: Math.min(RETRY_BASE_MS * 2 ** n, RETRY_MAX_MS) }
    }
    this.failures.delete(key)
    const again = nextAvailabilityCheck(rs, pods, now)
    return again !== undefined ? { requeueAfterMs: again } : undefined
  }

  /** Pods this ReplicaSet owns or could adopt (others' pods are never claimed). */
  private claimablePods(rs: ReplicaSet & KubeObject): (Pod & KubeObject)[] {
    return this.pods ? this.pods.claimable(rs.metadata.namespace, rs.metadata.uid!) : this.podsIn(rs.metadata.namespace)
  }

  /** The namespace's pods: from the watch-fed cache once started, else listed through the API. */
  private podsIn(namespace: string | undefined): (Pod & KubeObject)[] {
    return this.pods ? this.pods.list(namespace) : this.api.list<Pod & KubeObject>('pods', { namespace }).items
  }

  /** RecheckDeletionTimestamp: adopt only for a ReplicaSet that still exists and is not being deleted. */
  private recheck(rs: ReplicaSet & KubeObject): void {
    const fresh = tryGet(this.api, { resource: 'replicasets', namespace: rs.metadata.namespace, name: rs.metadata.name! })
    const ns = rs.metadata.namespace
    if (!fresh || fresh.metadata.uid !== rs.metadata.uid) throw new Error(`original ReplicaSet ${ns}/${rs.metadata.name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${rs.metadata.uid}`)
    if (fresh.metadata.deletionTimestamp) throw new Error(`${ns}/${rs.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`)
  }

  /** manageReplicas: create or delete the difference; returns the first error's message. */
  private manageReplicas(key: string, rs: ReplicaSet & KubeObject, pods: readonly (Pod & KubeObject)[]): string | undefined {
    const want = rs.spec?.replicas ?? 1
    let diff = pods.length - want
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS)
      this.expectations.expectCreations(key, diff)
      const { successes, error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(rs))
      // Creations we never attempted (or that failed) will never be observed.
      for (let i = successes; i < diff; i++) this.expectations.creationObserved(key)
      return error === undefined ? undefined : messageOf(error)
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS)
      const victims = getPodsToDelete(pods, this.relatedPods(rs), diff, this.clock.now())
      this.expectations.expectDeletions(key, victims.map(podKey))
      let first: string | undefined
      for (const p of victims) {
        try {
          this.api.delete('pods', p.metadata.namespace, p.metadata.name!)
          this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
        } catch (e) {
          this.expectations.deletionObserved(key, podKey(p))
          if (isStatusError(e) && e.status.reason === 'NotFound') continue
          this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${messageOf(e)}`)
          first ??= `unable to delete pods: ${messageOf(e)}`
        }
      }
      return first
    }
    return undefined
  }

  private createPod(rs: ReplicaSet & KubeObject): void {
    try {
      const pod = this.api.create('pods', podFromTemplate(rs))
      this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
    } catch (e) {
      // A namespace being torn down is not a failure worth an event (NamespaceTerminatingCause).
      if (isStatusError(e) && e.status.message.includes('because it is being terminated')) return
      this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${messageOf(e)}`)
      throw e
    }
  }

  /** getIndirectlyRelatedPods: pods of every ReplicaSet with the same controller (one Deployment's). */
  private relatedPods(rs: ReplicaSet & KubeObject): Pod[] {
    const owner = getControllerOf(rs)
    if (!owner) return []
    const seen = new Set<string>()
    const out: Pod[] = []
    const all = this.podsIn(rs.metadata.namespace)
    for (const other of this.api.list<ReplicaSet & KubeObject>('replicasets', { namespace: rs.metadata.namespace }).items) {
      if (getControllerOf(other)?.uid !== owner.uid || !other.spec?.selector) continue
      // Parsed once per ReplicaSet, not once per pod.
      const selector = fromLabelSelector(other.spec.selector as LabelSelector)
      for (const p of all) {
        if (seen.has(p.metadata.uid!) || !matchSelector(selector, p.metadata.labels)) continue
        seen.add(p.metadata.uid!)
        out.push(p)
      }
    }
    return out
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
