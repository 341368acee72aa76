// The interpreter: walks the AST. Each method returns an exit status; break/continue/return/exit
// and Ctrl-C unwind as exceptions (control.ts). Pipelines and `$( )` run in subshells (a cloned
// state), as sh does: `echo x | read v` leaves v unset.
import type { Node, Redirect } from '../parse/ast'
import { parse } from '../parse/parser'
import { ShellSyntaxError } from '../parse/errors'
import type { CommandContext } from '../types'
import { AbortedControl, ExitControl, ExpansionError, LoopControl } from './control'
import { expandPattern, expandString, expandWords, type ExpandHost } from './expand'
import { matchPattern } from './glob'
import type { IO } from './io'
import { applyRedirects, RedirectError } from './redirect'
import { hostTurn, LOOP_YIELD_EVERY, type Runtime } from './runtime'
import type { ShellState } from './state'
import { expandAlias, traceLine } from './alias'
import { runPipeline } from './pipeline'
import { collectWriter, Pipe } from './streams'
import { invokeCommand } from './invoke'

export class Interpreter implements ExpandHost {
  /** Status of the last command substitution in the current simple command (for `x=$(false)`). */
  private substStatus = 0
  private iterations = 0

  constructor(readonly rt: Runtime, readonly state: ShellState) {}

  get fs() {
    return this.rt.fs
  }

  subshell(): Interpreter {
    return new Interpreter(this.rt, this.state.clone())
  }

  /** Runs parsed source; syntax errors print as sh prints them and return 2. */
  async runSource(source: string, io: IO): Promise<number> {
    let node: Node
    try {
      node = parse(source)
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e
      io.stderr.write(`sh: ${e.message}\n`)
      this.state.lastStatus = 2
      return 2
    }
    return this.exec(node, io)
  }

  async exec(node: Node, io: IO): Promise<number> {
    if (io.signal.aborted) throw new AbortedControl()
    const status = await this.execNode(node, io)
    this.state.lastStatus = status
    if (io.signal.aborted) throw new AbortedControl()
    // set -e: a failing command outside any condition ends the shell (negated pipelines never do).
    if (status !== 0 && this.state.options.errexit && this.state.condDepth === 0) {
      if (node.type === 'simple' || node.type === 'subshell' || (node.type === 'pipeline' && !node.negate)) throw new ExitControl(status)
    }
    return status
  }

  /** Runs `fn` as a condition: `set -e` ignores failures there. */
  private async asCondition(fn: () => Promise<number>): Promise<number> {
    this.state.condDepth++
    try {
      return await fn()
    } finally {
      this.state.condDepth--
    }
  }

  private async execNode(node: Node, io: IO): Promise<number> {
    switch (node.type) {
      case 'list': {
        let status = this.state.lastStatus
        for (const item of node.items) {
          if (item.background) {
            // `cmd &`: runs alongside; its output still reaches the terminal.
            void this.subshell().exec(item.node, io).catch(() => undefined)
            status = 0
          } else status = await this.exec(item.node, io)
        }
        return status
      }
      case 'andor': {
        // Every part but the last is a condition for what follows it.
        const last = node.rest.length - 1
        let status = await this.asCondition(() => this.exec(node.first, io))
        for (const [k, r] of node.rest.entries()) {
          if ((r.op === '&&') !== (status === 0)) continue
          status = k === last ? await this.exec(r.node, io) : await this.asCondition(() => this.exec(r.node, io))
        }
        return status
      }
      case 'pipeline': {
        const run = () => (node.commands.length === 1 ? this.exec(node.commands[0], io) : runPipeline(this, node.commands, io))
        if (!node.negate) return run()
        return (await this.asCondition(run)) === 0 ? 1 : 0
      }
      case 'simple':
        return this.simple(node, io)
      case 'if':
        return this.redirected(node.redirects, io, async (io2) => {
          for (const c of node.clauses) if ((await this.asCondition(() => this.exec(c.cond, io2))) === 0) return this.exec(c.body, io2)
          return node.elseBody ? this.exec(node.elseBody, io2) : 0
        })
      case 'for':
        return this.redirected(node.redirects, io, async (io2) => {
          const items = node.items ? await expandWords(node.items, this, io2) : [...this.state.positional]
          return this.inLoop(async () => {
            let status = 0
            for (const item of items) {
              this.state.set(node.name, item)
              const r = await this.loopBody(node.body, io2)
              if (r.status !== undefined) status = r.status
              if (r.stop) break
            }
            return status
          })
        })
      case 'while':
        return this.redirected(node.redirects, io, (io2) =>
          this.inLoop(async () => {
            let status = 0
            for (;;) {
              const c = await this.asCondition(() => this.exec(node.cond, io2))
              if ((c === 0) === node.until) break
              const r = await this.loopBody(node.body, io2)
              if (r.status !== undefined) status = r.status
              if (r.stop) break
            }
            return status
          }),
        )
      case 'case':
        return this.redirected(node.redirects, io, async (io2) => {
          const word = await expandString(node.word, this, io2)
          for (const arm of node.arms) {
            for (const p of arm.patterns) {
              if (matchPattern(await expandPattern(p, this, io2), word)) return arm.body ? this.exec(arm.body, io2) : 0
            }
          }
          return 0
        })
      case 'subshell':
        return this.redirected(node.redirects, io, (io2) => this.subshell().execCatchingExit(node.body, io2))
      case 'group':
        return this.redirected(node.redirects, io, (io2) => this.exec(node.body, io2))
      case 'func':
        this.state.functions.set(node.name, node.body)
        return 0
    }
  }

  /** Runs a subshell body: `exit` ends only the subshell. */
  async execCatchingExit(node: Node, io: IO): Promise<number> {
    try {
      return await this.exec(node, io)
    } catch (e) {
      if (e instanceof ExitControl) return e.code
      throw e
    }
  }

  /** `sh -c '...'`: source run in this (sub)shell, where `exit` ends only it. */
  async execCatchingExitSource(source: string, io: IO): Promise<number> {
    try {
      return await this.runSource(source, io)
    } catch (e) {
      if (e instanceof ExitControl) return e.code
      throw e
    }
  }

  private async inLoop(fn: () => Promise<number>): Promise<number> {
    this.state.loopDepth++
    try {
      return await fn()
    } finally {
      this.state.loopDepth--
    }
  }

  private async loopBody(body: Node, io: IO): Promise<{ stop: boolean; status?: number }> {
    if (++this.iterations % LOOP_YIELD_EVERY === 0) await hostTurn(this.rt.clock, io.signal)
    if (io.stdout instanceof Pipe) await io.stdout.drained()
    try {
      return { stop: false, status: await this.exec(body, io) }
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e
      if (e.levels > 1) {
        e.levels--
        throw e
      }
      return { stop: e.kind === 'break' }
    }
  }

  private async redirected(redirects: Redirect[], io: IO, fn: (io: IO) => Promise<number>): Promise<number> {
    if (redirects.length === 0) return fn(io)
    let io2: IO
    try {
      io2 = await applyRedirects(redirects, io, this)
    } catch (e) {
      if (e instanceof RedirectError || e instanceof ExpansionError) {
        io.stderr.write(`sh: ${e.message}\n`)
        return 1
      }
      throw e
    }
    return fn(io2)
  }

  private async simple(node: Extract<Node, { type: 'simple' }>, io: IO): Promise<number> {
    this.substStatus = 0
    const aliased = expandAlias(node, this.state.aliases)
    if (!Array.isArray(aliased)) return this.exec(aliased, io)
    try {
      const argv = await expandWords(aliased, this, io)
      const assigns: [string, string][] = []
      for (const a of node.assigns) assigns.push([a.name, await expandString(a.value, this, io)])
      if (this.state.options.xtrace) io.stderr.write(traceLine(assigns, argv))
      if (argv.length === 0) {
        for (const [k, v] of assigns) this.state.set(k, v)
        return this.redirected(node.redirects, io, async () => this.substStatus)
      }
      return await this.redirected(node.redirects, io, (io2) => invokeCommand(this, argv, assigns, io2))
    } catch (e) {
      if (e instanceof ExpansionError) {
        io.stderr.write(`sh: ${e.message}\n`)
        return 1
      }
      throw e
    }
  }

  async substitute(body: Node, io: IO): Promise<string> {
    const out = collectWriter()
    const sub = this.subshell()
    this.substStatus = await sub.execCatchingExit(body, { ...io, stdout: out, isTTY: false })
    this.state.lastStatus = this.substStatus
    return out.text()
  }

  /** The context handed to a command (builtin or registered). */
  commandContext(argv: string[], assigns: [string, string][], io: IO): CommandContext {
    const env = this.state.exported()
    for (const [k, v] of assigns) env[k] = v
    return {
      argv,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env,
      cwd: this.state.cwd,
      fs: this.rt.fs,
      clock: this.rt.clock,
      signal: io.signal,
      columns: io.columns,
      isTTY: io.isTTY,
      net: this.rt.net,
      attach: io.attach,
    }
  }
}

