// Flag sets and helpers several verbs share.
import type { FlagSpec, ParsedArgs } from '../argv'
import { flagArr, flagStr } from '../argv'
import { fail } from '../errors'
import { printObjects } from '../printers/index'
import type { Invocation } from '../command'
import type { KindInfo } from '../../api/kinds'
import type { ListOptions } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { isStatusError, StatusError } from '../../api/errors'

export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].' }
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." }
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." }
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' }
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use.' }
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' }
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' }
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', default: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false)." }
export const FIELD_MANAGER_FLAG: FlagSpec = { name: 'field-manager', type: 'string', usage: 'Name of the manager used to track field ownership.' }

export type DryRun = 'none' | 'client' | 'server'

/** --dry-run as kubectl 1.30 reads it (bare `--dry-run` is no longer accepted as a bool). */
export function dryRunOf(p: ParsedArgs): DryRun {
  const v = flagStr(p, 'dry-run')
  if (v === undefined || v === 'none') return 'none'
  if (v === 'client' || v === 'server') return v
  throw fail(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`)
}

/** The suffix kubectl adds to success lines: ` (dry run)` / ` (server dry run)`. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : ''
}

/** The namespace to use for `kind` (undefined for cluster-scoped kinds and for -A lists). */
export function nsFor(inv: Invocation, kind: KindInfo, allNamespaces = false): string | undefined {
  if (!kind.namespaced) return undefined
  return allNamespaces ? undefined : inv.target().namespace
}

/** -L values: repeatable and comma-separated. */
export function labelColumns(p: ParsedArgs): string[] {
  return flagArr(p, 'label-columns').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean)
}

/** Print collected errors like cmdutil.CheckErr: one error gets `error: `, several print bare. */
export function printErrors(inv: Invocation, errs: Array<{ text: string; api: boolean }>): void {
  if (errs.length === 1) {
    const e = errs[0]
    inv.err(e.api || e.text.startsWith('error: ') ? e.text : `error: ${e.text}`)
    return
  }
  for (const e of errs) inv.err(e.text)
}

/**
 * The end of `apply -f` / `create -f`: print what was applied with -o (one object, or a List of
 * several), then every collected error; exit 1 when there were any.
 */
export function finishManifestCommand(inv: Invocation, printed: KubeObject[], output: string | undefined, errs: Array<{ text: string; api: boolean }>): number {
  if (output && printed.length > 0) {
    const res = printObjects(printed, { output, now: inv.ctx.clock.now(), asList: printed.length > 1 })
    if ('error' in res) errs.push({ text: res.error, api: false })
    else inv.ctx.stdout.write(res.text)
  }
  if (errs.length > 0) { printErrors(inv, errs); return 1 }
  return 0
}

/**
 * List through a selector the way resource.Selector.Visit does: a BadRequest/NotFound from the
 * server keeps its reason but gains kubectl's context, e.g.
 * `Unable to find "/v1, Resource=pods" that match label selector "a in (b", field selector "": ...`.
 */
/**
 * The resource name a request uses: the plural, or `plural.group` when another group serves the
 * same plural (metrics.k8s.io's `pods` and `nodes` beside the core ones), as client-go's REST
 * paths keep them apart.
 */
export function requestResource(inv: Invocation, kind: KindInfo): string {
  const shared = kind.group !== '' && inv.api.discovery().some((k) => k !== kind && k.plural === kind.plural)
  return shared ? `${kind.plural}.${kind.group}` : kind.plural
}

export function listSelected(inv: Invocation, kind: KindInfo, opts: ListOptions): KubeObject[] {
  try {
    return inv.api.list(requestResource(inv, kind), opts).items
  } catch (e) {
    if (!isStatusError(e) || (e.status.reason !== 'BadRequest' && e.status.reason !== 'NotFound')) throw e
    const gvr = `${kind.group ? `${kind.group}/` : '/'}${kind.version}, Resource=${kind.plural}`
    const message = !opts.labelSelector && !opts.fieldSelector
      ? `Unable to list ${JSON.stringify(gvr)}: ${e.status.message}`
      : `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(opts.labelSelector ?? '')}, field selector ${JSON.stringify(opts.fieldSelector ?? '')}: ${e.status.message}`
    throw new StatusError({ ...e.status, message })
  }
}
