// The one typed protocol across the worker boundary. Both unions are discriminated on `type`;
// every handler switches on it and ends with assertNever, so adding a message is a compile error
// until every side handles it. Bump PROTOCOL_VERSION on any incompatible change.
import type { KubeObject } from '../api/types'

export const PROTOCOL_VERSION = 2

/** Clock speeds the UI offers: 0 = paused. */
export const CLOCK_SPEEDS = [0.25, 0.5, 1, 2, 5, 10] as const

export interface WorkspaceFile {
  path: string
  content: string
}

/** Object changes since the last delta, keyed by uid (a pure reducer applies them: state/). */
export interface ObjectsDelta {
  added: KubeObject[]
  /** [previous, current]; the reducer ignores a `current` whose resourceVersion is not newer. */
  updated: [KubeObject, KubeObject][]
  removed: KubeObject[]
}

export interface ClockState {
  /** Virtual epoch ms. */
  now: number
  paused: boolean
  speed: number
}

export type UiToEngine =
  /** First message: restores the workspace and history kept in IndexedDB. */
  | { type: 'hello'; version: number; seed?: number; files: WorkspaceFile[]; cwd?: string }
  /** Run one line in the learner's shell. Output comes back as `out` chunks then one `exit`. */
  | { type: 'run'; id: number; line: string; columns?: number }
  /** Ctrl-C for the running line `id`. */
  | { type: 'cancel'; id: number }
  /** Tab completion for `line` with the cursor at `cursor`. */
  | { type: 'complete'; id: number; line: string; cursor: number }
  | { type: 'clock'; paused?: boolean; speed?: number }
  /** Advance virtual time by `ms` at once (the "step" button). */
  | { type: 'step'; ms: number }
  /** The editor saved a file. */
  | { type: 'writeFile'; path: string; content: string }
  | { type: 'removeFile'; path: string }

export type EngineToUi =
  | { type: 'ready'; version: number; clock: ClockState; files: WorkspaceFile[]; cwd: string; objects: KubeObject[] }
  | { type: 'delta'; delta: ObjectsDelta }
  | { type: 'out'; id: number; data: string; stream: 'stdout' | 'stderr' }
  /**
   * `cwd`: the shell's directory after the command (`cd` changes the prompt). `prompt`: present
   * while a nested session owns the terminal (`kubectl exec -it web -- sh` → `/ # `): the UI shows
   * it as is instead of the learner's own prompt; absent again once that session exits.
   */
  | { type: 'exit'; id: number; code: number; cwd?: string; prompt?: string }
  | { type: 'completions'; id: number; items: string[]; /** the partial word being completed */ word: string }
  | { type: 'clock'; clock: ClockState }
  /** Files changed by the shell (`cat > x`, `rm`, `sed -i`): the editor mirrors them. */
  | { type: 'files'; changed: WorkspaceFile[]; removed: string[] }
  /** Ask the UI to open a file in the editor (`kubectl edit`, an `open` command). */
  | { type: 'openFile'; path: string }
  /** A failure outside any command (a bug): shown in the terminal, the lab keeps running. */
  | { type: 'error'; message: string }

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`)
}
