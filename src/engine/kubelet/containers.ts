// The container half of the kubelet's pod worker: pull → create → start per container, the
// process's exit and the restart policy, crash-loop and image-pull back-off, probe-driven
// restarts, image changes, and stopping containers when a pod is deleted. It mutates the runtime
// state (runtime.ts) on the clock; the kubelet turns that into status.
import type { Pod as CorePod, KubeObject, Container } from '../../api/types'
import { toRFC3339 } from '../runtime/clock'
import { defaultPullPolicy } from '../images/catalog'
import type { ImageResolution, ImageSpec } from '../images/types'
import type { ImageStore } from './imagestore'
import { pullErrorMessage } from './imagestore'
import type { KubeletOptions } from './kubelet'
import type { ContainerRuntime, PodRuntime, TerminatedState } from './runtime'
import type { ContainerProcess, ProcessExit } from './process/types'
import {
  stageDelay, pullDuration, goDuration, nextBackoff, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS,
  IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS, DEFAULT_GRACE_SECONDS, type StageName,
} from './stages'

type Pod = CorePod & KubeObject

/** A created container (env and filesystem ready) to start, or why it cannot be configured. */
export type Launch = { start: () => ContainerProcess } | { problem: string }

/** What the container worker needs from its kubelet. */
export interface ContainerHost {
  readonly o: KubeletOptions
  readonly images: ImageStore
  latest(uid: string): Pod | undefined
  /** Run `fn` after a stage's delay (or ms) unless the pod goes away; then re-sync the pod. */
  later(rt: PodRuntime, delay: StageName | number, fn: () => void): () => void
  event(rt: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string, c?: ContainerRuntime): void
  containerID(): string
  /** After the containers stopped: final status and DELETE with grace 0. */
  finishKill(rt: PodRuntime): void
  /** What a registry answers for the reference. */
  resolve(image: string): ImageResolution
  /** Build env + filesystem and spawn PID 1 (or report a CreateContainerConfigError). */
  launch(rt: PodRuntime, c: ContainerRuntime, spec: Container, image: ImageSpec): Launch
  /** Write status now (a process's exit arrives between timers). */
  resync(rt: PodRuntime): void
  /** The container's process ended: close its log instance. */
  exited(c: ContainerRuntime): void
}

/** format.Pod: `web_default(4f0c…)`, as kubelet messages name a pod. */
export const formatPod = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`

/** Waiting reasons of a container whose last start attempt failed: a spec change retries at once. */
const START_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'CreateContainerConfigError'])

/** How long after the task starts the kubelet knows whether it could exec its command. */
const START_CHECK_MS = 1

const once = (fn: () => void) => { let done = false; return () => { if (!done) { done = true; fn() } } }
const noop = () => {}

export class Containers {
  /** A container's pending retry after a failed start (pull, config): cancelled when retried sooner. */
  private readonly retries = new Map<ContainerRuntime, () => void>()

  constructor(private readonly h: ContainerHost) {}

  private spec(rt: PodRuntime, c: ContainerRuntime): Container | undefined {
    const pod = this.h.latest(rt.uid)
    return (c.init ? pod?.spec?.initContainers : pod?.spec?.containers)?.find((x) => x.name === c.name)
  }

  private graceMs(rt: PodRuntime): number {
    const pod = this.h.latest(rt.uid)
    return 1000 * (pod?.metadata.deletionGracePeriodSeconds ?? pod?.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS)
  }

  /**
   * A container's image changed (`kubectl set image`, `apply`): the kubelet sees a new spec hash,
   * kills the running container (`Container web definition changed, will be restarted`) and
   * starts one from the new image, restartCount + 1 and no back-off.
   */
  applySpecChanges(pod: Pod, rt: PodRuntime): void {
    pod.spec?.containers?.forEach((spec) => {
      const c = rt.containers.find((x) => x.name === spec.name)
      if (!c || !spec.image || spec.image === c.image || c.changing) return
      const adopt = () => { c.image = spec.image!; c.imageReady = false; c.pullBackoffMs = 0 }
      if (!c.process) {
        adopt()
        // A failed start (a tag that does not exist) is retried with the new image at once.
        if (c.state === 'waiting' && START_ERRORS.has(c.waitingReason)) this.retryNow(rt, c)
        return
      }
      c.changing = true
      this.h.event(rt, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`, c)
      this.stop(rt, c, 'change')
    })
  }

  /** Containers start one after another, in spec order, as the kubelet's SyncPod does. */
  startNext(rt: PodRuntime): void {
    if (rt.killing || rt.initFailed) return
    if (rt.nextInit < rt.initContainers.length) {
      // One init container at a time; its exit (observeExit) moves on to the next.
      return this.bring(rt, rt.initContainers[rt.nextInit], noop)
    }
    if (rt.nextToStart >= rt.containers.length) return
    const c = rt.containers[rt.nextToStart]
    // A container that cannot start (pull, config) does not hold up the ones after it.
    this.bring(rt, c, () => { rt.nextToStart++; this.startNext(rt) })
  }

  /** pull → create → start; `after` once the container started or its attempt failed. */
  private bring(rt: PodRuntime, c: ContainerRuntime, after: () => void): void {
    this.retries.get(c)?.()
    this.retries.delete(c)
    const next = once(after)
    this.pullThen(rt, c, (image) => this.createAndStart(rt, c, image, next), next)
  }

  private retryNow(rt: PodRuntime, c: ContainerRuntime): void {
    if (c.init ? rt.initContainers[rt.nextInit] !== c : rt.containers.indexOf(c) >= rt.nextToStart) return
    this.bring(rt, c, noop)
  }

  /** The pod worker syncs a pod whose last sync failed again after 10–15 s (or `stage`). */
  private retryLater(rt: PodRuntime, c: ContainerRuntime, stage: StageName = 'resync'): void {
    this.retries.get(c)?.()
    this.retries.set(c, this.h.later(rt, stage, () => { this.retries.delete(c); this.bring(rt, c, noop) }))
  }

  private failStart(rt: PodRuntime, c: ContainerRuntime, reason: string, message: string, stage?: StageName): void {
    c.state = 'waiting'
    c.waitingReason = reason
    c.waitingMessage = message
    this.h.event(rt, 'Warning', 'Failed', `Error: ${reason === 'CreateContainerConfigError' ? message : reason}`, c)
    this.retryLater(rt, c, stage)
  }

  private pullThen(rt: PodRuntime, c: ContainerRuntime, next: (image: ImageSpec) => void, failed: () => void): void {
    const spec = this.spec(rt, c)
    const policy = spec?.imagePullPolicy ?? defaultPullPolicy(c.image)
    const res = this.h.resolve(c.image)
    const present = this.h.images.has(c.image)
    const image = res.kind === 'found' ? res.spec : undefined
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (!present || !image) {
        const message = `Container image "${c.image}" is not present with pull policy of Never`
        this.h.event(rt, 'Warning', 'ErrImageNeverPull', message, c)
        this.failStart(rt, c, 'ErrImageNeverPull', message)
        return failed()
      }
      this.h.event(rt, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, c)
      c.imageReady = true
      return next(image)
    }
    const now = this.h.o.clock.now()
    // imageBackOff: inside the window the pod worker only reports it (`Back-off pulling image`).
    if (c.pullBackoffMs > 0 && now - c.pullBackoffAt < c.pullBackoffMs) {
      const message = `Back-off pulling image "${c.image}"`
      this.h.event(rt, 'Normal', 'BackOff', message, c)
      this.failStart(rt, c, 'ImagePullBackOff', message)
      return failed()
    }
    this.h.event(rt, 'Normal', 'Pulling', `Pulling image "${c.image}"`, c)
    if (!image) {
      this.h.later(rt, 'pullFailed', () => {
        const err = pullErrorMessage(c.image, res)
        this.h.event(rt, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${err}`, c)
        const at = this.h.o.clock.now()
        const first = c.pullBackoffMs === 0
        c.pullBackoffMs = nextBackoff(c.pullBackoffMs, c.pullBackoffAt, at, IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS)
        c.pullBackoffAt = at
        // After the first failure the relist reports the new sandbox and the pod syncs again at
        // once, finding the image in back-off (`BackOff`, ImagePullBackOff); later failures wait
        // for the 10–15 s resync of a pod whose sync failed.
        this.failStart(rt, c, 'ErrImagePull', err, first ? 'pleg' : 'resync')
        failed()
      })
      return
    }
    let ms = present ? stageDelay('pullCached', this.h.o.random) : pullDuration(image.sizeBytes, this.h.o.random)
    const other = this.h.images.pullEnds(c.image, now)
    if (other !== undefined) ms = Math.max(ms, other - now)
    this.h.images.startPull(c.image, now + ms)
    this.h.later(rt, ms, () => {
      this.h.images.add(c.image)
      c.imageReady = true
      c.pullBackoffMs = 0
      const d = goDuration(ms)
      this.h.event(rt, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${image.sizeBytes} bytes.`, c)
      next(image)
    })
  }

  private createAndStart(rt: PodRuntime, c: ContainerRuntime, image: ImageSpec, after: () => void): void {
    this.h.later(rt, 'create', () => {
      const spec = this.spec(rt, c) ?? { name: c.name, image: c.image }
      const previousID = c.containerID
      c.containerID = this.h.containerID()
      const launch = this.h.launch(rt, c, spec, image)
      if ('problem' in launch) {
        c.containerID = previousID
        this.failStart(rt, c, 'CreateContainerConfigError', launch.problem)
        return after()
      }
      this.h.event(rt, 'Normal', 'Created', `Created container ${c.name}`, c)
      this.h.later(rt, 'start', () => {
        const proc = launch.start()
        c.process = proc
        c.stopping = undefined
        const instance = ++c.instance
        const startedAtMs = this.h.o.clock.now()
        let seen = false
        let early: ProcessExit | undefined
        void proc.exited.then((exit) => {
          if (!seen) { early = exit; return }
          this.onExit(rt, c, proc, exit, startedAtMs)
        })
        // The task started; a command that cannot run has failed by the next millisecond (a
        // separate instant, so every advancer lets the runtime's promise chain finish first).
        this.h.later(rt, START_CHECK_MS, () => this.started(rt, c, spec, proc, instance, startedAtMs, () => { seen = true; return early }, after))
      })
    })
  }

  /** After the start instant: Started and running, or StartError; a process already gone is left to the relist. */
  private started(rt: PodRuntime, c: ContainerRuntime, spec: Container, proc: ContainerProcess, instance: number, startedAtMs: number, seen: () => ProcessExit | undefined, after: () => void): void {
    const early = seen()
    if (early?.reason === 'StartError') return this.startError(rt, c, proc, early, startedAtMs, after)
    c.startedAt = toRFC3339(startedAtMs)
    this.h.event(rt, 'Normal', 'Started', `Started container ${c.name}`, c)
    // A process that exits at once is never seen running: the next relist finds it exited,
    // and until then the status still shows the previous container.
    if (!early && c.instance === instance && c.process === proc) {
      this.rotate(c)
      c.state = 'running'
      c.waitingMessage = undefined
      // Without a readiness probe a running container is ready; with one, not until it passes.
      c.probeReady = !(rt.prober && spec.readinessProbe)
      c.startupDone = !(rt.prober && spec.startupProbe)
      rt.prober?.startContainer(spec, rt.podIP ?? '', startedAtMs)
    }
    after()
    if (early) this.onExit(rt, c, proc, early, startedAtMs)
  }

  /** A new container instance is seen: the previous one becomes lastState, restartCount + 1. */
  private rotate(c: ContainerRuntime): void {
    if (!c.terminated) return
    c.lastTerminated = c.terminated
    c.terminated = undefined
    c.restartCount++
  }

  private terminatedState(c: ContainerRuntime, exit: ProcessExit, startedAtMs: number, message?: string): TerminatedState {
    const t: TerminatedState = {
      exitCode: exit.exitCode, reason: exit.reason, startedAt: c.startedAt ?? toRFC3339(startedAtMs),
      finishedAt: toRFC3339(exit.atMs), containerID: c.containerID!,
    }
    if (message) t.message = message
    return t
  }

  /** runc could not start the command: terminated StartError (128) at once, then the restart policy. */
  private startError(rt: PodRuntime, c: ContainerRuntime, proc: ContainerProcess, exit: ProcessExit, startedAtMs: number, after: () => void): void {
    if (c.process === proc) c.process = undefined
    this.h.exited(c)
    const raw = exit.message ?? ''
    const message = raw.startsWith('failed to create') ? raw
      : `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${raw}: unknown`
    this.h.event(rt, 'Warning', 'Failed', `Error: ${message}`, c)
    this.rotate(c)
    c.state = 'terminated'
    // A task that never ran: startedAt is the zero time upstream, shown as the Unix epoch.
    c.terminated = { ...this.terminatedState(c, exit, startedAtMs, message), startedAt: toRFC3339(0) }
    after()
    this.afterExit(rt, c, exit.atMs)
  }

  /** PID 1 ended. An expected stop (delete, image change) is handled now; others at the next relist. */
  private onExit(rt: PodRuntime, c: ContainerRuntime, proc: ContainerProcess, exit: ProcessExit, startedAtMs: number): void {
    if (c.process !== proc) return
    c.process = undefined
    this.h.exited(c)
    rt.prober?.stopContainer(c.name)
    const t = this.terminatedState(c, exit, startedAtMs)
    const cause = c.stopping
    c.stopping = undefined
    if (cause === 'delete') {
      c.state = 'terminated'
      c.terminated = t
      this.h.resync(rt)
      if (![...rt.initContainers, ...rt.containers].some((x) => x.process)) this.h.later(rt, 'remove', () => this.h.finishKill(rt))
      return
    }
    if (cause === 'change') {
      c.state = 'terminated'
      c.terminated = t
      const spec = this.spec(rt, c)
      if (spec?.image) { c.image = spec.image; c.imageReady = false; c.pullBackoffMs = 0 }
      this.h.resync(rt)
      this.bring(rt, c, () => { c.changing = false })
      return
    }
    this.h.later(rt, 'pleg', () => {
      if (c.process) return // restarted meanwhile
      if (c.state !== 'running') this.rotate(c)
      c.state = 'terminated'
      c.terminated = t
      this.afterExit(rt, c, exit.atMs)
    })
  }

  /** The restart policy decides: an init container moves on, fails the pod, or backs off. */
  private afterExit(rt: PodRuntime, c: ContainerRuntime, finishedAt: number): void {
    const code = c.terminated?.exitCode ?? 0
    const policy = this.h.latest(rt.uid)?.spec?.restartPolicy ?? 'Always'
    if (c.init) {
      if (code === 0) {
        rt.nextInit++
        return this.startNext(rt)
      }
      // An init container failing under Never fails the pod; otherwise it is retried with back-off.
      if (policy === 'Never') { rt.initFailed = true; return }
      return this.restartAfterBackoff(rt, c, finishedAt)
    }
    if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) return
    this.restartAfterBackoff(rt, c, finishedAt)
  }

  /**
   * flowcontrol.Backoff as the kubelet uses it: the first exit restarts at once (and arms 10 s);
   * later exits wait the current back-off from finishedAt, doubling each time up to 5 min.
   */
  private restartAfterBackoff(rt: PodRuntime, c: ContainerRuntime, finishedAt: number): void {
    const pod = this.h.latest(rt.uid)
    const restart = () => this.bring(rt, c, noop)
    // flowcontrol.Backoff forgets an entry not touched for 2 × max (10 min): a container that
    // ran `sleep 3600` restarts at once every time, never in CrashLoopBackOff.
    if (finishedAt - c.backoffUpdatedAt > 2 * BACKOFF_MAX_MS) c.backoffMs = 0
    if (c.backoffMs === 0) {
      c.backoffMs = BACKOFF_INITIAL_MS
      c.backoffUpdatedAt = finishedAt
      return restart()
    }
    const wait = c.backoffMs
    c.lastTerminated = c.terminated
    c.state = 'waiting'
    c.waitingReason = 'CrashLoopBackOff'
    c.waitingMessage = pod ? `back-off ${goDuration(wait)} restarting failed container=${c.name} pod=${formatPod(pod)}` : undefined
    if (pod) this.h.event(rt, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`, c)
    const due = finishedAt + wait - this.h.o.clock.now()
    this.h.later(rt, Math.max(0, due) + stageDelay('restart', this.h.o.random), () => {
      c.backoffMs = Math.min(c.backoffMs * 2, BACKOFF_MAX_MS)
      c.backoffUpdatedAt = this.h.o.clock.now()
      restart()
    })
  }

  /** SIGTERM now, SIGKILL at the grace period if PID 1 is still there. */
  private stop(rt: PodRuntime, c: ContainerRuntime, cause: 'delete' | 'restart' | 'change', graceMs = this.graceMs(rt)): void {
    const proc = c.process
    if (!proc) return
    c.stopping = cause
    rt.prober?.stopContainer(c.name)
    proc.term()
    this.h.later(rt, graceMs, () => { if (c.process === proc) proc.kill() })
  }

  /**
   * A liveness or startup probe failed past its threshold: the kubelet kills the container and
   * the restart policy brings it back (restartCount + 1, lastState with the exit).
   */
  probeFailed(rt: PodRuntime, name: string, kind: 'liveness' | 'startup'): void {
    const c = rt.containers.find((x) => x.name === name)
    if (!c?.process || c.stopping || rt.killing) return
    this.h.event(rt, 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`, c)
    const spec = this.spec(rt, c)
    const probe = kind === 'liveness' ? spec?.livenessProbe : spec?.startupProbe
    const grace = probe?.terminationGracePeriodSeconds
    this.stop(rt, c, 'restart', grace !== undefined ? grace * 1000 : undefined)
  }

  /** deletionTimestamp seen: stop every running container, then remove the pod for good. */
  beginKill(pod: Pod, rt: PodRuntime): void {
    rt.killing = true
    for (const cancel of rt.timers) cancel()
    rt.timers.clear()
    this.retries.clear()
    rt.prober?.stop()
    const graceMs = 1000 * (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS)
    this.h.later(rt, 'kill', () => {
      const live = [...rt.initContainers, ...rt.containers].filter((c) => c.process)
      if (live.length === 0) return void this.h.later(rt, 'remove', () => this.h.finishKill(rt))
      for (const c of live) {
        this.h.event(rt, 'Normal', 'Killing', `Stopping container ${c.name}`, c)
        // nginx exits at once on SIGTERM; a shell as PID 1 ignores it and is killed at the grace period.
        this.stop(rt, c, 'delete', graceMs)
      }
    })
  }

  /** The pod is gone (force-deleted): kill whatever still runs. */
  killAll(rt: PodRuntime): void {
    for (const c of [...rt.initContainers, ...rt.containers]) {
      const proc = c.process
      c.process = undefined
      this.retries.delete(c)
      proc?.kill()
    }
  }
}
