// The clock driver: maps wall time to virtual time at a speed (0.25×–10×, or paused), ticking
// about every 50 ms of wall time, and reports the clock to the UI at most 4 times a second.
// setInterval lives here (worker/) and nowhere in the engine: the engine only sees advance(ms).
import type { ClockState } from '../protocol/messages'

/** Wall ms between ticks: 20 ticks a second keeps pods' transitions smooth on screen. */
export const TICK_MS = 50
/** Wall ms between `clock` messages: 4 a second is enough for a ticking time display. */
export const CLOCK_POST_MS = 250
/** A tick never moves more than 1 s of wall time (a throttled tab must not jump minutes). */
export const MAX_WALL_STEP_MS = 1000
export const MIN_SPEED = 0.25
export const MAX_SPEED = 10

export interface DriverTimers {
  /** Wall clock in ms (performance.now in the worker). */
  now(): number
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface DriverHost {
  /** Virtual now. */
  virtualNow(): number
  /** Move virtual time (runs controllers); may be async (shell continuations). */
  advance(ms: number): Promise<void>
  /** After each tick: flush deltas and file changes. */
  onTick(): void
  onClock(state: ClockState): void
}

export const defaultTimers = (): DriverTimers => ({
  now: () => performance.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
})

export class Driver {
  private speed = 1
  private paused = false
  private handle: unknown
  private lastWall = 0
  private lastClockPost = -Infinity
  private owedMs = 0
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly host: DriverHost, private readonly timers: DriverTimers) {}

  start(): void {
    if (this.handle !== undefined) return
    this.lastWall = this.timers.now()
    this.handle = this.timers.setInterval(() => { void this.tick() }, TICK_MS)
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle)
    this.handle = undefined
  }

  state(): ClockState {
    return { now: this.host.virtualNow(), paused: this.paused, speed: this.speed }
  }

  /** Apply a `clock` message: speed 0 means paused; other speeds are clamped to 0.25–10. */
  configure(c: { paused?: boolean; speed?: number }): ClockState {
    if (c.speed !== undefined && Number.isFinite(c.speed)) {
      if (c.speed <= 0) this.paused = true
      else this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, c.speed))
    }
    if (c.paused !== undefined) this.paused = c.paused
    this.lastWall = this.timers.now()
    return this.state()
  }

  /** Advance by `ms` of virtual time at once (the step button), after any advance under way. */
  step(ms: number): Promise<void> {
    return this.enqueue(Math.max(0, ms))
  }

  /** One tick: wall time since the last tick × speed becomes virtual time. */
  async tick(): Promise<void> {
    const wall = this.timers.now()
    const dt = Math.min(MAX_WALL_STEP_MS, Math.max(0, wall - this.lastWall))
    this.lastWall = wall
    if (!this.paused) this.owedMs += dt * this.speed
    // Whole milliseconds only: 50 ms × 0.25 = 12.5 → 12 now, the 0.5 carried to the next tick.
    const ms = Math.floor(this.owedMs)
    this.owedMs -= ms
    await this.enqueue(ms)
    this.host.onTick()
    if (wall - this.lastClockPost >= CLOCK_POST_MS) {
      this.lastClockPost = wall
      this.host.onClock(this.state())
    }
  }

  private enqueue(ms: number): Promise<void> {
    this.chain = this.chain.then(() => this.host.advance(ms)).catch(() => {})
    return this.chain
  }
}
