// What a container's processes hold: listening ports, memory and CPU. The ProcessHost each program
// gets writes here; the container's usage is the sum over its live programs, and an OOM kill or the
// container's end closes every port at once.
import { milliValue, parseQuantity } from '../../../api/quantity'
import type { CancelSignal } from '../../../shell'
import type { ProcessHost } from '../../images/types'
import { YIELD_QUANTUM_MS } from './clock'
import type { SpawnOptions } from './types'

/** What `kubectl top` shows for a process that sets no CPU figure: an idle sleep or shell (1m). */
export const IDLE_CPU_MILLICORES = 1
/** A shell spinning in a loop (it yields every 1000 iterations) keeps one core busy. */
const ONE_CORE_MILLICORES = 1000
/** A loop counts as spinning until two CPU quanta after its last turn. */
const BUSY_WINDOW_MS = 2 * YIELD_QUANTUM_MS

export class ContainerResources {
  private readonly memory = new Map<number, number>()
  private readonly cpu = new Map<number, number>()
  private readonly closers = new Set<() => void>()
  private nextId = 0
  private closed = false
  private busyAtMs: number | undefined

  /** `overLimit` runs when memory use passes o.memoryLimitBytes (the OOM killer). */
  constructor(private readonly o: SpawnOptions, private readonly overLimit: () => void) {}

  /**
   * A ProcessHost; `release` drops the process's memory and CPU when it ends. `exec` is the
   * runtime's `exec "$@"` for this process (see spawn.ts replaceWith).
   */
  host(term: CancelSignal, exec?: (argv: string[]) => Promise<number>): { host: ProcessHost; release(): void } {
    const id = this.nextId++
    const o = this.o
    const meta = o.pod.metadata
    const host: ProcessHost = {
      pod: { name: meta.name ?? '', namespace: meta.namespace ?? 'default', uid: meta.uid ?? '', ip: o.podIP, nodeName: o.nodeName, labels: { ...(meta.labels ?? {}) } },
      container: o.container.name,
      listen: (port, listener) => this.listen(port, listener),
      setMemoryBytes: (bytes) => {
        if (this.closed) return
        this.memory.set(id, bytes)
        const limit = o.memoryLimitBytes
        if (limit !== undefined && this.usage().memoryBytes > limit) this.overLimit()
      },
      setCpuMillicores: (m) => {
        if (!this.closed) this.cpu.set(id, m)
      },
      term,
      ...(exec ? { exec } : {}),
      ...(o.cluster ? { cluster: o.cluster } : {}),
    }
    return { host, release: () => { this.memory.delete(id); this.cpu.delete(id) } }
  }

  /** A shell in the container just finished 1000 loop iterations. */
  markBusy(): void {
    this.busyAtMs = this.o.clock.now()
  }

  usage(): { cpuMillicores: number; memoryBytes: number } {
    if (this.closed) return { cpuMillicores: 0, memoryBytes: 0 }
    let mem = 0
    let cpu = this.cpu.size > 0 ? 0 : IDLE_CPU_MILLICORES
    for (const m of this.memory.values()) mem += m
    for (const c of this.cpu.values()) cpu += c
    // A spinning shell uses a whole core, or its CPU limit (the CFS quota throttles it there).
    if (this.busyAtMs !== undefined && this.o.clock.now() - this.busyAtMs <= BUSY_WINDOW_MS) {
      const limit = parseQuantity(this.o.container.resources?.limits?.cpu)
      cpu = Math.max(cpu, Math.min(ONE_CORE_MILLICORES, limit ? milliValue(limit) : ONE_CORE_MILLICORES))
    }
    return { cpuMillicores: cpu, memoryBytes: this.memory.size > 0 ? mem : this.o.image.memoryBytes }
  }

  /** The container ended: its ports close (connects are refused from now on). */
  close(): void {
    this.closed = true
    for (const close of this.closers) close()
    this.closers.clear()
  }

  private listen(port: number, listener: Parameters<ProcessHost['listen']>[1]): () => void {
    if (this.closed) return () => {}
    const close = this.o.fabric.listen(this.o.netns, port, listener)
    let open = true
    const closeOnce = () => {
      if (!open) return
      open = false
      this.closers.delete(closeOnce)
      close()
    }
    this.closers.add(closeOnce)
    return closeOnce
  }
}
