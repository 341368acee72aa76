// -o custom-columns=NAME:.metadata.name,IP:.status.podIP (kubectl/pkg/cmd/get/customcolumn.go).
// Headers print as written; a missing value prints <none>; several values join with commas;
// maps and lists print in Go's %v form (`map[app:web]`), as kubectl does.

import type { KubeObject } from '../../../api/types'
import { JSONPath, JSONPathError, JSONPathSyntaxError, relaxedJSONPathExpression } from '../jsonpath'
import { goScalar } from '../jsonpath/gojson'
import { tabwrite, GET_TABWRITER } from '../tabwriter'

/** fmt's %v of a decoded JSON value. */
export function goV(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${k}:${goV(o[k])}`).join(' ')}]`
  }
  return goScalar(v)
}

interface ColumnSpec { header: string; fieldSpec: string }

export function parseCustomColumns(spec: string): ColumnSpec[] | { error: string } {
  if (spec.length === 0) return { error: 'custom-columns format specified but no custom columns given' }
  const columns: ColumnSpec[] = []
  for (const part of spec.split(',')) {
    const i = part.indexOf(':')
    if (i < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` }
    try {
      columns.push({ header: part.slice(0, i), fieldSpec: relaxedJSONPathExpression(part.slice(i + 1)) })
    } catch (e) {
      return { error: (e as Error).message }
    }
  }
  return columns
}

/** The custom-columns-file format: a header line and a JSONPath line, whitespace separated. */
export function parseCustomColumnsFile(text: string): ColumnSpec[] | { error: string } {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length !== 2) return { error: `unexpected lines in custom columns file, expected 2, saw ${lines.length}` }
  const headers = lines[0].trim().split(/\s+/)
  const specs = lines[1].trim().split(/\s+/)
  if (headers.length !== specs.length) return { error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` }
  try {
    return headers.map((h, i) => ({ header: h, fieldSpec: relaxedJSONPathExpression(specs[i]) }))
  } catch (e) {
    return { error: (e as Error).message }
  }
}

export function printCustomColumns(columns: ColumnSpec[], objs: KubeObject[], noHeaders: boolean): { text: string } | { error: string } {
  const parsers: JSONPath[] = []
  for (let ix = 0; ix < columns.length; ix++) {
    const jp = new JSONPath(`column${ix}`).setAllowMissingKeys(true)
    try { jp.parse(columns[ix].fieldSpec) } catch (e) {
      if (e instanceof JSONPathSyntaxError) return { error: e.message }
      throw e
    }
    parsers.push(jp)
  }
  const lines: string[] = noHeaders ? [] : [columns.map((c) => c.header).join('\t')]
  for (const obj of objs) {
    const cells: string[] = []
    for (let ix = 0; ix < columns.length; ix++) {
      // A fresh parse per object: range templates rewrite the parser's node list as they run.
      const jp = new JSONPath(`column${ix}`).setAllowMissingKeys(true)
      jp.parse(columns[ix].fieldSpec)
      let values: unknown[][]
      try { values = jp.findResults(obj) } catch (e) {
        if (e instanceof JSONPathError) return { error: e.message }
        throw e
      }
      const strings: string[] = []
      if (values.length === 0 || values[0].length === 0) strings.push('<none>')
      for (const arr of values) for (const v of arr) strings.push(goV(v))
      cells.push(strings.join(','))
    }
    lines.push(cells.join('\t'))
  }
  return { text: tabwrite(lines.map((l) => l + '\n').join(''), GET_TABWRITER) }
}
