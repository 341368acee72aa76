// kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]. The API server applies the patch.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go.
import { parse } from 'yaml'
import { deepEqual } from '../../api/objects'
import type { PatchType } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { flagArr, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { kindSlashName, parseResourceArgs } from '../resources'
import { loadPlaced } from '../apply/objects'
import { printObjects } from '../printers/index'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, dryRunOf, dryRunSuffix, nsFor } from './common'

const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic']

/** What changed, ignoring the bookkeeping every write bumps. */
function comparable(o: KubeObject): unknown {
  const { resourceVersion: _rv, managedFields: _mf, generation: _g, ...meta } = o.metadata as Record<string, unknown>
  return { ...o, metadata: meta }
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const type = (flagStr(p, 'type') ?? 'strategic') as PatchType
  if (!PATCH_TYPES.includes(type)) throw fail(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(type)}`)
  let text = flagStr(p, 'patch')
  const patchFile = flagStr(p, 'patch-file')
  if (text !== undefined && patchFile !== undefined) throw fail('--patch and --patch-file are mutually exclusive')
  if (patchFile !== undefined) {
    text = inv.ctx.fs.readFile(patchFile.startsWith('/') ? patchFile : `${inv.ctx.cwd}/${patchFile}`)
    if (text === undefined) throw fail(`unable to read patch file: open ${patchFile}: no such file or directory`)
  }
  if (text === undefined || text === '') throw new CmdError("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples")
  let patch: unknown
  try { patch = parse(text) } catch (e) {
    throw fail(`unable to parse ${JSON.stringify(text)}: yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
  const dry = dryRunOf(p)
  inv.target()
  const targets = flagArr(p, 'filename').length > 0
    ? (await loadPlaced(inv)).items.map((it) => ({ kind: it.kind, ns: it.namespace, name: it.obj.metadata.name ?? '' }))
    : parseResourceArgs(inv.api.discovery(), p.positional).flatMap((r) => {
      if (r.names.length === 0) throw fail('resource(s) were provided, but no name was specified')
      return r.names.map((name) => ({ kind: r.kind, ns: nsFor(inv, r.kind), name }))
    })
  if (targets.length === 0) throw new CmdError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
  for (const t of targets) {
    const before = inv.api.get(t.kind.plural, t.ns, t.name)
    const after = dry === 'client' ? before : inv.api.patch(t.kind.plural, t.ns, t.name, type, patch, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: flagStr(p, 'field-manager') ?? 'kubectl-patch' })
    const output = flagStr(p, 'output')
    if (output) {
      const res = printObjects([after], { output, now: inv.ctx.clock.now(), asList: false })
      if ('error' in res) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
      inv.ctx.stdout.write(res.text)
      continue
    }
    const changed = dry === 'client' || !deepEqual(comparable(before), comparable(after))
    inv.out(`${kindSlashName(t.kind, t.name)} patched${changed ? '' : ' (no change)'}${dryRunSuffix(dry)}`)
  }
  return 0
}

export const patchCommand: Cmd = {
  name: 'patch',
  help: {
    short: 'Update fields of a resource',
    long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
    examples: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'`,
    usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  },
  flags: [
    FILENAME_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run,
}
