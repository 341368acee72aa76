// kubectl scale --replicas=N [--current-replicas=M] [--resource-version=V] (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l sel | TYPE --all).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go and pkg/scale/scale.go (ScalePrecondition).
import { StatusError } from '../../api/errors'
import { flagInt, flagStr, has } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { kindSlashName } from '../resources'
import { printObjects } from '../printers/index'
import { parseGoDuration } from '../duration'
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, dryRunOf, dryRunSuffix } from './common'
import { CHANGE_CAUSE_ANNOTATION, NO_RESOURCES, resolveTargets } from './workloads'
import { RECORD_FLAG, changeCause } from './set-common'

/** Kinds served with a /scale subresource; others answer 404 as the API server does. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'])
/** --current-replicas' "no precondition" value. */
const NO_PRECONDITION = -1

/** WaitForScaleHasDesiredReplicas' poll interval. */
const POLL_MS = 1000
/** 128 + SIGINT. */
const EXIT_INTERRUPTED = 130

/** ScaleHasDesiredReplicas, polled every second: true when status.replicas reaches the size (or someone rescaled). */
async function waitForReplicas(inv: Invocation, plural: string, ns: string | undefined, name: string, want: number, timeoutMs: number): Promise<boolean | 'abort'> {
  // Count the waits rather than read the clock: wait.PollImmediate's shape, and a frozen test clock still ends.
  for (let waited = 0; ; waited += POLL_MS) {
    const o = inv.api.get(plural, ns, name) as { spec?: { replicas?: number }; status?: { replicas?: number } }
    if ((o.spec?.replicas ?? 0) !== want) return true
    if ((o.status?.replicas ?? 0) === want) return true
    if (inv.ctx.signal.aborted) return 'abort'
    if (waited >= timeoutMs) return false
    await inv.ctx.clock.sleep(Math.min(POLL_MS, timeoutMs - waited), inv.ctx.signal)
    if (inv.ctx.signal.aborted) return 'abort'
  }
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  // cobra's MarkFlagRequired runs before Validate.
  if (!has(p, 'replicas')) throw fail('required flag(s) "replicas" not set')
  const replicas = flagInt(p, 'replicas') ?? -1
  if (replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  const current = flagInt(p, 'current-replicas') ?? NO_PRECONDITION
  if (current < NO_PRECONDITION) throw fail('The --current-replicas must specify an integer of -1 or greater')
  const dry = dryRunOf(p)
  const record = p.flags.get('record') === true
  if (record) inv.err('Flag --record has been deprecated, --record will be removed in the future')
  inv.target()
  if (p.positional.length === 0 && !p.flags.has('filename')) throw new CmdError(NO_RESOURCES)
  const targets = await resolveTargets(inv)
  const timeoutFlag = flagStr(p, 'timeout')
  const timeout = timeoutFlag === undefined ? 0 : parseGoDuration(timeoutFlag, '--timeout')
  const rv = flagStr(p, 'resource-version') ?? ''
  if (rv !== '' && targets.length > 1) throw fail('cannot use --resource-version with multiple resources')
  if (targets.length === 0) throw fail('no objects passed to scale')
  const output = flagStr(p, 'output')
  for (const t of targets) {
    // The builder fetched each object first (Latest()): a missing one fails here, before any write.
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    if (dry !== 'client') {
      if (!SCALABLE.has(t.kind.plural)) throw new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 })
      const live = inv.api.get(t.kind.plural, t.ns, t.name)
      const size = (live.spec as { replicas?: number } | undefined)?.replicas ?? 0
      if (current !== NO_PRECONDITION && size !== current) throw fail(`Expected replicas to be ${current}, was ${size}`)
      if (rv !== '' && live.metadata.resourceVersion !== rv) throw fail(`Expected resource version to be ${rv}, was ${live.metadata.resourceVersion ?? ''}`)
      inv.api.patch(t.kind.plural, t.ns, t.name, 'merge', { spec: { replicas } }, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: 'kubectl-scale' })
      // --record: a second merge patch with the change cause (Recorder.MakeRecordMergePatch).
      if (record && dry === 'none') inv.api.patch(t.kind.plural, t.ns, t.name, 'merge', { metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: changeCause(inv) } } }, { fieldManager: 'kubectl-scale' })
    }
    if (timeout !== 0 && dry === 'none') {
      const waited = await waitForReplicas(inv, t.kind.plural, t.ns, t.name, replicas, timeout)
      if (waited === 'abort') return EXIT_INTERRUPTED
      if (!waited) throw fail(`timed out waiting for ${JSON.stringify(t.name)} to be synced`)
    }
    if (output) {
      const res = printObjects([obj], { output, now: inv.ctx.clock.now(), asList: false })
      if ('error' in res) throw new CmdError(res.error)
      inv.ctx.stdout.write(res.text)
    } else {
      inv.out(`${kindSlashName(t.kind, t.name)} scaled${dryRunSuffix(dry)}`)
    }
  }
  return 0
}

export const scaleCommand: Cmd = {
  name: 'scale',
  help: {
    short: 'Set a new size for a deployment, replica set, or replication controller',
    long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
    examples: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo

  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml

  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
    usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, RECORD_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'replicas', type: 'int', default: '0', usage: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: '-1', usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run,
}
