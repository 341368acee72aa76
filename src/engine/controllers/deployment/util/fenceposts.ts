// The rolling-update budget (deployment_util.go): how far a rollout may go above the desired
// count (maxSurge) and below it (maxUnavailable), and the arithmetic built on the two.
import { getScaledValueFromIntOrPercent, type IntOrString } from './intstr'
import { nonNegativeInt32Annotation, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './annotations'
import { replicasOf, type Deployment, type ReplicaSet } from './types'

/** The API defaults for both fields: 25% each. */
export const DEFAULT_MAX_SURGE = '25%'
export const DEFAULT_MAX_UNAVAILABLE = '25%'

/**
 * ResolveFenceposts: maxSurge rounds UP, maxUnavailable rounds DOWN, and if both come to 0,
 * maxUnavailable becomes 1 so the rollout can move at all.
 * 3 replicas, 25%/25%: surge ceil(0.75) = 1, unavailable floor(0.75) = 0.
 * 10 replicas, 39%/39%: surge ceil(3.9) = 4, unavailable floor(3.9) = 3.
 * A missing value counts as 0 ("oops" throws, as upstream returns an error).
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined | null, maxUnavailable: IntOrString | undefined | null, desired: number): { surge: number; unavailable: number } {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true)
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export const isRollingUpdate = (d: Deployment): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'

function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate
  return resolveFenceposts(ru?.maxSurge ?? DEFAULT_MAX_SURGE, ru?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE, replicasOf(d))
}

/** MaxUnavailable: 0 for Recreate or 0 replicas; never more than replicas (10 of 5 → 5). */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0
  return Math.min(fenceposts(d).unavailable, replicasOf(d))
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  return fenceposts(d).surge
}

/** MinAvailable: 10 replicas, maxUnavailable 2 → at least 8 available pods at all times. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  return replicasOf(d) - maxUnavailable(d)
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas (what has been asked for). */
export const getReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0)
/** GetActualReplicaCountForReplicaSets: the sum of status.replicas (pods that exist). */
export const getActualReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0)
export const getReadyReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0)
export const getAvailableReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0)

/**
 * NewRSNewReplicas: how big the new ReplicaSet may grow now.
 * RollingUpdate, 10 replicas, maxSurge 2, old RS at 10, new at 0: the total may reach 12, so the
 * new RS goes to 2. Old at 5: 12 - 5 = 7 room, so 7. Recreate: straight to spec.replicas.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const replicas = replicasOf(d)
  if (!isRollingUpdate(d)) return replicas
  const surge = getScaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? DEFAULT_MAX_SURGE, replicas, true)
  const current = getReplicaCountForReplicaSets(allRSs)
  const maxTotalPods = replicas + surge
  if (current >= maxTotalPods) return replicasOf(newRS)
  const scaleUpCount = Math.min(maxTotalPods - current, replicas - replicasOf(newRS))
  return replicasOf(newRS) + scaleUpCount
}

/** IsSaturated: the new RS is asked for, annotated with, and has available all the replicas. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = nonNegativeInt32Annotation(rs.metadata?.annotations, DESIRED_REPLICAS_ANNOTATION)
  if (desired === undefined) return false
  const r = replicasOf(d)
  return replicasOf(rs) === r && desired === r && (rs.status?.availableReplicas ?? 0) === r
}

/** SetReplicasAnnotations: true when either annotation changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata ??= {}).annotations ??= {}
  let updated = false
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) { a[DESIRED_REPLICAS_ANNOTATION] = String(desired); updated = true }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) { a[MAX_REPLICAS_ANNOTATION] = String(max); updated = true }
  return updated
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations
  return a?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a?.[MAX_REPLICAS_ANNOTATION] !== String(max)
}
