// The apps/v1 shapes the controller reads, narrowed to what is always present once stored.
import type { Deployment, ReplicaSet, DeploymentStatus, DeploymentCondition } from 'kubernetes-types/apps/v1'

export type { Deployment, ReplicaSet, DeploymentStatus, DeploymentCondition }

/** spec.replicas with the API default (1) applied. */
export const replicasOf = (o: { spec?: { replicas?: number } }): number => o.spec?.replicas ?? 1
