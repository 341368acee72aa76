// The column table: kind -> columns. Kinds without an entry print the generic NAME AGE
// (what the API server's default table convertor returns for kinds without printers).

import { translateTimestampSince } from '../age'
import type { KindColumns } from './types'
import { podColumns } from './pod'
import { nodeColumns, namespaceColumns, configMapColumns, eventColumns } from './core'
import { deploymentColumns, replicaSetColumns, serviceColumns } from './workloads'
import { secretColumns } from './secret'
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
  Event: eventColumns,
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  Service: serviceColumns,
  Job: jobColumns,
}

export function columnsFor(kind: string): KindColumns {
  return BY_KIND[kind] ?? GENERIC_COLUMNS
}

export type { KindColumns, Column, RowContext } from './types'
export { podRowInfo } from './pod'
export { nodeStatus, findNodeRoles, eventTimes, formatEventSource, eventTarget } from './core'
