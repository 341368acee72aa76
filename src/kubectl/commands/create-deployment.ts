// kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND...].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go.
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagInt, has } from '../argv'
import { withLastApplied } from '../apply/lastapplied'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG, VALIDATE_FLAG } from './common'
import { createGeneratedOrFail, kindOf } from './generated'

/** utilrand's alphabet (no vowels, no 0/1/3): the 5-character suffix of sanitized container names. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const SUFFIX_LENGTH = 5

/**
 * sanitizeAndUniquify: `my_app.v2` → `my-app-v2-<5 random chars>`. kubectl may not use Math.random,
 * so the suffix is a hash of the name and the virtual time: random-looking, reproducible per seed.
 */
function sanitizeAndUniquify(name: string, salt: number): string {
  if (!/[_.]/.test(name)) return name
  let h = salt >>> 0
  for (const ch of name) h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0)
  let suffix = ''
  for (let i = 0; i < SUFFIX_LENGTH; i++) { suffix += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length]; h = Math.floor(h / SUFFIX_ALPHABET.length) + Math.imul(h, 31) >>> 0 }
  return `${name.replace(/_/g, '-').replace(/\./g, '-')}-${suffix}`
}

/** buildPodSpec: one container per image, named after the image's last path part without tag or digest. */
function containerName(image: string): string {
  let name = image.split('/').pop() ?? image
  if (name.includes(':')) name = name.split(':')[0]
  if (name.includes('@')) name = name.split('@')[0]
  return name
}

export function buildDeployment(name: string, images: string[], replicas: number, port: number | undefined, command: string[], salt: number): KubeObject {
  const labels = { app: name }
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { name: sanitizeAndUniquify(containerName(image), salt), image, resources: {} }
    if (command.length > 0) c.command = command
    return c
  })
  if (port !== undefined && port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }]
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null as unknown as string, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  }
}

function run(inv: Invocation): number {
  const p = inv.args
  // --image is a StringSlice: repeatable and comma-separated.
  const images = flagArr(p, 'image').flatMap((v) => v.split(',')).filter((s) => s !== '')
  if (!has(p, 'image')) throw fail('required flag(s) "image" not set')
  const before = p.dashAt >= 0 ? p.dashAt : p.positional.length
  if (before !== 1) throw new CmdError(`error: exactly one NAME is required, got ${before}\nSee 'kubectl create deployment -h' for help and examples`)
  const command = p.dashAt >= 0 ? p.positional.slice(p.dashAt) : p.positional.slice(1)
  if (images.length > 1 && command.length > 0) throw fail('cannot specify multiple --image options and command')
  inv.target()
  const built = buildDeployment(p.positional[0], images, flagInt(p, 'replicas') ?? 1, flagInt(p, 'port'), command, inv.ctx.clock.now())
  // --save-config: CreateOrUpdateAnnotation (Kubelab's JSON has sorted keys; Go's follows struct order).
  const obj = flagBool(p, 'save-config') ? withLastApplied(built).modified : built
  return createGeneratedOrFail(inv, kindOf(inv, 'Deployment'), obj, 'kubectl-create', 'deployment')
}

export const createDeploymentCommand: Cmd = {
  name: 'deployment',
  aliases: ['deploy'],
  help: {
    short: 'Create a deployment with the specified name',
    long: 'Create a deployment with the specified name.',
    examples: `  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox

  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date

  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3

  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701

  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  },
  flags: [
    DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-create' },
    { name: 'image', type: 'stringArray', default: '[]', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: '-1', usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: '1', usage: 'Number of replicas to create. Default is 1.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  ],
  run,
}
