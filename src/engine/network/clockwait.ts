// Waiting on the VirtualClock with a CancelSignal: how long a connect hangs, and a server's answer
// raced against the caller's timeout. Never a real timer.
import type { CancelSignal } from '../../shell'
import type { VirtualClock } from '../runtime/clock'

/** Resolves true after `ms` of virtual time, false if `signal` aborts first. */
export function wait(clock: VirtualClock, ms: number, signal: CancelSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false)
    let off = () => {}
    const cancel = clock.after(ms, () => {
      off()
      resolve(true)
    })
    off = signal.onAbort(() => {
      cancel()
      resolve(false)
    })
  })
}

/** `work` unless `timeoutMs` (from `startMs`) passes or the signal aborts first. */
export async function within<T>(clock: VirtualClock, work: Promise<T>, startMs: number, timeoutMs: number | undefined, signal: CancelSignal): Promise<T | 'timeout'> {
  const left = timeoutMs === undefined ? Infinity : timeoutMs - (clock.now() - startMs)
  if (left <= 0) return 'timeout'
  const c = { cancel: () => {} }
  const timer = new Promise<'timeout'>((resolve) => {
    if (left === Infinity) {
      c.cancel = signal.onAbort(() => resolve('timeout'))
      return
    }
    const stop = clock.after(left, () => resolve('timeout'))
    const off = signal.onAbort(() => resolve('timeout'))
    c.cancel = () => {
      stop()
      off()
    }
  })
  try {
    return await Promise.race([work, timer])
  } finally {
    c.cancel()
  }
}

