// Proportional scaling (deployment_util.go GetProportion / getReplicaSetFraction): when replicas
// change mid-rollout, each active ReplicaSet gets its share of the difference.
// Upstream's docs example: 10 replicas, maxSurge 3, maxUnavailable 2; mid-rollout the old RS has
// 8 and the new RS 5 (13 = 10 + 3, both annotated max-replicas 13). Scaled to 15: the total may
// be 15 + 3 = 18, so 5 replicas are to add: the old RS gets round(8 × 18/13) - 8 = 3 (→ 11) and
// the new RS round(5 × 18/13) - 5 = 2 (→ 7).
import { nonNegativeInt32Annotation, MAX_REPLICAS_ANNOTATION } from './annotations'
import { maxSurge } from './fenceposts'
import { replicasOf, type Deployment, type ReplicaSet } from './types'

/** integer.RoundToInt32: Go's math.Round, half away from zero. */
export const roundToInt32 = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x))

/**
 * getReplicaSetFraction: the RS's share of the new total, minus what it has.
 * RS with 8 of max-replicas 13, deployment now 15 + surge 3 = 18: round(8 × 18 / 13) = 11 → +3.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs)
  const deploymentReplicas = replicasOf(d) + maxSurge(d)
  const annotated = nonNegativeInt32Annotation(rs.metadata?.annotations, MAX_REPLICAS_ANNOTATION) ?? (d.status?.replicas ?? 0)
  const newRSsize = (replicasOf(rs) * deploymentReplicas) / annotated
  return roundToInt32(newRSsize) - replicasOf(rs)
}

/**
 * GetProportion: the RS's fraction, capped by what is left to add (or remove) across all RSs.
 * To add 5, 3 already given: at most 2 more. To remove 5: at least -5 in total.
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = getReplicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}
