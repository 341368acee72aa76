// The worker's dispatcher: one switch over the UI's messages, ending in assertNever. It composes
// the engine on `hello` (filesystem, cluster, learner session, clock driver, delta and file
// batching) and answers every other message. Transport-free: engine.worker.ts passes postMessage
// in, and the tests pass a fake.
import { PROTOCOL_VERSION, assertNever, type EngineToUi, type UiToEngine } from '../protocol/messages'
import { MemoryFileSystem, createCancel } from '../shell'
import { createCluster, type Cluster } from '../engine/cluster'
import { createSession, type Session } from './session'
import { Driver, defaultTimers, type DriverTimers } from './driver'
import { DeltaCollector } from './deltas'
import { FileBatcher, listFiles } from './files'

export interface HandlerOptions {
  /** Wall-clock timers for the driver; `false` = no automatic ticks (tests call handle.tick()). */
  timers?: DriverTimers | false
}

export interface Handler {
  (msg: UiToEngine): Promise<void>
  /** One driver tick (advance by wall time × speed, flush deltas and files). */
  tick(): Promise<void>
  /** Flush pending deltas and file changes now. */
  flush(): void
  dispose(): void
  /** The composed engine, once `hello` arrived (for tests and debugging). */
  readonly cluster: Cluster | undefined
}

interface Engine {
  cluster: Cluster
  session: Session
  driver: Driver
  deltas: DeltaCollector
  files: FileBatcher
  running: Map<number, () => void>
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function createHandler(post: (msg: EngineToUi) => void, opts: HandlerOptions = {}): Handler {
  let engine: Engine | undefined

  const flush = () => {
    if (!engine) return
    const delta = engine.deltas.flush()
    if (delta) post({ type: 'delta', delta })
    const files = engine.files.flush()
    if (files) post({ type: 'files', ...files })
  }

  const hello = (msg: Extract<UiToEngine, { type: 'hello' }>) => {
    if (msg.version !== PROTOCOL_VERSION) {
      post({ type: 'error', message: `protocol version mismatch: UI ${msg.version}, engine ${PROTOCOL_VERSION}` })
      return
    }
    engine?.driver.stop()
    engine?.session.dispose()
    engine?.deltas.dispose()
    engine?.files.dispose()
    const fs = new MemoryFileSystem(msg.files ?? [])
    const cluster = createCluster({ seed: msg.seed })
    const session = createSession({ cluster, fs, clock: 'browser', cwd: msg.cwd, openInEditor: (path) => {
      // The file was just written (kubectl edit): send it before asking the editor to open it.
      const changed = engine?.files.flush()
      if (changed) post({ type: 'files', ...changed })
      post({ type: 'openFile', path })
    } })
    const deltas = new DeltaCollector(cluster.api)
    const files = new FileBatcher(fs)
    const driver = new Driver({
      virtualNow: () => cluster.clock.now(),
      advance: (ms) => cluster.advanceAsync(ms),
      onTick: flush,
      onClock: (clock) => post({ type: 'clock', clock }),
    }, opts.timers || defaultTimers())
    engine = { cluster, session, driver, deltas, files, running: new Map() }
    post({ type: 'ready', version: PROTOCOL_VERSION, clock: driver.state(), files: listFiles(fs), cwd: session.shell.cwd, objects: deltas.snapshot() })
    if (opts.timers !== false) driver.start()
  }

  const run = async (e: Engine, id: number, line: string, columns?: number) => {
    const cancel = createCancel()
    e.running.set(id, cancel.abort)
    let code: number
    try {
      code = await e.session.run(String(line ?? ''), {
        stdout: { write: (data) => post({ type: 'out', id, data, stream: 'stdout' }) },
        stderr: { write: (data) => post({ type: 'out', id, data, stream: 'stderr' }) },
        signal: cancel.signal,
        columns,
        isTTY: true,
      })
    } catch (err) {
      // A bug below us: show it as the command's error; the lab keeps running.
      post({ type: 'out', id, data: `kubelab: internal error: ${message(err)}\n`, stream: 'stderr' })
      code = 1
    }
    e.running.delete(id)
    flush()
    const prompt = e.session.prompt()
    post({ type: 'exit', id, code, cwd: e.session.shell.cwd, ...(prompt !== undefined ? { prompt } : {}) })
  }

  const dispatch = async (msg: UiToEngine): Promise<void> => {
    if (msg.type === 'hello') return hello(msg)
    const e = engine
    if (!e) {
      if (msg.type === 'run') { post({ type: 'out', id: msg.id, data: 'kubelab: the engine is not ready yet\n', stream: 'stderr' }); post({ type: 'exit', id: msg.id, code: 1 }) }
      else post({ type: 'error', message: `received ${msg.type} before hello` })
      return
    }
    switch (msg.type) {
      case 'run':
        return run(e, msg.id, msg.line, msg.columns)
      case 'cancel':
        e.running.get(msg.id)?.()
        return
      case 'complete': {
        const { word, items } = e.session.complete(msg.line, msg.cursor)
        post({ type: 'completions', id: msg.id, word, items })
        return
      }
      case 'clock':
        post({ type: 'clock', clock: e.driver.configure(msg) })
        return
      case 'step':
        await e.driver.step(Number(msg.ms) || 0)
        flush()
        post({ type: 'clock', clock: e.driver.state() })
        return
      case 'writeFile':
        e.files.silently(() => e.session.fs.writeFile(msg.path, msg.content))
        return
      case 'removeFile':
        e.files.silently(() => { if (e.session.fs.exists(msg.path)) e.session.fs.remove(msg.path, { recursive: true }) })
        return
      default:
        return assertNever(msg)
    }
  }

  const handle = (async (msg: UiToEngine) => {
    try {
      await dispatch(msg)
    } catch (err) {
      post({ type: 'error', message: message(err) })
    }
  }) as Handler
  handle.tick = async () => { await engine?.driver.tick() }
  handle.flush = flush
  handle.dispose = () => { engine?.driver.stop(); engine?.session.dispose(); engine?.deltas.dispose(); engine?.files.dispose(); engine = undefined }
  Object.defineProperty(handle, 'cluster', { get: () => engine?.cluster })
  return handle
}

/**
 * The same dispatcher in client/inProcessTransport's shape, `(msg, post) => void`, for running the
 * engine in the UI's thread (Node tests, the headless runner): the first message fixes `post`.
 */
export function createEngineHandler(opts: HandlerOptions = {}): (msg: UiToEngine, post: (reply: EngineToUi) => void) => void {
  let handle: Handler | undefined
  return (msg, post) => {
    handle ??= createHandler(post, opts)
    void handle(msg)
  }
}
