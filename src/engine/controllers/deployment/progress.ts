// progress.go: syncRolloutStatus — the status after a rollout step, with the Progressing
// condition (ReplicaSetUpdated while pods move, NewReplicaSetAvailable once complete,
// ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds) and ReplicaFailure
// carried over from the ReplicaSets.
import { deepEqual } from '../../../api/objects'
import { parseRFC3339 } from '../../runtime/clock'
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './util/progress'
import {
  DEPLOYMENT_PROGRESSING, DEPLOYMENT_REPLICA_FAILURE, NewRSAvailableReason, ReplicaSetUpdatedReason, TimedOutReason,
  getDeploymentCondition, newDeploymentCondition, progressedMessage, progressingMessage, removeDeploymentCondition,
  setDeploymentCondition, timedOutMessage,
} from './util/conditions'
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from './util/types'
import { calculateStatus } from './sync'
import { updateStatus, type Ctx } from './context'

/** Upstream re-checks a stuck rollout one second after its deadline would pass. */
export const STUCK_REQUEUE_SLACK_MS = 1000

const msg = (d: Deployment, rs: ReplicaSet | undefined, f: (n: string) => string, deploymentWords: string): string =>
  rs ? f(rs.metadata!.name!) : `Deployment "${d.metadata!.name}" ${deploymentWords}`

export function syncRolloutStatus(ctx: Ctx, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(ctx, allRSs, newRS, d)
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, DEPLOYMENT_PROGRESSING)
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)
  const isCompleteDeployment = status.replicas === status.updatedReplicas && current?.reason === NewRSAvailableReason
  const now = ctx.clock.nowISO()
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, status)) {
      setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NewRSAvailableReason,
        msg(d, newRS, progressedMessage, 'has successfully progressed.'), now))
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even with the same reason (SetDeploymentCondition
      // alone would keep the old one), which is what restarts the deadline.
      const cond = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', ReplicaSetUpdatedReason,
        msg(d, newRS, progressingMessage, 'is progressing.'), now)
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime
        removeDeploymentCondition(status, DEPLOYMENT_PROGRESSING)
      }
      setDeploymentCondition(status, cond)
    } else if (deploymentTimedOut(d, status, ctx.clock.now())) {
      setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', TimedOutReason,
        msg(d, newRS, timedOutMessage, 'has timed out progressing.'), now))
    }
  }
  const failure = getReplicaFailures(allRSs, newRS)[0]
  if (failure) setDeploymentCondition(status, failure)
  else removeDeploymentCondition(status, DEPLOYMENT_REPLICA_FAILURE)
  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(ctx, d, status)
    return
  }
  updateStatus(ctx, d, status)
}

/** getReplicaFailures: the new RS's ReplicaFailure first, else any old RS's. */
function getReplicaFailures(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const from = (rs: ReplicaSet | undefined): DeploymentCondition[] => (rs?.status?.conditions ?? [])
    .filter((c) => c.type === DEPLOYMENT_REPLICA_FAILURE)
    .map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, reason: c.reason, message: c.message }))
  const fromNew = from(newRS)
  return fromNew.length ? fromNew : allRSs.flatMap(from)
}

/**
 * requeueStuckDeployment: nothing moved, so look again when the deadline passes. Progressing
 * last updated at 00:00:10, deadline 600 s: look at 00:10:11 (one second after, as upstream).
 */
function requeueStuckDeployment(ctx: Ctx, d: Deployment, status: DeploymentStatus): void {
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)
  if (!hasProgressDeadline(d) || !current) return
  if (deploymentComplete(d, status) || current.reason === TimedOutReason) return
  if (!current.lastUpdateTime) return
  const after = parseRFC3339(current.lastUpdateTime) + d.spec!.progressDeadlineSeconds! * 1000 - ctx.clock.now()
  ctx.requeueAfter(d, after < 1000 ? 0 : after + STUCK_REQUEUE_SLACK_MS)
}
