// What a builtin sees: the same CommandContext as a registered command, plus the shell itself
// (for the builtins that change it: cd, export, exit, alias...).
import type { CommandContext, CommandInfo } from '../types'

export interface ShellApi {
  getVar(name: string): string | undefined
  setVar(name: string, value: string): void
  /** Marks a variable exported, setting it when `value` is given. */
  exportVar(name: string, value?: string): void
  unsetVar(name: string): void
  /** Exported variables, sorted by name. */
  exportedVars(): Record<string, string>
  /** Sets the working directory (already resolved and checked). */
  chdir(path: string): void
  aliases: Map<string, string>
  history: string[]
  /** $? before this command ran. */
  lastStatus: number
  /** How many loops / functions enclose this command (0: break or return has nothing to leave). */
  loopDepth: number
  funcDepth: number
  positional: string[]
  /** Throws to unwind: exit, break/continue, return. */
  exit(code: number): never
  loopControl(kind: 'break' | 'continue', levels: number): never
  returnFrom(code: number): never
  /** `set -e` / `set -o pipefail`. */
  setOption(name: 'errexit' | 'pipefail' | 'xtrace', on: boolean): void
  /** Every runnable name with its summary, for help and completion. */
  commands(): { name: string; summary?: string; builtin: boolean }[]
  /** What a name is, as `type` says it. */
  lookup(name: string): { kind: 'alias'; value: string } | { kind: 'function' | 'builtin' | 'command' } | undefined
  /** Runs argv as a command (for `env`, `command`), in the caller's context. */
  runArgv(argv: string[], ctx: CommandContext): Promise<number>
  /** Runs shell source in the current shell (`source`, `eval`) or a subshell (`sh -c`). */
  runSource(source: string, ctx: CommandContext, opts: { subshell: boolean; sourced?: boolean; args?: string[]; name?: string }): Promise<number>
}

export interface BuiltinContext extends CommandContext {
  sh: ShellApi
}

export interface Builtin {
  run(ctx: BuiltinContext): number | Promise<number>
  summary: string
  /** True for the programs a real system has in /usr/bin (ls, grep...): `which` shows a path. */
  utility?: boolean
  complete?: CommandInfo['complete']
}
