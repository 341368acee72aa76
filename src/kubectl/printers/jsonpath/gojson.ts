// How Go prints decoded JSON values: encoding/json (sorted map keys, HTML-safe escapes) and
// fmt's %v / %#v. kubectl decodes objects into map[string]interface{}, so every printer that
// walks an object (json, yaml, jsonpath) sees keys in sorted order.

/** A deep copy with object keys sorted, as Go's encoding of map[string]interface{} orders them. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k]
      if (x !== undefined) out[k] = sortKeysDeep(x)
    }
    return out
  }
  return v
}

/** json.Marshal escapes <, >, & (and U+2028/U+2029) inside strings. */
function escapeHTML(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** json.Marshal (indent '') or json.MarshalIndent(v, "", indent). */
export function goJSON(v: unknown, indent = ''): string {
  return escapeHTML(JSON.stringify(sortKeysDeep(v), null, indent) ?? 'null')
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v and go-yaml use: the shortest digits, in
 * e-notation when the exponent is < -4 or >= 6 (1234567.5 -> "1.2345675e+06", 0.5 -> "0.5").
 */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf'
  const [mant, expStr] = v.toExponential().split('e')
  const exp = Number(expStr)
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(v)
}

/** fmt.Sprint of a decoded scalar: integers (int64 in unstructured objects) as integers. */
export function goScalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v)
  return String(v)
}

/** reflect type names of decoded JSON values, for upstream's error texts. */
export function goType(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (v === null || v === undefined) return 'interface {}'
  switch (typeof v) {
    case 'object': return 'map[string]interface {}'
    case 'string': return 'string'
    case 'boolean': return 'bool'
    case 'number': return Number.isInteger(v) ? 'int64' : 'float64'
  }
  return 'interface {}'
}

/** fmt's %#v of a decoded JSON value (used in the jsonpath debugging dump). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[string]interface {}{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${goSharpV(o[k])}`).join(', ')}}`
  }
  if (typeof v === 'string') return JSON.stringify(v)
  return goScalar(v)
}
