// kubectl rollout restart (TYPE NAME | TYPE/NAME | TYPE -l sel): stamps
// kubectl.kubernetes.io/restartedAt on the pod template, which starts a new rollout.
// Upstream: pkg/cmd/rollout/rollout_restart.go and pkg/polymorphichelpers/objectrestarter.go.
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { kindSlashName } from '../resources'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, dryRunOf, dryRunSuffix, printErrors } from './common'
import { resolveTargets, resourceString } from './workloads'

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'
/** Kinds objectrestarter knows. */
const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet'])

/** time.Now().Format(time.RFC3339) in UTC: `2026-01-01T00:05:00Z` (whole seconds). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  if (p.positional.length === 0 && !p.flags.has('filename')) throw fail('required resource not specified')
  const dry = dryRunOf(p)
  inv.target()
  const errs: Array<{ text: string; api: boolean }> = []
  const stamp = rfc3339(inv.ctx.clock.now())
  for (const t of await resolveTargets(inv, { allowEmptySelector: true })) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    const spec = obj.spec as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } | undefined
    let why: string | undefined
    if (!RESTARTABLE.has(t.kind.kind)) why = 'restarting is not supported'
    else if (t.kind.kind === 'Deployment' && spec?.paused) why = "can't restart paused deployment (run rollout resume first)"
    if (why) { errs.push({ text: `error: ${resourceString(t.kind)} ${JSON.stringify(t.name)} ${why}`, api: false }); continue }
    if (spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) {
      errs.push({ text: `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`, api: false })
      continue
    }
    if (dry !== 'client') {
      try {
        inv.api.patch(t.kind.plural, t.ns, t.name, 'strategic', { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } }, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: 'kubectl-rollout' })
      } catch (e) {
        errs.push({ text: `failed to patch: ${e instanceof Error ? e.message : String(e)}`, api: false }); continue
      }
    }
    inv.out(`${kindSlashName(t.kind, t.name)} restarted${dryRunSuffix(dry)}`)
  }
  if (errs.length > 0) { printErrors(inv, errs); return 1 }
  return 0
}

export const rolloutRestartCommand: Cmd = {
  name: 'restart',
  help: {
    short: 'Restart a resource',
    long: `Restart a resource.

 Resource rollout will be restarted.`,
    examples: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace

  # Restart a deployment
  kubectl rollout restart deployment/nginx

  # Restart a daemon set
  kubectl rollout restart daemonset/abc

  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
    usage: 'kubectl rollout restart RESOURCE [options]',
  },
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG, { ...FIELD_MANAGER_FLAG, default: 'kubectl-rollout' }],
  run,
}
