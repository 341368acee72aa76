// Plain object types shared by every layer. Objects are plain data (no classes): they cross the
// worker boundary by structured clone, and prototypes do not survive it.
//
// Upstream's own types come from `kubernetes-types` (generated from the OpenAPI spec, doc comments
// included); we re-export the ones the engine knows and add the envelope every object shares.
import type { ObjectMeta, OwnerReference, ListMeta } from 'kubernetes-types/meta/v1'
import type {
  Pod, PodSpec, PodStatus, Container, ContainerStatus, PodCondition,
  Node, NodeStatus, NodeCondition, Namespace, Event, ConfigMap, ObjectReference,
  Service, ServiceSpec, ServicePort, ServiceStatus, Endpoints, EndpointSubset, EndpointAddress, EndpointPort,
} from 'kubernetes-types/core/v1'
import type { EndpointSlice, Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
import type { Ingress, IngressSpec, IngressRule, HTTPIngressPath, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1'
import type { DaemonSet, DaemonSetSpec, DaemonSetStatus } from 'kubernetes-types/apps/v1'
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
  Service, ServiceSpec, ServicePort, ServiceStatus, Endpoints, EndpointSubset, EndpointAddress, EndpointPort,
  EndpointSlice, SliceEndpoint, SlicePort,
  Ingress, IngressSpec, IngressRule, HTTPIngressPath, IngressBackend, IngressClass,
  DaemonSet, DaemonSetSpec, DaemonSetStatus,
}

/** metallb.io/v1beta1 IPAddressPool (MetalLB v0.13+): the addresses LoadBalancer Services get. */
export interface IPAddressPool {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  spec?: {
    /** CIDRs (`172.17.255.0/24`) or ranges (`172.17.255.1-172.17.255.255`). */
    addresses?: string[]
    /** Default true. */
    autoAssign?: boolean
    avoidBuggyIPs?: boolean
  }
}

/** metallb.io/v1beta1 L2Advertisement: which pools are announced with ARP (none listed = all). */
export interface L2Advertisement {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  spec?: { ipAddressPools?: string[]; nodeSelectors?: LabelSelector[]; interfaces?: string[] }
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
