// A three-way strategic merge patch, as strategicpatch.CreateThreeWayMergePatch builds it:
//   changes   = what `modified` (the new manifest) sets differently from `current` (live),
//   deletions = what `original` (last applied) had and `modified` no longer has (sent as null,
//               or `$patch: delete` for an item of a list merged by key).
// Fields the server or controllers filled in (status, defaults) are never in either manifest,
// so they survive. The API server's `strategic` patch type does the merging.
import { deepEqual } from '../../api/objects'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** patchMergeKey of list fields in core/v1 (the Go struct tags); undefined = atomic list. */
export function mergeKey(field: string, path: readonly string[]): string | undefined {
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers':
    case 'env': case 'volumes': case 'imagePullSecrets': return 'name'
    case 'volumeMounts': return 'mountPath'
    case 'ports': return path.some((p) => p === 'containers' || p === 'initContainers') ? 'containerPort' : path[path.length - 1] === 'spec' ? 'port' : undefined
    default: return undefined
  }
}

export function threeWayPatch(original: unknown, modified: Obj, current: unknown): Obj {
  return diffObj(isObj(original) ? original : undefined, modified, isObj(current) ? current : {}, [])
}

function diffObj(orig: Obj | undefined, mod: Obj, cur: Obj, path: string[]): Obj {
  const patch: Obj = {}
  for (const [k, mv] of Object.entries(mod)) {
    if (mv === undefined) continue
    const cv = cur[k]
    const ov = orig?.[k]
    if (isObj(mv) && isObj(cv)) {
      const sub = diffObj(isObj(ov) ? ov : undefined, mv, cv, [...path, k])
      if (Object.keys(sub).length > 0) patch[k] = sub
      continue
    }
    if (Array.isArray(mv) && Array.isArray(cv)) {
      const key = mergeKey(k, path)
      if (key && mv.every(isObj) && cv.every(isObj)) {
        const sub = diffKeyedList(Array.isArray(ov) ? ov.filter(isObj) : [], mv as Obj[], cv as Obj[], key, [...path, k])
        if (sub.length > 0) patch[k] = sub
        continue
      }
    }
    if (!deepEqual(mv, cv)) patch[k] = mv
  }
  if (orig) {
    for (const k of Object.keys(orig)) {
      if (!(k in mod) && k in cur) patch[k] = null
    }
  }
  return patch
}

function diffKeyedList(orig: Obj[], mod: Obj[], cur: Obj[], key: string, path: string[]): Obj[] {
  const out: Obj[] = []
  for (const m of mod) {
    const c = cur.find((x) => deepEqual(x[key], m[key]))
    if (!c) { out.push(m); continue }
    const o = orig.find((x) => deepEqual(x[key], m[key]))
    const sub = diffObj(o, m, c, path)
    if (Object.keys(sub).length > 0) out.push({ [key]: m[key], ...sub })
  }
  for (const o of orig) {
    const stillWanted = mod.some((m) => deepEqual(m[key], o[key]))
    const live = cur.some((c) => deepEqual(c[key], o[key]))
    if (!stillWanted && live) out.push({ [key]: o[key], $patch: 'delete' })
  }
  return out
}
