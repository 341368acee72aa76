// The column table: kind -> columns. Kinds without an entry print the generic NAME AGE
// (what the API server's default table convertor returns for kinds without printers).

import { translateTimestampSince } from '../age'
import type { KindColumns } from './types'
import { podColumns } from './pod'
import { nodeColumns, namespaceColumns, configMapColumns, eventColumns } from './core'
import { deploymentColumns, replicaSetColumns, serviceColumns, daemonSetColumns } from './workloads'
import { endpointsColumns, endpointSliceColumns, ingressColumns, ingressClassColumns } from './network'
import { ipAddressPoolColumns, l2AdvertisementColumns } from './metallb'
import { secretColumns } from './secret'
import { serviceAccountColumns } from './serviceaccount'
import { jobColumns } from './job'

export const GENERIC_COLUMNS: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Age' }],
  cells: (obj, ctx) => [obj.metadata.name ?? '', translateTimestampSince(obj.metadata.creationTimestamp, ctx.now)],
}

const BY_KIND: Record<string, KindColumns> = {
  Pod: podColumns,
  Node: nodeColumns,
  Namespace: namespaceColumns,
  ConfigMap: configMapColumns,
  Secret: secretColumns,
  ServiceAccount: serviceAccountColumns,
  Event: eventColumns,
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  Service: serviceColumns,
  Job: jobColumns,
  DaemonSet: daemonSetColumns,
  Endpoints: endpointsColumns,
  EndpointSlice: endpointSliceColumns,
  Ingress: ingressColumns,
  IngressClass: ingressClassColumns,
  IPAddressPool: ipAddressPoolColumns,
  L2Advertisement: l2AdvertisementColumns,
}

export function columnsFor(kind: string): KindColumns {
  return BY_KIND[kind] ?? GENERIC_COLUMNS
}

export type { KindColumns, Column, RowContext } from './types'
export { podRowInfo } from './pod'
export { formatEndpoints, joinHostPort, formatIngressHosts } from './network'
export { makePortString } from './workloads'
export { nodeStatus, findNodeRoles, eventTimes, formatEventSource, eventTarget } from './core'
