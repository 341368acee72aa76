// Object deltas for the UI: collect the API server's changes and flush them as one
// {added, updated: [prev, cur], removed} per tick, several changes to one uid coalesced.
// We keep a mirror of what the UI has been sent, so `prev` is always the UI's current copy.
import type { KubeObject } from '../api/types'
import type { ObjectsDelta } from '../protocol/messages'
import type { ApiServer } from '../engine/apiserver'

export class DeltaCollector {
  private mirror = new Map<string, KubeObject>()
  private changed = new Map<string, KubeObject | null>() // uid → latest (null = deleted)
  private stop: () => void

  constructor(private readonly api: ApiServer) {
    this.stop = api.onAnyChange((ev) => {
      const uid = ev.object.metadata.uid!
      this.changed.set(uid, ev.type === 'DELETED' ? null : ev.object)
    })
  }

  /** Every object now (for `ready`); the mirror starts from it. */
  snapshot(): KubeObject[] {
    this.changed.clear()
    this.mirror.clear()
    const all: KubeObject[] = []
    // Stored kinds only: read-only computed ones (metrics.k8s.io, no watch) are not objects to draw.
    for (const k of this.api.discovery()) {
      if (!k.verbs.includes('watch')) continue
      for (const o of this.api.list(k.plural).items) {
        all.push(o)
        this.mirror.set(o.metadata.uid!, o)
      }
    }
    return all
  }

  /** The delta since the last flush, or undefined when nothing changed. */
  flush(): ObjectsDelta | undefined {
    if (this.changed.size === 0) return undefined
    const delta: ObjectsDelta = { added: [], updated: [], removed: [] }
    for (const [uid, cur] of this.changed) {
      const prev = this.mirror.get(uid)
      if (cur && prev) { delta.updated.push([prev, cur]); this.mirror.set(uid, cur) }
      else if (cur) { delta.added.push(cur); this.mirror.set(uid, cur) }
      else if (prev) { delta.removed.push(prev); this.mirror.delete(uid) }
      // Created and deleted within one tick: the UI never needs to know.
    }
    this.changed.clear()
    const empty = !delta.added.length && !delta.updated.length && !delta.removed.length
    return empty ? undefined : delta
  }

  dispose(): void {
    this.stop()
  }
}
