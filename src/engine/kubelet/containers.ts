// The container half of the kubelet's pod worker: pull → create → start per container, exits and
// crash-loop back-off, image changes, and stopping containers when a pod is deleted. It mutates
// the runtime state (runtime.ts) on the clock; the kubelet turns that into status.
import type { Pod as CorePod, KubeObject } from '../../api/types'
import { toRFC3339 } from '../runtime/clock'
import { lookupImage, defaultPullPolicy } from '../images/catalog'
import type { ImageStore } from './imagestore'
import type { KubeletOptions } from './kubelet'
import type { ContainerRuntime, PodRuntime } from './runtime'
import { containerBehaviour } from './behaviour'
import { stageDelay, pullDuration, goDuration, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, DEFAULT_GRACE_SECONDS, type StageName } from './stages'

type Pod = CorePod & KubeObject

/** What the container worker needs from its kubelet. */
export interface ContainerHost {
  readonly o: KubeletOptions
  readonly images: ImageStore
  latest(uid: string): Pod | undefined
  /** Run `fn` after a stage's delay (or ms) unless the pod goes away; then re-sync the pod. */
  later(rt: PodRuntime, delay: StageName | number, fn: () => void): void
  event(rt: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string, c?: ContainerRuntime): void
  containerID(): string
  /** After the containers stopped: final status and DELETE with grace 0. */
  finishKill(rt: PodRuntime): void
}

/** format.Pod: `web_default(4f0c…)`, as kubelet messages name a pod. */
export const formatPod = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`

export class Containers {
  constructor(private readonly h: ContainerHost) {}

  /**
   * A container's image changed (`kubectl set image`, `apply`): the kubelet sees a new spec hash,
   * kills the running container (`Container web definition changed, will be restarted`) and
   * starts one from the new image, restartCount + 1 and no back-off.
   */
  applySpecChanges(pod: Pod, rt: PodRuntime): void {
    pod.spec?.containers?.forEach((spec, i) => {
      const c = rt.containers.find((x) => x.name === spec.name)
      if (!c || !spec.image || spec.image === c.image || c.changing) return
      const adopt = () => { c.image = spec.image!; c.behaviour = containerBehaviour(spec); c.imageReady = false }
      // Not running: the next (re)start simply uses the new image.
      if (c.state !== 'running' || i >= rt.nextToStart) return adopt()
      c.changing = true
      this.h.event(rt, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`, c)
      const graceMs = 1000 * (pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS)
      const sigkill = c.behaviour.stopMs === undefined || c.behaviour.stopMs >= graceMs
      this.h.later(rt, sigkill ? graceMs : c.behaviour.stopMs!, () => {
        c.instance++ // the old process's exit timer, if any, no longer applies
        c.state = 'terminated'
        c.terminated = { exitCode: sigkill ? 137 : 0, reason: sigkill ? 'Error' : 'Completed', startedAt: c.startedAt!, finishedAt: this.h.o.clock.nowISO(), containerID: c.containerID! }
        adopt()
        this.pullThen(rt, c, () => this.createAndStart(rt, c, () => { c.changing = false }))
      })
    })
  }

  /** Containers start one after another, in spec order, as the kubelet's SyncPod does. */
  startNext(rt: PodRuntime): void {
    if (rt.killing) return
    if (rt.nextInit < rt.initContainers.length) {
      // One init container at a time; its exit (onExit) moves on to the next.
      const c = rt.initContainers[rt.nextInit]
      return this.pullThen(rt, c, () => this.createAndStart(rt, c, () => {}))
    }
    if (rt.nextToStart >= rt.containers.length) return
    const c = rt.containers[rt.nextToStart]
    this.pullThen(rt, c, () => this.createAndStart(rt, c, () => { rt.nextToStart++; this.startNext(rt) }))
  }

  private pullThen(rt: PodRuntime, c: ContainerRuntime, next: () => void): void {
    const spec = this.h.latest(rt.uid)?.spec?.containers?.find((x) => x.name === c.name)
    const policy = spec?.imagePullPolicy ?? defaultPullPolicy(c.image)
    if (policy === 'Never' || (policy === 'IfNotPresent' && this.h.images.has(c.image))) {
      this.h.event(rt, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, c)
      c.imageReady = true
      return next()
    }
    this.h.event(rt, 'Normal', 'Pulling', `Pulling image "${c.image}"`, c)
    const now = this.h.o.clock.now()
    let ms = this.h.images.has(c.image) ? stageDelay('pullCached', this.h.o.random) : pullDuration(lookupImage(c.image).sizeBytes, this.h.o.random)
    const other = this.h.images.pullEnds(c.image, now)
    if (other !== undefined) ms = Math.max(ms, other - now)
    this.h.images.startPull(c.image, now + ms)
    this.h.later(rt, ms, () => {
      this.h.images.add(c.image)
      c.imageReady = true
      const d = goDuration(ms)
      this.h.event(rt, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${lookupImage(c.image).sizeBytes} bytes.`, c)
      next()
    })
  }

  private createAndStart(rt: PodRuntime, c: ContainerRuntime, next: () => void): void {
    this.h.later(rt, 'create', () => {
      c.containerID = this.h.containerID()
      this.h.event(rt, 'Normal', 'Created', `Created container ${c.name}`, c)
      this.h.later(rt, 'start', () => {
        const startedAt = this.h.o.clock.now()
        const instance = ++c.instance
        c.startedAt = toRFC3339(startedAt)
        this.h.event(rt, 'Normal', 'Started', `Started container ${c.name}`, c)
        // A process that exits at once is never seen running: the next relist finds it exited,
        // and until then the status still shows the previous container.
        if (c.behaviour.runMs !== 0) {
          this.rotate(c)
          c.state = 'running'
          c.waitingMessage = undefined
        }
        if (c.behaviour.runMs !== undefined) this.h.later(rt, c.behaviour.runMs, () => this.onExit(rt, c, startedAt, instance))
        next()
      })
    })
  }

  /** A new container instance is seen: the previous one becomes lastState, restartCount + 1. */
  private rotate(c: ContainerRuntime): void {
    if (!c.terminated) return
    c.lastTerminated = c.terminated
    c.terminated = undefined
    c.restartCount++
  }

  /** The process ended (exit 0); the PLEG notices it on its next relist, then restart policy decides. */
  private onExit(rt: PodRuntime, c: ContainerRuntime, startedAtMs: number, instance: number): void {
    if (c.instance !== instance) return
    const finishedAt = this.h.o.clock.now()
    const containerID = c.containerID!
    this.h.later(rt, 'pleg', () => {
      if (c.instance !== instance) return
      if (c.state !== 'running') this.rotate(c)
      c.state = 'terminated'
      c.terminated = { exitCode: 0, reason: 'Completed', startedAt: toRFC3339(startedAtMs), finishedAt: toRFC3339(finishedAt), containerID }
      if (c.init) {
        rt.nextInit++
        return this.startNext(rt)
      }
      const policy = this.h.latest(rt.uid)?.spec?.restartPolicy ?? 'Always'
      if (policy !== 'Always') return // exit 0: OnFailure and Never leave it Completed
      this.restartAfterBackoff(rt, c, finishedAt)
    })
  }

  /**
   * flowcontrol.Backoff as the kubelet uses it: the first exit restarts at once (and arms 10 s);
   * later exits wait the current back-off from finishedAt, doubling each time up to 5 min.
   */
  private restartAfterBackoff(rt: PodRuntime, c: ContainerRuntime, finishedAt: number): void {
    const pod = this.h.latest(rt.uid)
    const restart = () => this.pullThen(rt, c, () => this.createAndStart(rt, c, () => {}))
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

  /** deletionTimestamp seen: stop every running container, then remove the pod for good. */
  beginKill(pod: Pod, rt: PodRuntime): void {
    rt.killing = true
    for (const cancel of rt.timers) cancel()
    rt.timers.clear()
    const graceMs = 1000 * (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS)
    this.h.later(rt, 'kill', () => {
      let longest = 0
      for (const c of [...rt.initContainers, ...rt.containers]) {
        if (c.state !== 'running') continue
        this.h.event(rt, 'Normal', 'Killing', `Stopping container ${c.name}`, c)
        // nginx exits in 150 ms; a `sleep` as PID 1 ignores SIGTERM and is killed at the grace period.
        const sigkill = c.behaviour.stopMs === undefined || c.behaviour.stopMs >= graceMs
        const ms = sigkill ? graceMs : c.behaviour.stopMs!
        longest = Math.max(longest, ms)
        this.h.later(rt, ms, () => {
          c.state = 'terminated'
          c.terminated = {
            exitCode: sigkill ? 137 : 0, reason: sigkill ? 'Error' : 'Completed',
            startedAt: c.startedAt!, finishedAt: this.h.o.clock.nowISO(), containerID: c.containerID!,
          }
        })
      }
      this.h.later(rt, longest + stageDelay('remove', this.h.o.random), () => this.h.finishKill(rt))
    })
  }}
