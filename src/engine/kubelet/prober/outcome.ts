// What one probe attempt came to (upstream probe.Result + output + error), and the timer race
// every handler shares.
import type { Container } from '../../../api/types'
import type { CancelSignal } from '../../../shell'
import type { VirtualClock } from '../../runtime/clock'
import type { ProbeHost } from './types'

/**
 * success/warning (a redirect the prober would not follow) count as success; failure carries the
 * message the `Unhealthy` event shows. `error` = the probe could not run at all (a bad named
 * port): upstream records `… probe errored: <error>` and throws the result away.
 */
export type ProbeOutcome =
  | { result: 'success' | 'warning' | 'failure'; output: string }
  | { result: 'unknown'; output: string; error: string }

/** Everything a handler needs for one attempt. */
export interface ProbeContext {
  host: ProbeHost
  container: Container
  podIP: string
  timeoutMs: number
  /** Aborted when the container stops mid-probe (the result is then dropped). */
  signal: CancelSignal
}

export const TIMED_OUT: unique symbol = Symbol('timed out')

/**
 * `p`, or TIMED_OUT if `ms` of virtual time pass first. The host is told the timeout too; this
 * race makes the prober's timing its own even if a host never answers.
 */
export function raceTimeout<T>(clock: VirtualClock, ms: number, p: Promise<T>): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    let done = false
    const cancel = clock.after(ms, () => {
      if (done) return
      done = true
      resolve(TIMED_OUT)
    })
    p.then(
      (v) => {
        if (done) return
        done = true
        cancel()
        resolve(v)
      },
      (e: unknown) => {
        if (done) return
        done = true
        cancel()
        reject(e)
      },
    )
  })
}

/** An Error's message, or the thrown value as text (what Go's %v would print). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
