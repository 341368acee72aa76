// kubectl edit (TYPE NAME | TYPE/NAME | -f FILE): writes the live objects' YAML to a temporary
// file, opens it in Kubelab's editor and waits until the learner saves it, then patches what
// changed, as kubectl's edit loop does: invalid changes reopen the file with the reasons in its
// header; a save without changes cancels. Ctrl-C closes the "editor" (kubectl would wait for vi).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go and cmd/util/editor/editoptions.go.
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { kindSlashName } from '../resources'
import { readManifests } from '../manifests'
import { printObjects } from '../printers/index'
import { FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, VALIDATE_FLAG } from './common'
import { CHANGE_CAUSE_ANNOTATION, NO_RESOURCES, resolveTargets, resourceString } from './workloads'
import { changeCause } from './set-common'
import { type EditReason, editHeader, hasContent, mergePatch, sameJSON, stripComments, waitForSave, withoutManagedFields } from './edit-support'

/** What Kubelab says while the file is open (kubectl itself is silent: the editor has the terminal). */
export const EDIT_HINT = (path: string) => `Editing ${path}: save the file in the editor to apply your changes (Ctrl-C cancels).`

interface Original { kind: KindInfo; obj: KubeObject }

/** os.CreateTemp("", "kubectl-edit-*.yaml"): the random part drawn from the virtual time. */
function tempPath(ms: number): string {
  return `/tmp/kubectl-edit-${(Math.imul((ms >>> 0) ^ 0x5bd1e995, 2654435761) >>> 0) || 1}.yaml`
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const output = flagStr(p, 'output') ?? 'yaml'
  if (output !== 'yaml') throw fail(`editing in ${output} is not supported in Kubelab yet; use -o yaml (the default)`)
  if (p.positional.length === 0 && !p.flags.has('filename')) throw new CmdError(NO_RESOURCES)
  if (flagBool(p, 'record')) inv.err('Flag --record has been deprecated, --record will be removed in the future')
  inv.target()
  const originals: Original[] = []
  for (const t of await resolveTargets(inv)) originals.push({ kind: t.kind, obj: inv.api.get(t.kind.plural, t.ns, t.name) })
  if (originals.length === 0) throw fail('no objects passed to edit')
  const shown = originals.map((o) => withoutManagedFields(o.obj))
  const res = printObjects(shown, { output: 'yaml', now: inv.ctx.clock.now(), asList: shown.length > 1 })
  if ('error' in res) throw new CmdError(res.error)
  const body = res.text
  const path = tempPath(inv.ctx.clock.now())
  const fs = inv.ctx.fs
  let writing = false
  const write = (text: string) => { writing = true; try { fs.mkdir('/tmp', { recursive: true }); fs.writeFile(path, text) } finally { writing = false } }
  const original = editHeader([]) + body
  write(original)
  inv.host.openInEditor?.(path)
  inv.err(EDIT_HINT(path))

  let containsError = false
  let editedDiff: string | undefined
  let pending = originals
  for (;;) {
    const got = await waitForSave(inv, path, () => writing)
    const edited = fs.readFile(path) ?? ''
    if (got === 'abort' || (containsError && editedDiff !== undefined && stripComments(editedDiff) === stripComments(edited))) {
      if (containsError) throw fail('Edit cancelled, no valid changes were saved.')
      fs.remove(path)
      inv.err('Edit cancelled, no changes made.')
      return 0
    }
    if (stripComments(original) === stripComments(edited)) {
      fs.remove(path)
      inv.err('Edit cancelled, no changes made.')
      return 0
    }
    if (!hasContent(edited)) {
      fs.remove(path)
      inv.err('Edit cancelled, saved file was empty.')
      return 0
    }
    const parsed = await readManifests(inv.ctx, [path], false, inv.api.discovery(), true)
    if (parsed.errors.length > 0) {
      containsError = true
      const why = parsed.errors[0].replace(`error parsing ${path}: `, '')
      write(editHeader([{ head: `The edited file had a syntax error: ${why}`, other: [] }]) + stripComments(edited))
      inv.host.openInEditor?.(path)
      continue
    }
    const reasons: EditReason[] = []
    const again: Original[] = []
    let notFound = 0
    let retryable = 0
    for (const item of parsed.items) {
      const name = item.obj.metadata.name ?? ''
      const orig = pending.find((o) => o.kind === item.kind && o.obj.metadata.name === name)
      if (!orig) {
        if (fs.exists(path)) inv.err(`A copy of your changes has been stored to ${JSON.stringify(path)}`)
        throw fail('At least one of apiVersion, kind and name was changed')
      }
      const before = withoutManagedFields(orig.obj)
      if (sameJSON(before, item.obj)) { inv.out(`${kindSlashName(orig.kind, name)} skipped`); continue }
      try {
        const patch = mergePatch(before, item.obj)
        if (flagBool(p, 'record')) {
          const meta = (patch.metadata ?? {}) as Record<string, unknown>
          patch.metadata = { ...meta, annotations: { ...(meta.annotations as object | undefined), [CHANGE_CAUSE_ANNOTATION]: changeCause(inv) } }
        }
        inv.api.patch(orig.kind.plural, orig.obj.metadata.namespace, name, 'merge', patch, { fieldManager: flagStr(p, 'field-manager') ?? 'kubectl-edit' })
        inv.out(`${kindSlashName(orig.kind, name)} edited`)
      } catch (e) {
        if (!isStatusError(e)) throw e
        const rs = resourceString(orig.kind)
        if (e.status.reason === 'Invalid') {
          again.push(orig)
          reasons.push({ head: `${rs} ${JSON.stringify(name)} was not valid`, other: (e.status.details?.causes ?? []).map((c) => c.message) })
          inv.err(`error: ${rs} ${JSON.stringify(name)} is invalid`)
        } else if (e.status.reason === 'NotFound') {
          notFound++
          inv.err(`error: ${rs} ${JSON.stringify(name)} could not be found on the server`)
        } else {
          retryable++
          inv.err(`error: ${rs} ${JSON.stringify(name)} could not be patched: ${e.status.message}`)
        }
      }
    }
    if (retryable > 0) { inv.err(`You can run \`kubectl replace -f ${path}\` to try this update again.`); throw new CmdError('') }
    if (notFound > 0) { inv.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(path)}`); throw new CmdError('') }
    if (again.length === 0) { fs.remove(path); return 0 }
    // Invalid: reopen the file with the reasons on top and the learner's text below.
    containsError = true
    editedDiff = editedDiff ?? edited
    pending = again
    write(editHeader(reasons) + stripComments(edited))
    inv.host.openInEditor?.(path)
  }
}

export const editCommand: Cmd = {
  name: 'edit',
  help: {
    short: 'Edit a resource on the server',
    long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
    examples: `  # Edit the service named 'registry'
  kubectl edit svc/registry

  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/registry

  # Edit the job 'myjob' in JSON using the v1 API format
  kubectl edit job.v1.batch/myjob -o json

  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kubectl edit deployment/mydeployment -o yaml --save-config

  # Edit the 'status' subresource for the 'mydeployment' deployment
  kubectl edit deployment mydeployment --subresource='status'`,
    usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, OUTPUT_FLAG, VALIDATE_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-edit' },
    { name: 'record', type: 'bool' },
  ],
  run,
}
