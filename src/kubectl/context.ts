// The shapes kubectl needs from whoever runs it. kubectl may import only src/api/, so it cannot
// import src/shell/types.ts; these interfaces are structurally identical to (a subset of) the
// shell's CommandContext / CommandInfo, so the shell accepts `createKubectl(...)` as a CommandInfo.
import type { ApiClient } from '../api/client'

export interface Writer { write(chunk: string): void }
export interface Reader { read(): Promise<string | null>; readAll(): Promise<string> }

export interface FileSystem {
  readFile(path: string): string | undefined
  writeFile(path: string, content: string): void
  exists(path: string): boolean
  isDir(path: string): boolean
  mkdir(path: string, opts?: { recursive?: boolean }): void
  readdir(path: string): string[] | undefined
  remove(path: string, opts?: { recursive?: boolean }): void
  rename(from: string, to: string): void
}

export interface CancelSignal {
  readonly aborted: boolean
  onAbort(fn: () => void): () => void
}

export interface ShellClock {
  now(): number
  sleep(ms: number, signal: CancelSignal): Promise<void>
}

export interface CommandContext {
  argv: string[]
  stdin: Reader
  stdout: Writer
  stderr: Writer
  env: Record<string, string>
  cwd: string
  fs: FileSystem
  clock: ShellClock
  signal: CancelSignal
  columns?: number
  isTTY: boolean
}

export interface CommandInfo {
  run: (ctx: CommandContext) => number | Promise<number>
  summary?: string
  complete?: (argv: string[], ctx: { cwd: string; fs: FileSystem; env: Record<string, string> }) => string[]
}

export interface KubectlHost {
  api: ApiClient
  /** Opens a workspace file in the editor (for a future `kubectl edit`). */
  openInEditor?(path: string): void
}
