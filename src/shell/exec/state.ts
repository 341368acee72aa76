// The shell's variables, working directory, aliases and functions. A subshell (pipeline stage,
// `( )`, `$( )`) works on a clone, so its assignments and `cd` do not leak back.
import type { Node } from '../parse/ast'

export interface Var {
  value: string
  exported: boolean
}

export class ShellState {
  vars = new Map<string, Var>()
  positional: string[] = []
  scriptName = 'sh'
  aliases = new Map<string, string>()
  functions = new Map<string, Node>()
  lastStatus = 0
  /** Enclosing loops and functions (or sourced files): where break/continue/return mean something. */
  loopDepth = 0
  funcDepth = 0
  /** Inside an if/while condition or before && / ||: where `set -e` does not end the shell. */
  condDepth = 0
  /** `set -e` and `set -o pipefail`. */
  options = { errexit: false, pipefail: false, xtrace: false }
  /** `env` sorted (the learner's shell), or in environ order as given (a container's process). */
  sortEnv = true

  constructor(public cwd: string) {}

  get(name: string): string | undefined {
    return this.vars.get(name)?.value
  }

  set(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name)
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false })
  }

  unset(name: string): void {
    this.vars.delete(name)
  }

  /** The environment a command sees: exported variables only. */
  exported(): Record<string, string> {
    const env: Record<string, string> = {}
    const vars = this.sortEnv ? [...this.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : this.vars
    for (const [k, v] of vars) if (v.exported) env[k] = v.value
    return env
  }

  clone(): ShellState {
    const s = new ShellState(this.cwd)
    for (const [k, v] of this.vars) s.vars.set(k, { ...v })
    s.positional = [...this.positional]
    s.scriptName = this.scriptName
    s.aliases = new Map(this.aliases)
    s.functions = new Map(this.functions)
    s.lastStatus = this.lastStatus
    s.loopDepth = this.loopDepth
    s.funcDepth = this.funcDepth
    s.condDepth = this.condDepth
    s.options = { ...this.options }
    s.sortEnv = this.sortEnv
    return s
  }
}
