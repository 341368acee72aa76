// A rate-limited, de-duplicating work queue on the virtual clock, in the spirit of client-go's
// workqueue: handlers only `add(key)`; the queue calls `sync(key)` once per pending key, later, on
// the clock. A key added several times before it is processed is processed once (level-triggered:
// sync reads the current state, so coalescing loses nothing).
import type { VirtualClock } from './clock'

/** What sync returns: nothing (done), or a delay in ms after which to look at the key again. */
export type SyncResult = void | { requeueAfterMs: number }

export class WorkQueue {
  private pending = new Set<string>()
  private scheduled = false
  private delayed = new Map<string, () => void>()

  constructor(
    private readonly clock: VirtualClock,
    private readonly sync: (key: string) => SyncResult,
    /** Name for error messages. */
    private readonly name: string,
    /** Reports a sync that threw; the key is retried after RETRY_MS. */
    private readonly onError: (name: string, key: string, err: unknown) => void = () => {},
  ) {}

  /** Process `key` soon (at the current virtual instant, after the write that caused it). */
  add(key: string): void {
    this.pending.add(key)
    if (!this.scheduled) {
      this.scheduled = true
      this.clock.after(0, () => this.drain())
    }
  }

  /** Process `key` after `ms` of virtual time (replaces an earlier delayed add of the same key). */
  addAfter(key: string, ms: number): void {
    this.delayed.get(key)?.()
    const cancel = this.clock.after(ms, () => {
      this.delayed.delete(key)
      this.add(key)
    })
    this.delayed.set(key, cancel)
  }

  get length(): number {
    return this.pending.size
  }

  private drain(): void {
    this.scheduled = false
    // Keys added while draining (a sync that writes and so triggers its own watch) run in a new
    // pass at the same instant, after this one, like a real queue's next Get().
    const keys = [...this.pending]
    this.pending.clear()
    for (const key of keys) {
      try {
        const r = this.sync(key)
        if (r && r.requeueAfterMs >= 0) this.addAfter(key, r.requeueAfterMs)
      } catch (err) {
        this.onError(this.name, key, err)
        this.addAfter(key, RETRY_MS)
      }
    }
  }
}

/** A failed sync is retried after 1 s (client-go starts at 5 ms and backs off; 1 s keeps logs calm). */
export const RETRY_MS = 1000

/** `namespace/name`, or `name` for cluster-scoped objects: client-go's MetaNamespaceKeyFunc. */
export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  const ns = obj.metadata.namespace
  return ns ? `${ns}/${obj.metadata.name}` : String(obj.metadata.name)
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/')
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) }
}
