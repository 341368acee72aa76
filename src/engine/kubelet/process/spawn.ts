// A container's PID 1 and the processes exec'd beside it. PID 1 is the image's program when argv[0]
// names one (no Shell is built: the cheap path every catalog server takes), else the project's
// Shell running the argv (`sh -c '…'`, `sleep 3600`, `echo hi`). Output goes line by line to the
// container log; SIGKILL and OOM end it at once with 137.
import { createCancel, Shell, textReader } from '../../../shell'
import type { CancelSignal, CommandContext, CommandRegistry, InteractiveSession, NetworkAccess, Reader, Writer } from '../../../shell'
import type { ProcessHost, Program } from '../../images/types'
import { containerClock, plainClock, watchedNet, watchedReader, type ProcessClock } from './clock'
import { LineWriter } from './lines'
import { containerArgv, executableExists, programFor } from './lookup'
import { expandVars } from '../env'
import { EXEC_STOPPED_MESSAGE, execErrorMessage, RuntimeExecError, SIGKILL_EXIT_CODE, START_ERROR_EXIT_CODE, startErrorMessage } from './messages'
import { containerSession } from './session'
import { eitherSignal, NEVER, openStdin } from './signals'
import { hostnameOf, processEnv, userOf, withTerm } from './identity'
import { ContainerResources } from './resources'
import { containerRegistry } from './toolbox'
import type { ContainerProcess, ProcessExit, SpawnOptions } from './types'

export { IDLE_CPU_MILLICORES } from './resources'
/** runc's exec'd processes get the next free pid; a shell PID 1 has forked a few by then (busybox `ps` shows 7). */
const FIRST_EXEC_PID = 7

type ExecIO = { stdout: Writer; stderr: Writer; stdin?: Reader; signal: CancelSignal; tty?: boolean }

export function spawnContainer(o: SpawnOptions): ContainerProcess {
  return new ContainerRun(o)
}

class ContainerRun implements ContainerProcess {
  readonly exited: Promise<ProcessExit>
  private resolveExit: (e: ProcessExit) => void = () => {}
  private result: ProcessExit | undefined
  /** Aborts when the container ends (exit, SIGKILL, OOM): every process in it stops. */
  private readonly killer = createCancel()
  /** SIGTERM, seen only by a program running as PID 1. */
  private readonly terminator = createCancel()
  private readonly argv: string[]
  private readonly env: Record<string, string>
  private readonly cwd: string
  private readonly user: string
  private readonly hostname: string
  private readonly startedAtMs: number
  /** Programs answer outside events at any time: no cadence (see clock.ts). */
  private readonly programClock: ProcessClock
  /** PID 1's clock: log lines carry its time. */
  private pid1Clock: ProcessClock
  private readonly out: LineWriter
  private readonly err: LineWriter
  private readonly resources: ContainerResources
  private readonly running = new Map<number, { user: string; command: string; startedAtMs: number }>()
  private nextPid = FIRST_EXEC_PID
  /** PID 1's command line for `ps`: the container's argv until an entrypoint `exec`s another. */
  private pid1Argv: string[]
  private registryMemo: CommandRegistry | undefined
  private netMemo: NetworkAccess | undefined

  constructor(private readonly o: SpawnOptions) {
    this.exited = new Promise((resolve) => { this.resolveExit = resolve })
    // ExpandContainerCommandAndArgs: `$(VAR)` in command/args takes the container's env value.
    const expand = (list?: string[]) => list?.map((a) => expandVars(a, (name) => o.env[name]))
    this.argv = containerArgv({ command: expand(o.container.command), args: expand(o.container.args) }, o.image)
    this.pid1Argv = this.argv
    this.user = userOf(o)
    this.env = processEnv(o.env, this.user)
    this.cwd = o.container.workingDir || o.image.workingDir || '/'
    this.hostname = hostnameOf(o)
    this.resources = new ContainerResources(o, () => this.finish(SIGKILL_EXIT_CODE, 'OOMKilled'))
    this.startedAtMs = o.clock.now()
    this.programClock = plainClock(o.clock)
    this.pid1Clock = this.programClock
    this.out = new LineWriter((line) => this.logLine('stdout', line))
    this.err = new LineWriter((line) => this.logLine('stderr', line))
    void this.start()
  }

  term(): void {
    this.terminator.abort()
  }

  kill(): void {
    this.finish(SIGKILL_EXIT_CODE, 'Error')
  }

  usage(): { cpuMillicores: number; memoryBytes: number } {
    return this.resources.usage()
  }

  processes(): { pid: number; user: string; command: string; startedAtMs: number }[] {
    if (this.result) return []
    const pid1 = { pid: 1, user: this.user, command: this.pid1Argv.join(' '), startedAtMs: this.startedAtMs }
    return [pid1, ...[...this.running].map(([pid, p]) => ({ pid, ...p }))]
  }

  async exec(argv: string[], io: ExecIO): Promise<number> {
    if (this.result) throw new RuntimeExecError(EXEC_STOPPED_MESSAGE)
    const name = argv[0] ?? ''
    const signal = eitherSignal(io.signal, this.killer.signal)
    const pid = this.track(argv)
    try {
      if (this.o.image.shell === 'none') {
        const program = programFor(this.o.image, name)
        if (!program) throw new RuntimeExecError(execErrorMessage(name))
        return await this.runProgram(program, argv, { ...io, signal }, NEVER)
      }
      const clock = this.shellClock()
      // `kubectl exec -t`: a terminal (ls prints columns) and TERM=xterm in the environment.
      const shell = this.newShell(clock, io.tty ? withTerm(this.env) : this.env)
      if (!(await this.exists(shell, name))) throw new RuntimeExecError(execErrorMessage(name))
      const stdin = io.stdin ? watchedReader(io.stdin, clock) : undefined
      return await shell.runArgv(argv, { stdout: io.stdout, stderr: io.stderr, stdin, signal, isTTY: !!io.tty })
    } finally {
      signal.dispose()
      this.running.delete(pid)
    }
  }

  session(argv: string[]): InteractiveSession {
    if (this.result) throw new RuntimeExecError(EXEC_STOPPED_MESSAGE)
    return containerSession({
      argv,
      image: this.o.image,
      // An interactive shell exports what login shells add: SHLVL and PWD (which `cd` keeps current).
      shell: () => this.newShell(plainClock(this.o.clock), { ...withTerm(this.env), SHLVL: '1', PWD: this.cwd }),
      containerEnded: this.killer.signal,
      track: () => {
        const pid = this.track(argv)
        return () => this.running.delete(pid)
      },
    })
  }

  private async start(): Promise<void> {
    const name = this.argv[0] ?? ''
    const program = programFor(this.o.image, name)
    if (program) {
      return this.runPid1(() => this.runProgram(program, this.argv, { stdout: this.out, stderr: this.err, stdin: (this.o.container.stdin ? openStdin(this.killer.signal) : undefined), signal: this.killer.signal }, this.terminator.signal, true))
    }
    if (this.o.image.shell === 'none') return this.startError(name)
    this.pid1Clock = this.shellClock()
    const shell = this.newShell(this.pid1Clock)
    const found = await this.exists(shell, name)
    if (this.result) return // killed while starting
    if (!found) return this.startError(name)
    // A shell as PID 1 has no SIGTERM handler: the kernel does not deliver default-action signals
    // to PID 1, so `terminator` is never wired here and the grace period runs out.
    return this.runPid1(() => shell.runArgv(this.argv, { stdout: this.out, stderr: this.err, stdin: (this.o.container.stdin ? openStdin(this.killer.signal) : undefined), signal: this.killer.signal, isTTY: !!this.o.container.tty }))
  }

  private async runPid1(run: () => Promise<number>): Promise<void> {
    let code: number
    try {
      code = await run()
    } catch (e) {
      // A program that throws is a bug in the catalog; the log says so instead of hanging the pod.
      this.err.write(`${e instanceof Error ? e.message : String(e)}\n`)
      code = 1
    }
    const byte = ((code % 256) + 256) % 256
    this.finish(byte, byte === 0 ? 'Completed' : 'Error')
  }

  private startError(name: string): void {
    this.finish(START_ERROR_EXIT_CODE, 'StartError', startErrorMessage(name))
  }

  private finish(exitCode: number, reason: ProcessExit['reason'], message?: string): void {
    if (this.result) return
    this.out.flush()
    this.err.flush()
    this.result = { exitCode, reason, atMs: this.o.clock.now(), ...(message !== undefined ? { message } : {}) }
    this.killer.abort()
    this.resources.close()
    this.running.clear()
    this.resolveExit(this.result)
  }

  private logLine(stream: 'stdout' | 'stderr', line: string): void {
    if (!this.result) this.o.log.write(stream, `${line}\n`, this.pid1Clock.now())
  }

  private track(argv: string[]): number {
    const pid = this.nextPid++
    this.running.set(pid, { user: this.user, command: argv.join(' '), startedAtMs: this.o.clock.now() })
    return pid
  }

  private async runProgram(program: Program, argv: string[], io: ExecIO, term: CancelSignal, pid1 = false): Promise<number> {
    const h = this.resources.host(term, (next) => this.replaceWith(next, io, h.host, argv[0] ?? '', pid1))
    try {
      return await program(this.context(argv, io), h.host)
    } finally {
      h.release()
    }
  }

  /**
   * An entrypoint's `exec "$@"`: the process becomes argv — the image's program of that name (with
   * the same host: SIGTERM still reaches it), else a command the shell runs — in the same streams.
   * Not found: the script's shell says so and exits 127.
   */
  private async replaceWith(argv: string[], io: ExecIO, host: ProcessHost, self: string, pid1: boolean): Promise<number> {
    const name = argv[0] ?? ''
    if (pid1) this.pid1Argv = argv
    const program = programFor(this.o.image, name)
    if (program) return program(this.context(argv, io), host)
    if (this.o.image.shell !== 'none') {
      const clock = this.shellClock()
      if (pid1) this.pid1Clock = clock
      const shell = this.newShell(clock)
      if (await this.exists(shell, name)) return shell.runArgv(argv, { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, signal: io.signal, isTTY: false })
    }
    io.stderr.write(`${self}: exec: ${name}: not found\n`)
    return 127
  }

  private context(argv: string[], io: ExecIO): CommandContext {
    const self = this
    return {
      argv,
      stdin: io.stdin ?? textReader(''),
      stdout: io.stdout,
      stderr: io.stderr,
      env: { ...this.env },
      cwd: this.cwd,
      fs: this.o.fs,
      clock: this.programClock,
      signal: io.signal,
      isTTY: false,
      // Built on first use: most servers never dial out.
      get net() {
        return self.net()
      },
    }
  }

  /** A cadence clock for a shell process; its busy-loop turns count as CPU use. */
  private shellClock(): ProcessClock {
    return containerClock(this.o.clock, { cadence: true, onYield: () => this.resources.markBusy() })
  }

  private newShell(clock: ProcessClock, env: Record<string, string> = this.env): Shell {
    return new Shell({
      fs: this.o.fs,
      registry: this.registry(),
      clock,
      env,
      exactEnv: true,
      cwd: this.cwd,
      hostname: this.hostname,
      user: this.user,
      net: watchedNet(this.net(), clock),
    })
  }

  private registry(): CommandRegistry {
    this.registryMemo ??= containerRegistry({
      image: this.o.image,
      host: (ctx) => this.shellChildHost(ctx),
      programClock: this.programClock,
      view: {
        mounts: () => this.o.fs.mounts(),
        processes: () => this.processes().map((p) => (p.pid === 1 ? { ...p, rssBytes: this.usage().memoryBytes } : p)),
        user: this.user,
        flavour: this.o.image.shell === 'sh' ? 'busybox' : 'procps',
        fs: this.o.fs,
        tmpfsBytes: this.o.memoryLimitBytes,
        now: () => this.o.clock.now(),
      },
    })
    return this.registryMemo
  }

  /** A program a shell started: SIGTERM goes to the shell (PID 1), never to it. */
  private shellChildHost(ctx: CommandContext): { host: ProcessHost; release(): void } {
    const io: ExecIO = { stdout: ctx.stdout, stderr: ctx.stderr, stdin: ctx.stdin, signal: ctx.signal }
    const h = this.resources.host(NEVER, (next) => this.replaceWith(next, io, h.host, ctx.argv[0] ?? '', false))
    return h
  }

  private net(): NetworkAccess {
    this.netMemo ??= this.o.fabric.access(this.o.netns)
    return this.netMemo
  }

  /** argv[0] exists: a program, a script file, or a command the container's shell knows. */
  private exists(shell: Shell, name: string): Promise<boolean> {
    const quiet: Writer = { write() {} }
    return executableExists(this.o.image, this.o.fs, this.cwd, name, async (n) =>
      (await shell.runArgv(['command', '-v', n], { stdout: quiet, stderr: quiet, signal: NEVER, isTTY: false })) === 0)
  }
}
