// kubectl apply -f: client-side apply with the last-applied annotation and a three-way strategic
// merge patch. Each document is applied on its own; failures are listed after the successes.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject) and patcher.go.
import { isStatusError } from '../../api/errors'
import { matchesSelectorString } from '../../api/labels'
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail, formatFileError, formatStatusError } from '../errors'
import { kindSlashName } from '../resources'
import { loadPlaced, type CollectedErr, type Placed } from '../apply/objects'
import { LAST_APPLIED_ANNOTATION, originalOf, withLastApplied } from '../apply/lastapplied'
import { threeWayPatch } from '../apply/threeway'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, VALIDATE_FLAG, dryRunOf, dryRunSuffix, finishManifestCommand, type DryRun } from './common'

/** The field manager kubectl's client-side apply writes as. */
const FIELD_MANAGER = 'kubectl-client-side-apply'

type Outcome = 'created' | 'configured' | 'unchanged'

function applyOne(inv: Invocation, it: Placed, dry: DryRun): { outcome: Outcome; obj: KubeObject } {
  const { modified } = withLastApplied(it.obj)
  const opts = { dryRun: dry === 'server' ? ('All' as const) : undefined, fieldManager: flagStr(inv.args, 'field-manager') ?? FIELD_MANAGER }
  const name = it.obj.metadata.name ?? ''
  if (!name) {
    // The client refuses to GET an unnamed object; upstream wraps that with the object's mapping.
    const gv = it.kind.group ? `${it.kind.group}/${it.kind.version}` : `/${it.kind.version}`
    throw new PlainError(`error when retrieving current configuration of:\nResource: "${gv}, Resource=${it.kind.plural}", GroupVersionKind: "${gv}, Kind=${it.kind.kind}"\nName: "", Namespace: "${it.namespace ?? ''}"\nfrom server for: "${it.source}": resource name may not be empty`)
  }
  let live: KubeObject | undefined
  try {
    live = inv.api.get(it.kind.plural, it.namespace, it.obj.metadata.name ?? '')
  } catch (e) {
    if (!isStatusError(e) || e.status.reason !== 'NotFound') throw e
  }
  if (!live) {
    if (dry === 'client') return { outcome: 'created', obj: modified }
    try {
      return { outcome: 'created', obj: inv.api.create(it.kind.plural, modified, opts) }
    } catch (e) {
      if (isStatusError(e)) throw new ApplyError(formatFileError(e, 'creating', it.source))
      throw e
    }
  }
  if (!live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]) {
    inv.err(`Warning: resource ${it.kind.plural}/${live.metadata.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`)
  }
  const patch = threeWayPatch(originalOf(live), modified, live)
  if (Object.keys(patch).length === 0) return { outcome: 'unchanged', obj: live }
  if (dry === 'client') return { outcome: 'configured', obj: live }
  try {
    return { outcome: 'configured', obj: inv.api.patch(it.kind.plural, it.namespace, live.metadata.name ?? '', 'strategic', patch, opts) }
  } catch (e) {
    if (isStatusError(e)) throw new ApplyError(formatFileError(e, 'patching', it.source))
    throw e
  }
}

class ApplyError extends Error {}
/** A client-side failure for one object (printed without the server prefix). */
class PlainError extends Error {}

async function run(inv: Invocation): Promise<number> {
  if (flagStr(inv.args, 'kustomize') !== undefined) throw fail('kubectl apply -k (kustomize) is not supported in Kubelab yet')
  if (flagBool(inv.args, 'prune')) throw fail('kubectl apply --prune is not supported in Kubelab yet')
  if (flagBool(inv.args, 'server-side')) throw fail('kubectl apply --server-side is not supported in Kubelab yet; client-side apply (the default) is')
  const dry = dryRunOf(inv.args)
  const output = flagStr(inv.args, 'output')
  const loaded = await loadPlaced(inv)
  const errs = loaded.errs
  // -l applies only the manifest objects whose labels match.
  const selector = flagStr(inv.args, 'selector')
  const items = selector ? loaded.items.filter((it) => matchesSelectorString(selector, it.obj.metadata.labels)) : loaded.items
  if (items.length === 0 && errs.length === 0) { inv.err('error: no objects passed to apply'); return 1 }
  const all: CollectedErr[] = [...errs]
  const printed: KubeObject[] = []
  for (const it of items) {
    try {
      const { outcome, obj } = applyOne(inv, it, dry)
      if (output) printed.push(obj)
      else inv.out(`${kindSlashName(it.kind, it.obj.metadata.name ?? '')} ${outcome}${dryRunSuffix(dry)}`)
    } catch (e) {
      if (e instanceof ApplyError) all.push({ text: e.message, api: true })
      else if (e instanceof PlainError) all.push({ text: e.message, api: false })
      else if (isStatusError(e)) all.push({ text: formatStatusError(e), api: true })
      else throw e
    }
  }
  return finishManifestCommand(inv, printed, output, all)
}

export const applyCommand: Cmd = {
  name: 'apply',
  help: {
    short: 'Apply a configuration to a resource by file name or stdin',
    long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
    examples: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/

  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -`,
    usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  },
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, FIELD_MANAGER_FLAG, SELECTOR_FLAG,
    { name: 'kustomize', short: 'k', type: 'string', usage: 'Process a kustomization directory. This flag can\'t be used together with -f or -R.' },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'force-conflicts', type: 'bool', usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
  ],
  run,
}
