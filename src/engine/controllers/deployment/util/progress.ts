// Has the rollout finished, moved, or stalled? (deployment_util.go DeploymentComplete,
// DeploymentProgressing, DeploymentTimedOut.)
import { parseRFC3339 } from '../../../runtime/clock'
import { getDeploymentCondition, DEPLOYMENT_PROGRESSING, NewRSAvailableReason, TimedOutReason } from './conditions'
import { replicasOf, type Deployment, type DeploymentStatus } from './types'

/** progressDeadlineSeconds = MaxInt32 means "never time out" (the pre-apps/v1 default). */
export const MAX_INT32 = 2147483647

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds
  return s !== undefined && s !== null && s !== MAX_INT32
}

/** revisionHistoryLimit is set (the API defaults it to 10). */
export const hasRevisionHistoryLimit = (d: Deployment): boolean =>
  d.spec?.revisionHistoryLimit !== undefined && d.spec?.revisionHistoryLimit !== null && d.spec.revisionHistoryLimit !== MAX_INT32

/**
 * DeploymentComplete: every replica is updated and available, none old left, and the status is
 * about the current generation. 5 replicas, 5 updated, 4 available: not complete.
 */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = replicasOf(d)
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
}

/**
 * DeploymentProgressing: more updated pods, fewer old pods, more ready or more available pods
 * than the stored status says. 10 current, 4 updated → 10 current, 6 updated: progressing.
 */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
}

/**
 * DeploymentTimedOut: the Progressing condition was last updated more than
 * progressDeadlineSeconds ago (strictly: 10 s deadline, updated 00:01:09, now 00:01:20 → 11 s → timed out;
 * updated 00:01:11 → 9 s → not yet). A complete rollout never times out.
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const cond = getDeploymentCondition(s, DEPLOYMENT_PROGRESSING)
  if (!cond) return false
  if (cond.reason === NewRSAvailableReason) return false
  if (cond.reason === TimedOutReason) return true
  const from = cond.lastUpdateTime ? parseRFC3339(cond.lastUpdateTime) : NaN
  if (Number.isNaN(from)) return false
  return from + d.spec!.progressDeadlineSeconds! * 1000 < nowMs
}
