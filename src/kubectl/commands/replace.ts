// kubectl replace -f: PUT each manifest over the live object (resourceVersion taken from the live
// one); --force deletes and re-creates. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go.
import { isStatusError } from '../../api/errors'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { formatFileError } from '../errors'
import { kindSlashName } from '../resources'
import { loadPlaced, type CollectedErr } from '../apply/objects'
import { LAST_APPLIED_ANNOTATION, withLastApplied } from '../apply/lastapplied'
import { waitForDeletion } from './delete-wait'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, VALIDATE_FLAG, dryRunOf, dryRunSuffix, printErrors } from './common'

async function run(inv: Invocation): Promise<number> {
  const dry = dryRunOf(inv.args)
  const force = flagBool(inv.args, 'force')
  const { items, errs } = await loadPlaced(inv)
  if (items.length === 0 && errs.length === 0) { inv.err('error: no objects passed to replace'); return 1 }
  const all: CollectedErr[] = [...errs]
  const opts = { dryRun: dry === 'server' ? ('All' as const) : undefined, fieldManager: flagStr(inv.args, 'field-manager') ?? 'kubectl-replace' }
  for (const it of items) {
    const name = it.obj.metadata.name ?? ''
    const slash = kindSlashName(it.kind, name)
    try {
      if (force) {
        // --force: delete (waiting until gone), then create from the manifest.
        try {
          const gone = dry === 'none' ? inv.api.delete(it.kind.plural, it.namespace, name) : undefined
          if (gone) {
            inv.out(`${it.kind.kind.toLowerCase()}${it.kind.group ? `.${it.kind.group}` : ''} "${name}" deleted`)
            await waitForDeletion(inv, [gone], [{ kind: it.kind, namespace: it.namespace, name }])
          }
        } catch (e) {
          if (!isStatusError(e) || e.status.reason !== 'NotFound') throw e
        }
        if (dry !== 'client') inv.api.create(it.kind.plural, it.obj, opts)
        inv.out(`${slash} replaced${dryRunSuffix(dry)}`)
        continue
      }
      const live = inv.api.get(it.kind.plural, it.namespace, name)
      const obj = flagBool(inv.args, 'save-config') || live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] ? withLastApplied(it.obj).modified : it.obj
      const toSend = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion } }
      if (dry !== 'client') inv.api.update(it.kind.plural, toSend, opts)
      inv.out(`${slash} replaced${dryRunSuffix(dry)}`)
    } catch (e) {
      if (!isStatusError(e)) throw e
      all.push({ text: formatFileError(e, 'replacing', it.source), api: true })
    }
  }
  if (all.length > 0) { printErrors(inv, all); return 1 }
  return 0
}

export const replaceCommand: Cmd = {
  name: 'replace',
  help: {
    short: 'Replace a resource by file name or stdin',
    long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
    examples: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json

  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -

  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -

  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
    usage: 'kubectl replace -f FILENAME [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, FIELD_MANAGER_FLAG,
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  ],
  run,
}
