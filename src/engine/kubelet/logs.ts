// Container logs as the kubelet keeps them: per pod and container, the current instance's lines
// and the previous instance's (a restart rotates them, as the kubelet keeps the last dead
// container's log for `--previous`). Reading honours PodLogOptions the way the kubelet's
// ReadLogs does: since, tail, timestamps, limitBytes, follow.
import type { AbortSignalLike, ChunkWriter, PodLogOptions } from '../../api/client'
import type { ContainerLogSink, LogLine } from './process/types'
import { utf8Length } from '../../shell'

/**
 * Lines kept per instance. A real node rotates a container's log file at 10 MiB
 * (containerLogMaxSize) and `kubectl logs` reads only the newest file; at ~50 bytes a line that
 * is about 200k lines. We keep 10,000 (a `date` loop's ~2.8 h), oldest dropped first, so a
 * 1000-pod bench of chatty containers stays within memory.
 */
export const MAX_LINES_PER_INSTANCE = 10_000

export interface LogInstance {
  /** May hold up to a quarter more than `limit` between trims; readers see the last `limit`. */
  readonly lines: LogLine[]
  readonly limit: number
  ended: boolean
  /** The runtime's container id (`docker://…`), when the kubelet gave one. */
  containerId?: string
  readonly followers: Set<Follower>
}

interface Follower {
  line(l: LogLine): void
  end(): void
}

/** What spawnContainer writes to; `end()` when the instance's process has exited. */
export interface InstanceSink extends ContainerLogSink {
  end(): void
  readonly instance: LogInstance
}

export type Which = 'current' | 'previous'

interface Pair {
  current?: LogInstance
  previous?: LogInstance
}

export class LogStore {
  private readonly pods = new Map<string, Map<string, Pair>>()

  constructor(
    private readonly clock: { now(): number },
    private readonly maxLines = MAX_LINES_PER_INSTANCE,
  ) {}

  /** A new instance of the container starts: the current one (ended) becomes the previous. */
  open(podUid: string, container: string, opts: { containerId?: string } = {}): InstanceSink {
    let containers = this.pods.get(podUid)
    if (!containers) this.pods.set(podUid, (containers = new Map()))
    const pair = containers.get(container) ?? {}
    if (pair.current) endInstance(pair.current)
    const instance: LogInstance = { lines: [], limit: this.maxLines, ended: false, containerId: opts.containerId, followers: new Set() }
    containers.set(container, { previous: pair.current, current: instance })
    const partial = { stdout: '', stderr: '' }
    let lastAt = -Infinity
    const push = (stream: 'stdout' | 'stderr', text: string, atMs?: number) => {
      const now = this.clock.now()
      lastAt = Math.max(lastAt, Math.min(atMs ?? now, now))
      const line: LogLine = { atMs: lastAt, stream, text }
      instance.lines.push(line)
      // Trimmed in batches: one splice per limit/4 lines, not a 10,000-element shift per line.
      if (instance.lines.length > instance.limit + Math.max(1, instance.limit >> 2)) instance.lines.splice(0, instance.lines.length - instance.limit)
      for (const f of [...instance.followers]) f.line(line)
    }
    return {
      instance,
      write(stream, chunk, atMs) {
        if (instance.ended) return
        const parts = (partial[stream] + chunk).split('\n')
        partial[stream] = parts.pop() ?? ''
        for (const p of parts) push(stream, p, atMs)
      },
      end() {
        if (instance.ended) return
        for (const stream of ['stdout', 'stderr'] as const) if (partial[stream] !== '') push(stream, partial[stream])
        endInstance(instance)
      },
    }
  }

  /** The instance by position: the newest (`current`, maybe already dead) or the one before. */
  instance(podUid: string, container: string, which: Which): LogInstance | undefined {
    return this.pods.get(podUid)?.get(container)?.[which]
  }

  /** The instance that carries this container id, if the kubelet recorded ids. */
  byContainerId(podUid: string, container: string, containerId: string): LogInstance | undefined {
    const pair = this.pods.get(podUid)?.get(container)
    return [pair?.current, pair?.previous].find((i) => i?.containerId !== undefined && i.containerId === containerId)
  }

  /** The pod is gone: its logs go with it (followers end). */
  forget(podUid: string): void {
    for (const pair of this.pods.get(podUid)?.values() ?? []) {
      if (pair.current) endInstance(pair.current)
    }
    this.pods.delete(podUid)
  }

  /** The log text per opts (no follow), or undefined when there is no such instance. */
  read(podUid: string, container: string, opts: PodLogOptions, nowMs: number): string | undefined {
    const instance = this.instance(podUid, container, opts.previous ? 'previous' : 'current')
    if (!instance) return undefined
    const out: string[] = []
    void writeLog(instance, { ...opts, follow: false }, nowMs, { write: (c) => out.push(c) }, NEVER)
    return out.join('')
  }
}

const NEVER: AbortSignalLike = { aborted: false, onAbort: () => () => {} }

function endInstance(instance: LogInstance): void {
  if (instance.ended) return
  instance.ended = true
  for (const f of [...instance.followers]) f.end()
  instance.followers.clear()
}

/** kubelet's timeFormatOut: RFC 3339 with nine fraction digits, always (`…00:00:05.000000000Z`). */
export function logTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString() // 2026-01-01T00:00:05.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`
}

/** The lines a read starts with: since first, then the tail of what is left. */
export function selectLines(lines: readonly LogLine[], opts: PodLogOptions, nowMs: number): LogLine[] {
  let since = -Infinity
  if (opts.sinceSeconds !== undefined) since = nowMs - opts.sinceSeconds * 1000
  else if (opts.sinceTime !== undefined) since = Date.parse(opts.sinceTime)
  let chosen = since === -Infinity ? [...lines] : lines.filter((l) => l.atMs >= since)
  if (opts.tailLines !== undefined && opts.tailLines >= 0) chosen = opts.tailLines === 0 ? [] : chosen.slice(-opts.tailLines)
  return chosen
}

/**
 * Writes an instance's log to `out` per opts. Following, it then streams new lines until the
 * instance ends, the signal aborts, or limitBytes is reached (the kubelet cuts mid-line there).
 */
export function writeLog(instance: LogInstance, opts: PodLogOptions, nowMs: number, out: ChunkWriter, signal: AbortSignalLike): Promise<void> {
  let budget = opts.limitBytes !== undefined && opts.limitBytes > 0 ? opts.limitBytes : Infinity
  const format = (l: LogLine) => `${opts.timestamps ? `${logTimestamp(l.atMs)} ` : ''}${l.text}\n`
  /** Returns false once the byte limit is used up. */
  const emit = (l: LogLine): boolean => {
    if (budget <= 0) return false
    const text = format(l)
    const bytes = utf8Length(text)
    if (bytes <= budget) {
      out.write(text)
      budget -= bytes
      return budget > 0
    }
    out.write(truncateUtf8(text, budget))
    budget = 0
    return false
  }
  const kept = instance.lines.length > instance.limit ? instance.lines.slice(-instance.limit) : instance.lines
  for (const l of selectLines(kept, opts, nowMs)) if (!emit(l)) return Promise.resolve()
  if (!opts.follow || instance.ended || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const follower: Follower = {
      line: (l) => {
        if (!emit(l)) stop()
      },
      end: () => stop(),
    }
    const offAbort = signal.onAbort(() => stop())
    function stop(): void {
      instance.followers.delete(follower)
      offAbort()
      resolve()
    }
    instance.followers.add(follower)
  })
}


/** The longest prefix of `s` within `bytes` UTF-8 bytes (never splitting a character). */
function truncateUtf8(s: string, bytes: number): string {
  let n = 0
  let out = ''
  for (const ch of s) {
    const len = utf8Length(ch)
    if (n + len > bytes) break
    n += len
    out += ch
  }
  return out
}
