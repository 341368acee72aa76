// The Shell: one session (the learner's terminal, a container's PID 1, a `kubectl exec`).
// run() executes one input; Ctrl-C (io.signal) resolves it with 130 at once and silences
// whatever the interrupted command still writes.
import { BUILTINS } from './builtins'
import { completeLine } from './complete'
import { createCancel } from './exec/cancel'
import { AbortedControl, ExitControl, STATUS_INTERRUPTED } from './exec/control'
import { Interpreter } from './exec/interpreter'
import { invokeCommand } from './exec/invoke'
import type { IO } from './exec/io'
import { ShellState } from './exec/state'
import { emptyReader } from './exec/streams'
import { splitCommands } from './parse/split'
import { tildify } from './path'
import type { CancelSignal, CommandRegistry, FileSystem, InteractiveSession, NetworkAccess, Reader, ShellClock, Writer } from './types'

export interface ShellOptions {
  fs: FileSystem
  registry: CommandRegistry
  clock: ShellClock
  env?: Record<string, string>
  cwd?: string
  aliases?: Record<string, string>
  hostname?: string
  user?: string
  /** The machine's network (curl, wget, port-forward); absent = none. */
  net?: NetworkAccess
  /**
   * A container's process: the environment is exactly `env`, in its order (`printenv` lists it as
   * runc passed it: PATH, HOSTNAME, …, HOME), with no USER/PWD/HOME defaults added. Added by the
   * process layer (engine/kubelet/process).
   */
  exactEnv?: boolean
}

export interface RunIO {
  stdout: Writer
  stderr: Writer
  signal: CancelSignal
  columns?: number
  isTTY?: boolean
  stdin?: Reader
  /** The terminal hand-over for `kubectl exec -it` (only a host with a terminal gives one). */
  attach?: (session: InteractiveSession) => void
}

const DEFAULT_USER = 'learner'
const DEFAULT_HOSTNAME = 'kubelab'
const ROOT = 'root'

export class Shell {
  readonly history: string[] = []
  /** Set by `exit`: the host decides what ending the session means. */
  exited = false
  exitCode = 0
  readonly hostname: string
  readonly user: string
  private readonly interp: Interpreter

  constructor(opts: ShellOptions) {
    this.user = opts.user ?? DEFAULT_USER
    this.hostname = opts.hostname ?? DEFAULT_HOSTNAME
    const home = opts.env?.HOME ?? (this.user === ROOT ? '/root' : `/home/${this.user}`)
    const state = new ShellState(opts.cwd ?? home)
    const defaults: Record<string, string> = { HOME: home, USER: this.user, HOSTNAME: this.hostname, PATH: '/usr/local/bin:/usr/bin:/bin', PWD: state.cwd }
    state.sortEnv = !opts.exactEnv
    for (const [k, v] of Object.entries(opts.exactEnv ? { ...opts.env } : { ...defaults, ...opts.env })) state.set(k, v, true)
    for (const [k, v] of Object.entries(opts.aliases ?? {})) state.aliases.set(k, v)
    this.interp = new Interpreter({ fs: opts.fs, registry: opts.registry, clock: opts.clock, builtins: BUILTINS, history: this.history, net: opts.net }, state)
  }

  get cwd(): string {
    return this.interp.state.cwd
  }

  get env(): Record<string, string> {
    return this.interp.state.exported()
  }

  get lastStatus(): number {
    return this.interp.state.lastStatus
  }

  prompt(): string {
    // bash's \$: '#' for root (a container's `kubectl exec -it ... sh`), '$' for everyone else.
    const sigil = this.user === ROOT ? '#' : '$'
    return `${this.user}@${this.hostname}:${tildify(this.cwd, this.interp.state.get('HOME'))}${sigil} `
  }

  /** Runs one input (one or more commands, maybe several lines); resolves with $?. */
  async run(line: string, io: RunIO): Promise<number> {
    // Recorded before running, as bash does, so `history` lists itself.
    if (line.trim() !== '') this.history.push(line)
    return this.execute(io, (execIO) => this.interp.runSource(line, execIO))
  }

  /**
   * Runs one command from an argv, without parsing or expansion: a container's
   * `command: ["nginx", "-g", "daemon off;"]` or `kubectl exec pod -- ls -l`. Not recorded in history.
   */
  async runArgv(argv: string[], io: RunIO): Promise<number> {
    if (argv.length === 0) return 0
    return this.execute(io, (execIO) => invokeCommand(this.interp, argv, [], execIO))
  }

  private async execute(io: RunIO, fn: (io: IO) => Promise<number>): Promise<number> {
    const live = createCancel()
    const gate = (w: Writer): Writer => ({ write: (c) => (live.signal.aborted ? undefined : w.write(c)) })
    const execIO = {
      stdin: io.stdin ?? emptyReader(),
      stdout: gate(io.stdout),
      stderr: gate(io.stderr),
      signal: io.signal,
      isTTY: io.isTTY ?? true,
      columns: io.columns,
      attach: io.attach,
    }
    const work = fn(execIO).catch((e: unknown) => {
      if (e instanceof ExitControl) {
        this.exited = true
        this.exitCode = e.code
        return e.code
      }
      if (e instanceof AbortedControl) return STATUS_INTERRUPTED
      // A bug in the shell must not take the terminal down with it.
      execIO.stderr.write(`sh: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    })
    let stopListening = () => {}
    const aborted = new Promise<number>((resolve) => {
      stopListening = io.signal.onAbort(() => resolve(STATUS_INTERRUPTED))
    })
    const status = await Promise.race([work, aborted])
    stopListening()
    if (io.signal.aborted) live.abort()
    this.interp.state.lastStatus = io.signal.aborted ? STATUS_INTERRUPTED : status
    return this.interp.state.lastStatus
  }

  complete(line: string, cursor: number): { word: string; items: string[] } {
    return completeLine(line, cursor, {
      fs: this.interp.rt.fs,
      cwd: this.cwd,
      env: this.env,
      registry: this.interp.rt.registry,
      builtins: Object.keys(BUILTINS),
      aliases: this.interp.state.aliases,
    })
  }

  static splitCommands(script: string): string[] {
    return splitCommands(script)
  }
}
