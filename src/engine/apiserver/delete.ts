// Deletion as a plan: given the stored object and the DeleteOptions, what happens now?
//   remove  the object goes away (DELETED)
//   update  it stays, marked: deletionTimestamp (+ grace) and finalizers (MODIFIED)
//   none    nothing changes (already terminating with an equal or shorter grace)
// Pods are graceful: `kubectl delete pod web` sets deletionTimestamp = now + 30 s and the kubelet
// deletes again with gracePeriodSeconds 0 once the containers stopped. Finalizers hold any object.
import type { KubeObject } from '../../api/types'
import type { DeleteOptions } from '../../api/client'
import { toRFC3339 } from '../runtime/clock'

export const FINALIZER_FOREGROUND = 'foregroundDeletion'
export const FINALIZER_ORPHAN = 'orphan'

export type DeletePlan = { action: 'remove' } | { action: 'update'; obj: KubeObject } | { action: 'none' }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** The grace a delete gets: pods use the option or spec.terminationGracePeriodSeconds (30). */
function gracePeriod(resource: string, obj: Loose, opts: DeleteOptions): number {
  if (resource !== 'pods') return 0
  // Never scheduled, or already finished: nothing to stop, so the pod goes at once.
  if (!obj.spec?.nodeName) return 0
  if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') return 0
  const g = opts.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30
  return Math.max(0, g)
}

function withPolicyFinalizers(finalizers: string[] | undefined, opts: DeleteOptions): string[] {
  let f = [...(finalizers ?? [])]
  if (opts.propagationPolicy === 'Foreground') {
    f = f.filter((x) => x !== FINALIZER_ORPHAN)
    if (!f.includes(FINALIZER_FOREGROUND)) f.push(FINALIZER_FOREGROUND)
  } else if (opts.propagationPolicy === 'Orphan') {
    f = f.filter((x) => x !== FINALIZER_FOREGROUND)
    if (!f.includes(FINALIZER_ORPHAN)) f.push(FINALIZER_ORPHAN)
  } else if (opts.propagationPolicy === 'Background') {
    f = f.filter((x) => x !== FINALIZER_ORPHAN && x !== FINALIZER_FOREGROUND)
  }
  return f
}

/** `stored` is a private copy; the plan may return it modified. `nowMs` is the virtual time. */
export function planDelete(resource: string, stored: KubeObject, opts: DeleteOptions, nowMs: number): DeletePlan {
  const obj = stored as Loose
  const meta = obj.metadata
  const grace = gracePeriod(resource, obj, opts)
  const finalizers = withPolicyFinalizers(meta.finalizers, opts)
  const nsHeld = resource === 'namespaces' && (obj.spec?.finalizers ?? []).length > 0

  if (meta.deletionTimestamp) {
    // Already terminating: a shorter grace (down to 0 from the kubelet) may still apply.
    let changed = false
    if (grace < (meta.deletionGracePeriodSeconds ?? 0)) {
      meta.deletionGracePeriodSeconds = grace
      meta.deletionTimestamp = toRFC3339(nowMs + grace * 1000)
      changed = true
    }
    if (finalizers.join() !== (meta.finalizers ?? []).join()) {
      if (finalizers.length) meta.finalizers = finalizers
      else delete meta.finalizers
      changed = true
    }
    if ((meta.deletionGracePeriodSeconds ?? 0) === 0 && finalizers.length === 0 && !nsHeld) return { action: 'remove' }
    return changed ? { action: 'update', obj } : { action: 'none' }
  }

  if (grace === 0 && finalizers.length === 0 && !nsHeld) return { action: 'remove' }
  meta.deletionTimestamp = toRFC3339(nowMs + grace * 1000)
  meta.deletionGracePeriodSeconds = grace
  // upstream BeforeDelete: kinds that track generation bump it when deletion starts.
  if (meta.generation > 0) meta.generation += 1
  if (finalizers.length) meta.finalizers = finalizers
  else delete meta.finalizers
  if (resource === 'namespaces') obj.status = { ...(obj.status ?? {}), phase: 'Terminating' }
  return { action: 'update', obj }
}

/** After an update: an object marked for deletion whose last finalizer is gone is removed. */
export function readyToRemove(resource: string, obj: KubeObject): boolean {
  const meta = obj.metadata
  if (!meta.deletionTimestamp) return false
  if ((meta.finalizers ?? []).length > 0) return false
  if (resource === 'namespaces' && ((obj as Loose).spec?.finalizers ?? []).length > 0) return false
  return (meta.deletionGracePeriodSeconds ?? 0) === 0
}
