// The simulated container runtime's view of one pod: what the kubelet knows that the API does not
// (the runtime is the source of truth for containers, as containerd/dockerd are upstream). The
// kubelet turns this into pod status (status.ts) and writes it only when it changed.
import type { Behaviour } from './behaviour'

export interface TerminatedState {
  exitCode: number
  reason: string
  startedAt: string
  finishedAt: string
  containerID: string
}

export interface ContainerRuntime {
  name: string
  /** An init container: runs to completion, in order, before the app containers start. */
  init: boolean
  /** As the spec names it (`nginx`). */
  image: string
  behaviour: Behaviour
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
  /** Bumped at every start: timers of an earlier instance (its exit) check it and stand down. */
  instance: number
  /** A spec change (new image) is being applied: stop, pull, start again. */
  changing: boolean
  /** When the back-off last grew (virtual ms): after 2 × the 5 min cap without growth it resets. */
  backoffUpdatedAt: number
}

export interface PodRuntime {
  uid: string
  key: string
  startTime: string
  sandboxReady: boolean
  podIP?: string
  containers: ContainerRuntime[]
  /** spec.initContainers, run one at a time to completion first. */
  initContainers: ContainerRuntime[]
  /** Index of the init container running or next to run; = initContainers.length when done. */
  nextInit: number
  /** Containers are started in spec order; index of the next one to bring up. */
  nextToStart: number
  /** Set once the pod worker began killing it (deletionTimestamp seen). */
  killing: boolean
  /** Pending timers for this pod (cancelled when the pod goes away). */
  timers: Set<() => void>
}
