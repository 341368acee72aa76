// calculateStatus (pkg/controller/replicaset/replica_set_utils.go): what `kubectl get rs` shows as
// DESIRED / CURRENT / READY, computed from the ReplicaSet's active, owned pods.
// Worked numbers: 3 pods, 2 Ready (one for 10 s, one for 2 s), minReadySeconds 5 →
// replicas 3, readyReplicas 2, availableReplicas 1.
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../../api/types'
import { isPodAvailable, isPodReady, msUntilAvailable } from '../podutil'

export const REPLICA_FAILURE = 'ReplicaFailure'

/** The labels of the template select the pod (a pod may carry more labels than the template). */
function fullyLabeled(pod: Pod, template: Record<string, string> | undefined): boolean {
  const labels = pod.metadata?.labels ?? {}
  return Object.entries(template ?? {}).every(([k, v]) => labels[k] === v)
}

/**
 * The new status. `manageError` (a create or delete that failed this sync) sets ReplicaFailure
 * once — FailedCreate when short of pods, FailedDelete when over; a clean sync removes it.
 * Zero counts other than replicas are left out, as Go's omitempty leaves them out of the JSON.
 */
export function calculateStatus(rs: ReplicaSet, pods: readonly Pod[], manageError: string | undefined, now: number, nowISO: string): ReplicaSetStatus {
  const status: ReplicaSetStatus = { ...(rs.status ?? {}), replicas: 0 }
  let labeled = 0
  let ready = 0
  let available = 0
  const minReady = rs.spec?.minReadySeconds ?? 0
  for (const p of pods) {
    if (fullyLabeled(p, rs.spec?.template?.metadata?.labels)) labeled++
    if (isPodReady(p)) {
      ready++
      if (isPodAvailable(p, minReady, now)) available++
    }
  }
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])]
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE)
  if (manageError !== undefined && !failure) {
    const diff = pods.length - (rs.spec?.replicas ?? 1)
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
    conditions.push({ type: REPLICA_FAILURE, status: 'True', lastTransitionTime: nowISO, reason, message: manageError })
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE)
  }
  status.replicas = pods.length
  setOrOmit(status, 'fullyLabeledReplicas', labeled)
  setOrOmit(status, 'readyReplicas', ready)
  setOrOmit(status, 'availableReplicas', available)
  if (conditions.length) status.conditions = conditions
  else delete status.conditions
  return status
}

function setOrOmit(s: ReplicaSetStatus, k: 'fullyLabeledReplicas' | 'readyReplicas' | 'availableReplicas', v: number): void {
  if (v) s[k] = v
  else delete s[k]
}

/**
 * updateReplicaSetStatus's test: write only when a count, the conditions or observedGeneration
 * differ. Returns the status to write (with observedGeneration = generation), or undefined.
 */
export function statusToWrite(rs: ReplicaSet, next: ReplicaSetStatus): ReplicaSetStatus | undefined {
  const cur: Partial<ReplicaSetStatus> = rs.status ?? {}
  const gen = rs.metadata?.generation ?? 0
  const same = (cur.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (cur.observedGeneration ?? 0) === gen &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  if (same) return undefined
  return { ...next, ...(gen ? { observedGeneration: gen } : {}) }
}

/**
 * When to look again so availableReplicas rises on time: the soonest moment a ready pod passes
 * minReadySeconds. Ready at 00:00:10, minReadySeconds 5, now 00:00:12 → 3001 ms.
 */
export function nextAvailabilityCheck(rs: ReplicaSet, pods: readonly Pod[], now: number): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0
  if (!minReady) return undefined
  let soonest: number | undefined
  for (const p of pods) {
    const ms = msUntilAvailable(p, minReady, now)
    if (ms !== undefined && ms > 0 && (soonest === undefined || ms < soonest)) soonest = ms
  }
  return soonest
}
