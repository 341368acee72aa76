// --sort-by (kubectl/pkg/cmd/get/sorter.go): order objects by a JSONPath field. Numbers compare
// numerically, strings in natural order (pod-2 before pod-10); objects missing the field sort first.

import type { KubeObject } from '../../../api/types'
import { JSONPath, JSONPathSyntaxError, relaxedJSONPathExpression } from '../jsonpath'

/** sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const re = /(\d+|\D+)/g
  const pa = a.match(re) ?? []
  const pb = b.match(re) ?? []
  for (let i = 0; i < pa.length && i < pb.length; i++) {
    if (pa[i] === pb[i]) continue
    const da = /^\d/.test(pa[i])
    const db = /^\d/.test(pb[i])
    if (da && db) {
      const na = BigInt(pa[i])
      const nb = BigInt(pb[i])
      if (na !== nb) return na < nb
      return pa[i].length < pb[i].length
    }
    return pa[i] < pb[i]
  }
  return pa.length < pb.length
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b)
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b
  return false
}

export function sortObjects(objs: KubeObject[], sortBy: string): { objs: KubeObject[] } | { error: string } {
  let field: string
  try { field = relaxedJSONPathExpression(sortBy) } catch (e) { return { error: `error: ${(e as Error).message}` } }
  const values = new Map<KubeObject, unknown>()
  let found = false
  for (const obj of objs) {
    const jp = new JSONPath('sorting').setAllowMissingKeys(true)
    try { jp.parse(field) } catch (e) {
      if (e instanceof JSONPathSyntaxError) return { error: `error: ${e.message}` }
      throw e
    }
    const r = jp.findResults(obj)
    if (r.length > 0 && r[0].length > 0) { values.set(obj, r[0][0]); found = true }
  }
  if (!found && objs.length > 0) return { error: `error: couldn't find any field with path "${field}" in the list of objects` }
  const sorted = [...objs].sort((x, y) => {
    if (!values.has(x)) return values.has(y) ? -1 : 0
    if (!values.has(y)) return 1
    const a = values.get(x)
    const b = values.get(y)
    return isLess(a, b) ? -1 : isLess(b, a) ? 1 : 0
  })
  return { objs: sorted }
}
