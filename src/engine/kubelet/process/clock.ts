// The ShellClock a container's processes see: the cluster's VirtualClock. Sleeps are timers on it,
// and a shell's "give the host a turn" (every 1000 iterations of a loop) is a timer one CPU
// quantum ahead, so a busy `while true; do :; done` advances only as the cluster's clock is driven.
// Nothing here ever advances the clock.
//
// Cadence: running commands takes no virtual time, so `while true; do date; sleep 1; done` wakes
// at exactly 1 s, 2 s, 3 s. But the driver advances in steps (a 50 ms tick, a whole `sleep 30` at
// once) and gives each timer only a few promise turns, so a pipeline may reach its next `sleep`
// after the clock has moved on; counting from clock.now() then the loop drifts by up to a step per
// turn. A cadence clock counts the next sleep from when the process last woke instead — until it
// waits on something outside this clock (the network, stdin), after which it counts from now.
import type { CancelSignal, NetworkAccess, Reader, ShellClock } from '../../../shell'
import type { VirtualClock } from '../../runtime/clock'

/**
 * Virtual time a busy loop's 1000 iterations take. Not zero: a driver that runs every instant to
 * quiescence (worker/drive.ts) would otherwise never leave the instant a spinning container keeps
 * rescheduling. 1 s keeps the real cost bounded — 1000 shell iterations are ~80 ms of real CPU, so
 * a spinning pod costs ~8% of a core at 1× and a learner's `sleep 60` on the instant clock ~5 s.
 */
export const YIELD_QUANTUM_MS = 1000

/**
 * How far behind the clock a cadence may fall before the process gives up catching up: a loop
 * with `sleep 0.1` left 10 min behind by one giant advance would otherwise replay 6000 turns.
 */
export const MAX_CATCH_UP_MS = 10_000

export interface ProcessClock extends ShellClock {
  /** The process waited (or is about to wait) on something this clock does not see. */
  markExternal(): void
}

export function containerClock(clock: VirtualClock, opts: { cadence: boolean; onYield?: () => void }): ProcessClock {
  /** The process's own "now" while it only computes; undefined after an outside wait. */
  let base: number | undefined = opts.cadence ? clock.now() : undefined
  return {
    // While it only computes, the process's time is when it woke (`date` after `sleep 1` says :01).
    now: () => base ?? clock.now(),
    sleep(ms: number, signal: CancelSignal): Promise<void> {
      return new Promise((resolve) => {
        if (signal.aborted) return resolve()
        const now = clock.now()
        const from = base === undefined ? now : Math.max(base, now - MAX_CATCH_UP_MS)
        const deadline = from + Math.max(0, ms)
        base = undefined
        let off = () => {}
        // A deadline already passed (the process is late) fires at the clock's next advance.
        const cancel = clock.at(deadline, () => {
          off()
          if (opts.cadence) base = deadline
          resolve()
        })
        off = signal.onAbort(() => {
          cancel()
          resolve()
        })
      })
    },
    // A busy loop really runs while the clock moves: after a turn its time is the clock's.
    yield: () => new Promise((resolve) => {
      clock.after(YIELD_QUANTUM_MS, () => {
        base = undefined
        opts.onYield?.()
        resolve()
      })
    }),
    markExternal() {
      base = undefined
    },
  }
}

/** A clock that never keeps a cadence: programs answer outside events (HTTP requests) at any time. */
export function plainClock(clock: VirtualClock): ProcessClock {
  return containerClock(clock, { cadence: false })
}

/** The network as a cadence-keeping process sees it: every exchange is an outside wait. */
export function watchedNet(net: NetworkAccess, clock: ProcessClock): NetworkAccess {
  const watched: NetworkAccess = {
    async http(req, signal) {
      clock.markExternal()
      try {
        return await net.http(req, signal)
      } finally {
        clock.markExternal()
      }
    },
    async connect(host, port, timeoutMs, signal) {
      clock.markExternal()
      try {
        return await net.connect(host, port, timeoutMs, signal)
      } finally {
        clock.markExternal()
      }
    },
    resolve: (name) => net.resolve(name),
  }
  if (net.listen) watched.listen = net.listen.bind(net)
  // ping answers at once (the tool keeps its own rhythm on the clock): nothing to mark.
  if (net.ping) watched.ping = net.ping.bind(net)
  const dns = net.dns
  if (dns) {
    // A DNS timeout waits on the virtual clock like a connect does: an outside wait.
    watched.dns = async (query, signal) => {
      clock.markExternal()
      try {
        return await dns.call(net, query, signal)
      } finally {
        clock.markExternal()
      }
    }
  }
  return watched
}

/** stdin from outside the container (`kubectl exec -i`): reading it is an outside wait. */
export function watchedReader(r: Reader, clock: ProcessClock): Reader {
  const wrap = async <T>(p: () => Promise<T>) => {
    clock.markExternal()
    try {
      return await p()
    } finally {
      clock.markExternal()
    }
  }
  return { read: () => wrap(() => r.read()), readAll: () => wrap(() => r.readAll()) }
}
