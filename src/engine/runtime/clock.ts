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
  // A sorted array is plenty: timers number in the hundreds, and insertion keeps it ordered.
  private timers: Timer[] = []

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
    // Binary search for the first timer that should run after t.
    let lo = 0
    let hi = this.timers.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const m = this.timers[mid]
      if (m.at < t.at || (m.at === t.at && m.seq < t.seq)) lo = mid + 1
      else hi = mid
    }
    this.timers.splice(lo, 0, t)
    return () => { t.cancelled = true }
  }

  /** Run `fn` after `ms` of virtual time. */
  after(ms: number, fn: () => void): () => void {
    return this.at(this.nowMs + Math.max(0, ms), fn)
  }

  /** Time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled()
    return this.timers[0]?.at
  }

  pending(): number {
    this.dropCancelled()
    return this.timers.length
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
    const t = this.timers[0]
    if (!t || t.at > target) return undefined
    this.timers.shift()
    return t
  }

  private dropCancelled(): void {
    while (this.timers.length && this.timers[0].cancelled) this.timers.shift()
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
