// The watch hub: every write becomes a change record with its resourceVersion; watchers get the
// changes that concern them, filtered the way upstream's filtered watch does: an object that stops
// matching a watcher's selector arrives as DELETED, one that starts matching as ADDED.
// Delivery is synchronous and in write order: a write made by a handler (a controller reacting)
// is queued and delivered after the current one, never interleaved.
import type { KubeObject, WatchEvent, WatchEventType } from '../../api/types'
import { expired } from '../../api/errors'

export interface Change {
  resource: string
  type: WatchEventType
  /** The object after the write (for DELETED: its final state). */
  object: KubeObject
  /** The object before the write (undefined for ADDED). */
  old?: KubeObject
  rv: number
}

/** Keep the last 1000 changes for watches that resume from a resourceVersion (etcd compacts too). */
export const WATCH_HISTORY_SIZE = 1000

export type Filter = (obj: KubeObject) => boolean

/** What a hub watcher receives; `old` (the state before a MODIFIED/DELETED write) only for onAnyChange. */
export type HubEvent = WatchEvent & { resource: string; old?: KubeObject }

interface Watcher {
  resource: string | undefined // undefined = every resource (onAnyChange)
  filter: Filter
  fn: (ev: HubEvent) => void
  stopped: boolean
  /** Changes up to this rv are covered by the initial list or the replay (never delivered twice). */
  sinceRV: number
  /** onAnyChange's cheap pre-filter on (resource, type), checked before anything is copied. */
  accept?: (resource: string, type: WatchEventType) => boolean
}

export class WatchHub {
  private history: Change[] = []
  private watchers: Watcher[] = []
  private queue: Change[] = []
  private delivering = false
  /** Errors thrown by handlers (kept for tests and debugging; they never break a write). */
  readonly handlerErrors: unknown[] = []

  constructor(private readonly copy: (o: KubeObject) => KubeObject) {}

  /** Record a change and deliver it (after any change still being delivered). */
  publish(change: Change): void {
    this.history.push(change)
    if (this.history.length > WATCH_HISTORY_SIZE) this.history.splice(0, this.history.length - WATCH_HISTORY_SIZE)
    this.queue.push(change)
    if (this.delivering) return
    this.delivering = true
    try {
      for (let c = this.queue.shift(); c; c = this.queue.shift()) {
        for (const w of [...this.watchers]) this.deliver(w, c)
      }
    } finally {
      this.delivering = false
    }
  }

  /**
   * Add a watcher. `fromRV` replays history after it (throws 410 Expired when the window no longer
   * reaches back that far); `initial` are synthetic ADDED events for current objects.
   */
  add(resource: string | undefined, filter: Filter, fn: Watcher['fn'], fromRV: number | undefined, initial: KubeObject[], currentRV: number, accept?: Watcher['accept']): () => void {
    const w: Watcher = { resource, filter, fn, stopped: false, sinceRV: currentRV, accept }
    if (fromRV !== undefined) {
      const oldest = this.history[0]
      // The window covers fromRV when the first retained change is fromRV + 1 or earlier.
      if (fromRV < currentRV && (!oldest || oldest.rv > fromRV + 1)) {
        throw expired(`too old resource version: ${fromRV} (${oldest ? oldest.rv - 1 : currentRV})`)
      }
    }
    this.watchers.push(w)
    const replay = fromRV === undefined ? [] : this.history.filter((c) => c.rv > fromRV && (!resource || c.resource === resource))
    for (const o of initial) this.safeCall(w, { type: 'ADDED', object: this.copy(o), resource: resource ?? '' })
    for (const c of replay) this.deliver(w, c, true)
    return () => {
      w.stopped = true
      this.watchers = this.watchers.filter((x) => x !== w)
    }
  }

  private deliver(w: Watcher, c: Change, replaying = false): void {
    if (w.stopped || (w.resource !== undefined && w.resource !== c.resource)) return
    if (w.accept && !w.accept(c.resource, c.type)) return
    // A watcher added while earlier changes still wait in the queue already saw their effects.
    if (!replaying && c.rv <= w.sinceRV) return
    const now = w.filter(c.object)
    const before = c.old ? w.filter(c.old) : false
    let type: WatchEventType | undefined
    if (c.type === 'ADDED') type = now ? 'ADDED' : undefined
    else if (c.type === 'DELETED') type = now || before ? 'DELETED' : undefined
    else if (now && before) type = 'MODIFIED'
    else if (now) type = 'ADDED'
    else if (before) type = 'DELETED'
    if (!type) return
    const ev: HubEvent = { type, object: this.copy(c.object), resource: c.resource }
    if (w.resource === undefined && c.old) ev.old = this.copy(c.old)
    this.safeCall(w, ev)
  }

  private safeCall(w: Watcher, ev: HubEvent): void {
    try {
      w.fn(ev)
    } catch (err) {
      this.handlerErrors.push(err)
    }
  }
}
