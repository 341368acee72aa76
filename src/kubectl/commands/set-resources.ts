// kubectl set resources (-f FILE | TYPE NAME) [--limits=cpu=200m,memory=512Mi] [--requests=...] [-c NAME].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go (+ generateversioned.HandleResourceRequirementsV1).
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { ALL_FLAG, RECORD_FLAG, matchGlob, runSetter, throwAll } from './set-common'

/** resource.ParseQuantity's grammar. */
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/

/** populateResourceListV1: `cpu=200m,memory=512Mi` → { cpu: '200m', memory: '512Mi' }. */
function resourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const stmt of spec.split(',')) {
    if (stmt === '') continue
    const parts = stmt.split('=')
    if (parts.length !== 2) throw fail(`Invalid argument syntax ${stmt}, expected <resource>=<value>`)
    if (!QUANTITY.test(parts[1])) throw fail("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    out[parts[0]] = parts[1]
  }
  return out
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const limitsFlag = flagStr(p, 'limits') ?? ''
  const requestsFlag = flagStr(p, 'requests') ?? ''
  const errors: string[] = []
  if (flagBool(p, 'all') && flagStr(p, 'selector')) errors.push('cannot set --all and --selector at the same time')
  if (limitsFlag === '' && requestsFlag === '') errors.push('you must specify an update to requests or limits (in the form of --requests/--limits)')
  throwAll(errors)
  const limits = resourceList(limitsFlag)
  const requests = resourceList(requestsFlag)
  const selector = flagStr(p, 'containers') ?? '*'
  return runSetter(inv, {
    done: 'resource requirements updated',
    patchFailure: 'failed to patch resources update to pod template',
    resources: p.positional,
    mutate: (_obj, spec, errs) => {
      // Upstream selects among spec.containers only (init containers keep their resources).
      const containers = (spec.containers ?? []).filter((c) => matchGlob(selector, String(c.name)))
      if (containers.length === 0) { errs.push({ text: `error: unable to find container named ${selector}`, api: false }); return }
      for (const c of containers) {
        const res = { ...(c.resources as { limits?: Record<string, string>; requests?: Record<string, string> } | undefined) }
        if (Object.keys(limits).length > 0) res.limits = { ...res.limits, ...limits }
        if (Object.keys(requests).length > 0) res.requests = { ...res.requests, ...requests }
        c.resources = res
      }
    },
  })
}

export const setResourcesCommand: Cmd = {
  name: 'resources',
  help: {
    short: 'Update resource requests/limits on objects with pod templates',
    long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`,
    examples: `  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi

  # Set the resource request and limits for all containers in nginx
  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi

  # Remove the resource requests for resources on containers in nginx
  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0

  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
    usage: 'kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, ALL_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, RECORD_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-set' },
    { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    { name: 'limits', type: 'string', usage: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' },
    { name: 'requests', type: 'string', usage: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' },
  ],
  run,
}
