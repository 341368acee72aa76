// kubectl rollout history (TYPE NAME | TYPE/NAME) [--revision=N].
// Upstream: pkg/cmd/rollout/rollout_history.go and pkg/polymorphichelpers/history.go
// (DeploymentHistoryViewer.ViewHistory). The name printer is given the whole table as its
// "operation", which is why the first line ends in a space and a blank line follows.
import type { KubeObject } from '../../api/types'
import { flagInt } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { kindSlashName } from '../resources'
import { tabwrite, DESCRIBE_TABWRITER } from '../printers/index'
import { describePodTemplate } from '../printers/describe/apps'
import { PrefixWriter } from '../printers/describe/writer'
import { FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { CHANGE_CAUSE_ANNOTATION, REVISION_ANNOTATION, groupKind, replicaSetsOf, resolveTargets } from './workloads'

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: never }

/** Revision → the ReplicaSet's pod template (with the change-cause copied onto it), as ViewHistory builds it. */
export function historyOf(inv: Invocation, deploy: KubeObject): Map<number, Template> {
  const out = new Map<number, Template>()
  for (const rs of replicaSetsOf(inv, deploy)) {
    const raw = rs.metadata.annotations?.[REVISION_ANNOTATION]
    // deploymentutil.Revision: a missing annotation is revision 0; an unparsable one is skipped.
    if (raw !== undefined && !/^\d+$/.test(raw)) continue
    const v = raw === undefined ? 0 : Number(raw)
    const template = JSON.parse(JSON.stringify((rs.spec as { template?: Template } | undefined)?.template ?? {})) as Template
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
    template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations } }
    if (cause) template.metadata.annotations![CHANGE_CAUSE_ANNOTATION] = cause
    out.set(v, template)
  }
  return out
}

/** printTemplate: DescribePodTemplate through a PrefixWriter. */
export function printTemplate(template: Template): string {
  const w = new PrefixWriter()
  describePodTemplate(template, w)
  return w.toString()
}

function viewHistory(inv: Invocation, deploy: KubeObject, revision: number): string {
  const history = historyOf(inv, deploy)
  if (history.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const template = history.get(revision)
    if (!template) throw fail('unable to find the specified revision')
    return printTemplate(template)
  }
  const rows = [...history.keys()].sort((a, b) => a - b)
    .map((r) => `${r}\t${history.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`)
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER)
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  if (p.positional.length === 0 && !p.flags.has('filename')) throw fail('required resource not specified')
  const revision = flagInt(p, 'revision') ?? 0
  if (revision < 0) throw fail(`revision must be a positive integer: ${revision}`)
  inv.target()
  for (const t of await resolveTargets(inv, { allowEmptySelector: true })) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    if (t.kind.kind !== 'Deployment') throw fail(`no history viewer has been implemented for ${JSON.stringify(groupKind(t.kind))}`)
    const info = viewHistory(inv, obj, revision)
    const withRevision = revision > 0 ? `with revision #${revision}` : ''
    inv.ctx.stdout.write(`${kindSlashName(t.kind, t.name)} ${withRevision}\n${info}\n`)
  }
  return 0
}

export const rolloutHistoryCommand: Cmd = {
  name: 'history',
  help: {
    short: 'View rollout history',
    long: 'View previous rollout revisions and configurations.',
    examples: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc

  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
    usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG,
    { name: 'revision', type: 'int', default: '0', usage: 'See the details, including podTemplate of the revision specified' },
  ],
  run,
}
