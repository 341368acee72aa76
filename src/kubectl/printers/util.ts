// Small helpers shared by the column printers and describe.

import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'

export const NONE = '<none>'

/** labels.FormatLabels: `app=web,tier=x` with keys sorted, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return NONE
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

export interface LabelSelectorRequirement { key: string; operator: string; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] }

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, e.g.
 * `app=web,tier in (back,front)`; '' for an empty selector.
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return ''
  const reqs: Array<{ key: string; text: string }> = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, text: `${e.key} in (${values})` }); break
      case 'NotIn': reqs.push({ key: e.key, text: `${e.key} notin (${values})` }); break
      case 'Exists': reqs.push({ key: e.key, text: e.key }); break
      case 'DoesNotExist': reqs.push({ key: e.key, text: `!${e.key}` }); break
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return reqs.map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector: like selectorString but `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return selectorString(sel) || NONE
}

/** `pod`, `deployment.apps`: strings.ToLower(GroupKind.String()), used by -o name and --show-kind. */
export function kindPrefix(kind: Pick<KindInfo, 'kind' | 'group'>): string {
  return (kind.group ? `${kind.kind}.${kind.group}` : kind.kind).toLowerCase()
}

/** Read a nested field without caring about types (printers accept any stored shape). */
export function field<T = unknown>(obj: unknown, ...path: Array<string | number>): T | undefined {
  let cur: unknown = obj
  for (const p of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined
    cur = (cur as Record<string | number, unknown>)[p]
  }
  return cur as T | undefined
}

/** Containers' names and images joined by commas (printers.go layoutContainerCells). */
export function layoutContainerCells(containers: Array<{ name?: string; image?: string }> | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')]
}

export type { KubeObject }
