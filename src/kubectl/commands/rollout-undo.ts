// kubectl rollout undo (TYPE NAME | TYPE/NAME) [--to-revision=N]: puts an earlier ReplicaSet's pod
// template back into the Deployment. Upstream: pkg/cmd/rollout/rollout_undo.go and
// pkg/polymorphichelpers/rollback.go (DeploymentRollbacker).
import type { KubeObject } from '../../api/types'
import { flagInt } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { kindSlashName } from '../resources'
import { DRY_RUN_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, dryRunOf, dryRunSuffix } from './common'
import { POD_TEMPLATE_HASH, REVISION_ANNOTATION, clone, groupKind, replicaSetsOf, resolveTargets, revisionOf } from './workloads'
import { printTemplate } from './rollout-history'

/** Deployment annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

type Template = { metadata?: { labels?: Record<string, string> } & Record<string, unknown> } & Record<string, unknown>

/** deploymentRevision: the ReplicaSet of `toRevision`, or with 0 the second-newest revision. */
function rsForRevision(inv: Invocation, deploy: KubeObject, toRevision: number): KubeObject {
  let latest: KubeObject | undefined; let latestRev = -1
  let previous: KubeObject | undefined; let previousRev = -1
  for (const rs of replicaSetsOf(inv, deploy)) {
    const v = revisionOf(rs)
    if (toRevision === 0) {
      if (latestRev < v) { previousRev = latestRev; previous = latest; latestRev = v; latest = rs } else if (previousRev < v) { previousRev = v; previous = rs }
    } else if (toRevision === v) return rs
  }
  if (toRevision > 0) throw fail(`unable to find specified revision ${toRevision} in history`)
  if (!previous) throw fail(`no rollout history found for deployment ${JSON.stringify(deploy.metadata.name ?? '')}`)
  return previous
}

function withoutHash(t: Template | undefined): Template {
  const copy = clone(t ?? {})
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH]
  }
  return copy
}

/** apiequality.Semantic.DeepEqual on the JSON forms, key order aside. */
function sameJSON(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => Array.isArray(v) ? v.map(norm)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k])])) : v
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/** DeploymentRollbacker.Rollback: the operation word the name printer adds. */
function rollback(inv: Invocation, deploy: KubeObject, toRevision: number): string {
  if (toRevision < 0) throw fail(`unable to find specified revision ${toRevision} in history`)
  const rs = rsForRevision(inv, deploy, toRevision)
  const rsTemplate = (rs.spec as { template?: Template } | undefined)?.template
  const dry = dryRunOf(inv.args)
  if (dry === 'client') return printTemplate(rsTemplate as never)
  const name = deploy.metadata.name ?? ''
  if ((deploy.spec as { paused?: boolean } | undefined)?.paused) {
    throw fail(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`)
  }
  const restored = withoutHash(rsTemplate)
  if (sameJSON(restored, withoutHash((deploy.spec as { template?: Template } | undefined)?.template))) {
    return `skipped rollback (current template already matches revision ${toRevision})`
  }
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(deploy.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  const patch = [
    { op: 'replace', path: '/spec/template', value: restored },
    { op: deploy.metadata.annotations ? 'replace' : 'add', path: '/metadata/annotations', value: annotations },
  ]
  try {
    inv.api.patch('deployments', deploy.metadata.namespace, name, 'json', patch, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: 'kubectl-rollout' })
  } catch (e) {
    throw fail(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return 'rolled back'
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  if (p.positional.length === 0 && !p.flags.has('filename')) throw fail('required resource not specified')
  const dry = dryRunOf(p)
  inv.target()
  for (const t of await resolveTargets(inv, { allowEmptySelector: true })) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    if (t.kind.kind !== 'Deployment') throw fail(`no rollbacker has been implemented for ${JSON.stringify(groupKind(t.kind))}`)
    const result = rollback(inv, obj, flagInt(p, 'to-revision') ?? 0)
    inv.out(`${kindSlashName(t.kind, t.name)} ${result}${dryRunSuffix(dry)}`)
  }
  return 0
}

export const rolloutUndoCommand: Cmd = {
  name: 'undo',
  help: {
    short: 'Undo a previous rollout',
    long: 'Roll back to a previous rollout.',
    examples: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc

  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3

  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
    usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG,
    { name: 'to-revision', type: 'int', default: '0', usage: 'The revision to rollback to. Default to 0 (last revision).' },
  ],
  run,
}
