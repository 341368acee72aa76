// Pure pieces of the Job controller (pkg/controller/job/job_controller.go, v1.30): counting pods,
// the pod-failure back-off, and the finished conditions.
import type { Pod } from '../../../api/types'
import { isPodReady } from '../podutil'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** DefaultJobPodFailureBackOff: 10 s after the 1st failure, 20 s after the 2nd, 40 s after the 3rd… */
export const POD_FAILURE_BACKOFF_MS = 10 * 1000
/** MaxJobPodFailureBackOff: the doubling stops at 10 minutes (after the 7th failure). */
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60 * 1000

export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded'
export const MESSAGE_BACKOFF_LIMIT = 'Job has reached the specified backoff limit'
export const REASON_DEADLINE = 'DeadlineExceeded'
export const MESSAGE_DEADLINE = 'Job was active longer than specified deadline'

export interface PodCounts {
  active: Pod[]
  succeeded: Pod[]
  failed: Pod[]
  ready: number
}

/** Active = not finished and not being deleted; finished pods count by phase. */
export function countPods(pods: readonly Pod[]): PodCounts {
  const out: PodCounts = { active: [], succeeded: [], failed: [], ready: 0 }
  for (const p of pods) {
    const phase = p.status?.phase
    if (phase === 'Succeeded') out.succeeded.push(p)
    else if (phase === 'Failed') out.failed.push(p)
    else if (!p.metadata?.deletionTimestamp) {
      out.active.push(p)
      if (isPodReady(p)) out.ready++
    }
  }
  return out
}

/** When a finished pod finished: its last container's finishedAt, else its creation. */
export function finishTime(p: Pod): number {
  let t = Date.parse(p.metadata?.creationTimestamp ?? '') || 0
  for (const cs of (p.status as Loose)?.containerStatuses ?? []) {
    const f = Date.parse(cs.state?.terminated?.finishedAt ?? '')
    if (f > t) t = f
  }
  return t
}

/**
 * getRemainingTime of the back-off record: failures since the last success, the newest at `last`.
 * Worked numbers: 2 failures, the last finished at t=100 s → delay 20 s → wait until t=120 s.
 */
export function backoffRemainingMs(counts: PodCounts, now: number): number {
  const lastSuccess = Math.max(0, ...counts.succeeded.map(finishTime))
  const failures = counts.failed.map(finishTime).filter((t) => t >= lastSuccess)
  if (!failures.length) return 0
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failures.length - 1), MAX_POD_FAILURE_BACKOFF_MS)
  return Math.max(0, Math.max(...failures) + delay - now)
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure the container restarts count as failures. */
export function restartsOfActive(counts: PodCounts): number {
  let n = 0
  for (const p of counts.active) {
    for (const cs of (p.status as Loose)?.containerStatuses ?? []) n += cs.restartCount ?? 0
    for (const cs of (p.status as Loose)?.initContainerStatuses ?? []) n += cs.restartCount ?? 0
  }
  return n
}

/** newCondition: Complete has no reason or message in v1.30. */
export function newCondition(type: string, reason: string, message: string, now: string): Loose {
  const c: Loose = { type, status: 'True', lastProbeTime: now, lastTransitionTime: now }
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

/** IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(job: Loose): boolean {
  return (job.status?.conditions ?? []).some((c: Loose) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
}
