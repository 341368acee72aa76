// What every interpreter (the shell and its subshells) shares: the filesystem, the command
// registry, the clock, the builtins table and the session's history.
import type { Builtin } from '../builtins/types'
import type { CancelSignal, CommandRegistry, FileSystem, NetworkAccess, ShellClock } from '../types'

export interface Runtime {
  fs: FileSystem
  registry: CommandRegistry
  clock: ShellClock
  builtins: Record<string, Builtin>
  history: string[]
  /** The machine's network, when the host gives one. */
  net?: NetworkAccess
}

/** Loops give the host a turn every this many iterations, so `while true; do :; done` can be Ctrl-C'd. */
export const LOOP_YIELD_EVERY = 1000

/**
 * Lets the host's event loop run (Ctrl-C must be able to arrive): `clock.yield()` when the host
 * has one, else a zero-length sleep, which on a virtual clock lasts until its next advance.
 */
export async function hostTurn(clock: ShellClock, signal: CancelSignal): Promise<void> {
  try {
    await (clock.yield ? clock.yield() : clock.sleep(0, signal))
  } catch {
    // An aborted sleep may reject; the caller checks the signal.
  }
}
