// The virtual clock as last reported by the engine, plus when (in real time) it was reported, so
// the display can run between reports: shown = now + (realNow - receivedAt) * speed.
import { createStore } from 'zustand/vanilla'
import type { ClockState } from '../protocol/messages'
import { sendToEngine } from './engine'

export interface ClockView {
  clock: ClockState | null
  /** performance.now() when `clock` arrived. */
  receivedAt: number
}

export const clockStore = createStore<ClockView>()(() => ({ clock: null, receivedAt: 0 }))

export function clockReceived(clock: ClockState, realNow: number): void {
  clockStore.setState({ clock, receivedAt: realNow })
}

/** The virtual time to display at real time `realNow` (interpolated while running). */
export function virtualNow(v: ClockView, realNow: number): number | null {
  if (!v.clock) return null
  if (v.clock.paused) return v.clock.now
  return v.clock.now + Math.max(0, realNow - v.receivedAt) * v.clock.speed
}

/** Optimistic: the control reflects the click at once; the engine's `clock` reply confirms it. */
export function setClock(change: { paused?: boolean; speed?: number }, realNow: number): void {
  const v = clockStore.getState()
  if (v.clock) {
    const now = virtualNow(v, realNow) ?? v.clock.now
    clockStore.setState({ clock: { ...v.clock, ...change, now }, receivedAt: realNow })
  }
  sendToEngine({ type: 'clock', ...change })
}

/** One second, the "Step" button's stride. */
export const STEP_MS = 1000

export function stepClock(ms = STEP_MS): void {
  sendToEngine({ type: 'step', ms })
}
