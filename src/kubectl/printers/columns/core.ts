// Node, Namespace, ConfigMap and Event columns (printNode, printNamespace, printConfigMap,
// printEvent in pkg/printers/internalversion/printers.go).

import type { Node, Event, KubeObject } from '../../../api/types'
import { translateTimestampSince, parseTime, formatAge } from '../age'
import { NONE } from '../util'
import type { KindColumns, RowContext } from './types'

/** A node-role.kubernetes.io/<role> label names a role (printers.go labelNodeRolePrefix). */
export const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
/** The older kubernetes.io/role=<role> label. */
export const NODE_LABEL_ROLE = 'kubernetes.io/role'

const age = (obj: KubeObject, now: number) => translateTimestampSince(obj.metadata.creationTimestamp, now)

/** findNodeRoles: sorted, de-duplicated. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = []
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  if (status.length === 0) status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

export function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? NONE
}

export const nodeColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Status' }, { name: 'Roles' }, { name: 'Age' }, { name: 'Version' },
    { name: 'Internal-IP', priority: 1 }, { name: 'External-IP', priority: 1 }, { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 }, { name: 'Container-Runtime', priority: 1 },
  ],
  cells(obj, ctx) {
    const node = obj as unknown as Node
    const info = node.status?.nodeInfo
    const row = [obj.metadata.name ?? '', nodeStatus(node), findNodeRoles(node).join(',') || NONE, age(obj, ctx.now), info?.kubeletVersion ?? '']
    if (ctx.wide) {
      row.push(nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'), info?.osImage || '<unknown>',
        info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>')
    }
    return row
  },
}

export const namespaceColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  cells: (obj, ctx) => [obj.metadata.name ?? '', String((obj.status as { phase?: string } | undefined)?.phase ?? ''), age(obj, ctx.now)],
}

export const configMapColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Data' }, { name: 'Age' }],
  cells(obj, ctx) {
    const n = Object.keys((obj.data as object | undefined) ?? {}).length + Object.keys((obj.binaryData as object | undefined) ?? {}).length
    return [obj.metadata.name ?? '', String(n), age(obj, ctx.now)]
  },
}

/** formatEventSource: `component, host`, falling back to reportingController/Instance. */
export function formatEventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || ''
  const host = ev.source?.host || ev.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}

/** `pod/web`, or just the kind when the object has no name. */
export function eventTarget(ev: Event): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase()
  return ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind
}

/** printEvent's LAST SEEN / FIRST SEEN / COUNT rules (series and eventTime for new-style events). */
export function eventTimes(ev: Event, now: number): { first: string; last: string; count: number } {
  const since = (t: string | undefined) => {
    const ms = parseTime(t)
    return ms === undefined ? '<unknown>' : formatAge(now - ms)
  }
  const first = ev.firstTimestamp ? since(ev.firstTimestamp) : since(ev.eventTime)
  let last = ev.lastTimestamp ? since(ev.lastTimestamp) : first
  let count = ev.count ?? 0
  if (ev.series) {
    last = since(ev.series.lastObservedTime)
    count = ev.series.count ?? 0
  } else if (count === 0) count = 1 // singleton events don't have a count set in the new API
  return { first, last, count }
}

export const eventColumns: KindColumns = {
  columns: [
    { name: 'Last Seen' }, { name: 'Type' }, { name: 'Reason' }, { name: 'Object' },
    { name: 'Subobject', priority: 1 }, { name: 'Source', priority: 1 }, { name: 'Message' },
    { name: 'First Seen', priority: 1 }, { name: 'Count', priority: 1 }, { name: 'Name', priority: 1 },
  ],
  cells(obj: KubeObject, ctx: RowContext) {
    const ev = obj as unknown as Event
    const t = eventTimes(ev, ctx.now)
    const message = (ev.message ?? '').trim()
    if (ctx.wide) {
      return [t.last, ev.type ?? '', ev.reason ?? '', eventTarget(ev), ev.involvedObject?.fieldPath ?? '',
        formatEventSource(ev), message, t.first, String(t.count), obj.metadata.name ?? '']
    }
    return [t.last, ev.type ?? '', ev.reason ?? '', eventTarget(ev), message]
  },
}
