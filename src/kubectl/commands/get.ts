// kubectl get: tables (one block per kind), -o formats, selectors, -A, and -w streaming.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
import type { KubeObject, WatchEvent } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { isStatusError } from '../../api/errors'
import { flagArr, flagBool, flagStr, type ParsedArgs } from '../argv'
import { requestsFromFiles } from '../apply/objects'
import type { Cmd, Invocation } from '../command'
import { CmdError, formatStatusError } from '../errors'
import { isMultiType, parseResourceArgs, type ResourceRequest } from '../resources'
import { formatTable, printObjects, sortObjects, tableFor, type PrintOptions } from '../printers/index'
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, labelColumns, listSelected, nsFor, requestResource, printErrors } from './common'

/** 128 + SIGINT: what the shell reports when Ctrl-C ends `kubectl get -w`. */
const EXIT_INTERRUPTED = 130

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`

interface Found { kind: KindInfo; objs: KubeObject[]; resourceVersion?: string }

function fetch(inv: Invocation, reqs: ResourceRequest[], errs: Array<{ text: string; api: boolean }>): Found[] {
  const p = inv.args
  const all = flagBool(p, 'all-namespaces')
  const ignoreNotFound = flagBool(p, 'ignore-not-found')
  const out: Found[] = []
  for (const r of reqs) {
    const ns = r.namespace ?? nsFor(inv, r.kind, all && r.names.length === 0)
    if (r.names.length > 0) {
      const objs: KubeObject[] = []
      for (const name of r.names) {
        try {
          objs.push(inv.api.get(requestResource(inv, r.kind), ns, name))
        } catch (e) {
          if (!isStatusError(e)) throw e
          if (e.status.reason === 'NotFound' && ignoreNotFound) continue
          errs.push({ text: formatStatusError(e), api: true })
        }
      }
      out.push({ kind: r.kind, objs })
      continue
    }
    const opts = { namespace: ns, labelSelector: flagStr(p, 'selector'), fieldSelector: flagStr(p, 'field-selector') }
    const objs = listSelected(inv, r.kind, opts)
    // The resourceVersion to watch from comes from a plain list (listSelected returns items only).
    const resourceVersion = flagBool(p, 'watch') || flagBool(p, 'watch-only') ? inv.api.list(requestResource(inv, r.kind), opts).metadata.resourceVersion : undefined
    out.push({ kind: r.kind, objs, resourceVersion })
  }
  return out
}

export function printOptions(inv: Invocation, kind: KindInfo | undefined, multi: boolean): PrintOptions {
  const p = inv.args
  return {
    output: flagStr(p, 'output'),
    noHeaders: flagBool(p, 'no-headers'),
    showLabels: flagBool(p, 'show-labels'),
    labelColumns: labelColumns(p),
    withNamespace: flagBool(p, 'all-namespaces') && (kind?.namespaced ?? true),
    withKind: multi || flagBool(p, 'show-kind'),
    now: inv.ctx.clock.now(),
    sortBy: flagStr(p, 'sort-by'),
  }
}

function readWorkspaceFile(inv: Invocation, path: string): string | undefined {
  return inv.ctx.fs.readFile(path.startsWith('/') ? path : `${inv.ctx.cwd.replace(/\/$/, '')}/${path}`)
}

const isTableOutput = (o: string | undefined) => o === undefined || o === '' || o === 'wide'

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const fromFiles = flagArr(p, 'filename').length > 0
  if (p.positional.length === 0 && !fromFiles) throw new CmdError(MISSING_TYPE)
  const target = inv.target()
  const reqs = fromFiles ? await requestsFromFiles(inv) : parseResourceArgs(inv.api.discovery(), p.positional)
  const multi = fromFiles ? new Set(reqs.map((r) => r.kind)).size > 1 : isMultiType(p.positional)
  const watch = flagBool(p, 'watch') || flagBool(p, 'watch-only')
  if (watch && reqs.length > 1) throw new CmdError(`error: you may only specify a single resource type`)
  const errs: Array<{ text: string; api: boolean }> = []
  const found = fetch(inv, reqs, errs)
  const output = flagStr(p, 'output')
  let wrote = false
  if (!flagBool(p, 'watch-only')) {
    if (isTableOutput(output)) {
      const blocks: string[] = []
      for (const f of found) {
        if (f.objs.length === 0) continue
        let objs = f.objs
        const sortBy = flagStr(p, 'sort-by')
        if (sortBy) {
          const sorted = sortObjects(objs, sortBy)
          if ('error' in sorted) throw new CmdError(sorted.error)
          objs = sorted.objs
        }
        blocks.push(formatTable(tableFor(f.kind, objs, printOptions(inv, f.kind, multi)), { noHeaders: flagBool(p, 'no-headers') }))
      }
      // A blank line separates kinds, but only between blocks that carry headers (upstream get.go).
      if (blocks.length > 0) { inv.ctx.stdout.write(blocks.join(flagBool(p, 'no-headers') ? '' : '\n')); wrote = true }
    } else {
      const objs = found.flatMap((f) => f.objs)
      const single = reqs.length === 1 && reqs[0].names.length === 1 && !multi
      if (objs.length > 0 || !flagBool(p, 'ignore-not-found')) {
        const res = printObjects(objs, { ...printOptions(inv, reqs[0]?.kind, multi), asList: !single, readFile: (f) => readWorkspaceFile(inv, f) })
        if ('error' in res) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
        if (!(single && objs.length === 0)) { inv.ctx.stdout.write(res.text); wrote = true }
      }
    }
  }
  if (!wrote && errs.length === 0 && !flagBool(p, 'ignore-not-found') && !watch) {
    const allNamespaced = !flagBool(p, 'all-namespaces') && reqs.every((r) => r.kind.namespaced)
    inv.err(allNamespaced ? `No resources found in ${target.namespace} namespace.` : 'No resources found')
  }
  if (errs.length > 0) printErrors(inv, errs)
  if (watch) return watchLoop(inv, found[0], reqs[0], p, wrote)
  return errs.length > 0 ? 1 : 0
}

/** Print a row per change until Ctrl-C, starting after the list's resourceVersion. */
function watchLoop(inv: Invocation, f: Found, req: ResourceRequest, p: ParsedArgs, headerPrinted: boolean): Promise<number> {
  const ns = nsFor(inv, f.kind, flagBool(p, 'all-namespaces'))
  const fieldSelector = req.names.length === 1 ? `metadata.name=${req.names[0]}` : flagStr(p, 'field-selector')
  const output = flagStr(p, 'output')
  let first = !headerPrinted
  const print = (ev: WatchEvent) => {
    if (req.names.length > 1 && !req.names.includes(ev.object.metadata.name ?? '')) return
    if (isTableOutput(output)) {
      const t = tableFor(f.kind, [ev.object], printOptions(inv, f.kind, false))
      inv.ctx.stdout.write(formatTable(t, { noHeaders: !first || flagBool(p, 'no-headers') }))
      first = false
      return
    }
    const res = printObjects([ev.object], { ...printOptions(inv, f.kind, false), asList: false })
    if ('text' in res) inv.ctx.stdout.write(res.text)
  }
  return new Promise<number>((resolve) => {
    const stop = inv.api.watch(f.kind.plural, { namespace: ns, labelSelector: flagStr(p, 'selector'), fieldSelector, resourceVersion: f.resourceVersion }, print)
    inv.ctx.signal.onAbort(() => { stop(); resolve(EXIT_INTERRUPTED) })
  })
}

export const getCommand: Cmd = {
  name: 'get',
  help: {
    short: 'Display one or many resources',
    long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
    examples: `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7

  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

  # List all replication controllers and services together in ps output format
  kubectl get rc,services

  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7`,
    usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  },
  flags: [
    ALL_NAMESPACES_FLAG, OUTPUT_FLAG, SELECTOR_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, RECURSIVE_FLAG,
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'label-columns', short: 'L', type: 'stringArray', usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  ],
  run,
}
