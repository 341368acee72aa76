// The Job controller (pkg/controller/job/job_controller.go, v1.30), level-triggered on the virtual
// clock. syncJob reads the Job and its pods, creates pods up to parallelism while succeeded <
// completions, deletes the rest when the Job finishes, and writes status.
//   completions 1, parallelism 1 → 1 pod; it exits 0 → succeeded 1 → Complete, event Completed.
//   backoffLimit 2, pods exit 1 → pods 10 s, 20 s apart → 3 failed > 2 → Failed BackoffLimitExceeded.
// Not modelled: the batch.kubernetes.io/job-tracking finalizer and uncountedTerminatedPods
// (counts are taken from the pods present, never lower than what status already says), Indexed
// completion, podFailurePolicy, successPolicy, suspend (the Job simply creates nothing).
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../../../api/types'
import { getControllerOf } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'
import { tryGet } from '../../apiserver'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, keyOf, splitKey, type SyncResult } from '../../runtime/workqueue'
import type { EventRecorder } from '../../events/recorder'
import { podKey } from '../podutil'
import { ControllerExpectations } from '../replicaset/expectations'
import { PodCache } from '../replicaset/podcache'
import { claimPods, podFromTemplate } from '../replicaset/pods'
import {
  backoffRemainingMs, countPods, isJobFinished, newCondition, restartsOfActive,
  MESSAGE_BACKOFF_LIMIT, MESSAGE_DEADLINE, REASON_BACKOFF_LIMIT, REASON_DEADLINE, type PodCounts,
} from './status'

export const JOB_CONTROLLER = 'job-controller'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
type OnError = (name: string, key: string, err: unknown) => void

/** Start the controller; returns the function that stops its watch. */
export function startJobController(api: ApiServer, clock: VirtualClock, recorder: EventRecorder, onError?: OnError): () => void {
  return new JobController(api, clock, recorder, onError).start()
}

export class JobController {
  private readonly expectations: ControllerExpectations
  private readonly queue: WorkQueue
  private pods: PodCache | undefined

  constructor(private readonly api: ApiServer, private readonly clock: VirtualClock, private readonly recorder: EventRecorder, onError?: OnError) {
    this.expectations = new ControllerExpectations(() => clock.now())
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'job', onError)
  }

  start(): () => void {
    this.pods = new PodCache(this.api)
    const stop = this.api.onAnyChange((ev) => {
      if (ev.resource === 'jobs') {
        if (ev.type === 'DELETED') this.expectations.delete(keyOf(ev.object))
        this.queue.add(keyOf(ev.object))
      } else if (ev.resource === 'pods') { this.pods?.apply(ev); this.onPod(ev) }
    }, (resource) => resource === 'jobs' || resource === 'pods')
    for (const job of this.api.list('jobs').items) this.queue.add(keyOf(job))
    return stop
  }

  private onPod(ev: AnyChangeEvent): void {
    const pod = ev.object as Pod & KubeObject
    const ref = getControllerOf(pod) ?? (ev.old ? getControllerOf(ev.old as KubeObject) : undefined)
    if (!ref) return
    const job = this.resolve(pod.metadata.namespace, ref)
    if (!job) return
    const key = keyOf(job)
    if (ev.type === 'ADDED') this.expectations.creationObserved(key)
    if (ev.type === 'DELETED' || pod.metadata.deletionTimestamp) this.expectations.deletionObserved(key, podKey(pod))
    this.queue.add(key)
  }

  private resolve(namespace: string | undefined, ref: OwnerReference): KubeObject | undefined {
    if (ref.kind !== 'Job' || !ref.apiVersion.startsWith('batch/')) return undefined
    const job = tryGet(this.api, { resource: 'jobs', namespace, name: ref.name })
    return job && job.metadata.uid === ref.uid ? job : undefined
  }

  sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key)
    const job = tryGet(this.api, { resource: 'jobs', namespace, name }) as Loose
    if (!job) { this.expectations.delete(key); return }
    if (isJobFinished(job)) return
    const owned = this.pods ? this.pods.claimable(namespace, job.metadata.uid) : this.api.list<Pod & KubeObject>('pods', { namespace }).items
    const pods = claimPods(this.api, job as ReplicaSet, owned, () => {})
    const counts = countPods(pods)
    const spec = job.spec ?? {}
    const prev = job.status ?? {}
    const now = this.clock.now()
    const nowISO = this.clock.nowISO()
    const status: Loose = { ...prev }
    status.startTime ??= spec.suspend ? undefined : nowISO
    if (status.startTime === undefined) delete status.startTime
    const succeeded = Math.max(prev.succeeded ?? 0, counts.succeeded.length)
    const failed = Math.max(prev.failed ?? 0, counts.failed.length)
    let requeue: number | undefined
    let finished: Loose
    let event: [string, string, string] | undefined
    const backoffLimit = spec.backoffLimit ?? 6
    const deadlineMs = spec.activeDeadlineSeconds != null && status.startTime ? Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 : undefined
    if (failed > backoffLimit || pastBackoffLimitOnFailure(spec, counts, backoffLimit)) {
      finished = newCondition('Failed', REASON_BACKOFF_LIMIT, MESSAGE_BACKOFF_LIMIT, nowISO)
      event = ['Warning', REASON_BACKOFF_LIMIT, MESSAGE_BACKOFF_LIMIT]
    } else if (deadlineMs !== undefined && now >= deadlineMs) {
      finished = newCondition('Failed', REASON_DEADLINE, MESSAGE_DEADLINE, nowISO)
      event = ['Warning', REASON_DEADLINE, MESSAGE_DEADLINE]
    } else if (spec.completions != null ? succeeded >= spec.completions : succeeded > 0 && counts.active.length === 0) {
      finished = newCondition('Complete', '', '', nowISO)
      event = ['Normal', 'Completed', 'Job completed']
    }
    let active = counts.active.length
    if (finished) {
      this.deleteActive(job, counts)
      active = 0
    } else if (!spec.suspend && this.expectations.satisfied(key)) {
      const m = this.manage(key, job, counts, succeeded, now)
      requeue = m.waitMs
      active = counts.active.length + m.created
    }
    if (deadlineMs !== undefined && !finished) requeue = Math.min(requeue ?? Infinity, deadlineMs - now)
    setCount(status, 'active', active)
    setCount(status, 'succeeded', succeeded)
    setCount(status, 'failed', failed)
    status.ready = finished ? 0 : counts.ready
    status.terminating = pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length
    status.uncountedTerminatedPods ??= {}
    if (finished) {
      status.conditions = [...(prev.conditions ?? []), finished]
      if (finished.type === 'Complete') status.completionTime = nowISO
    }
    if (JSON.stringify(status) !== JSON.stringify(prev)) {
      try {
        this.api.updateStatus('jobs', { ...job, status })
      } catch (e) {
        if (isStatusError(e) && (e.status.reason === 'NotFound' || e.status.reason === 'Conflict')) return { requeueAfterMs: 0 }
        throw e
      }
    }
    if (event) this.recorder.event(job, event[0] as 'Normal' | 'Warning', event[1], event[2])
    return requeue !== undefined && requeue > 0 ? { requeueAfterMs: requeue } : undefined
  }

  /** manageJob: create pods up to parallelism (never more than completions still needed); honour back-off. */
  private manage(key: string, job: Loose, counts: PodCounts, succeeded: number, now: number): { created: number; waitMs?: number } {
    let created = 0
    const spec = job.spec
    const parallelism = spec.parallelism ?? 1
    const want = spec.completions != null ? Math.min(parallelism, spec.completions - succeeded) : (succeeded > 0 ? 0 : parallelism)
    const diff = want - counts.active.length
    if (diff <= 0) return { created }
    const waitMs = backoffRemainingMs(counts, now)
    if (waitMs > 0) return { created, waitMs }
    this.expectations.expectCreations(key, diff)
    for (let i = 0; i < diff; i++) {
      try {
        const pod = this.api.create('pods', podFromTemplate(job as ReplicaSet))
        created++
        this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
      } catch (e) {
        this.expectations.creationObserved(key)
        if (isStatusError(e) && e.status.message.includes('because it is being terminated')) continue
        this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    return { created }
  }

  private deleteActive(job: Loose, counts: PodCounts): void {
    for (const p of counts.active) {
      try {
        this.api.delete('pods', p.metadata!.namespace, p.metadata!.name!)
        this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`)
      } catch (e) {
        if (!(isStatusError(e) && e.status.reason === 'NotFound')) throw e
      }
    }
  }
}

/** pastBackoffLimitOnFailure: restarts of active pods count when the template restarts OnFailure (limit 0 → any restart). */
function pastBackoffLimitOnFailure(spec: Loose, counts: PodCounts, backoffLimit: number): boolean {
  if (spec.template?.spec?.restartPolicy !== 'OnFailure') return false
  const restarts = restartsOfActive(counts)
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit
}

/** Upstream's active/succeeded/failed are omitempty: 0 is not written. */
function setCount(status: Loose, field: string, n: number): void {
  if (n > 0) status[field] = n
  else delete status[field]
}
