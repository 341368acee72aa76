// kubectl's -o jsonpath / jsonpath-as-json printer (cli-runtime/pkg/printers/jsonpath.go) and the
// RelaxedJSONPathExpression helper that custom-columns and --sort-by use.

import { JSONPath, JSONPathError } from './jsonpath'
import { JSONPathSyntaxError } from './parser'
import { goSharpV } from './gojson'

export { JSONPath, JSONPathError } from './jsonpath'
export { JSONPathSyntaxError, Parser } from './parser'
export { goJSON, sortKeysDeep } from './gojson'

export interface JSONPathPrintOptions {
  /** --allow-missing-template-keys (kubectl's default is true). */
  allowMissingKeys?: boolean
  /** -o jsonpath-as-json */
  asJSON?: boolean
}

/** Errors are the text kubectl prints to stderr, without the final newline. */
export function printJSONPath(template: string, data: unknown, opts: JSONPathPrintOptions = {}): { text: string } | { error: string } {
  const jp = new JSONPath('out').setAllowMissingKeys(opts.allowMissingKeys ?? true).enableJSONOutput(!!opts.asJSON)
  try {
    jp.parse(template)
  } catch (e) {
    if (e instanceof JSONPathSyntaxError) return { error: `error: error parsing jsonpath ${template}, ${e.message}` }
    throw e
  }
  try {
    return { text: jp.execute(data) }
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e
    const dump = `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
    return { error: `error: error executing jsonpath ${JSON.stringify(template)}: ${dump}` }
  }
}

/**
 * RelaxedJSONPathExpression (kubectl get/sort.go, customcolumn.go): accepts `.a.b`, `a.b`,
 * `{.a.b}` and `{a.b}` and returns `{.a.b}`.
 */
export function relaxedJSONPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression
  const m = /^\{?(\.?[^{}]+\.?)\}?$/.exec(pathExpression)
  if (!m) throw new Error('unexpected path string, expected a \'name1.name2\' or \'.name1.name2\' or \'{name1.name2}\' or \'{.name1.name2}\'')
  let s = m[1]
  if (!s.startsWith('.')) s = '.' + s
  return `{${s}}`
}
