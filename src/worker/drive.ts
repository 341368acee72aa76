// Running a command line to completion on an instant clock: while the command waits on virtual
// time (a `kubectl delete` waiting for the kubelet, `kubectl get -w`, `sleep`), jump the clock to
// the next timer. When nothing is left to happen (or maxVirtualMs has passed) the line is
// interrupted as Ctrl-C would (`get -w` on an idle cluster ends there).
import { createCancel, type Writer } from '../shell'
import type { Session } from './session'

/** 10 virtual minutes: long enough for any rollout, short enough that a forgotten `-w` ends. */
export const DEFAULT_MAX_VIRTUAL_MS = 10 * 60 * 1000

export interface DriveOptions {
  stdout: Writer
  stderr: Writer
  columns?: number
  maxVirtualMs?: number
}

/** Resolve after promise continuations queued so far have run. */
export async function settle(turns = 64): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve()
}

/** Event-loop turns to wait for real I/O before calling a command idle. */
const IDLE_TURNS = 5

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * One turn of the event loop without setTimeout's clamp (setImmediate in Node, a MessageChannel in
 * a worker): every promise continuation queued so far runs first, however deep its chain — a
 * container's shell loop reaches its next `sleep` before the clock moves on.
 */
const drain: () => Promise<void> = (() => {
  const g = globalThis as { setImmediate?: (fn: () => void) => void; MessageChannel?: typeof MessageChannel }
  if (g.setImmediate) { const si = g.setImmediate; return () => new Promise<void>((resolve) => si(resolve)) }
  if (g.MessageChannel) {
    const ch = new g.MessageChannel()
    const waiting: (() => void)[] = []
    ch.port1.onmessage = () => waiting.shift()?.()
    return () => new Promise<void>((resolve) => { waiting.push(resolve); ch.port2.postMessage(0) })
  }
  return macrotask
})()

export async function runToCompletion(session: Session, line: string, o: DriveOptions): Promise<number> {
  const { clock } = session.cluster
  await session.ready
  const cancel = createCancel()
  let done = false
  const run = session.run(line, { stdout: o.stdout, stderr: o.stderr, signal: cancel.signal, columns: o.columns ?? 120, isTTY: false })
    .finally(() => { done = true })
  const deadline = clock.now() + (o.maxVirtualMs ?? DEFAULT_MAX_VIRTUAL_MS)
  await settle()
  while (!done) {
    // An instant `sleep` is advancing the clock itself (one event-loop turn per instant): wait for it.
    if (session.clock.busy) { await drain(); continue }
    // A command still working through promises (a long `describe | grep` pipeline) is not waiting
    // on virtual time: let it finish at this instant before the clock moves.
    await drain()
    if (done) break
    let next = clock.nextAt()
    if (next === undefined || next > deadline) {
      // Nothing left on the virtual clock: give real work (a module still loading) a few turns of
      // the event loop before deciding the command waits forever, as `get -w` on an idle cluster does.
      for (let i = 0; i < IDLE_TURNS && !done; i++) await macrotask()
      if (done) break
      next = clock.nextAt()
      if (next === undefined || next > deadline) { cancel.abort(); break }
    }
    // A synchronous jump to the next instant: an advanceAsync here could interleave with an
    // instant `sleep`'s own advance and move the clock backwards.
    clock.advance(next - clock.now())
    await settle()
    await drain()
  }
  const code = await run
  // Whatever the command's writes set off at this instant (controllers, the scheduler) runs now,
  // as it would during a real command's latency.
  session.cluster.advance(0)
  return code
}
