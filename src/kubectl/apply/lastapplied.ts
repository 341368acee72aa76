// The `kubectl.kubernetes.io/last-applied-configuration` annotation: the manifest as last applied,
// serialised like Go's json.Marshal of an unstructured map (keys sorted, compact) plus the
// trailing newline runtime.Encode adds. It is the "original" of the next three-way merge.
import type { KubeObject } from '../../api/types'
import { deepCopy } from '../../api/objects'

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

/** JSON with object keys sorted at every level, as encoding/json does for maps. */
export function sortedJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(sortedJSON).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJSON(o[k])}`).join(',')}}`
}

/**
 * upstream GetModifiedConfiguration(annotate=true): drop any old annotation, serialise (an empty
 * `annotations: {}` stays in), then store that text in the annotation of the object to send.
 */
export function withLastApplied(obj: KubeObject): { modified: KubeObject; lastApplied: string } {
  const copy = deepCopy(obj)
  const annots = { ...(copy.metadata.annotations ?? {}) }
  delete annots[LAST_APPLIED_ANNOTATION]
  copy.metadata.annotations = annots
  const lastApplied = sortedJSON(copy) + '\n'
  const modified = deepCopy(copy)
  modified.metadata.annotations = { ...annots, [LAST_APPLIED_ANNOTATION]: lastApplied }
  return { modified, lastApplied }
}

/** The previous manifest from the live object's annotation, if any (and parseable). */
export function originalOf(live: KubeObject): unknown {
  const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]
  if (!text) return undefined
  try { return JSON.parse(text) } catch { return undefined }
}
