// Small signal plumbing: a signal that never fires, and one that fires when either of two does.
import { createCancel } from '../../../shell'
import type { CancelSignal, Reader } from '../../../shell'

export const NEVER: CancelSignal = { aborted: false, onAbort: () => () => {} }

/** Aborts when `a` or `b` does; `dispose` unhooks it from both. */
export function eitherSignal(a: CancelSignal, b: CancelSignal): CancelSignal & { dispose(): void } {
  const c = createCancel()
  const offA = a.onAbort(() => c.abort())
  const offB = b.onAbort(() => c.abort())
  return {
    get aborted() {
      return c.signal.aborted
    },
    onAbort: (fn) => c.signal.onAbort(fn),
    dispose: () => {
      offA()
      offB()
    },
  }
}

/**
 * An open stdin nobody writes to: `stdin: true` in the spec (`kubectl run -it … -- sh`) keeps PID
 * 1's stdin open, so a shell reading it waits (the pod stays Running) until the container ends,
 * instead of reading end of input and exiting 0.
 */
export function openStdin(until: CancelSignal): Reader {
  const end = new Promise<null>((resolve) => { until.onAbort(() => resolve(null)) })
  return { read: () => end, readAll: () => end.then(() => '') }
}
