// kubectl describe: TYPE NAME, TYPE/NAME, TYPE (every object in the namespace), -l.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go. The text itself comes from
// printers' describeObject; objects are separated by a blank line, as upstream's `\n\n` join.
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagStr } from '../argv'
import { requestsFromFiles } from '../apply/objects'
import type { Cmd, Invocation } from '../command'
import { CmdError, formatStatusError } from '../errors'
import { parseResourceArgs } from '../resources'
import { describeObject } from '../printers/index'
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, listSelected, nsFor, printErrors } from './common'

const MISSING_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const fromFiles = flagArr(p, 'filename').length > 0
  if (p.positional.length === 0 && !fromFiles) throw new CmdError(MISSING_TYPE)
  const target = inv.target()
  const all = flagBool(p, 'all-namespaces')
  const reqs = fromFiles ? await requestsFromFiles(inv) : parseResourceArgs(inv.api.discovery(), p.positional)
  const errs: Array<{ text: string; api: boolean }> = []
  const objs: KubeObject[] = []
  for (const r of reqs) {
    const ns = r.namespace ?? nsFor(inv, r.kind, all && r.names.length === 0)
    if (r.names.length === 0) {
      objs.push(...listSelected(inv, r.kind, { namespace: ns, labelSelector: flagStr(p, 'selector') }))
      continue
    }
    for (const name of r.names) {
      try {
        objs.push(inv.api.get(r.kind.plural, ns, name))
      } catch (e) {
        if (!isStatusError(e)) throw e
        // Upstream falls back to every object whose name starts with NAME_PREFIX.
        const byPrefix = e.status.reason === 'NotFound' && !fromFiles && !p.positional[0].includes('/')
          ? inv.api.list(r.kind.plural, { namespace: ns }).items.filter((o) => o.metadata.name?.startsWith(name))
          : []
        if (byPrefix.length > 0) { objs.push(...byPrefix); continue }
        errs.push({ text: formatStatusError(e), api: true })
      }
    }
  }
  const now = inv.ctx.clock.now()
  if (objs.length > 0) inv.ctx.stdout.write(objs.map((o) => describeObject(o, { api: inv.api, now })).join('\n\n'))
  else if (errs.length === 0) {
    const allNamespaced = !all && reqs.every((r) => r.kind.namespaced)
    inv.err(allNamespaced ? `No resources found in ${target.namespace} namespace.` : 'No resources found')
  }
  if (errs.length > 0) { printErrors(inv, errs); return 1 }
  return 0
}

export const describeCommand: Cmd = {
  name: 'describe',
  help: {
    short: 'Show details of a specific resource or group of resources',
    long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
    examples: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

  # Describe a pod
  kubectl describe pods/nginx

  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json

  # Describe all pods
  kubectl describe pods

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`,
    usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  },
  flags: [
    ALL_NAMESPACES_FLAG, SELECTOR_FLAG, FILENAME_FLAG, RECURSIVE_FLAG,
    { name: 'show-events', type: 'bool', default: 'true', usage: 'If true, display events related to the described object.' },
  ],
  run,
}
