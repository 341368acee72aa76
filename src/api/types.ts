// Plain object types shared by every layer. Objects are plain data (no classes): they cross the
// worker boundary by structured clone, and prototypes do not survive it.
//
// Upstream's own types come from `kubernetes-types` (generated from the OpenAPI spec, doc comments
// included); we re-export the ones the engine knows and add the envelope every object shares.
import type { ObjectMeta, OwnerReference, ListMeta } from 'kubernetes-types/meta/v1'
import type {
  Pod, PodSpec, PodStatus, Container, ContainerStatus, PodCondition,
  Node, NodeStatus, NodeCondition, Namespace, Event, ConfigMap, ObjectReference,
} from 'kubernetes-types/core/v1'
import type {
  Deployment, DeploymentSpec, DeploymentStatus, DeploymentCondition, DeploymentStrategy, RollingUpdateDeployment,
  ReplicaSet, ReplicaSetSpec, ReplicaSetStatus, ReplicaSetCondition,
} from 'kubernetes-types/apps/v1'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { LabelSelector } from 'kubernetes-types/meta/v1'

export type {
  ObjectMeta, OwnerReference, ListMeta,
  Pod, PodSpec, PodStatus, Container, ContainerStatus, PodCondition,
  Node, NodeStatus, NodeCondition, Namespace, Event, ConfigMap, ObjectReference,
  Deployment, DeploymentSpec, DeploymentStatus, DeploymentCondition, DeploymentStrategy, RollingUpdateDeployment,
  ReplicaSet, ReplicaSetSpec, ReplicaSetStatus, ReplicaSetCondition, PodTemplateSpec, LabelSelector,
}

/** Any object the API server stores. Every stored object has metadata.name/uid/resourceVersion. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  // Kinds differ below metadata; each kind's type narrows these.
  [field: string]: unknown
}

/** A stored object as the API server returns it: metadata is always filled in. */
export type Stored<T extends { metadata?: ObjectMeta }> = T & {
  metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string; creationTimestamp: string }
}

export interface ObjectList<T = KubeObject> {
  apiVersion: string
  kind: string // e.g. "PodList"
  metadata: ListMeta
  items: T[]
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent<T = KubeObject> {
  type: WatchEventType
  object: T
}
