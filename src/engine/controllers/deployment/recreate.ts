// recreate.go: the Recreate strategy. Scale every old ReplicaSet to 0, wait until none of their
// pods is left running, then create/scale the new ReplicaSet to spec.replicas in one step.
import type { Pod } from '../../../api/types'
import { getActualReplicaCountForReplicaSets } from './util/fenceposts'
import { deploymentComplete } from './util/progress'
import { filterActiveReplicaSets } from './util/replicasets'
import { replicasOf, type Deployment, type ReplicaSet } from './util/types'
import { getAllReplicaSetsAndSyncRevision } from './newrs'
import { scaleReplicaSetAndRecordEvent } from './scale'
import { cleanupDeployment } from './sync'
import { syncRolloutStatus } from './progress'
import type { Ctx } from './context'

/** Pods of the Deployment grouped by the uid of the ReplicaSet that controls them. */
export type PodMap = Map<string, Pod[]>

export function rolloutRecreate(ctx: Ctx, d: Deployment, rsList: ReplicaSet[], podMap: PodMap): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  let allRSs = [...oldRSs, newRS]
  // Scale down old replica sets.
  let scaledDown = false
  for (const rs of filterActiveReplicaSets(oldRSs)) scaledDown = scaleReplicaSetAndRecordEvent(ctx, rs, 0, d).scaled || scaledDown
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS, d)
  // Do not process a deployment while it has old pods running.
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true))
    if (!newRS) return
    allRSs = [...oldRSs, newRS]
  }
  scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d)
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d)
  syncRolloutStatus(ctx, allRSs, newRS, d)
}

/** oldPodsRunning: old RSs still report pods, or a pod not of the new RS is not Succeeded/Failed. */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true
  }
  return false
}
