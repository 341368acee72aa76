// sync.go: scaling events (proportional scaling), paused deployments, history cleanup and status.
import { deepCopy, deepEqual } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import { DESIRED_REPLICAS_ANNOTATION, nonNegativeInt32Annotation } from './util/annotations'
import {
  getActualReplicaCountForReplicaSets, getAvailableReplicaCountForReplicaSets, getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets, isRollingUpdate, isSaturated, maxSurge, maxUnavailable,
} from './util/fenceposts'
import { getProportion } from './util/proportion'
import { hasProgressDeadline, hasRevisionHistoryLimit } from './util/progress'
import { byRevision, bySizeNewer, bySizeOlder, filterActiveReplicaSets, findActiveOrLatest } from './util/replicasets'
import {
  DEPLOYMENT_AVAILABLE, DEPLOYMENT_PROGRESSING, MIN_AVAILABILITY_MESSAGE, MinimumReplicasAvailable, MinimumReplicasUnavailable,
  NO_MIN_AVAILABILITY_MESSAGE, PAUSED_MESSAGE, PausedDeployReason, RESUMED_MESSAGE, ResumedDeployReason, TimedOutReason,
  getDeploymentCondition, newDeploymentCondition, setDeploymentCondition,
} from './util/conditions'
import { replicasOf, type Deployment, type DeploymentStatus, type ReplicaSet } from './util/types'
import { getAllReplicaSetsAndSyncRevision } from './newrs'
import { scaleReplicaSet, scaleReplicaSetAndRecordEvent } from './scale'
import { CONTROLLER_NAME, updateStatus, type Ctx } from './context'

/** sync: a scaling event or a paused deployment: resize, clean up when paused, write status. */
export function sync(ctx: Ctx, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  scale(ctx, d, newRS, oldRSs)
  if (d.spec?.paused) cleanupDeployment(ctx, oldRSs, d)
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d)
}

/**
 * scale: one active RS takes the whole count; a saturated new RS means the old go to 0; else
 * (rolling, mid-rollout) spread the difference in proportion. 10 → 15 replicas with maxSurge 3,
 * old RS 8 and new RS 5 (13 in all): 18 allowed, 5 to add, old +3 → 11, new +2 → 7.
 */
export function scale(ctx: Ctx, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const one = findActiveOrLatest(newRS, oldRSs)
  if (one) {
    if (replicasOf(one) !== replicasOf(d)) scaleReplicaSetAndRecordEvent(ctx, one, replicasOf(d), d)
    return
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d)
    return
  }
  if (!isRollingUpdate(d)) return
  const all = filterActiveReplicaSets([...oldRSs, newRS])
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0
  const toAdd = allowedSize - getReplicaCountForReplicaSets(all)
  const op = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : ''
  if (toAdd > 0) all.sort(bySizeNewer)
  else if (toAdd < 0) all.sort(bySizeOlder)
  let added = 0
  const size = new Map<string, number>()
  for (const rs of all) {
    const p = toAdd !== 0 ? getProportion(rs, d, toAdd, added) : 0
    size.set(rs.metadata!.name!, replicasOf(rs) + p)
    added += p
  }
  all.forEach((rs, i) => {
    const name = rs.metadata!.name!
    // Leftovers (rounding) go to the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) size.set(name, Math.max(0, size.get(name)! + toAdd - added))
    scaleReplicaSet(ctx, rs, size.get(name)!, d, op)
  })
}

/** isScalingEvent: an active RS was annotated for a different spec.replicas than now. */
export function isScalingEvent(ctx: Ctx, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  return filterActiveReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = nonNegativeInt32Annotation(rs.metadata?.annotations, DESIRED_REPLICAS_ANNOTATION)
    return desired !== undefined && desired !== replicasOf(d)
  })
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete the lowest revisions
 * beyond it, but only those scaled to 0 with no pods left. Limit 2 with 4 old → delete 2.
 */
export function cleanupDeployment(ctx: Ctx, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp)
  const diff = cleanable.length - d.spec!.revisionHistoryLimit!
  if (diff <= 0) return
  cleanable.sort(byRevision)
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue
    try {
      ctx.api.delete('replicasets', rs.metadata!.namespace, rs.metadata!.name!, { fieldManager: CONTROLLER_NAME })
    } catch (e) {
      if (!isStatusError(e) || e.status.reason !== 'NotFound') throw e
    }
  }
}

/** calculateStatus: counts from the ReplicaSets, and Available by minimum availability. */
export function calculateStatus(ctx: Ctx, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs)
  const total = getReplicaCountForReplicaSets(allRSs)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: deepCopy(d.status?.conditions ?? []),
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  const now = ctx.clock.nowISO()
  // 3 replicas, maxUnavailable 0: Available needs all 3; 10 with maxUnavailable 2 needs 8.
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'True', MinimumReplicasAvailable, MIN_AVAILABILITY_MESSAGE, now))
  } else {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'False', MinimumReplicasUnavailable, NO_MIN_AVAILABILITY_MESSAGE, now))
  }
  if (status.conditions!.length === 0) delete status.conditions
  return status
}

/** syncDeploymentStatus: write the computed status only when it differs. */
export function syncDeploymentStatus(ctx: Ctx, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(ctx, allRSs, newRS, d)
  if (deepEqual(d.status ?? {}, status)) return
  updateStatus(ctx, d, status)
}

/**
 * checkPausedConditions: pausing sets Progressing Unknown DeploymentPaused ("Deployment is
 * paused"), resuming Progressing Unknown DeploymentResumed, so a pause never counts against the
 * progress deadline. A timed-out deployment keeps its ProgressDeadlineExceeded.
 */
export function checkPausedConditions(ctx: Ctx, d: Deployment): void {
  if (!hasProgressDeadline(d)) return
  const cond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)
  if (cond?.reason === TimedOutReason) return
  const pausedCondExists = cond?.reason === PausedDeployReason
  const status = deepCopy(d.status ?? {})
  const now = ctx.clock.nowISO()
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', PausedDeployReason, PAUSED_MESSAGE, now))
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', ResumedDeployReason, RESUMED_MESSAGE, now))
  } else {
    return
  }
  updateStatus(ctx, d, status)
}
