// Pieces of kubectl edit's loop (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go):
// the header written above the objects, comment stripping, the two-way patch, and waiting for the
// learner to save the file (the shell's fs.onChange, or polling on the virtual clock without it).
import type { KubeObject } from '../../api/types'
import type { Invocation } from '../command'
import type { CancelSignal } from '../context'

/** How often to look at the file when the filesystem cannot tell us about writes. */
const POLL_MS = 1000

export interface EditReason { head: string; other: string[] }

/** editHeader.writeTo: the fixed text, then one block per reason. */
export function editHeader(reasons: EditReason[]): string {
  let out = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`
  const hashed = (s: string) => s.replace(/\n/g, '\n# ')
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashed(r.head)}:\n` : `# ${hashed(r.head)}\n`
    for (const o of r.other) out += `# * ${hashed(o)}\n`
    out += '#\n'
  }
  return out
}

/** cmdutil.StripComments / ManualStrip: drop lines that start with '#'. */
export function stripComments(text: string): string {
  return text.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n')
}

/** hasLines: anything but blank lines and comments left? */
export function hasContent(text: string): boolean {
  return stripComments(text).trim() !== ''
}

type Json = unknown

/** A JSON merge patch from `a` to `b` (null removes a key; lists and scalars are replaced whole). */
export function mergePatch(a: Json, b: Json): Record<string, Json> {
  const out: Record<string, Json> = {}
  const ao = (a ?? {}) as Record<string, Json>
  const bo = (b ?? {}) as Record<string, Json>
  for (const k of Object.keys(ao)) if (!(k in bo)) out[k] = null
  for (const [k, v] of Object.entries(bo)) {
    const prev = ao[k]
    if (JSON.stringify(prev) === JSON.stringify(v)) continue
    const isObj = (x: Json) => x !== null && typeof x === 'object' && !Array.isArray(x)
    if (isObj(prev) && isObj(v)) {
      const sub = mergePatch(prev, v)
      if (Object.keys(sub).length > 0) out[k] = sub
    } else out[k] = v
  }
  return out
}

/** Key order aside, are two JSON values equal? */
export function sameJSON(a: Json, b: Json): boolean {
  const norm = (v: Json): Json => Array.isArray(v) ? v.map(norm)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, norm((v as Record<string, Json>)[k])])) : v
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/** The object as `edit` shows it: managedFields are left out (--show-managed-fields=false). */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _mf, ...meta } = obj.metadata
  return { ...obj, metadata: meta }
}

/**
 * Resolves 'saved' when `path` is written by someone else (the editor's save: even unchanged
 * content counts), 'abort' on Ctrl-C. `ours()` says whether a write is the command's own.
 */
export function waitForSave(inv: Invocation, path: string, ours: () => boolean): Promise<'saved' | 'abort'> {
  return new Promise((resolve) => {
    const stops: Array<() => void> = []
    let settled = false
    const finish = (v: 'saved' | 'abort') => {
      if (settled) return
      settled = true
      stops.forEach((s) => s())
      resolve(v)
    }
    stops.push(inv.ctx.signal.onAbort(() => finish('abort')))
    const fs = inv.ctx.fs
    if (fs.onChange) {
      stops.push(fs.onChange((p, kind) => { if (p === path && kind === 'write' && !ours()) finish('saved') }))
      return
    }
    // Without change notifications: compare the content every POLL_MS of virtual time.
    const before = fs.readFile(path)
    let fns: Array<() => void> = []
    const timer: CancelSignal & { aborted: boolean } = { aborted: false, onAbort: (fn) => { fns.push(fn); return () => { fns = fns.filter((f) => f !== fn) } } }
    stops.push(() => { timer.aborted = true; fns.splice(0).forEach((f) => f()) })
    const poll = (): void => {
      if (settled) return
      if (fs.readFile(path) !== before) { finish('saved'); return }
      inv.ctx.clock.sleep(POLL_MS, timer).then(poll, () => undefined)
    }
    poll()
  })
}
