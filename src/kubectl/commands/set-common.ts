// The loop `set image|env|resources` share (upstream's set.CalculatePatches + updatePodSpecForObject):
// for each object, change a copy of its pod spec; unchanged objects are skipped silently, changed
// ones are patched and printed as `deployment.apps/web image updated`. Errors are collected and
// printed at the end, as utilerrors.NewAggregate does.
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { FlagSpec } from '../argv'
import type { Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { kindSlashName } from '../resources'
import { printObjects } from '../printers/index'
import { dryRunOf, dryRunSuffix, printErrors } from './common'
import { CHANGE_CAUSE_ANNOTATION, clone, goTypeName, podSpecOf, podSpecPatch, resolveTargets, type PodSpecLike, type Target } from './workloads'

export type Collected = Array<{ text: string; api: boolean }>

export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool' }
export const ALL_FLAG: FlagSpec = { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' }
export const LOCAL_FLAG: FlagSpec = { name: 'local', type: 'bool', usage: 'If true, set image will NOT contact api-server but run locally.' }

/**
 * --record's change cause (parseCommandArguments): `kubectl` + every non-flag word + each flag as
 * ` --name=value`, e.g. `kubectl set image deployment nginx nginx=nginx:1.17 --record=true`.
 */
export function changeCause(inv: Invocation): string {
  const flags = [...inv.args.flags.entries()].map(([k, v]) => ` --${k}=${Array.isArray(v) ? `[${v.join(',')}]` : String(v)}`).join('')
  return `kubectl ${inv.path.replace(/^kubectl /, '')}${inv.args.positional.length > 0 ? ` ${inv.args.positional.join(' ')}` : ''}${flags}`
}

export interface SetterOptions {
  /** `image updated`, `env updated`, `resource requirements updated`. */
  done: string
  /** The words of the patch failure: `failed to patch image update to pod template: ...`. */
  patchFailure: string
  /** Resource words before the pairs (TYPE NAME / TYPE/NAME). */
  resources: string[]
  /** Change `spec` in place; push errors; return nothing. */
  mutate: (obj: KubeObject, spec: PodSpecLike, errs: Collected) => void
}

export async function runSetter(inv: Invocation, o: SetterOptions): Promise<number> {
  const p = inv.args
  const dry = dryRunOf(p)
  if (flagBool(p, 'record')) inv.err('Flag --record has been deprecated, --record will be removed in the future')
  inv.target()
  const targets: Target[] = await resolveTargets(inv, { args: o.resources })
  const errs: Collected = []
  const output = flagStr(p, 'output')
  for (const t of targets) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    const spec = podSpecOf(obj)
    if (!spec) { errs.push({ text: `error: ${kindSlashName(t.kind, t.name)} the object is not a pod or does not have a pod template: ${goTypeName(t.kind)}\n`, api: false }); continue }
    const changed = clone(spec)
    o.mutate(obj, changed, errs)
    if (JSON.stringify(changed) === JSON.stringify(spec)) continue
    const patch = podSpecPatch(obj, changed)
    if (flagBool(p, 'record')) patch.metadata = { annotations: { [CHANGE_CAUSE_ANNOTATION]: changeCause(inv) } }
    let result = obj
    if (dry !== 'client') {
      try {
        result = inv.api.patch(t.kind.plural, t.ns, t.name, 'merge', patch, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: flagStr(p, 'field-manager') ?? 'kubectl-set' })
      } catch (e) {
        errs.push({ text: `${o.patchFailure}: ${e instanceof Error ? e.message : String(e)}`, api: false })
        continue
      }
    }
    if (output) {
      const res = printObjects([result], { output, now: inv.ctx.clock.now(), asList: false })
      if ('error' in res) throw new CmdError(res.error)
      inv.ctx.stdout.write(res.text)
    } else {
      inv.out(`${kindSlashName(t.kind, t.name)} ${o.done}${dryRunSuffix(dry)}`)
    }
  }
  if (errs.length > 0) { printErrors(inv, errs.map((e) => ({ ...e, text: e.text.replace(/\n$/, '') }))); return 1 }
  return 0
}

/** Validation errors collected like upstream's Validate (aggregated, printed together). */
export function throwAll(errors: string[]): void {
  if (errors.length === 1) throw fail(errors[0])
  if (errors.length > 1) throw new CmdError(errors.join('\n'))
}

/** selectContainers: filepath.Match on container names (`*`, `?`, `[...]`). */
export function matchGlob(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
  return new RegExp(`^${re}$`).test(name)
}
