// `kubectl delete` waits (by default) until every deleted object is really gone: pods stay while
// their grace period runs and finalizers hold others. We watch for DELETED events on the virtual
// clock; Ctrl-C stops waiting (the deletions themselves have already been requested).
import type { KubeObject } from '../../api/types'
import type { Invocation } from '../command'
import type { KindInfo } from '../../api/kinds'

/** 128 + SIGINT. */
const EXIT_INTERRUPTED = 130

export function waitForDeletion(inv: Invocation, deleted: KubeObject[], targets: Array<{ kind: KindInfo; namespace?: string; name: string }>): Promise<number> {
  const pending = new Map<string, { kind: KindInfo; namespace?: string; name: string }>()
  for (const obj of deleted) {
    const t = targets.find((x) => x.name === obj.metadata.name && (x.namespace ?? '') === (obj.metadata.namespace ?? ''))
    if (t && obj.metadata.uid) pending.set(obj.metadata.uid, t)
  }
  return new Promise<number>((resolve) => {
    const stops: Array<() => void> = []
    let done = false
    const finish = (code: number) => {
      if (done) return
      done = true
      stops.forEach((s) => s())
      resolve(code)
    }
    const check = (uid: string) => {
      const t = pending.get(uid)
      if (!t) return
      try {
        const live = inv.api.get(t.kind.plural, t.namespace, t.name)
        if (live.metadata.uid === uid) return
      } catch { /* NotFound: gone */ }
      pending.delete(uid)
      if (pending.size === 0) finish(0)
    }
    for (const [uid, t] of [...pending]) {
      stops.push(inv.api.watch(t.kind.plural, { namespace: t.namespace, fieldSelector: `metadata.name=${t.name}` }, (ev) => {
        if (ev.type === 'DELETED' && ev.object.metadata.uid === uid) { pending.delete(uid); if (pending.size === 0) finish(0) }
      }))
    }
    for (const uid of [...pending.keys()]) check(uid)
    if (pending.size === 0) finish(0)
    stops.push(inv.ctx.signal.onAbort(() => finish(EXIT_INTERRUPTED)))
  })
}
