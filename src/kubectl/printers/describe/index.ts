// kubectl describe: one describer per kind, a generic one for the rest.

import type { KubeObject } from '../../../api/types'
import type { DescribeContext } from './common'
import { describePod } from './pod'
import { describeNode } from './node'
import { describeNamespace, describeConfigMap } from './simple'
import { describeGeneric } from './generic'
import { describeSecret } from './secret'
import { describeServiceAccount } from './serviceaccount'
import { describeDeployment, describeReplicaSet, describeDaemonSet } from './apps'
import { describeService, describeEndpoints, describeEndpointSlice, describeIngress, describeIngressClass } from './network'

const DESCRIBERS: Record<string, (obj: KubeObject, ctx: DescribeContext) => string> = {
  Pod: (obj, ctx) => describePod(obj, ctx),
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  DaemonSet: describeDaemonSet,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Ingress: describeIngress,
  IngressClass: describeIngressClass,
}

/** The text `kubectl describe` prints for one object (ends with '\n'). */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(obj, ctx)
}

export type { DescribeContext } from './common'
export { describeEvents, searchEvents } from './common'
export { smartLabelFor } from './generic'
