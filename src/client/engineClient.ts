// The UI's one handle on the engine. A module-level singleton: React StrictMode mounts effects
// twice in development, and a second Worker would be a second cluster. Everything else in the UI
// talks to the engine through `getEngineClient()` (or a client built on a test transport).
import {
  PROTOCOL_VERSION,
  type EngineToUi, type UiToEngine, type WorkspaceFile,
} from '../protocol/messages'
import type { Transport } from './transport'

export type EngineMessage<T extends EngineToUi['type']> = Extract<EngineToUi, { type: T }>
export type ReadyMessage = EngineMessage<'ready'>

export interface Completions {
  items: string[]
  word: string
}

export interface HelloOptions {
  files: WorkspaceFile[]
  cwd?: string
  seed?: number
}

type Listener = (msg: EngineToUi) => void

export class EngineClient {
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly anyListeners = new Set<Listener>()
  private readonly pendingCompletions = new Map<number, (c: Completions) => void>()
  private lastId = 0
  private helloSent: Promise<ReadyMessage> | null = null
  private resolveReady: ((m: ReadyMessage) => void) | null = null
  /** The last `ready` seen: late subscribers (a panel mounted after boot) read it here. */
  ready: ReadyMessage | null = null

  constructor(private readonly transport: Transport) {
    transport.listen((msg) => this.receive(msg))
  }

  /** A fresh id for run/complete requests (ids are unique per client, never reused). */
  nextId(): number {
    return ++this.lastId
  }

  send(msg: UiToEngine): void {
    this.transport.post(msg)
  }

  /** Subscribe to one message type; returns the unsubscribe function. */
  on<T extends EngineToUi['type']>(type: T, fn: (msg: EngineMessage<T>) => void): () => void {
    let set = this.listeners.get(type)
    if (!set) this.listeners.set(type, (set = new Set()))
    const l = fn as Listener
    set.add(l)
    return () => { set!.delete(l) }
  }

  onAny(fn: Listener): () => void {
    this.anyListeners.add(fn)
    return () => { this.anyListeners.delete(fn) }
  }

  /**
   * Sends `hello` once (later calls return the same promise) with the files restored from
   * IndexedDB; resolves with the engine's `ready`.
   */
  hello(opts: HelloOptions): Promise<ReadyMessage> {
    if (this.helloSent) return this.helloSent
    this.helloSent = new Promise<ReadyMessage>((resolve) => { this.resolveReady = resolve })
    this.send({ type: 'hello', version: PROTOCOL_VERSION, files: opts.files, cwd: opts.cwd, seed: opts.seed })
    return this.helloSent
  }

  /** Runs a line in the learner's shell; output arrives as `out` then `exit` with the returned id. */
  run(line: string, columns?: number): number {
    const id = this.nextId()
    this.send({ type: 'run', id, line, columns })
    return id
  }

  cancel(id: number): void {
    this.send({ type: 'cancel', id })
  }

  complete(line: string, cursor: number): Promise<Completions> {
    const id = this.nextId()
    return new Promise((resolve) => {
      this.pendingCompletions.set(id, resolve)
      this.send({ type: 'complete', id, line, cursor })
    })
  }

  close(): void {
    this.transport.close()
  }

  private receive(msg: EngineToUi): void {
    if (msg.type === 'ready') {
      this.ready = msg
      this.resolveReady?.(msg)
      this.resolveReady = null
    } else if (msg.type === 'completions') {
      const done = this.pendingCompletions.get(msg.id)
      this.pendingCompletions.delete(msg.id)
      done?.({ items: msg.items, word: msg.word })
    }
    for (const l of this.listeners.get(msg.type) ?? []) l(msg)
    for (const l of this.anyListeners) l(msg)
  }
}

/** A Transport over a module Worker running the engine. */
export function createWorkerTransport(worker: Worker): Transport {
  let receiver: ((msg: EngineToUi) => void) | null = null
  worker.onmessage = (e: MessageEvent<EngineToUi>) => receiver?.(e.data)
  worker.onerror = (e: ErrorEvent) => {
    receiver?.({ type: 'error', message: `engine worker failed: ${e.message || 'unknown error'}` })
  }
  return {
    post: (msg) => worker.postMessage(msg),
    listen(receive) {
      receiver = receive
      return () => { if (receiver === receive) receiver = null }
    },
    close: () => worker.terminate(),
  }
}

let singleton: EngineClient | null = null

/** The app's engine client, created (with its Worker) on first use. */
export function getEngineClient(): EngineClient {
  if (!singleton) {
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' })
    singleton = new EngineClient(createWorkerTransport(worker))
  }
  return singleton
}

/** Tests and the headless runner install a client built on another transport. */
export function setEngineClient(client: EngineClient | null): void {
  singleton = client
}
