// kubectl rollout pause|resume (TYPE NAME | TYPE/NAME | TYPE -l sel): sets spec.paused.
// Upstream: pkg/cmd/rollout/rollout_pause.go, rollout_resume.go and
// pkg/polymorphichelpers/objectpauser.go, objectresumer.go.
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { kindSlashName } from '../resources'
import { FIELD_MANAGER_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, printErrors } from './common'
import { resolveTargets, resourceString } from './workloads'

function pauseOrResume(pause: boolean) {
  return async (inv: Invocation): Promise<number> => {
    const p = inv.args
    if (p.positional.length === 0 && !p.flags.has('filename')) throw fail('required resource not specified')
    inv.target()
    const errs: Array<{ text: string; api: boolean }> = []
    for (const t of await resolveTargets(inv, { allowEmptySelector: true })) {
      const obj = inv.api.get(t.kind.plural, t.ns, t.name)
      let why: string | undefined
      if (t.kind.kind !== 'Deployment') why = pause ? 'pausing is not supported' : 'resuming is not supported'
      else if (Boolean((obj.spec as { paused?: boolean } | undefined)?.paused) === pause) why = pause ? 'is already paused' : 'is not paused'
      if (why) { errs.push({ text: `error: ${resourceString(t.kind)} ${JSON.stringify(t.name)} ${why}`, api: false }); continue }
      try {
        inv.api.patch(t.kind.plural, t.ns, t.name, 'strategic', { spec: { paused: pause ? true : null } }, { fieldManager: 'kubectl-rollout' })
      } catch (e) {
        errs.push({ text: `failed to patch: ${e instanceof Error ? e.message : String(e)}`, api: false }); continue
      }
      inv.out(`${kindSlashName(t.kind, t.name)} ${pause ? 'paused' : 'resumed'}`)
    }
    if (errs.length > 0) { printErrors(inv, errs); return 1 }
    return 0
  }
}

const FLAGS = [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { ...FIELD_MANAGER_FLAG, default: 'kubectl-rollout' }]

export const rolloutPauseCommand: Cmd = {
  name: 'pause',
  help: {
    short: 'Mark the provided resource as paused',
    long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
    examples: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
    usage: 'kubectl rollout pause RESOURCE [options]',
  },
  flags: FLAGS,
  run: pauseOrResume(true),
}

export const rolloutResumeCommand: Cmd = {
  name: 'resume',
  help: {
    short: 'Resume a paused resource',
    long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
    examples: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
    usage: 'kubectl rollout resume RESOURCE [options]',
  },
  flags: FLAGS,
  run: pauseOrResume(false),
}
