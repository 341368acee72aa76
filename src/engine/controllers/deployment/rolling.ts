// rolling.go: a RollingUpdate step. Scale the new ReplicaSet up if the surge budget allows, else
// scale old ones down if the availability budget allows, else (complete) clean up history.
import { getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas } from './util/fenceposts'
import { deploymentComplete } from './util/progress'
import { byCreationTimestamp, filterActiveReplicaSets } from './util/replicasets'
import { replicasOf, type Deployment, type ReplicaSet } from './util/types'
import { getAllReplicaSetsAndSyncRevision } from './newrs'
import { scaleReplicaSetAndRecordEvent } from './scale'
import { cleanupDeployment } from './sync'
import { syncRolloutStatus } from './progress'
import type { Ctx } from './context'

export function rolloutRolling(ctx: Ctx, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true)
  if (!newRS) return // a hash collision bumped collisionCount: the status write requeues us
  const allRSs = [...oldRSs, newRS]
  // Scale up, if we can.
  if (reconcileNewReplicaSet(ctx, allRSs, newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  // Scale down, if we can.
  if (reconcileOldReplicaSets(ctx, allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d)
  syncRolloutStatus(ctx, allRSs, newRS, d)
}

/** 3 replicas, maxSurge 1, old RS at 3, new at 0: the new RS may go to 1 (4 pods at most). */
export function reconcileNewReplicaSet(ctx: Ctx, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (replicasOf(newRS) === replicasOf(d)) return false
  if (replicasOf(newRS) > replicasOf(d)) return scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d).scaled
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled
}

/**
 * How far may the old ReplicaSets shrink? 10 replicas, maxUnavailable 2, maxSurge 3: minAvailable
 * 8. With the old RS at 10 and the new at 3 (13 pods) of which the 3 new are not available yet:
 * maxScaledDown = 13 - 8 - 3 = 2. Unhealthy old pods go first (they cost no availability), then
 * healthy ones while more than minAvailable pods are available.
 */
export function reconcileOldReplicaSets(ctx: Ctx, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false
  const allPodsCount = getReplicaCountForReplicaSets(allRSs)
  const minAvailable = replicasOf(d) - maxUnavailable(d)
  const newRSUnavailablePodCount = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount
  if (maxScaledDown <= 0) return false
  const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown)
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d)
  return cleaned.count + scaledDown > 0
}

/** Old replicas that are not available, oldest RS first, at most maxCleanupCount: 10 with 8 available, max 3 → 2. */
export function cleanupUnhealthyReplicas(ctx: Ctx, oldRSs: ReplicaSet[], d: Deployment, maxCleanupCount: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(byCreationTimestamp)
  let total = 0
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i]
    if (total >= maxCleanupCount) break
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0)
    if (replicasOf(rs) === 0 || unhealthy === 0) continue
    const n = Math.min(maxCleanupCount - total, unhealthy)
    sorted[i] = scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d).rs
    total += n
  }
  return { oldRSs: sorted, count: total }
}

/** Healthy old replicas above minAvailable: 10 available, minAvailable 8 → scale the old RS down by 2. */
export function scaleDownOldReplicaSetsForRollingUpdate(ctx: Ctx, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d)
  const available = getAvailableReplicaCountForReplicaSets(allRSs)
  if (available <= minAvailable) return 0
  const totalScaleDownCount = available - minAvailable
  let total = 0
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= totalScaleDownCount) break
    if (replicasOf(rs) === 0) continue
    const n = Math.min(replicasOf(rs), totalScaleDownCount - total)
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d)
    total += n
  }
  return total
}
