// kubectl run NAME --image=IMAGE: generates one Pod (kubectl 1.30 makes pods only).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go.
import type { KubeObject } from '../../api/types'
import { strategicMergePatch } from '../../api/merge'
import { flagArr, flagBool, flagStr, has } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG } from './common'
import { createGenerated, kindOf } from './generated'

/** distribution/reference's grammar, simplified: [host[:port]/]lowercase-path[:tag][@digest]. */
const IMAGE_REFERENCE = /^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', '']

/** `a=b,c=d` → { a: 'b', c: 'd' }; upstream's generate.ParseLabels errors on anything else. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) throw fail(`invalid label spec: ${part}`)
    out[kv[0]] = kv[1]
  }
  return out
}

function buildPod(inv: Invocation, name: string): KubeObject {
  const p = inv.args
  const image = flagStr(p, 'image') ?? ''
  const labelsFlag = flagStr(p, 'labels')
  const labels = labelsFlag ? parseLabels(labelsFlag) : { run: name }
  const restart = flagStr(p, 'restart') ?? 'Always'
  if (!RESTART_POLICIES.includes(restart)) throw fail(`invalid restart policy: ${restart}`)
  const pull = flagStr(p, 'image-pull-policy') ?? ''
  if (!PULL_POLICIES.includes(pull)) throw fail(`invalid image pull policy: ${pull}`)
  const container: Record<string, unknown> = { name, image }
  // Positional words after NAME become args, or the command with --command.
  const rest = inv.args.positional.slice(1)
  if (rest.length > 0) container[flagBool(p, 'command') ? 'command' : 'args'] = rest
  const env = flagArr(p, 'env').map((e) => {
    const eq = e.indexOf('=')
    if (eq <= 0) throw fail(`invalid env: ${e}`)
    return { name: e.slice(0, eq), value: e.slice(eq + 1) }
  })
  if (env.length > 0) container.env = env
  if (pull) container.imagePullPolicy = pull
  const port = flagStr(p, 'port')
  if (port) {
    if (!/^\d+$/.test(port)) throw fail(`strconv.Atoi: parsing "${port}": invalid syntax`)
    container.ports = [{ containerPort: Number(port) }]
  }
  container.resources = {}
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null as unknown as string, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  }
}

function run(inv: Invocation): number {
  const p = inv.args
  if (!has(p, 'image') || flagStr(p, 'image') === '') throw fail('required flag(s) "image" not set')
  if (p.positional.length === 0) throw new CmdError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples")
  if (flagBool(p, 'stdin') || flagBool(p, 'tty') || flagBool(p, 'attach') || flagBool(p, 'rm')) {
    throw fail('attaching to a container (-i, -t, --attach, --rm) is not supported in Kubelab yet; run the pod without them and use kubectl get/describe')
  }
  const image = flagStr(p, 'image') ?? ''
  if (!IMAGE_REFERENCE.test(image)) throw fail(`Invalid image name "${image}": invalid reference format`)
  inv.target()
  const name = p.positional[0]
  let pod = buildPod(inv, name)
  const overrides = flagStr(p, 'overrides')
  if (overrides) {
    // upstream: the inline JSON is strategic-merge-patched over the generated Pod.
    let patch: unknown
    try { patch = JSON.parse(overrides) } catch (e) {
      throw fail(`Invalid JSON Patch: ${e instanceof Error ? e.message : String(e)}`)
    }
    pod = strategicMergePatch(pod, patch) as KubeObject
  }
  return createGenerated(inv, kindOf(inv, 'Pod'), pod, 'kubectl-run')
}

export const runCommand: Cmd = {
  name: 'run',
  help: {
    short: 'Run a particular image on the cluster',
    long: 'Create and run a particular image in a pod.',
    examples: `  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

  # Dry run; print the corresponding API objects without creating them
  kubectl run nginx --image=nginx --dry-run=client

  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never

  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

  # Start the nginx pod using a different command and custom arguments
  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
    usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  },
  flags: [
    DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG,
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'restart', type: 'string', default: 'Always', usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
  ],
  run,
}
