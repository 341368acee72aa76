// Field selectors as k8s.io/apimachinery/pkg/fields/selector.go parses them (`a=b,c!=d`, `==` too)
// and as each kind's registry exposes fields (pkg/registry/core/*/strategy.go ToSelectableFields).
// An unknown field is `field label not supported: foo`, as the API server's conversion says.

export interface FieldTerm { field: string; op: '=' | '!='; value: string }
export type FieldSelector = FieldTerm[]

export class FieldSelectorError extends Error {}

/** Split on unescaped commas (a `\,` stays in the value). */
function splitTerms(s: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i] + s[i + 1]; i++; continue }
    if (s[i] === ',') { out.push(cur); cur = ''; continue }
    cur += s[i]
  }
  out.push(cur)
  return out
}

function unescape(v: string, selector: string): string {
  let out = ''
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '\\') {
      if (v[i] === '=' || v[i] === ',' || v[i] === '!') throw new FieldSelectorError(`invalid field selector: unescaped special character ${v[i]} in ${selector}`)
      out += v[i]
      continue
    }
    const n = v[i + 1]
    if (n === '\\' || n === ',' || n === '=') { out += n; i++ } else throw new FieldSelectorError(`invalid field selector: invalid escape sequence in ${selector}`)
  }
  return out
}

export function parseFieldSelector(selector: string): FieldSelector {
  const terms: FieldSelector = []
  for (const part of splitTerms(selector).sort()) {
    if (part === '') continue
    // upstream tries `!=`, `==`, `=` at each position, left to right.
    let found: FieldTerm | undefined
    for (let i = 0; i < part.length && !found; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          found = { field: part.slice(0, i), op: op === '!=' ? '!=' : '=', value: part.slice(i + op.length) }
          break
        }
      }
    }
    if (!found) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`)
    found.value = unescape(found.value, selector)
    terms.push(found)
  }
  return terms
}

type Fields = Record<string, string>
type Obj = { metadata?: { name?: string; namespace?: string }; [k: string]: unknown }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRec = Record<string, any>

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

function generic(o: Obj, namespaced: boolean): Fields {
  const f: Fields = { 'metadata.name': str(o.metadata?.name) }
  if (namespaced) f['metadata.namespace'] = str(o.metadata?.namespace)
  return f
}

/** Selectable fields per resource (plural), as each registry's ToSelectableFields lists them. */
const SELECTABLE: Record<string, (o: AnyRec) => Fields> = {
  pods: (o) => ({
    ...generic(o, true),
    'spec.nodeName': str(o.spec?.nodeName),
    'spec.restartPolicy': str(o.spec?.restartPolicy),
    'spec.schedulerName': str(o.spec?.schedulerName),
    'spec.serviceAccountName': str(o.spec?.serviceAccountName),
    'spec.hostNetwork': String(!!o.spec?.hostNetwork),
    'status.phase': str(o.status?.phase),
    'status.podIP': str(o.status?.podIP),
    'status.nominatedNodeName': str(o.status?.nominatedNodeName),
  }),
  events: (o) => ({
    ...generic(o, true),
    'involvedObject.kind': str(o.involvedObject?.kind),
    'involvedObject.namespace': str(o.involvedObject?.namespace),
    'involvedObject.name': str(o.involvedObject?.name),
    'involvedObject.uid': str(o.involvedObject?.uid),
    'involvedObject.apiVersion': str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': str(o.involvedObject?.fieldPath),
    reason: str(o.reason),
    reportingComponent: str(o.reportingComponent),
    source: str(o.source?.component ?? o.reportingComponent),
    type: str(o.type),
  }),
  nodes: (o) => ({ ...generic(o, false), 'spec.unschedulable': String(!!o.spec?.unschedulable) }),
  namespaces: (o) => ({ ...generic(o, false), 'status.phase': str(o.status?.phase) }),
}

/** The fields a selector may use on `resource` objects, with their values for `obj`. */
export function selectableFields(resource: string, obj: Obj, namespaced = true): Fields {
  const fn = SELECTABLE[resource]
  return fn ? fn(obj as AnyRec) : generic(obj, namespaced)
}

/** Throws `field label not supported: foo` for a field the resource does not expose. */
export function validateFieldSelector(resource: string, sel: FieldSelector, namespaced = true): void {
  const known = selectableFields(resource, { metadata: {} }, namespaced)
  for (const t of sel) if (!(t.field in known)) throw new FieldSelectorError(`field label not supported: ${t.field}`)
}

export function matchFields(resource: string, sel: FieldSelector, obj: Obj, namespaced = true): boolean {
  if (sel.length === 0) return true
  const f = selectableFields(resource, obj, namespaced)
  return sel.every((t) => (t.op === '=' ? f[t.field] === t.value : f[t.field] !== t.value))
}
