// kubectl wait --for=condition=Ready|delete|jsonpath={...}=value TYPE/NAME [--timeout=30s].
// Waits on the virtual clock: a watch says when the object changes, ctx.clock.sleep bounds it.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go (same words).
import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { isStatusError } from '../../api/errors'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import type { CancelSignal } from '../context'
import { CmdError, fail, formatStatusError } from '../errors'
import { parseResourceArgs } from '../resources'
import { printJSONPath, relaxedJSONPathExpression } from '../printers/index'
import { parseGoDuration } from '../duration'
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG, nsFor } from './common'

/** kubectl wait's default --timeout. */
const DEFAULT_TIMEOUT_MS = 30_000
/** "negative means wait for a week". */
const WEEK_MS = 7 * 24 * 3_600_000
/** 128 + SIGINT. */
const EXIT_INTERRUPTED = 130

type Check = (obj: KubeObject | undefined) => boolean

function conditionFor(spec: string): Check {
  if (spec.toLowerCase() === 'delete') return (o) => o === undefined
  if (spec.startsWith('condition=')) {
    const [type, value = 'true'] = spec.slice('condition='.length).split('=')
    return (o) => {
      const conds = ((o?.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions) ?? []
      return conds.some((c) => c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === value.toLowerCase())
    }
  }
  if (spec.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length)
    const close = rest.lastIndexOf('}')
    const expr = close >= 0 ? rest.slice(0, close + 1) : rest
    const want = close >= 0 && rest[close + 1] === '=' ? rest.slice(close + 2) : undefined
    let template: string
    try { template = relaxedJSONPathExpression(expr) } catch (e) { throw fail(e instanceof Error ? e.message : String(e)) }
    return (o) => {
      if (!o) return false
      const res = printJSONPath(template, o, { allowMissingKeys: true })
      if ('error' in res) return false
      return want === undefined ? res.text !== '' : res.text === want
    }
  }
  throw fail(`unrecognized condition: ${JSON.stringify(spec)}`)
}

function current(inv: Invocation, kind: KindInfo, ns: string | undefined, name: string): KubeObject | undefined {
  try { return inv.api.get(kind.plural, ns, name) } catch (e) {
    if (isStatusError(e) && e.status.reason === 'NotFound') return undefined
    throw e
  }
}

/** Resolves true when `check` holds, false at the deadline, 'abort' on Ctrl-C. */
function waitOne(inv: Invocation, kind: KindInfo, ns: string | undefined, name: string, check: Check, ms: number): Promise<boolean | 'abort'> {
  if (check(current(inv, kind, ns, name))) return Promise.resolve(true)
  if (ms <= 0) return Promise.resolve(false)
  return new Promise((resolve) => {
    let fns: Array<() => void> = []
    const timer: CancelSignal & { aborted: boolean } = { aborted: false, onAbort: (fn) => { fns.push(fn); return () => { fns = fns.filter((f) => f !== fn) } } }
    let settled = false
    const stops: Array<() => void> = []
    const finish = (v: boolean | 'abort') => {
      if (settled) return
      settled = true
      stops.forEach((s) => s())
      timer.aborted = true
      fns.splice(0).forEach((f) => f())
      resolve(v)
    }
    stops.push(inv.api.watch(kind.plural, { namespace: ns, fieldSelector: `metadata.name=${name}` }, (ev) => {
      if (check(ev.type === 'DELETED' ? undefined : ev.object)) finish(true)
    }))
    stops.push(inv.ctx.signal.onAbort(() => finish('abort')))
    inv.ctx.clock.sleep(ms, timer).then(() => finish(false), () => finish(false))
  })
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const check = conditionFor(flagStr(p, 'for') ?? '')
  const timeoutFlag = flagStr(p, 'timeout')
  let timeout = timeoutFlag === undefined ? DEFAULT_TIMEOUT_MS : parseGoDuration(timeoutFlag, '--timeout')
  if (timeout < 0) timeout = WEEK_MS
  inv.target()
  if (p.positional.length === 0) throw new CmdError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
  const targets: Array<{ kind: KindInfo; ns?: string; name: string }> = []
  for (const r of parseResourceArgs(inv.api.discovery(), p.positional)) {
    if (r.names.length > 0) { for (const name of r.names) targets.push({ kind: r.kind, ns: nsFor(inv, r.kind), name }); continue }
    if (!flagBool(p, 'all') && !flagStr(p, 'selector')) throw fail('resource(s) were provided, but no name was specified')
    const list = inv.api.list(r.kind.plural, { namespace: nsFor(inv, r.kind, flagBool(p, 'all-namespaces')), labelSelector: flagStr(p, 'selector') })
    for (const o of list.items) targets.push({ kind: r.kind, ns: o.metadata.namespace, name: o.metadata.name ?? '' })
  }
  if (targets.length === 0) throw fail('no matching resources found')
  const isDelete = (flagStr(p, 'for') ?? '').toLowerCase() === 'delete'
  const deadline = inv.ctx.clock.now() + timeout
  for (const t of targets) {
    if (!isDelete && current(inv, t.kind, t.ns, t.name) === undefined) {
      try { inv.api.get(t.kind.plural, t.ns, t.name) } catch (e) { if (isStatusError(e)) throw new CmdError(formatStatusError(e)); throw e }
    }
    const ok = await waitOne(inv, t.kind, t.ns, t.name, check, deadline - inv.ctx.clock.now())
    if (ok === 'abort') return EXIT_INTERRUPTED
    if (!ok) throw fail(`timed out waiting for the condition on ${t.kind.plural}/${t.name}`)
    inv.out(`${t.kind.kind.toLowerCase()}${t.kind.group ? `.${t.kind.group}` : ''}/${t.name} condition met`)
  }
  return 0
}

export const waitCommand: Cmd = {
  name: 'wait',
  help: {
    short: 'Experimental: Wait for a specific condition on one or many resources',
    long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be deleted by providing the "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
    examples: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1

  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kubectl wait --for=condition=Ready=false pod/busybox1

  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
    usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  },
  flags: [
    SELECTOR_FLAG, ALL_NAMESPACES_FLAG,
    { name: 'for', type: 'string', usage: "The condition to wait on: [delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'timeout', type: 'string', default: '30s', usage: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  run,
}
