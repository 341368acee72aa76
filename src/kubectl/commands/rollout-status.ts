// kubectl rollout status (TYPE NAME | TYPE/NAME) [--watch=false] [--revision=N] [--timeout=D].
// Watches the object on the virtual clock and prints DeploymentStatusViewer's words as they change.
// Upstream: pkg/cmd/rollout/rollout_status.go and pkg/polymorphichelpers/rollout_status.go.
import type { KubeObject } from '../../api/types'
import { flagBool, flagInt, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import type { CancelSignal } from '../context'
import { CmdError, fail } from '../errors'
import { parseGoDuration } from '../duration'
import { FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { groupKind, resolveTargets, revisionOf } from './workloads'

/** The Progressing condition's reason once progressDeadlineSeconds has passed (deploymentutil.TimedOutReason). */
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'
/** 128 + SIGINT: what the shell reports for Ctrl-C. */
const EXIT_INTERRUPTED = 130

interface DeployLike {
  metadata: KubeObject['metadata']
  spec?: { replicas?: number }
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number; conditions?: Array<{ type: string; reason?: string }> }
}

export interface StatusResult { text: string; done: boolean; error?: string }

/** DeploymentStatusViewer.Status: one line of progress, done when rolled out, or an error. */
export function deploymentStatus(obj: KubeObject, revision: number): StatusResult {
  const d = obj as unknown as DeployLike
  const name = d.metadata.name ?? ''
  if (revision > 0) {
    const running = revisionOf(obj)
    if (revision !== running) return { text: '', done: false, error: `desired revision (${revision}) is different from the running revision (${running})` }
  }
  const st = d.status ?? {}
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing')
    if (progressing?.reason === TIMED_OUT_REASON) return { text: '', done: false, error: `deployment "${name}" exceeded its progress deadline` }
    const want = d.spec?.replicas
    const updated = st.updatedReplicas ?? 0
    if (want !== undefined && updated < want) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false }
    if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`, done: false }
    if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false }
    return { text: `deployment "${name}" successfully rolled out`, done: true }
  }
  return { text: 'Waiting for deployment spec update to be observed...', done: false }
}

type Outcome = 'done' | 'timeout' | 'abort' | { error: string }

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  if (p.positional.length === 0 && !p.flags.has('filename')) throw fail('required resource not specified')
  const revision = flagInt(p, 'revision') ?? 0
  if (revision < 0) throw fail(`revision must be a positive integer: ${revision}`)
  const timeoutFlag = flagStr(p, 'timeout')
  const timeout = timeoutFlag === undefined ? 0 : parseGoDuration(timeoutFlag, '--timeout')
  const watch = flagBool(p, 'watch', true)
  inv.target()
  const targets = await resolveTargets(inv, { allowEmptySelector: true })
  if (targets.length !== 1) throw fail(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`)
  const t = targets[0]
  const first = inv.api.get(t.kind.plural, t.ns, t.name)
  if (t.kind.kind !== 'Deployment') throw fail(`no status viewer has been implemented for ${groupKind(t.kind)}`)

  let last: string | undefined
  /** Prints a status line when it differs from the last one; returns the outcome when the wait is over. */
  const show = (obj: KubeObject): Outcome | undefined => {
    const s = deploymentStatus(obj, revision)
    if (s.error) return { error: s.error }
    if (s.text !== last) { inv.out(s.text); last = s.text }
    if (s.done) return 'done'
    return watch ? undefined : 'done'
  }
  const immediate = show(first)
  const outcome: Outcome = immediate ?? await new Promise<Outcome>((resolve) => {
    let fns: Array<() => void> = []
    const timer: CancelSignal & { aborted: boolean } = { aborted: false, onAbort: (fn) => { fns.push(fn); return () => { fns = fns.filter((f) => f !== fn) } } }
    const stops: Array<() => void> = []
    let settled = false
    const finish = (v: Outcome) => {
      if (settled) return
      settled = true
      stops.forEach((s) => s())
      timer.aborted = true
      fns.splice(0).forEach((f) => f())
      resolve(v)
    }
    stops.push(inv.api.watch(t.kind.plural, { namespace: t.ns, fieldSelector: `metadata.name=${t.name}` }, (ev) => {
      if (settled) return
      if (ev.type === 'DELETED') { finish({ error: 'object has been deleted' }); return }
      const o = show(ev.object)
      if (o) finish(o)
    }))
    stops.push(inv.ctx.signal.onAbort(() => finish('abort')))
    // --timeout=0 means "never": sleep until the watch or Ctrl-C ends the wait.
    if (timeout > 0) inv.ctx.clock.sleep(timeout, timer).then(() => finish('timeout'), () => finish('timeout'))
  })
  if (outcome === 'done') return 0
  if (outcome === 'abort') return EXIT_INTERRUPTED
  if (outcome === 'timeout') throw fail('timed out waiting for the condition')
  throw new CmdError(`error: ${outcome.error}`)
}

export const rolloutStatusCommand: Cmd = {
  name: 'status',
  help: {
    short: 'Show the status of the rollout',
    long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
    examples: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
    usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG,
    { name: 'watch', short: 'w', type: 'bool', default: 'true', usage: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', default: '0', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run,
}
