// kubectl create job NAME --image=IMAGE [-- COMMAND [args...]].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go. One container named after
// the Job, restartPolicy Never; the API server then generates the selector and the pod labels.
// --from=cronjob/NAME is not supported here: Kubelab has no CronJob kind yet.
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import { withLastApplied } from '../apply/lastapplied'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG, VALIDATE_FLAG } from './common'
import { createGeneratedOrFail, kindOf } from './generated'

/** createJob: the object kubectl sends (and prints with --dry-run=client -o yaml). */
export function buildJob(name: string, image: string, command: string[]): KubeObject {
  const container: Record<string, unknown> = { image, name, resources: {} }
  if (command.length > 0) container.command = command
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: null as unknown as string, name },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  }
}

function run(inv: Invocation): number {
  const p = inv.args
  const before = p.dashAt >= 0 ? p.dashAt : p.positional.length
  if (before !== 1) throw new CmdError(`error: exactly one NAME is required, got ${before}\nSee 'kubectl create job -h' for help and examples`)
  const command = p.dashAt >= 0 ? p.positional.slice(p.dashAt) : p.positional.slice(1)
  const image = flagStr(p, 'image') ?? ''
  const from = flagStr(p, 'from') ?? ''
  // Validate: exactly one of --image and --from.
  if ((image === '') === (from === '')) throw fail('either --image or --from must be specified')
  if (command.length > 0 && from !== '') throw fail('cannot specify --from and command')
  if (from !== '') throw fail('--from is not supported in Kubelab: there is no CronJob kind yet (use --image)')
  inv.target()
  const built = buildJob(p.positional[0], image, command)
  const obj = flagBool(p, 'save-config') ? withLastApplied(built).modified : built
  return createGeneratedOrFail(inv, kindOf(inv, 'Job'), obj, 'kubectl-create', 'job')
}

export const createJobCommand: Cmd = {
  name: 'job',
  help: {
    short: 'Create a job with the specified name',
    long: 'Create a job with the specified name.',
    examples: `  # Create a job
  kubectl create job my-job --image=busybox

  # Create a job with a command
  kubectl create job my-job --image=busybox -- date

  # Create a job from a cron job named "a-cronjob"
  kubectl create job test-job --from=cronjob/a-cronjob`,
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  },
  flags: [
    DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-create' },
    { name: 'from', type: 'string', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  ],
  run,
}
