// kubectl create -f (and the `create <kind>` generators in create-*.ts).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create.go.
import { createServiceAccountCommand } from './create-serviceaccount'
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, formatFileError } from '../errors'
import { kindSlashName } from '../resources'
import { loadPlaced, type CollectedErr } from '../apply/objects'
import { withLastApplied } from '../apply/lastapplied'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, VALIDATE_FLAG, dryRunOf, dryRunSuffix, finishManifestCommand } from './common'
import { createNamespaceCommand } from './create-namespace'
import { createConfigMapCommand } from './create-configmap'
import { createDeploymentCommand } from './create-deployment'
import { createJobCommand } from './create-job'
import { createSecretCommand } from './create-secret'
import { createServiceCommand } from './create-service'

/** `kubectl create <kind>` generators upstream has and Kubelab does not (yet). */
const UNSUPPORTED_GENERATORS = ['clusterrole', 'clusterrolebinding', 'cronjob', 'cj', 'ingress', 'ing', 'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'token']

async function run(inv: Invocation): Promise<number> {
  const first = inv.args.positional[0]
  if (first !== undefined) {
    throw new CmdError(`error: Unexpected args: [${inv.args.positional.join(' ')}]\nSee 'kubectl create -h' for help and examples`)
  }
  const dry = dryRunOf(inv.args)
  const output = flagStr(inv.args, 'output')
  const { items, errs } = await loadPlaced(inv)
  if (items.length === 0 && errs.length === 0) { inv.err('error: no objects passed to create'); return 1 }
  const all: CollectedErr[] = [...errs]
  const printed: KubeObject[] = []
  for (const it of items) {
    const obj = flagBool(inv.args, 'save-config') ? withLastApplied(it.obj).modified : it.obj
    try {
      const created = dry === 'client' ? obj : inv.api.create(it.kind.plural, obj, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: flagStr(inv.args, 'field-manager') ?? 'kubectl-create' })
      if (output) printed.push(created)
      else inv.out(`${kindSlashName(it.kind, created.metadata.name ?? '')} created${dryRunSuffix(dry)}`)
    } catch (e) {
      if (!isStatusError(e)) throw e
      all.push({ text: formatFileError(e, 'creating', it.source), api: true })
    }
  }
  return finishManifestCommand(inv, printed, output, all)
}

export const createCommand: Cmd = {
  name: 'create',
  help: {
    short: 'Create a resource from a file or from stdin',
    long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
    examples: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
    usage: 'kubectl create -f FILENAME [options]',
  },
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, FIELD_MANAGER_FLAG,
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." }],
  subcommands: [createNamespaceCommand, createConfigMapCommand, createDeploymentCommand, createJobCommand, createSecretCommand, createServiceCommand, createServiceAccountCommand],
  unsupportedSubcommands: UNSUPPORTED_GENERATORS,
  run,
}
