// describe for kinds without their own describer (genericDescriber + printUnstructuredContent):
// every field, sorted, with "smart" labels (`apiVersion` -> `API Version`).

import type { KubeObject } from '../../../api/types'
import { PrefixWriter, LEVEL_0 } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'
import { goScalar } from '../jsonpath/gojson'

const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** fatih/camelcase.Split: runs of lower, upper, digit, other; `HTTPServer` -> HTTP, Server. */
export function camelcaseSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4)
  const runs: string[][] = []
  let last = 0
  for (const c of s) {
    const k = cls(c)
    if (k === last && runs.length) runs[runs.length - 1].push(c)
    else runs.push([c])
    last = k
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

/** smartLabelFor: `creationTimestamp` -> `Creation Timestamp`, `uid` -> `UID`. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field
  return camelcaseSplit(field).filter((p) => p !== '_').map((p) =>
    COMMON_ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)).join(' ')
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const skipExpr = `${skipPrefix}.${field}`
    if (SKIP.includes(skipExpr) || value === undefined) continue
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value, skipExpr)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, skipExpr)
        else w.write(level + 1, `${goScalar(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goScalar(value)}\n`)
    }
  }
}

export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '')
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}
