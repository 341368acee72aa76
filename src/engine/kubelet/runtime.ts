// The simulated container runtime's view of one pod: what the kubelet knows that the API does not
// (the runtime is the source of truth for containers, as containerd/dockerd are upstream). The
// kubelet turns this into pod status (status.ts) and writes it only when it changed.
import type { Netns } from '../network/types'
import type { ContainerProcess } from './process/types'
import type { PodProberApi } from './prober/types'

export interface TerminatedState {
  exitCode: number
  reason: string
  /** StartError's runtime message (`failed to create containerd task: …`). */
  message?: string
  startedAt: string
  finishedAt: string
  containerID: string
}

/** Why the kubelet is stopping a running container. */
export type StopCause = 'delete' | 'restart' | 'change'

export interface ContainerRuntime {
  name: string
  /** An init container: runs to completion, in order, before the app containers start. */
  init: boolean
  /** As the spec names it (`nginx`). */
  image: string
  state: 'waiting' | 'running' | 'terminated'
  waitingReason: string
  waitingMessage?: string
  /** Whether the image has been pulled for this container (once; restarts reuse it). */
  imageReady: boolean
  containerID?: string
  startedAt?: string
  terminated?: TerminatedState
  lastTerminated?: TerminatedState
  restartCount: number
  /** Current crash-loop back-off (0 until the first restart), as flowcontrol.Backoff keeps it. */
  backoffMs: number
  /** Bumped at every start: timers of an earlier instance check it and stand down. */
  instance: number
  /** A spec change (new image) is being applied: stop, pull, start again. */
  changing: boolean
  /** When the back-off last grew (virtual ms): after 2 × the 5 min cap without growth it resets. */
  backoffUpdatedAt: number
  /** The running process (PID 1), while there is one. */
  process?: ContainerProcess
  /** Set while the kubelet stops the process on purpose (its exit is then expected). */
  stopping?: StopCause
  /** Readiness probe result: a container with a readiness probe is not ready until it succeeds. */
  probeReady: boolean
  /** Startup probe passed (or there is none): containerStatuses[].started. */
  startupDone: boolean
  /** The image pull back-off (flowcontrol.Backoff keyed by pod + image): current and last update. */
  pullBackoffMs: number
  pullBackoffAt: number
}

export interface PodRuntime {
  uid: string
  key: string
  startTime: string
  sandboxReady: boolean
  podIP?: string
  /** The sandbox's network namespace (attached to the fabric while the pod lives). */
  netns?: Netns
  containers: ContainerRuntime[]
  /** spec.initContainers, run one at a time to completion first. */
  initContainers: ContainerRuntime[]
  /** Index of the init container running or next to run; = initContainers.length when done. */
  nextInit: number
  /** Containers are started in spec order; index of the next one to bring up. */
  nextToStart: number
  /** Set once the pod worker began killing it (deletionTimestamp seen). */
  killing: boolean
  /** An init container failed under restartPolicy Never: the pod is Failed, nothing more starts. */
  initFailed?: boolean
  /** Volumes were set up (emptyDirs exist, configMaps projected); until then ContainerCreating. */
  volumesReady: boolean
  /** Liveness, readiness and startup probes of this pod. */
  prober?: PodProberApi
  /** Pending timers for this pod (cancelled when the pod goes away). */
  timers: Set<() => void>
}

export function newContainerRuntime(name: string, image: string, init: boolean, waitingReason: string): ContainerRuntime {
  return {
    name, init, image, state: 'waiting', waitingReason, imageReady: false, restartCount: 0, backoffMs: 0,
    backoffUpdatedAt: 0, instance: 0, changing: false, probeReady: false, startupDone: false, pullBackoffMs: 0, pullBackoffAt: 0,
  }
}
