// One probe kind for one running container: upstream pkg/kubelet/prober/worker.go on the
// virtual clock. A ticker every periodSeconds (phase fixed per container and kind, so restarts
// keep it, like upstream's long-lived worker); readiness also runs on "manual" triggers (the pod
// status sync after a start or a probe result change). doProbe's guards, in upstream order:
// on hold → terminating → initial delay → startup gating → probe → thresholds.
import type { Container, KubeObject, Pod } from '../../../api/types'
import { createCancel } from '../../../shell'
import { runProbe, REASON_UNHEALTHY, type ProbeVerdict } from './run'
import { KIND_WORD, type ProbeSettings } from './spec'
import { errorText } from './outcome'
import type { ProbeHost, ProbeKind } from './types'

type Probe = NonNullable<Container['livenessProbe']>

/** A thresholded result as the results manager caches it. */
export type CachedResult = 'success' | 'failure' | 'unknown'

/** One run of a container (from startContainer to stopContainer). */
export interface ContainerRun {
  spec: Container
  podIP: string
  startedAtMs: number
  stopped: boolean
  /** Initial values as upstream's workers set them: readiness failure, liveness success, startup unknown. */
  results: Record<ProbeKind, CachedResult>
  workers: Partial<Record<ProbeKind, ProbeWorker>>
  /** Cancels the first readiness trigger (the status sync after the start). */
  cancelSync?: () => void
}

/** What a worker needs from its pod's prober. */
export interface WorkerOwner {
  readonly pod: Pod & KubeObject
  readonly host: ProbeHost
  /** The pod has a deletionTimestamp. */
  readonly isTerminating: boolean
  /** Started = no startup probe, or it succeeded. */
  started(run: ContainerRun): boolean
  /** A thresholded result: cache it and, when it changed, report it. */
  set(run: ContainerRun, kind: ProbeKind, result: 'success' | 'failure'): void
}

export class ProbeWorker {
  private onHold = false
  private lastResult: CachedResult = 'unknown'
  private resultRun = 0
  private busy = false
  private pendingTick = false
  private pendingManual = false
  private stopped = false
  private cancelTimer: (() => void) | undefined
  private abort: (() => void) | undefined

  constructor(
    private readonly owner: WorkerOwner,
    private readonly run: ContainerRun,
    readonly kind: ProbeKind,
    private readonly probe: Probe,
    readonly settings: ProbeSettings,
    /** Ticks fall at phaseMs + k × period. */
    private readonly phaseMs: number,
  ) {}

  start(): void {
    const clock = this.owner.host.clock
    const period = this.settings.periodMs
    const k = Math.ceil((clock.now() - this.phaseMs) / period)
    this.schedule(this.phaseMs + k * period)
  }

  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
    this.cancelTimer = undefined
    this.abort?.()
  }

  /** A manual run (readiness after a status sync): now, or right after the probe in flight. */
  trigger(): void {
    this.fire('manual')
  }

  private schedule(at: number): void {
    this.cancelTimer = this.owner.host.clock.at(at, () => {
      if (this.stopped) return
      this.schedule(at + this.settings.periodMs)
      this.fire('tick')
    })
  }

  private fire(source: 'tick' | 'manual'): void {
    if (this.stopped) return
    if (this.busy) {
      // Go's ticker channel and the manual channel each buffer one signal.
      if (source === 'tick') this.pendingTick = true
      else this.pendingManual = true
      return
    }
    void this.doProbe()
  }

  private async doProbe(): Promise<void> {
    const { owner, run, kind } = this
    if (this.onHold) return
    if (owner.isTerminating && kind !== 'readiness') {
      // Graceful shutdown: liveness/startup report success (a last result for a quiet shutdown:
      // no restart of a dying pod) and stop.
      this.stop()
      owner.set(run, kind, 'success')
      return
    }
    const { clock } = owner.host
    const sinceStartS = Math.trunc((clock.now() - run.startedAtMs) / 1000)
    if (sinceStartS < this.settings.initialDelaySeconds) return
    const started = owner.started(run)
    // Startup probes stop once started; the others wait for it.
    if (started ? kind === 'startup' : kind !== 'startup') return

    this.busy = true
    const cancel = createCancel()
    this.abort = cancel.abort
    let verdict: ProbeVerdict
    try {
      verdict = await runProbe(kind, this.probe, owner.pod, {
        host: owner.host,
        container: run.spec,
        podIP: run.podIP,
        timeoutMs: this.settings.timeoutMs,
        signal: cancel.signal,
      })
    } catch (e) {
      // Upstream's doProbe recovers panics and keeps going.
      if (!this.stopped) owner.host.event('Warning', REASON_UNHEALTHY, `${KIND_WORD[kind]} probe errored: ${errorText(e)}`, run.spec.name)
      verdict = 'error'
    }
    this.abort = undefined
    if (this.stopped) return
    this.busy = false
    this.record(verdict)
    if (this.pendingTick) {
      this.pendingTick = false
      this.fire('tick')
    } else if (this.pendingManual) {
      this.pendingManual = false
      this.fire('manual')
    }
  }

  /** The thresholds: only a run of failureThreshold failures (successThreshold successes) counts. */
  private record(verdict: ProbeVerdict): void {
    // A probe error is thrown away: it neither counts nor resets the run.
    if (verdict === 'error' || verdict === 'dropped') return
    if (this.lastResult === verdict) this.resultRun++
    else {
      this.lastResult = verdict
      this.resultRun = 1
    }
    const s = this.settings
    if ((verdict === 'failure' && this.resultRun < s.failureThreshold) || (verdict === 'success' && this.resultRun < s.successThreshold)) return
    if (verdict === 'failure' && this.kind !== 'readiness') {
      // The container will be restarted: stop probing until a new one starts.
      this.onHold = true
      this.resultRun = 0
    }
    this.owner.set(this.run, this.kind, verdict)
  }
}
