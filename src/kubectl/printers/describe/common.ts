// Pieces every describer shares, ported from staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// multi-line labels/annotations/tolerations/taints and the Events table.

import type { ApiClient } from '../../../api/client'
import type { Event, KubeObject } from '../../../api/types'
import { formatAge, parseTime } from '../age'
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer'

/** Annotations kubectl describe never shows. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
/** Longer annotations print on their own lines, cut to this length (maxAnnotationLen). */
const MAX_ANNOTATION_LEN = 140

export interface DescribeContext {
  api: ApiClient
  /** Virtual time now, ms. */
  now: number
}

/** printLabelsMultilineWithIndent: `Labels:  app=web` then one `key=value` per line. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) { w.writeLine('<none>'); return }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    w.write(LEVEL_0, `${key}=${labels![key]}\n`)
  })
}

const shorten = (s: string, max: number) => (s.length > max ? s.slice(0, max) + '...' : s)

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort()
  if (keys.length === 0) { w.writeLine('<none>'); return }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = annotations![key].replace(/\n$/, '')
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/** printTolerationsMultilineWithIndent: `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  if (list.length === 0) { w.writeLine('<none>'); return }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    // `operator: Exists` with no key and no effect tolerates everything
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, s + '\n')
  })
}

interface Taint { key: string; value?: string; effect: string }

/** printNodeTaintsMultiline: sorted by effect then key, `key=value:Effect`. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const cmp = (t: Taint) => `${t.effect},${t.key}`
  const list = [...(taints ?? [])].sort((a, b) => (cmp(a) < cmp(b) ? -1 : cmp(a) > cmp(b) ? 1 : 0))
  if (list.length === 0) { w.writeLine('<none>'); return }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`)
  })
}

const since = (ts: string | null | undefined, now: number) => {
  const t = parseTime(ts ?? undefined)
  return t === undefined ? '<unknown>' : formatAge(now - t)
}

/** DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table, oldest first. */
export function describeEvents(events: KubeObject[] | undefined, w: PrefixWriter, now: number): void {
  if (!events) return
  if (events.length === 0) { w.write(LEVEL_0, 'Events:\t<none>\n'); return }
  w.flush()
  const items = (events as unknown as Event[]).map((e, i) => ({ e, i }))
  const last = (e: Event) => parseTime(e.lastTimestamp ?? undefined) ?? 0
  items.sort((a, b) => last(a.e) - last(b.e) || a.i - b.i) // SortableEvents: by lastTimestamp
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const { e } of items) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now)
    let interval: string
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
    else interval = first
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}

/**
 * searchEvents: the events whose involvedObject is this object, found by field selector (and
 * filtered again here, in case the API server ignores field selectors). `extraUIDs` adds matches
 * by another uid (the kubelet reports node events with the node's name as the uid).
 */
export function searchEvents(ctx: DescribeContext, obj: KubeObject, extraUIDs: string[] = []): KubeObject[] {
  const uids = new Set([obj.metadata.uid, ...extraUIDs].filter(Boolean))
  const namespace = obj.metadata.namespace || undefined
  let items: KubeObject[]
  try {
    items = ctx.api.list('events', { namespace, fieldSelector: `involvedObject.name=${obj.metadata.name}` }).items
  } catch {
    try { items = ctx.api.list('events', { namespace }).items } catch { return [] }
  }
  return items.filter((ev) => {
    const io = (ev as unknown as Event).involvedObject
    return io?.name === obj.metadata.name && (!io.uid || uids.has(io.uid)) && (!namespace || (io.namespace ?? namespace) === namespace)
  })
}
