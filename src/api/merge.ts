// The three patch formats `kubectl patch --type` sends:
//   merge     JSON merge patch (RFC 7386): objects merge, null deletes, arrays replace.
//   strategic strategic merge patch (apimachinery/pkg/util/strategicpatch): like merge, but lists
//             with a merge key (containers by name, env by name, ...) merge item by item, and
//             `$patch: delete|replace` directives steer it.
//   json      JSON patch (RFC 6902): a list of add/remove/replace/move/copy/test operations.
// All functions are pure: they return a new document and never touch their inputs.
import { deepCopy, deepEqual } from './objects'

type Json = unknown
type Obj = Record<string, Json>
const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

export class PatchError extends Error {}

// ---------- RFC 7386 ----------

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return deepCopy(patch)
  const out: Obj = isObj(target) ? { ...(deepCopy(target) as Obj) } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = jsonMergePatch(out[k], v)
  }
  return out
}

// ---------- strategic merge patch ----------

/** patchMergeKey of each list field, from the core/v1 Go struct tags. A `null` key = primitive set-merge. */
function mergeKeyFor(field: string, path: readonly string[]): string | null | undefined {
  const parent = path[path.length - 1]
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers': return 'name'
    case 'env': case 'volumes': case 'imagePullSecrets': return 'name'
    case 'volumeMounts': return 'mountPath'
    case 'volumeDevices': return 'devicePath'
    case 'conditions': return 'type'
    case 'hostAliases': case 'podIPs': case 'hostIPs': return 'ip'
    case 'addresses': return path[path.length - 1] === 'status' ? 'type' : undefined // Node status.addresses
    case 'topologySpreadConstraints': return 'topologyKey'
    case 'ownerReferences': return 'uid'
    case 'finalizers': return null
    // Container ports merge by containerPort; a Service's spec.ports by port.
    case 'ports': return path.includes('containers') || path.includes('initContainers') || path.includes('ephemeralContainers') ? 'containerPort' : parent === 'spec' ? 'port' : undefined
    default: return undefined // tolerations, args, command...: the patch list replaces the old one
  }
}

const DIRECTIVE = '$patch'
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/'
const SET_ORDER = '$setElementOrder/'
const RETAIN_KEYS = '$retainKeys'

export function strategicMergePatch(target: Json, patch: Json): Json {
  return smpValue(target, patch, [])
}

function smpValue(target: Json, patch: Json, path: string[]): Json {
  if (!isObj(patch)) return deepCopy(patch)
  return smpObject(isObj(target) ? target : {}, patch, path)
}

function smpObject(target: Obj, patch: Obj, path: string[]): Json {
  const directive = patch[DIRECTIVE]
  if (directive === 'replace') {
    const rest = { ...patch }
    delete rest[DIRECTIVE]
    return stripDirectives(rest)
  }
  if (directive === 'delete') return undefined
  if (directive !== undefined) throw new PatchError(`Unknown patch type: ${String(directive)}`)
  const out: Obj = deepCopy(target) as Obj
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(SET_ORDER)) {
      // kubectl apply sends `$setElementOrder/containers: [{name: a}, {name: b}]`: keep that order.
      const field = k.slice(SET_ORDER.length)
      if (Array.isArray(v) && Array.isArray(out[field]) && !(field in patch)) out[field] = setElementOrder(out[field] as Json[], v, field, path)
      continue
    }
    if (k === RETAIN_KEYS) continue
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length)
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = (out[field] as Json[]).filter((x) => !v.some((d) => deepEqual(d, x)))
      continue
    }
    if (v === null) { delete out[k]; continue }
    if (Array.isArray(v)) {
      let merged = smpList(out[k], v, k, path)
      const order = patch[SET_ORDER + k]
      if (Array.isArray(order) && Array.isArray(merged)) merged = setElementOrder(merged, order, k, path)
      if (merged === undefined) delete out[k]
      else out[k] = merged
      continue
    }
    if (isObj(v)) {
      const merged = smpObject(isObj(out[k]) ? (out[k] as Obj) : {}, v, [...path, k])
      if (merged === undefined) delete out[k]
      else out[k] = merged
      continue
    }
    out[k] = v
  }
  return out
}

function smpList(target: Json, patch: Json[], field: string, path: string[]): Json {
  const key = mergeKeyFor(field, path)
  const replaceAll = patch.some((p) => isObj(p) && p[DIRECTIVE] === 'replace' && Object.keys(p).length === 1)
  if (replaceAll) return stripDirectives(patch.filter((p) => !(isObj(p) && p[DIRECTIVE] === 'replace')))
  const old = Array.isArray(target) ? (deepCopy(target) as Json[]) : []
  if (key === undefined) return stripDirectives(patch)
  if (key === null) {
    // A primitive list with merge strategy (finalizers): union, old order first.
    const out = [...old]
    for (const p of patch) if (!out.some((x) => deepEqual(x, p))) out.push(deepCopy(p))
    return out
  }
  const out = [...old]
  for (const p of patch) {
    if (!isObj(p)) throw new PatchError(`merging an object in json but data type is not map, instead is ${typeof p}`)
    const kv = p[key]
    if (kv === undefined) throw new PatchError(`map: ${goValue(p)} does not contain declared merge key: ${key}`)
    const i = out.findIndex((x) => isObj(x) && deepEqual(x[key], kv))
    if (p[DIRECTIVE] === 'delete') { if (i >= 0) out.splice(i, 1); continue }
    if (i >= 0) out[i] = smpObject(out[i] as Obj, p, [...path, field])
    else out.push(stripDirectives(p))
  }
  return out
}

/** Reorder `list` as `order` lists it (by merge key, or by value for primitive lists); the rest keep their place after. */
function setElementOrder(list: Json[], order: Json[], field: string, path: string[]): Json[] {
  const key = mergeKeyFor(field, path)
  const id = (x: Json) => (key && isObj(x) ? x[key] : x)
  const rank = (x: Json) => {
    const i = order.findIndex((o) => deepEqual(id(o), id(x)))
    return i < 0 ? order.length : i
  }
  return list.map((x, i) => ({ x, i, r: rank(x) })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x)
}

/** Go's %v of decoded JSON, as upstream's messages print it: `map[image:x name:y]`, `[a b]`. */
export function goValue(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (isObj(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives)
  if (!isObj(v)) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) {
    if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(SET_ORDER) || k.startsWith(DELETE_PRIMITIVE)) continue
    if (x === null) continue
    out[k] = stripDirectives(x)
  }
  return out
}

// ---------- RFC 6902 ----------

export interface JsonPatchOp { op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'; path: string; value?: Json; from?: string }

function parsePointer(p: string): string[] {
  if (p === '') return []
  if (!p.startsWith('/')) throw new PatchError(`JSON pointer must start with '/': ${JSON.stringify(p)}`)
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function parent(doc: Json, tokens: string[], full: string): { container: Json; last: string } {
  let cur = doc
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(t)]
    else if (isObj(cur)) cur = cur[t]
    else cur = undefined
    if (cur === undefined) throw new PatchError(`doc is missing path: "${full}": missing value`)
  }
  return { container: cur, last: tokens[tokens.length - 1] }
}

function arrayIndex(arr: Json[], t: string, forAdd: boolean, full: string): number {
  if (forAdd && t === '-') return arr.length
  if (!/^(0|[1-9]\d*)$/.test(t)) throw new PatchError(`invalid index referenced: ${full}`)
  const i = Number(t)
  if (i > arr.length || (!forAdd && i === arr.length)) throw new PatchError(`Unable to access invalid index: ${i}: invalid index referenced`)
  return i
}

function getAt(doc: Json, path: string): Json {
  let cur = doc
  for (const t of parsePointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(t)]
    else if (isObj(cur)) cur = cur[t]
    else cur = undefined
    if (cur === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`)
  }
  return cur
}

function removeAt(doc: Json, path: string): Json {
  const tokens = parsePointer(path)
  if (tokens.length === 0) throw new PatchError('cannot remove the whole document')
  const { container, last } = parent(doc, tokens, path)
  if (Array.isArray(container)) {
    const i = arrayIndex(container, last, false, path)
    return container.splice(i, 1)[0]
  }
  if (!isObj(container) || !(last in container)) throw new PatchError(`Unable to remove nonexistent key: ${last}: missing value`)
  const v = container[last]
  delete container[last]
  return v
}

function addAt(doc: Json, path: string, value: Json): Json {
  const tokens = parsePointer(path)
  if (tokens.length === 0) return value
  const { container, last } = parent(doc, tokens, path)
  if (Array.isArray(container)) container.splice(arrayIndex(container, last, true, path), 0, value)
  else if (isObj(container)) container[last] = value
  else throw new PatchError(`doc is missing path: "${path}": missing value`)
  return doc
}

export function jsonPatch(target: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let doc = deepCopy(target)
  for (const raw of ops as JsonPatchOp[]) {
    const { op, path } = raw
    switch (op) {
      case 'add': doc = addAt(doc, path, deepCopy(raw.value)); break
      case 'remove': removeAt(doc, path); break
      case 'replace': getAt(doc, path); if (path === '') doc = deepCopy(raw.value); else { removeAt(doc, path); doc = addAt(doc, path, deepCopy(raw.value)) } break
      case 'move': { const v = removeAt(doc, raw.from ?? ''); doc = addAt(doc, path, v); break }
      case 'copy': doc = addAt(doc, path, deepCopy(getAt(doc, raw.from ?? ''))); break
      case 'test': if (!deepEqual(getAt(doc, path), raw.value)) throw new PatchError(`testing value ${path} failed: test failed`); break
      default: throw new PatchError(`Unexpected kind: ${String(op)}`)
    }
  }
  return doc
}
