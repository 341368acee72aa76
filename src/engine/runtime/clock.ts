// The virtual clock: the only source of time in the engine. Every actor schedules work on it;
// `advance(ms)` runs everything that falls due, in time order (ties in scheduling order), so the
// same seed and the same commands give the same cluster. The browser's driver (worker/) maps wall
// time to virtual time; tests and the headless runner advance it instantly.

/** 2026-01-01T00:00:00Z: a fixed start so ages and timestamps are reproducible. */
export const DEFAULT_START_MS = Date.UTC(2026, 0, 1, 0, 0, 0)

interface Timer {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/** Microtask turns to let promise chains (shell sleeps, async commands) run after each timer. */
const SETTLE_TURNS = 64

export class VirtualClock {
  private nowMs: number
  private seq = 0
  // A binary min-heap on (at, seq): a busy cluster holds thousands of timers (one per event's
  // TTL alone), where a sorted array's splice made every insert O(n).
  private readonly heap = new TimerHeap()

  constructor(startMs: number = DEFAULT_START_MS) {
    this.nowMs = startMs
  }

  now(): number {
    return this.nowMs
  }

  /** RFC 3339 with second precision, as metadata timestamps are: 2026-01-01T00:00:05Z. */
  nowISO(): string {
    return toRFC3339(this.nowMs)
  }

  /** Run `fn` at virtual time `at` (or at the next advance, if `at` has passed). Returns a cancel. */
  at(at: number, fn: () => void): () => void {
    const t: Timer = { at: Math.max(at, this.nowMs), seq: this.seq++, fn, cancelled: false }
    this.heap.push(t)
    return () => { t.cancelled = true }
  }

  /** Run `fn` after `ms` of virtual time. */
  after(ms: number, fn: () => void): () => void {
    return this.at(this.nowMs + Math.max(0, ms), fn)
  }

  /** Time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled()
    return this.heap.peek()?.at
  }

  /** Timers still to run (cancelled ones are not counted). */
  pending(): number {
    return this.heap.count((t) => !t.cancelled)
  }

  /** Run every timer due within the next `ms` (0 = only what is due now), then set now += ms. */
  advance(ms: number): void {
    const target = this.nowMs + Math.max(0, ms)
    for (let t = this.takeDue(target); t; t = this.takeDue(target)) {
      this.nowMs = t.at
      t.fn()
    }
    this.nowMs = target
  }

  /**
   * Like advance, but lets promise continuations run after each timer, so a shell loop
   * (`while true; do date; sleep 1; done`) sleeping on this clock keeps pace with it.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.nowMs + Math.max(0, ms)
    await settle()
    for (let t = this.takeDue(target); t; t = this.takeDue(target)) {
      this.nowMs = t.at
      t.fn()
      await settle()
    }
    this.nowMs = target
  }

  /** A promise that resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => { this.after(ms, resolve) })
  }

  private takeDue(target: number): Timer | undefined {
    this.dropCancelled()
    const t = this.heap.peek()
    if (!t || t.at > target) return undefined
    return this.heap.pop()
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop()
  }
}

/** Earlier `at` first; equal times in scheduling order. */
const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq)

class TimerHeap {
  private readonly items: Timer[] = []

  peek(): Timer | undefined {
    return this.items[0]
  }

  count(keep: (t: Timer) => boolean): number {
    let n = 0
    for (const t of this.items) if (keep(t)) n++
    return n
  }

  push(t: Timer): void {
    const a = this.items
    a.push(t)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(a[i], a[parent])) break
      ;[a[i], a[parent]] = [a[parent], a[i]]
      i = parent
    }
  }

  pop(): Timer | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length > 0 && last) {
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && before(a[l], a[m])) m = l
        if (r < a.length && before(a[r], a[m])) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m], a[i]]
        i = m
      }
    }
    return top
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < SETTLE_TURNS; i++) await Promise.resolve()
}

export function toRFC3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function parseRFC3339(s: string): number {
  return Date.parse(s)
}
