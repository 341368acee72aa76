// Readers and writers: the plumbing between commands. A Pipe is a Writer on one side and a Reader on
// the other; chunks flow as written, so `kubectl get pods -w | grep web` streams. When the reading
// side closes (head has its 3 lines), the writer's `broken` signal aborts — the shell's SIGPIPE.
import type { Reader, Writer } from '../types'
import { createCancel } from './cancel'

/** A Reader over a fixed string (delivered as one chunk). */
export function textReader(s: string): Reader {
  let done = s === ''
  return {
    async read() {
      if (done) return null
      done = true
      return s
    },
    async readAll() {
      const out = done ? '' : s
      done = true
      return out
    },
  }
}

/** A Reader that is already at end of input. */
export const emptyReader = (): Reader => textReader('')

/** A Writer that keeps everything; `text()` returns it. */
export function collectWriter(): Writer & { text(): string } {
  const chunks: string[] = []
  return {
    write(chunk: string) {
      chunks.push(chunk)
    },
    text: () => chunks.join(''),
  }
}

/** A Writer that drops everything (/dev/null). */
export const nullWriter: Writer = { write() {} }

/** A pipe holds at most about this much unread text before loops writing into it wait (64 KiB, as Linux). */
export const PIPE_CAPACITY = 65536

/** An in-memory pipe between two concurrently running stages. */
export class Pipe implements Writer, Reader {
  private queue: string[] = []
  private queued = 0
  private ended = false
  private waiter: (() => void) | null = null
  private drainers: (() => void)[] = []
  private readonly cancel = createCancel()
  /** Aborts when the reader side has gone away: writers should stop. */
  readonly broken = this.cancel.signal

  write(chunk: string): void {
    if (this.cancel.signal.aborted || this.ended || chunk === '') return
    this.queue.push(chunk)
    this.queued += chunk.length
    this.wake()
  }

  /** Writer side is done: the reader sees end of input after the queued chunks. */
  end(): void {
    this.ended = true
    this.wake()
  }

  /** Reader side is done: further writes are dropped and `broken` aborts. */
  closeRead(): void {
    this.queue = []
    this.queued = 0
    this.cancel.abort()
    this.wake()
    this.releaseDrainers()
  }

  /**
   * Resolves once the reader has caught up (or gone). Writers are synchronous, so a loop writing
   * into a pipe calls this between commands: `while true; do echo y; done | sleep 10` then waits
   * instead of filling memory.
   */
  drained(): Promise<void> {
    if (this.queued < PIPE_CAPACITY || this.cancel.signal.aborted) return Promise.resolve()
    return new Promise((resolve) => this.drainers.push(resolve))
  }

  private releaseDrainers(): void {
    const ds = this.drainers
    this.drainers = []
    for (const d of ds) d()
  }

  async read(): Promise<string | null> {
    for (;;) {
      if (this.queue.length > 0) {
        const chunk = this.queue.shift() as string
        this.queued -= chunk.length
        if (this.queued < PIPE_CAPACITY) this.releaseDrainers()
        return chunk
      }
      if (this.ended || this.cancel.signal.aborted) return null
      await new Promise<void>((resolve) => {
        this.waiter = resolve
      })
    }
  }

  async readAll(): Promise<string> {
    let out = ''
    for (let c = await this.read(); c !== null; c = await this.read()) out += c
    return out
  }

  private wake(): void {
    const w = this.waiter
    this.waiter = null
    if (w) w()
  }
}

/** Reads lines from a Reader, keeping the partial tail between chunks. */
export class LineReader {
  private buf = ''
  private eof = false
  constructor(private readonly src: Reader) {}

  /** Next line without its '\n' (the last line may lack one), or null at end. */
  async line(): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf('\n')
      if (nl >= 0) {
        const l = this.buf.slice(0, nl)
        this.buf = this.buf.slice(nl + 1)
        return l
      }
      if (this.eof) {
        if (this.buf === '') return null
        const l = this.buf
        this.buf = ''
        return l
      }
      const c = await this.src.read()
      if (c === null) this.eof = true
      else this.buf += c
    }
  }
}

const lineReaders = new WeakMap<Reader, LineReader>()

/**
 * The one LineReader of a Reader, so that successive `read` builtins on the same stdin (as in
 * `while read l; do ...; done < file`) continue where the previous one stopped.
 */
export function lineReaderFor(reader: Reader): LineReader {
  let lr = lineReaders.get(reader)
  if (!lr) {
    lr = new LineReader(reader)
    lineReaders.set(reader, lr)
  }
  return lr
}
