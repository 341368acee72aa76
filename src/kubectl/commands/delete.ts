// kubectl delete: TYPE NAME..., TYPE/NAME, -f, -l, --all; grace, force, cascade; waits for the
// objects to be gone (on the virtual clock) after printing. Upstream: pkg/cmd/delete/delete.go.
import { isStatusError } from '../../api/errors'
import type { KindInfo } from '../../api/kinds'
import type { DeleteOptions, PropagationPolicy } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagInt, flagStr, has } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail, formatFileError, formatStatusError } from '../errors'
import { parseResourceArgs } from '../resources'
import { loadPlaced, type CollectedErr } from '../apply/objects'
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, dryRunOf, listSelected, nsFor, printErrors, type DryRun } from './common'
import { waitForDeletion } from './delete-wait'

export const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.'
const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

interface Target { kind: KindInfo; namespace?: string; name: string; source?: string }

function cascadeOf(inv: Invocation): PropagationPolicy {
  const v = flagStr(inv.args, 'cascade') ?? 'background'
  switch (v) {
    case 'background': case 'true': return 'Background'
    case 'foreground': return 'Foreground'
    case 'orphan': return 'Orphan'
    case 'false':
      inv.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.')
      return 'Orphan'
    default: throw fail(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`)
  }
}

/** upstream's grace arithmetic: --now = 1s; 0 without --force becomes 1; --force alone means 0. */
function gracePeriodOf(inv: Invocation): number {
  let grace = flagInt(inv.args, 'grace-period') ?? -1
  const force = flagBool(inv.args, 'force')
  if (flagBool(inv.args, 'now')) {
    if (grace !== -1) throw fail('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  return grace
}

async function collectTargets(inv: Invocation, errs: CollectedErr[]): Promise<Target[]> {
  const p = inv.args
  if (flagArr(p, 'filename').length > 0) {
    const { items, errs: e } = await loadPlaced(inv)
    errs.push(...e)
    return items.map((it) => ({ kind: it.kind, namespace: it.namespace, name: it.obj.metadata.name ?? '', source: it.source }))
  }
  if (p.positional.length === 0) throw new CmdError(NO_RESOURCES)
  const all = flagBool(p, 'all')
  const selector = flagStr(p, 'selector')
  const fieldSelector = flagStr(p, 'field-selector')
  const reqs = parseResourceArgs(inv.api.discovery(), p.positional)
  const out: Target[] = []
  for (const r of reqs) {
    if (r.names.length > 0) {
      if (all) throw fail('cannot set --all and specify names at the same time')
      for (const name of r.names) out.push({ kind: r.kind, namespace: nsFor(inv, r.kind), name })
      continue
    }
    if (!all && !selector && !fieldSelector) throw fail('resource(s) were provided, but no name was specified')
    const ns = nsFor(inv, r.kind, flagBool(p, 'all-namespaces'))
    for (const o of listSelected(inv, r.kind, { namespace: ns, labelSelector: selector, fieldSelector })) {
      out.push({ kind: r.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' })
    }
  }
  return out
}

function kindString(k: KindInfo): string {
  return k.group ? `${k.kind.toLowerCase()}.${k.group}` : k.kind.toLowerCase()
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const dry: DryRun = dryRunOf(p)
  const grace = gracePeriodOf(inv)
  const propagationPolicy = cascadeOf(inv)
  inv.target()
  const errs: CollectedErr[] = []
  const targets = await collectTargets(inv, errs)
  if (grace === 0 && flagBool(p, 'force')) inv.err(FORCE_WARNING)
  const opts: DeleteOptions = { propagationPolicy, dryRun: dry === 'server' ? 'All' : undefined, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) }
  const deleted: KubeObject[] = []
  const ignoreNotFound = flagBool(p, 'ignore-not-found')
  let operation = grace === 0 ? 'force deleted' : 'deleted'
  if (dry === 'client') operation += ' (dry run)'
  if (dry === 'server') operation += ' (server dry run)'
  for (const t of targets) {
    try {
      const obj = dry === 'client' ? inv.api.get(t.kind.plural, t.namespace, t.name) : inv.api.delete(t.kind.plural, t.namespace, t.name, opts)
      deleted.push(obj)
      if (flagStr(p, 'output') === 'name') inv.out(`${kindString(t.kind)}/${t.name}`)
      else inv.out(`${kindString(t.kind)} "${t.name}" ${operation}`)
    } catch (e) {
      if (!isStatusError(e)) throw e
      if (e.status.reason === 'NotFound' && ignoreNotFound) continue
      errs.push({ text: t.source ? formatFileError(e, 'deleting', t.source) : formatStatusError(e), api: true })
    }
  }
  if (targets.length === 0 && errs.length === 0 && !ignoreNotFound) inv.out('No resources found')
  const wait = has(p, 'wait') ? flagBool(p, 'wait') : true
  if (wait && dry === 'none' && deleted.length > 0) {
    const stopped = await waitForDeletion(inv, deleted, targets)
    if (stopped !== 0) { if (errs.length > 0) printErrors(inv, errs); return stopped }
  }
  if (errs.length > 0) { printErrors(inv, errs); return 1 }
  return 0
}

export const deleteCommand: Cmd = {
  name: 'delete',
  help: {
    short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.`,
    examples: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json

  # Delete a pod based on the type and name in the JSON passed into stdin
  cat pod.json | kubectl delete -f -

  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo

  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel

  # Delete a pod with minimal delay
  kubectl delete pod foo --now

  # Force delete a pod on a dead node
  kubectl delete pod foo --force

  # Delete all pods
  kubectl delete pods --all`,
    usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, FIELD_SELECTOR_FLAG, ALL_NAMESPACES_FLAG, DRY_RUN_FLAG,
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'cascade', type: 'string', default: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'wait', type: 'bool', default: 'true', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
  ],
  run,
}
