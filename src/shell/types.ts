// The contract between the shell and the commands registered into it. The shell knows only its
// POSIX builtins; whoever composes it (the worker for the learner's terminal, the kubelet for a
// container) registers the rest — kubectl, curl, nslookup... — through a CommandRegistry.

/** Where a command writes. Chunks go to the terminal (or the next pipe stage) as they are written. */
export interface Writer {
  write(chunk: string): void
}

/** Where a command reads. A pipe stage's stdin is the previous stage's stdout. */
export interface Reader {
  /** Next chunk, or null at end of input. */
  read(): Promise<string | null>
  /** Everything until end of input. */
  readAll(): Promise<string>
}

/** The workspace filesystem: paths are absolute and POSIX (`/home/learner/web.yaml`). */
export interface FileSystem {
  readFile(path: string): string | undefined
  writeFile(path: string, content: string): void
  exists(path: string): boolean
  isDir(path: string): boolean
  mkdir(path: string, opts?: { recursive?: boolean }): void
  /** Names (not paths) in a directory, sorted; undefined when it is not a directory. */
  readdir(path: string): string[] | undefined
  remove(path: string, opts?: { recursive?: boolean }): void
  rename(from: string, to: string): void
  /** Called after every change, with the changed path (used to mirror files to the editor). */
  onChange?(listener: (path: string, kind: 'write' | 'remove') => void): () => void
}

/** Cancellation: Ctrl-C in the terminal aborts the running command line. */
export interface CancelSignal {
  readonly aborted: boolean
  /** Runs `fn` once when aborted (immediately if already aborted); returns an unsubscribe. */
  onAbort(fn: () => void): () => void
}

/** Time as the host provides it: virtual time in the engine, advanced by the host. */
export interface ShellClock {
  /** Virtual epoch milliseconds. */
  now(): number
  /** Resolves after `ms` of virtual time (or rejects/returns early when `signal` aborts). */
  sleep(ms: number, signal: CancelSignal): Promise<void>
  /**
   * Optional: give the host's event loop a turn (a macrotask). The shell calls it every 1000 loop
   * iterations (and between `yes` chunks) so that `while true; do :; done` can still receive
   * Ctrl-C; without it the shell uses `sleep(0, signal)`. Added by the shell.
   */
  yield?(): Promise<void>
}

export interface CommandContext {
  /** argv[0] is the command name as typed (after alias expansion: `k` → `kubectl`). */
  argv: string[]
  stdin: Reader
  stdout: Writer
  stderr: Writer
  /** Exported environment visible to the command (copy: changes do not leak back). */
  env: Record<string, string>
  cwd: string
  fs: FileSystem
  clock: ShellClock
  signal: CancelSignal
  /** Terminal width in columns, when known (kubectl wraps nothing, but `help` may). */
  columns?: number
  /** True when stdout is the terminal (not a pipe or file): like isatty(1). */
  isTTY: boolean
}

/** A command returns its exit status. Throwing is a bug; the shell reports it and returns 1. */
export type Command = (ctx: CommandContext) => number | Promise<number>

export interface CommandInfo {
  run: Command
  /** One line for `help`. */
  summary?: string
  /** Tab completion of arguments: given argv so far (last element is the partial word). */
  complete?: (argv: string[], ctx: { cwd: string; fs: FileSystem; env: Record<string, string> }) => string[]
}

export interface CommandRegistry {
  register(name: string, info: CommandInfo): void
  get(name: string): CommandInfo | undefined
  names(): string[]
}
