// The pod's prober: upstream's prober_manager (workers per container and probe kind, the results
// cache, UpdatePodStatus's readiness trigger) for one pod. Containers without probes cost
// nothing: no entry, no timer.
import type { Container, KubeObject, Pod } from '../../../api/types'
import { probeOf, probeSettings } from './spec'
import type { PodProberApi, PodProberFactory, ProbeHost, ProbeKind } from './types'
import { ProbeWorker, type ContainerRun, type WorkerOwner } from './worker'

const KINDS: readonly ProbeKind[] = ['startup', 'liveness', 'readiness']

/**
 * The kubelet notices a started container at its next PLEG relist (every 1 s) and syncs the pod;
 * that sync's UpdatePodStatus runs a not-yet-ready readiness probe at once. So the first
 * readiness probe comes 0–1 s after the start (seeded), not a whole period later.
 */
export const PLEG_RELIST_MS = 1000

/** Whether any probe is set (the runtime's cheap test). */
export function hasProbes(spec: Container): boolean {
  return !!(spec.livenessProbe || spec.readinessProbe || spec.startupProbe)
}

/**
 * A just-started container's gates before any probe result: started unless it has a startup
 * probe; ready once started, unless it has a readiness probe (then ready waits for
 * onResult('readiness', true)). After onResult('startup', true): started, and ready at once when
 * there is no readiness probe.
 */
export function initialProbeState(spec: Container): { started: boolean; ready: boolean } {
  const started = !spec.startupProbe
  return { started, ready: started && !spec.readinessProbe }
}

export const createPodProber: PodProberFactory = (pod, host) => new PodProber(pod, host)

class PodProber implements PodProberApi, WorkerOwner {
  isTerminating = false
  private stopped = false
  private readonly runs = new Map<string, ContainerRun>()
  /** Tick phase per `container/kind`, chosen at the first start and kept across restarts. */
  private readonly phases = new Map<string, number>()
  private syncQueued = false

  constructor(readonly pod: Pod & KubeObject, readonly host: ProbeHost) {}

  startContainer(spec: Container, podIP: string, startedAtMs: number): void {
    this.stopContainer(spec.name)
    if (this.stopped || !hasProbes(spec)) return
    const run: ContainerRun = {
      spec,
      podIP,
      startedAtMs,
      stopped: false,
      results: { readiness: 'failure', liveness: 'success', startup: 'unknown' },
      workers: {},
    }
    this.runs.set(spec.name, run)
    for (const kind of KINDS) {
      const probe = probeOf(spec, kind)
      if (!probe) continue
      const settings = probeSettings(kind, probe)
      const key = `${spec.name}/${kind}`
      let phase = this.phases.get(key)
      if (phase === undefined) {
        // The first probe after a random part of a period (worker.go's jitter).
        phase = startedAtMs + Math.floor(this.host.random.next() * settings.periodMs)
        this.phases.set(key, phase)
      }
      const w = new ProbeWorker(this, run, kind, probe, settings, phase)
      run.workers[kind] = w
      w.start()
    }
    const readiness = run.workers.readiness
    if (readiness) {
      const delay = this.host.random.int(PLEG_RELIST_MS)
      run.cancelSync = this.host.clock.after(delay, () => {
        if (!run.stopped && this.started(run) && run.results.readiness !== 'success') readiness.trigger()
      })
    }
  }

  stopContainer(name: string): void {
    const run = this.runs.get(name)
    if (!run) return
    run.stopped = true
    run.cancelSync?.()
    for (const w of Object.values(run.workers)) w.stop()
    this.runs.delete(name)
  }

  /** Liveness/startup workers notice at their next tick (worker.go's deletionTimestamp guard). */
  terminating(): void {
    this.isTerminating = true
  }

  stop(): void {
    this.stopped = true
    for (const name of [...this.runs.keys()]) this.stopContainer(name)
  }

  started(run: ContainerRun): boolean {
    return !run.spec.startupProbe || run.results.startup === 'success'
  }

  set(run: ContainerRun, kind: ProbeKind, result: 'success' | 'failure'): void {
    if (run.stopped || run.results[kind] === result) return
    run.results[kind] = result
    this.host.onResult(kind, run.spec.name, result === 'success')
    this.queueSync()
  }

  /**
   * A result change makes the kubelet sync the pod; UpdatePodStatus then triggers the readiness
   * probe of every started, running, not-ready container (so a readiness flip to false is
   * followed by one more probe at once, and a startup success by a readiness probe).
   */
  private queueSync(): void {
    if (this.syncQueued) return
    this.syncQueued = true
    this.host.clock.after(0, () => {
      this.syncQueued = false
      for (const run of this.runs.values()) {
        const w = run.workers.readiness
        if (w && this.started(run) && run.results.readiness !== 'success') w.trigger()
      }
    })
  }
}
