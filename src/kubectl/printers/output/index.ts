// printObjects: every -o format that is not a table (yaml, json, name, jsonpath*, custom-columns*),
// with kubectl's error texts for unknown formats. Errors are the complete text kubectl prints to
// stderr, without the final newline; callers exit 1.

import type { KubeObject } from '../../../api/types'
import { goJSON, printJSONPath } from '../jsonpath'
import { toYAML } from './yaml'
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './customcolumns'
import { sortObjects } from './sort'
import { tableFor, formatTable, type PrintOptions } from '../table'
import { kindByGVK, type KindInfo } from '../../../api/kinds'

/** PrintFlags.AllowedFormats() of kubectl get, sorted as NoCompatiblePrinterError prints them. */
export const ALLOWED_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
] as const

const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile']

export interface PrintObjectsOptions extends PrintOptions {
  /** Several objects (or a list request): print them wrapped in a v1 List. */
  asList: boolean
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean
  /** For jsonpath-file= and custom-columns-file=: the workspace file's text, undefined if absent. */
  readFile?: (path: string) => string | undefined
}

export type PrintResult = { text: string } | { error: string }

/** The List kubectl wraps several objects in (`kind: List`, empty resourceVersion). */
export function asListObject(objs: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } }
}

/** NoCompatiblePrinterError. */
export function unknownFormatError(output: string): string {
  return `error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${ALLOWED_FORMATS.join(',')}`
}

/** True when the -o value is printed by printObjects (not a table). */
export function isObjectFormat(output: string | undefined): boolean {
  if (!output || output === 'wide') return false
  return true
}

/** `pod/web`, `deployment.apps/web` (the name printer reads group and kind from the object). */
export function resourceName(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/')
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : ''
  const kind = obj.kind.toLowerCase()
  return group ? `${kind}.${group}/${obj.metadata.name}` : `${kind}/${obj.metadata.name}`
}

function splitFormat(output: string): [string, string | undefined] {
  const i = output.indexOf('=')
  return i < 0 ? [output, undefined] : [output.slice(0, i), output.slice(i + 1)]
}

/** The kind table row for an object, or a stand-in built from its apiVersion and kind. */
function kindInfoOf(obj: KubeObject): KindInfo {
  const known = kindByGVK(obj.apiVersion, obj.kind)
  if (known) return known
  const slash = obj.apiVersion.indexOf('/')
  const lower = obj.kind.toLowerCase()
  return { group: slash >= 0 ? obj.apiVersion.slice(0, slash) : '', version: obj.apiVersion.slice(slash + 1), kind: obj.kind,
    plural: `${lower}s`, singular: lower, shortNames: [], namespaced: !!obj.metadata.namespace, verbs: [], hasStatus: false }
}

/**
 * Plain and -o wide output: one table per run of same-kind objects; several kinds print with
 * kind/name and a blank line between tables, as `kubectl get pods,services` does.
 */
function printTables(objs: KubeObject[], opts: PrintObjectsOptions): string {
  const groups: KubeObject[][] = []
  for (const o of objs) {
    const last = groups[groups.length - 1]
    if (last && last[0].kind === o.kind && last[0].apiVersion === o.apiVersion) last.push(o)
    else groups.push([o])
  }
  const withKind = opts.withKind || groups.length > 1
  return groups.map((g) => formatTable(tableFor(kindInfoOf(g[0]), g, { ...opts, withKind, sortBy: undefined }), { noHeaders: opts.noHeaders })).join('\n')
}

export function printObjects(objs: KubeObject[], opts: PrintObjectsOptions): PrintResult {
  const output = opts.output ?? ''
  const [format, arg] = splitFormat(output)
  if (opts.sortBy) {
    const sorted = sortObjects(objs, opts.sortBy)
    if ('error' in sorted) return sorted
    objs = sorted.objs
  }
  const data = () => (opts.asList || objs.length !== 1 ? asListObject(objs) : objs[0])
  switch (format) {
    case '':
    case 'wide':
      if (arg !== undefined) break
      return { text: printTables(objs, opts) }
    case 'yaml':
      if (arg !== undefined) break
      return { text: opts.asList || objs.length <= 1 ? toYAML(data()) : objs.map((o) => toYAML(o)).join('---\n') }
    case 'json':
      if (arg !== undefined) break
      return { text: opts.asList || objs.length <= 1 ? goJSON(data(), '    ') + '\n' : objs.map((o) => goJSON(o, '    ') + '\n').join('') }
    case 'name':
      if (arg !== undefined) break
      return { text: objs.map((o) => resourceName(o) + '\n').join('') }
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      let template = arg ?? ''
      if (template === '') return { error: 'error: template format specified but no template given' }
      if (format === 'jsonpath-file') {
        const text = opts.readFile?.(template)
        if (text === undefined) return { error: `error: error reading --template ${template}, open ${template}: no such file or directory` }
        template = text
      }
      return printJSONPath(template, data(), { allowMissingKeys: opts.allowMissingTemplateKeys ?? true, asJSON: format === 'jsonpath-as-json' })
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      let columns
      if (format === 'custom-columns') columns = parseCustomColumns(arg ?? '')
      else {
        const text = opts.readFile?.(arg ?? '')
        if (text === undefined) return { error: `error: open ${arg ?? ''}: no such file or directory` }
        columns = parseCustomColumnsFile(text)
      }
      if ('error' in columns) return { error: `error: ${columns.error}` }
      const r = printCustomColumns(columns, objs, !!opts.noHeaders)
      return 'error' in r ? { error: `error: ${r.error}` } : r
    }
    default:
      if (TEMPLATE_FORMATS.includes(format)) return { error: `error: -o ${format} is not supported in this lab yet; try -o jsonpath=... or -o custom-columns=...` }
  }
  return { error: unknownFormatError(output) }
}
