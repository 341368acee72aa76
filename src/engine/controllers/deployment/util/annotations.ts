// Annotation and label names the Deployment controller writes (deployment_util.go, apps/v1 types).

/** The revision of a ReplicaSet (and of its Deployment): "1", "2"... */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
/** Earlier revisions a ReplicaSet had before a rollback made it new again: "1,3". */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
/** spec.replicas of the Deployment when this ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
/** replicas + maxSurge of the Deployment then: the base of proportional scaling. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
/** Why this revision exists; kubectl rollout history prints it as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'
/** kubectl apply's record: never copied onto ReplicaSets. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'
/** The legacy rollback request (extensions/v1beta1 rollbackTo). */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to'
/** The label that tells one ReplicaSet's pods from another's: apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'
/** Longest revision-history annotation the controller keeps (maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000

/** Deployment annotations that stay off its ReplicaSets (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO,
])

/** getNonNegativeInt32FromAnnotation: "13" → 13; absent, "-1", "x" or > MaxInt32 → undefined. */
export function nonNegativeInt32Annotation(annotations: Record<string, string> | undefined, key: string): number | undefined {
  const v = annotations?.[key]
  if (v === undefined || !/^\d+$/.test(v)) return undefined
  const n = Number(v)
  return n > 2147483647 ? undefined : n
}
