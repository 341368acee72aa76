// `kubectl explain` over the shipped definitions, following kubectl 1.30's OpenAPI v3 template
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) step by step: the same
// traversal (`output`), field list (`fieldList`/`fieldDetail`), description gathering
// (`description`) and type labels (`typeGuess`). Pure: no DOM, no clock.
//
// Upstream's v3 documents wrap a property's reference as `{description, allOf: [{$ref}]}`; ours
// carry `{$ref, description}` side by side (what the YAML language server reads). `norm` turns the
// latter into the former so every template rule below applies unchanged.
import { REF_PREFIX, type Definitions, type GroupVersionKind, type JsonSchema } from './types'
import { indent, wrapString } from './wordwrap'

/** Internal upstream-shaped schema: our JsonSchema plus the `allOf` that `norm` introduces. */
type S = JsonSchema & { allOf?: S[] }

export interface ExplainField {
  name: string
  /** kubectl's type label, e.g. `<[]Container>`, `<map[string]string>`, `<IntOrString>`. */
  type: string
  required: boolean
  description: string
}

export type ExplainResult =
  | {
      ok: true
      gvk: GroupVersionKind
      /** Root definition name, e.g. `io.k8s.api.core.v1.Pod`. */
      definition: string
      /** Last path element (`containers`), or undefined when explaining the kind itself. */
      field: string | undefined
      /** Type label of the field (`<[]Container>`), or `<Pod>` for the kind itself. */
      type: string
      /** Upstream's DESCRIPTION text before wrapping: the field's own words, then its type's. */
      description: string
      /** FIELDS, sorted by name, as kubectl lists them (empty for scalars). */
      fields: ExplainField[]
    }
  | { ok: false; error: string }

interface Walked { schema: S; field?: { name: string; type: string } }

export function explainPath(defs: Definitions, apiVersion: string, kind: string, path: readonly string[]): ExplainResult {
  const found = findRoot(defs, apiVersion, kind)
  if (!found) return { ok: false, error: notFound(apiVersion, kind) }
  const walked = walk(defs, found.schema, path, new Set())
  if (!walked) return { ok: false, error: `error: field "${path[path.length - 1]}" does not exist` }
  const fields: ExplainField[] = []
  fieldList(defs, walked.schema, 1, new Set(), (name, holder, field) => {
    fields.push({ name, type: `<${typeGuess(defs, field)}>`, required: holder.required?.includes(name) ?? false, description: field.description ?? '' })
    return false
  })
  return {
    ok: true,
    gvk: found.gvk,
    definition: found.name,
    field: walked.field?.name,
    type: `<${walked.field?.type ?? kind}>`,
    description: descriptionParts(defs, walked.schema).join('\n'),
    fields,
  }
}

export interface FormatOptions { recursive?: boolean }

/** The exact text `kubectl explain` 1.30 prints (plaintext output), or kubectl's error line. */
export function formatExplain(
  defs: Definitions, apiVersion: string, kind: string, path: readonly string[], opts: FormatOptions = {},
): { ok: true; text: string } | { ok: false; error: string } {
  const r = explainPath(defs, apiVersion, kind, path)
  if (!r.ok) return r
  const recursive = opts.recursive ?? false
  let out = ''
  if (r.gvk.group) out += `GROUP:      ${r.gvk.group}\n`
  out += `KIND:       ${r.gvk.kind}\nVERSION:    ${r.gvk.version}\n\n`
  // "FIELD: x <T>\n", then the (empty) enum block's "\n", then one more "\n": two blank lines.
  if (r.field !== undefined) out += `FIELD: ${r.field} ${r.type}\n\n\n`
  const schema = walk(defs, findRoot(defs, apiVersion, kind)!.schema, path, new Set())!.schema
  const desc = descriptionParts(defs, schema).map((d) => d + '\n').join('')
  out += 'DESCRIPTION:\n' + indent(4, wrapString(desc || '<empty>', 76)) + '\n'
  let list = ''
  fieldList(defs, schema, 1, new Set(), (name, holder, field, level) => {
    const pad = level * 2
    list += indent(pad, name) + `\t<${typeGuess(defs, field)}>`
    if (holder.required?.includes(name)) list += ' -required-'
    list += '\n'
    if (!recursive) list += indent(pad + 2, wrapString(field.description || '<no description>', 78 - pad)) + '\n\n'
    return recursive
  })
  if (list) out += 'FIELDS:\n' + list
  return { ok: true, text: out + '\n' }
}

function notFound(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  return `error: GVK map[group:${group} kind:${kind} version:${version}] not found in OpenAPI schema`
}

/** Upstream scans every definition for a matching x-kubernetes-group-version-kind. */
function findRoot(defs: Definitions, apiVersion: string, kind: string): { name: string; schema: S; gvk: GroupVersionKind } | undefined {
  for (const [name, schema] of Object.entries(defs)) {
    const gvk = schema['x-kubernetes-group-version-kind']?.find((g) => (g.group ? `${g.group}/${g.version}` : g.version) === apiVersion && g.kind === kind)
    if (gvk) return { name, schema, gvk }
  }
  return undefined
}

/** `{$ref, description...}` → `{description..., allOf: [{$ref}]}` (upstream's v3 shape). */
function norm(s: S): S {
  if (!s.$ref || Object.keys(s).length === 1) return s
  const { $ref, ...rest } = s
  return { ...rest, allOf: [{ $ref }] }
}

function resolveRef(defs: Definitions, ref: string | undefined): S | undefined {
  return ref?.startsWith(REF_PREFIX) ? defs[ref.slice(REF_PREFIX.length)] : undefined
}

function isSchemaObject(v: boolean | JsonSchema | undefined): v is JsonSchema {
  return typeof v === 'object' && v !== null
}

/** Template `output` traversal; undefined when the path does not exist (upstream prints nothing). */
function walk(defs: Definitions, schema: S, path: readonly string[], history: Set<string>): Walked | undefined {
  const s = norm(schema)
  const ref = s.$ref ?? ''
  const resolved = resolveRef(defs, ref) ?? s
  if (path.length === 0) return { schema: resolved }
  if (ref && history.has(ref)) return undefined
  const next = new Set(history).add(ref)
  const sub = resolved.properties?.[path[0]]
  if (sub) {
    const r = walk(defs, sub, path.slice(1), new Set())
    if (r && path.length === 1) r.field = { name: path[0], type: typeGuess(defs, sub) }
    return r
  }
  if (resolved.items) return walk(defs, resolved.items, path, next)
  if (isSchemaObject(resolved.additionalProperties)) return walk(defs, resolved.additionalProperties, path, next)
  for (const alt of resolved.allOf ?? []) {
    const r = walk(defs, alt, path, next)
    if (r) return r
  }
  return undefined
}

/** Template `description`: own description, then allOf's, items', additionalProperties'. */
function descriptionParts(defs: Definitions, schema: S): string[] {
  const s0 = norm(schema)
  const s = resolveRef(defs, s0.$ref) ?? s0
  const out: string[] = []
  if (s.description) out.push(s.description)
  for (const alt of s.allOf ?? []) out.push(...descriptionParts(defs, alt))
  if (s.items) out.push(...descriptionParts(defs, s.items))
  if (isSchemaObject(s.additionalProperties)) out.push(...descriptionParts(defs, s.additionalProperties))
  return out
}

/**
 * Template `fieldList`: visits properties in name order (Go ranges maps sorted), then allOf, items
 * and additionalProperties at the same level. `visit` returns true to descend (recursive view);
 * a reference already on the current path stops the descent (upstream's cycle guard).
 */
function fieldList(
  defs: Definitions, schema: S, level: number, history: Set<string>,
  visit: (name: string, holder: S, field: S, level: number) => boolean,
): void {
  const s = norm(schema)
  const ref = s.$ref ?? ''
  if (ref && history.has(ref)) return
  const next = new Set(history).add(ref)
  const resolved = resolveRef(defs, ref) ?? s
  const props = resolved.properties ?? {}
  for (const name of Object.keys(props).sort()) {
    if (visit(name, resolved, props[name], level)) fieldList(defs, props[name], level + 1, next, visit)
  }
  for (const alt of resolved.allOf ?? []) fieldList(defs, alt, level, next, visit)
  if (resolved.items) fieldList(defs, resolved.items, level, next, visit)
  if (isSchemaObject(resolved.additionalProperties)) fieldList(defs, resolved.additionalProperties, level, next, visit)
}

/** Template `typeGuess`: `string`, `[]Container`, `map[string]string`, `Object`, `IntOrString`. */
function typeGuess(defs: Definitions, schema: S): string {
  const s = norm(schema)
  if (s.items) return '[]' + typeGuess(defs, s.items)
  if (isSchemaObject(s.additionalProperties)) return 'map[string]' + typeGuess(defs, s.additionalProperties)
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(defs, s.allOf[0])
  if (s.$ref) {
    const target = resolveRef(defs, s.$ref)
    if (!target || !target.type || target.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object'
    return target.type
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object'
}
