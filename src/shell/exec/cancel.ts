// Cancellation: Ctrl-C aborts the running line; a closed pipe aborts the stage writing into it.
import type { CancelSignal } from '../types'

export function createCancel(): { signal: CancelSignal; abort(): void } {
  let aborted = false
  let listeners: (() => void)[] = []
  const signal: CancelSignal = {
    get aborted() {
      return aborted
    },
    onAbort(fn) {
      if (aborted) {
        fn()
        return () => {}
      }
      listeners.push(fn)
      return () => {
        listeners = listeners.filter((l) => l !== fn)
      }
    },
  }
  return {
    signal,
    abort() {
      if (aborted) return
      aborted = true
      const ls = listeners
      listeners = []
      for (const l of ls) l()
    },
  }
}

/** A signal that aborts when any of `signals` does; `dispose` unhooks it from them. */
export function anySignal(...signals: CancelSignal[]): CancelSignal & { dispose(): void } {
  const c = createCancel()
  const offs = signals.map((s) => s.onAbort(() => c.abort()))
  return {
    get aborted() {
      return c.signal.aborted
    },
    onAbort: (fn) => c.signal.onAbort(fn),
    dispose: () => offs.forEach((off) => off()),
  }
}

/** A promise that resolves when `signal` aborts (never, otherwise). */
export function whenAborted(signal: CancelSignal): Promise<void> {
  return new Promise((resolve) => {
    signal.onAbort(resolve)
  })
}
