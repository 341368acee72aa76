// Go's `%#v` rendering of the few struct values apps validation puts in its messages. Upstream's
// field.Error falls back to %#v for a value that is neither a simple type nor a fmt.Stringer, and
// LabelSelector / IntOrString define String() on the pointer only, so a real v1.30 server says:
//   spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
//   spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%
import type { FieldError } from '../../../../api/errors'
import type { Loose } from '../types'

/** Go %q for the label-ish strings we meet (ASCII): JSON quoting is the same. */
const q = (s: unknown) => JSON.stringify(String(s))

/** `map[string]string{"a":"1", "b":"2"}`; keys sorted as fmt sorts maps; nil → `map[string]string(nil)`. */
export function goStringMap(m: Record<string, unknown> | undefined | null): string {
  if (!m) return 'map[string]string(nil)'
  const parts = Object.keys(m).sort().map((k) => `${q(k)}:${q(m[k])}`)
  return `map[string]string{${parts.join(', ')}}`
}

function goStringSlice(v: unknown[] | undefined | null): string {
  return v ? `[]string{${v.map(q).join(', ')}}` : '[]string(nil)'
}

/** `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}` (a nil selector prints `null`). */
export function goLabelSelector(sel: Loose): string {
  if (sel === undefined || sel === null) return 'null'
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${(sel.matchExpressions as Loose[]).map((e) =>
      `v1.LabelSelectorRequirement{Key:${q(e.key ?? '')}, Operator:${q(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`
}

/** intstr.IntOrString: Type 0 = Int, 1 = String. A missing value is the zero value (Int 0). */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}`
  return `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`
}

/** field.Invalid with an already-rendered value. */
export function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, message: `${field}: Invalid value: ${rendered}${detail ? `: ${detail}` : ''}` }
}
