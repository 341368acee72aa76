// serverProgram: most images' default process as data. A server checks its environment (printing
// the real failure block and exiting), prints its startup lines on the virtual clock, opens its
// ports, sets its working set, serves until SIGTERM (printing its shutdown lines, exiting with its
// code) or SIGKILL (ctx.signal: returns at once). The kubelet turns stdout/stderr into the log.
import type { CancelSignal, CommandContext } from '../../../shell'
import type { HttpResponse, IncomingRequest, Listener } from '../../network/types'
import type { Program, ProcessHost } from '../types'
import { utf8Length } from '../../../shell'

/** UTF-8 byte length (access logs and Content-Length count bytes, not characters). */
export const byteLength = utf8Length

/** What a log line's text may depend on: the time it is written, the env, the pod. */
export interface LineCtx {
  nowMs: number
  env: Record<string, string>
  argv: string[]
  host: ProcessHost
}

export type Text = string | ((c: LineCtx) => string)

/** One write to the log: a line (or a block of lines), optionally after a pause of virtual time. */
export interface LogStep {
  text: Text
  stderr?: boolean
  /** Virtual ms to wait before writing (startup work: initdb, loading a model…). */
  afterMs?: number
}

/** How a program ends early: the lines it prints and its exit code. */
export interface Exit {
  lines: LogStep[]
  exitCode: number
}

/** Passed to an HTTP handler: the program's context, for files (ctx.fs), env and logging. */
export interface ServeCtx {
  ctx: CommandContext
  host: ProcessHost
  /** Write one line to the program's stdout (or stderr). */
  log(text: string, stderr?: boolean): void
}

export interface Port {
  port: number
  /** HTTP handler; absent = a TCP-only server (redis, postgres): tcpSocket probes connect, HTTP gets a reset. */
  http?: (req: IncomingRequest, s: ServeCtx) => HttpResponse | Promise<HttpResponse>
  /** gRPC health (grpc.health.v1): SERVING for every service name. */
  grpc?: boolean
  /** An access-log line per request (nginx's combined format), written to stdout after the response. */
  accessLog?: (req: IncomingRequest, res: HttpResponse, nowMs: number) => string | undefined
}

export interface ServerOptions {
  /** Checked first (missing env, wrong arguments): print the block and exit with the code. */
  preflight?: (c: LineCtx, ctx: CommandContext) => Exit | undefined
  /** Lines before the ports open. */
  startup?: LogStep[] | ((c: LineCtx, ctx: CommandContext) => LogStep[])
  /** Ports to open (a function when they depend on env: PORT, SIMPLE_SERVICE_PORT…). */
  listen: Port[] | ((c: LineCtx) => Port[])
  /** Lines once listening. */
  ready?: LogStep[] | ((c: LineCtx) => LogStep[])
  /** What a failed bind prints (default: Go's `listen tcp :80: bind: address already in use`, exit 1). */
  bindError?: (port: number, c: LineCtx) => Exit
  /** Working set while serving (bytes) and CPU at idle (millicores). */
  memoryBytes: number
  cpuMillicores?: number
  /**
   * SIGTERM. 'ignore': the process has no handler and, as PID 1, the kernel drops the signal (python,
   * node, a shell), so the pod waits out its grace period. Otherwise its lines and exit code.
   */
  onTerm: 'ignore' | Exit | ((c: LineCtx) => Exit)
  /** Called after startup, with a signal that aborts at shutdown: periodic work (a load generator's lines). */
  background?: (c: LineCtx, ctx: CommandContext, stop: CancelSignal) => Promise<void>
}

/** Exit code reported when SIGKILL ends a program (128 + 9). */
export const SIGKILL_EXIT = 137

const lineCtx = (ctx: CommandContext, host: ProcessHost): LineCtx => ({ nowMs: ctx.clock.now(), env: ctx.env, argv: ctx.argv, host })

/** Write steps in order, sleeping their pauses; false when SIGKILL arrived meanwhile. */
export async function writeSteps(ctx: CommandContext, host: ProcessHost, steps: LogStep[], stop?: CancelSignal): Promise<boolean> {
  for (const step of steps) {
    if (step.afterMs) await sleep(ctx, step.afterMs, stop)
    if (ctx.signal.aborted || stop?.aborted) return false
    const text = typeof step.text === 'string' ? step.text : step.text(lineCtx(ctx, host))
    ;(step.stderr ? ctx.stderr : ctx.stdout).write(text.endsWith('\n') ? text : text + '\n')
  }
  return !ctx.signal.aborted
}

/** Sleep on the virtual clock, cut short by SIGKILL or by `stop`. */
export async function sleep(ctx: CommandContext, ms: number, stop?: CancelSignal): Promise<void> {
  if (!stop) return ctx.clock.sleep(ms, ctx.signal)
  const both = anyOf(ctx.signal, stop)
  try {
    await ctx.clock.sleep(ms, both.signal)
  } finally {
    both.dispose()
  }
}

/** A CancelSignal that aborts when either does. */
export function anyOf(a: CancelSignal, b: CancelSignal): { signal: CancelSignal; dispose(): void } {
  let aborted = a.aborted || b.aborted
  let listeners: (() => void)[] = []
  const fire = () => {
    if (aborted && listeners.length === 0) return
    aborted = true
    const ls = listeners
    listeners = []
    for (const l of ls) l()
  }
  const offA = a.onAbort(fire)
  const offB = b.onAbort(fire)
  const signal: CancelSignal = {
    get aborted() { return aborted },
    onAbort(fn) {
      if (aborted) { fn(); return () => {} }
      listeners.push(fn)
      return () => { listeners = listeners.filter((l) => l !== fn) }
    },
  }
  return { signal, dispose: () => { offA(); offB() } }
}

/** Resolves when the signal aborts. */
export function whenAborted(s: CancelSignal): Promise<void> {
  return new Promise((resolve) => { s.onAbort(() => resolve()) })
}

/** Go's net.Listen failure as most servers print it. */
export const goBindError = (port: number): Exit => ({ lines: [{ text: `listen tcp :${port}: bind: address already in use`, stderr: true }], exitCode: 1 })

/** Open the ports; on a failed bind, close what opened and report the port. */
export function openPorts(ctx: CommandContext, host: ProcessHost, ports: Port[]): { closes: (() => void)[]; failed?: number } {
  const closes: (() => void)[] = []
  const serve: ServeCtx = { ctx, host, log: (text, stderr) => (stderr ? ctx.stderr : ctx.stdout).write(text + '\n') }
  for (const p of ports) {
    const listener: Listener = {}
    if (p.http) {
      const handler = p.http
      listener.http = async (req) => {
        const res = await handler(req, serve)
        const line = p.accessLog?.(req, res, ctx.clock.now())
        if (line !== undefined) ctx.stdout.write(line + '\n')
        return res
      }
    }
    if (p.grpc) listener.grpcHealth = () => 'SERVING'
    try {
      closes.push(host.listen(p.port, listener))
    } catch {
      for (const c of closes) c()
      return { closes: [], failed: p.port }
    }
  }
  return { closes }
}

/** Build a Program from a server description (see the file comment for the order of events). */
export function serverProgram(o: ServerOptions): Program {
  return async (ctx, host) => {
    const failure = o.preflight?.(lineCtx(ctx, host), ctx)
    if (failure) {
      await writeSteps(ctx, host, failure.lines)
      return ctx.signal.aborted ? SIGKILL_EXIT : failure.exitCode
    }
    const startup = typeof o.startup === 'function' ? o.startup(lineCtx(ctx, host), ctx) : o.startup ?? []
    if (!(await writeSteps(ctx, host, startup))) return SIGKILL_EXIT
    const ports = typeof o.listen === 'function' ? o.listen(lineCtx(ctx, host)) : o.listen
    const opened = openPorts(ctx, host, ports)
    if (opened.failed !== undefined) {
      const e = (o.bindError ?? goBindError)(opened.failed, lineCtx(ctx, host))
      await writeSteps(ctx, host, e.lines)
      return e.exitCode
    }
    host.setMemoryBytes(o.memoryBytes)
    host.setCpuMillicores(o.cpuMillicores ?? 1)
    try {
      const ready = typeof o.ready === 'function' ? o.ready(lineCtx(ctx, host)) : o.ready ?? []
      if (!(await writeSteps(ctx, host, ready))) return SIGKILL_EXIT
      return await serveUntilStopped(ctx, host, o)
    } finally {
      for (const c of opened.closes) c()
    }
  }
}

/** Wait for SIGTERM (handled or ignored) or SIGKILL; run background work meanwhile. */
async function serveUntilStopped(ctx: CommandContext, host: ProcessHost, o: ServerOptions): Promise<number> {
  const stop = o.onTerm === 'ignore' ? anyOf(ctx.signal, ctx.signal) : anyOf(ctx.signal, host.term)
  try {
    if (o.background) void o.background(lineCtx(ctx, host), ctx, stop.signal).catch(() => {})
    await whenAborted(stop.signal)
  } finally {
    stop.dispose()
  }
  if (ctx.signal.aborted || o.onTerm === 'ignore') return SIGKILL_EXIT
  const e = typeof o.onTerm === 'function' ? o.onTerm(lineCtx(ctx, host)) : o.onTerm
  await writeSteps(ctx, host, e.lines)
  return ctx.signal.aborted ? SIGKILL_EXIT : e.exitCode
}

/** A program that prints lines and exits (hello-world, `--version`, a usage message). */
export function printProgram(lines: LogStep[] | ((c: LineCtx) => LogStep[]), exitCode = 0): Program {
  return async (ctx, host) => {
    const steps = typeof lines === 'function' ? lines(lineCtx(ctx, host)) : lines
    if (!(await writeSteps(ctx, host, steps))) return SIGKILL_EXIT
    return exitCode
  }
}

/** A program that just runs until stopped (pause, `sleep infinity`-like daemons). */
export function idleProgram(memoryBytes: number, onTerm: ServerOptions['onTerm'] = { lines: [], exitCode: 0 }): Program {
  return serverProgram({ listen: [], memoryBytes, onTerm })
}

// ── HTTP helpers ──────────────────────────────────────────────────────────────────────────────

/** Path without the query: `/info?x=1` → `/info`. */
export const pathOf = (req: IncomingRequest): string => req.path.split('?')[0]

export function text(status: number, body: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'Content-Type': contentType, 'Content-Length': String(byteLength(body)), ...extra }, body }
}

export function json(status: number, body: string, extra: Record<string, string> = {}): HttpResponse {
  return text(status, body, 'application/json', extra)
}


/** The request's Host header as the client sent it (`localhost:9876`), or the address it reached. */
export function hostHeader(req: IncomingRequest): string {
  return req.headers['host'] ?? `${req.localIP}:${req.localPort}`
}

/** The nginx/Apache combined log line. */
export function combinedLog(req: IncomingRequest, res: HttpResponse, nowMs: number, clf: (ms: number) => string, withForwarded = true): string {
  const ua = req.headers['user-agent'] ?? '-'
  const ref = req.headers['referer'] ?? '-'
  const fwd = req.headers['x-forwarded-for'] ?? '-'
  const base = `${req.remoteIP} - - [${clf(nowMs)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${byteLength(res.body)} "${ref}" "${ua}"`
  return withForwarded ? `${base} "${fwd}"` : base
}
