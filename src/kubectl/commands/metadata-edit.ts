// The engine behind `kubectl label` and `kubectl annotate`: split arguments into resources and
// `key=value` / `key-` pairs, check --overwrite, send a merge patch of metadata.labels/annotations.
// Upstream: pkg/cmd/label/label.go and pkg/cmd/annotate/annotate.go (same error words).
import { isStatusError } from '../../api/errors'
import { isValidLabelValue } from '../../api/labels'
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Invocation } from '../command'
import { fail, formatStatusError } from '../errors'
import { kindSlashName, parseResourceArgs } from '../resources'
import { dryRunOf, dryRunSuffix, listSelected, nsFor, printErrors } from './common'

export type Mode = 'label' | 'annotate'
/** kubernetes.io/change-cause may always be overwritten (annotate.go). */
const CHANGE_CAUSE = 'kubernetes.io/change-cause'

function parsePairs(mode: Mode, specs: string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {}
  const remove: string[] = []
  for (const spec of specs) {
    if (spec.includes('=')) {
      if (mode === 'label') {
        const parts = spec.split('=')
        if (parts.length !== 2) throw fail(`invalid label spec: ${spec}`)
        const errs = isValidLabelValue(parts[1])
        if (errs.length > 0) throw fail(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`)
        set[parts[0]] = parts[1]
      } else {
        const eq = spec.indexOf('=')
        if (eq === 0) throw fail(`invalid annotation format: ${spec}`)
        set[spec.slice(0, eq)] = spec.slice(eq + 1)
      }
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1))
    } else {
      throw fail(`unknown ${mode === 'label' ? 'label' : 'annotation'} spec: ${spec}`)
    }
  }
  for (const r of remove) if (r in set) throw fail(`can not both modify and remove ${mode === 'label' ? 'a label' : 'an annotation'} in the same command`)
  return { set, remove }
}

function checkOverwrite(mode: Mode, current: Record<string, string>, set: Record<string, string>): void {
  const clashes = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v && !(mode === 'annotate' && k === CHANGE_CAUSE))
  if (clashes.length === 0) return
  if (mode === 'label') {
    const msgs = clashes.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
    throw fail(msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`)
  }
  throw fail(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`)
}

export function runMetadataEdit(inv: Invocation, mode: Mode): number {
  const p = inv.args
  const words = p.positional
  const pairs = words.filter((w) => w.includes('=') || (w.endsWith('-') && w.length > 1))
  const resources = words.filter((w) => !pairs.includes(w))
  const noun = mode === 'label' ? 'label' : 'annotation'
  if (resources.length === 0) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (pairs.length === 0) throw fail(`at least one ${noun} update is required`)
  const { set, remove } = parsePairs(mode, pairs)
  const dry = dryRunOf(p)
  inv.target()
  const field = mode === 'label' ? 'labels' : 'annotations'
  const errs: Array<{ text: string; api: boolean }> = []
  const reqs = parseResourceArgs(inv.api.discovery(), resources)
  for (const r of reqs) {
    const ns = nsFor(inv, r.kind, flagBool(p, 'all-namespaces'))
    let objs: KubeObject[] = []
    if (r.names.length === 0) {
      const selector = flagStr(p, 'selector')
      if (!flagBool(p, 'all') && !selector) throw fail('resource(s) were provided, but no name was specified')
      objs = listSelected(inv, r.kind, { namespace: ns, labelSelector: selector })
    } else {
      for (const name of r.names) {
        try { objs.push(inv.api.get(r.kind.plural, ns, name)) } catch (e) {
          if (!isStatusError(e)) throw e
          errs.push({ text: formatStatusError(e), api: true })
        }
      }
    }
    for (const obj of objs) {
      const current = (obj.metadata[field] ?? {}) as Record<string, string>
      if (!flagBool(p, 'overwrite')) checkOverwrite(mode, current, set)
      if (mode === 'label') for (const k of remove) if (!(k in current)) inv.out(`label ${JSON.stringify(k)} not found.`)
      const patch: Record<string, string | null> = {}
      for (const [k, v] of Object.entries(set)) if (current[k] !== v) patch[k] = v
      for (const k of remove) if (k in current) patch[k] = null
      const changed = Object.keys(patch).length > 0
      const name = obj.metadata.name ?? ''
      try {
        if (changed && dry !== 'client') {
          inv.api.patch(r.kind.plural, obj.metadata.namespace, name, 'merge', { metadata: { [field]: patch } }, { dryRun: dry === 'server' ? 'All' : undefined })
        }
      } catch (e) {
        if (!isStatusError(e)) throw e
        errs.push({ text: formatStatusError(e), api: true })
        continue
      }
      const word = mode === 'annotate' ? 'annotated' : changed ? 'labeled' : 'not labeled'
      inv.out(`${kindSlashName(r.kind, name)} ${word}${dryRunSuffix(dry)}`)
    }
  }
  if (errs.length > 0) { printErrors(inv, errs); return 1 }
  return 0
}
