// kubectl set image (-f FILE | TYPE NAME) CONTAINER=IMAGE ... [*=IMAGE] [--all | -l sel].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go (+ cmdutil.GetResourcesAndPairs, ParsePairs).
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { ALL_FLAG, RECORD_FLAG, runSetter, throwAll } from './set-common'

/** GetResourcesAndPairs: resource words first, then `name=value` (or `name-`) pairs. */
export function splitPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) { pairs.push(s); continue }
    if (pairs.length > 0) throw fail(`all resources must be specified before ${pairType} changes: ${s}`)
    resources.push(s)
  }
  return { resources, pairs }
}

/** ParsePairs without removal: `name=image`, in the order typed. */
function parseImagePairs(pairs: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const invalid: string[] = []
  for (const s of pairs) {
    if (s.includes('=') && s[0] !== '=') {
      const i = s.indexOf('=')
      const name = s.slice(0, i)
      const prev = out.findIndex(([n]) => n === name)
      if (prev >= 0) out.splice(prev, 1)
      out.push([name, s.slice(i + 1)])
    } else invalid.push(s)
  }
  if (invalid.length > 0) throw fail(`invalid image format: ${invalid.join(', ')}`)
  return out
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const { resources, pairs } = splitPairs(p.positional, 'image')
  const images = parseImagePairs(pairs)
  const errors: string[] = []
  if (flagBool(p, 'all') && flagStr(p, 'selector')) errors.push('cannot set --all and --selector at the same time')
  if (resources.length < 1 && !p.flags.has('filename')) errors.push('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (images.length < 1) errors.push('at least one image update is required')
  else if (images.length > 1 && images.some(([n]) => n === '*')) errors.push('all containers are already specified by *, but saw more than one container_name=container_image pairs')
  throwAll(errors)
  if (flagBool(p, 'local')) throw new CmdError('error: --local is not supported in Kubelab yet')
  return runSetter(inv, {
    done: 'image updated',
    patchFailure: 'failed to patch image update to pod template',
    resources,
    mutate: (_obj, spec, errs) => {
      for (const [name, image] of images) {
        let found = false
        for (const list of [spec.initContainers, spec.containers]) {
          for (const c of list ?? []) if (c.name === name || name === '*') { c.image = image; found = true }
        }
        if (!found) errs.push({ text: `error: unable to find container named ${JSON.stringify(name)}`, api: false })
      }
    },
  })
}

export const setImageCommand: Cmd = {
  name: 'image',
  help: {
    short: 'Update the image of a pod template',
    long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
    examples: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all

  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1

  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
    usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, ALL_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, RECORD_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-set' },
    { name: 'local', type: 'bool', usage: 'If true, set image will NOT contact api-server but run locally.' },
  ],
  run,
}
