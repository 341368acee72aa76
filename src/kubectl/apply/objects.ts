// Shared by apply, create -f and delete -f: read manifests, place each object in its namespace
// (kubectl's SetNamespace / RequireNamespace visitors), and collect per-document errors.
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagStr } from '../argv'
import type { Invocation } from '../command'
import { readManifests, type ManifestItem } from '../manifests'
import type { ResourceRequest } from '../resources'
import { printErrors } from '../commands/common'
import { CmdError, fail } from '../errors'

export interface Placed extends ManifestItem { namespace?: string }
export interface CollectedErr { text: string; api: boolean }

/** --validate: strict (or true) and warn check apiVersion/kind; ignore (or false) skips it. */
function validateOf(inv: Invocation): boolean {
  const v = flagStr(inv.args, 'validate') ?? 'strict'
  if (['strict', 'true', 'warn'].includes(v)) return true
  if (['ignore', 'false'].includes(v)) return false
  throw fail(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`)
}

export async function loadPlaced(inv: Invocation): Promise<{ items: Placed[]; errs: CollectedErr[] }> {
  const files = flagArr(inv.args, 'filename')
  if (files.length === 0) throw new CmdError('error: must specify one of -f and -k')
  const target = inv.target()
  const res = await readManifests(inv.ctx, files, flagBool(inv.args, 'recursive'), inv.api.discovery(), validateOf(inv))
  const errs: CollectedErr[] = res.errors.map((text) => ({ text, api: false }))
  const items: Placed[] = []
  for (const it of res.items) {
    const obj = it.obj as KubeObject
    if (!it.kind.namespaced) {
      delete obj.metadata.namespace // the API server ignores it for cluster-scoped kinds
      items.push(it)
      continue
    }
    const own = obj.metadata.namespace
    if (own && target.namespaceExplicit && own !== target.namespace) {
      errs.push({ text: `the namespace from the provided object "${own}" does not match the namespace "${target.namespace}". You must pass '--namespace=${own}' to perform this operation.`, api: false })
      continue
    }
    const ns = own || target.namespace
    obj.metadata.namespace = ns
    items.push({ ...it, obj, namespace: ns })
  }
  return { items, errs }
}

/** `get -f web.yaml` / `describe -f`: the objects a manifest names, one request per object. */
export async function requestsFromFiles(inv: Invocation): Promise<ResourceRequest[]> {
  const { items, errs } = await loadPlaced(inv)
  if (errs.length > 0) { printErrors(inv, errs); throw new CmdError('', 1) }
  return items.map((it) => ({ kind: it.kind, names: [it.obj.metadata.name ?? ''], namespace: it.namespace }))
}
