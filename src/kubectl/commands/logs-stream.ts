// How `kubectl logs` reads its streams: whole lines (DefaultConsumeRequest), an optional
// `[pod/NAME/CONTAINER] ` prefix, one after another or all at once when following several
// (parallelConsumeRequest: the first error stops the others unless --ignore-errors).
import type { AbortSignalLike, ChunkWriter } from '../../api/client'
import type { Invocation } from '../command'
import type { LogRequest } from './logs-requests'

/** Collects chunks into whole lines (DefaultConsumeRequest reads up to '\n'), each with the prefix. */
class LineWriter implements ChunkWriter {
  private buf = ''
  constructor(private readonly prefix: string, private readonly sink: (s: string) => void) {}
  write(chunk: string): void {
    this.buf += chunk
    for (let i = this.buf.indexOf('\n'); i >= 0; i = this.buf.indexOf('\n')) {
      this.sink(this.prefix + this.buf.slice(0, i + 1))
      this.buf = this.buf.slice(i + 1)
    }
  }
  flush(): void {
    if (this.buf !== '') this.sink(this.prefix + this.buf)
    this.buf = ''
  }
}

/** An abort signal that fires with the learner's Ctrl-C or when one parallel stream fails. */
class StreamsSignal implements AbortSignalLike {
  aborted = false
  private fns: Array<() => void> = []
  constructor(parent: AbortSignalLike) { parent.onAbort(() => this.abort()) }
  onAbort(fn: () => void): () => void {
    if (this.aborted) { fn(); return () => {} }
    this.fns.push(fn)
    return () => { this.fns = this.fns.filter((f) => f !== fn) }
  }
  abort(): void {
    if (this.aborted) return
    this.aborted = true
    this.fns.splice(0).forEach((f) => f())
  }
}

export async function consume(inv: Invocation, ns: string, r: LogRequest, prefix: boolean, signal: AbortSignalLike): Promise<void> {
  const w = new LineWriter(prefix ? `[pod/${r.pod}/${r.container}] ` : '', (s) => inv.ctx.stdout.write(s))
  try {
    await inv.api.podLogs(ns, r.pod, r.opts, w, signal)
  } finally {
    w.flush()
  }
}

/** parallelConsumeRequest: every stream at once; the first error stops the rest (unless --ignore-errors). */
export async function parallel(inv: Invocation, ns: string, reqs: LogRequest[], prefix: boolean, ignoreErrors: boolean): Promise<void> {
  const signal = new StreamsSignal(inv.ctx.signal)
  let firstError: unknown
  await Promise.all(reqs.map(async (r) => {
    try {
      await consume(inv, ns, r, prefix, signal)
    } catch (e) {
      if (ignoreErrors) { inv.ctx.stdout.write(`error: ${e instanceof Error ? e.message : String(e)}\n`); return }
      firstError ??= e
      signal.abort()
    }
  }))
  if (firstError !== undefined) throw firstError
}
