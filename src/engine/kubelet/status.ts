// Pod status from the runtime's state: upstream's generateAPIPodStatus + getPhase, as a pure
// function so the kubelet writes only when the result differs from what is stored.
import type { Pod, PodStatus, ContainerStatus } from '../../api/types'
import { setCondition, getCondition, type Condition } from '../../api/objects'
import { imageID, statusImage } from '../images/catalog'
import type { ContainerRuntime, PodRuntime, TerminatedState } from './runtime'

function terminated(t: TerminatedState) {
  const s: Record<string, unknown> = { containerID: t.containerID, exitCode: t.exitCode, finishedAt: t.finishedAt, reason: t.reason, startedAt: t.startedAt }
  if (t.message) s.message = t.message
  return { terminated: s }
}

/** Ready: running, past its startup probe, and its readiness probe (if any) succeeded. */
export const containerReady = (c: ContainerRuntime) => c.state === 'running' && c.startupDone && c.probeReady

function containerStatus(c: ContainerRuntime): ContainerStatus {
  if (c.init) return initContainerStatus(c)
  // While waiting for its first start, a container shows the spec's image and no ids yet.
  const pulled = c.state !== 'waiting' || c.lastTerminated !== undefined
  const state =
    c.state === 'running' ? { running: { startedAt: c.startedAt! } }
      : c.state === 'terminated' && c.terminated ? terminated(c.terminated)
        : { waiting: c.waitingMessage ? { message: c.waitingMessage, reason: c.waitingReason } : { reason: c.waitingReason } }
  const s: Record<string, unknown> = {
    // Waiting in CrashLoopBackOff still names the last container (describe shows its ID).
    containerID: c.state === 'running' ? c.containerID : c.state === 'terminated' ? c.terminated?.containerID : c.lastTerminated?.containerID,
    image: pulled ? statusImage(c.image) : c.image,
    imageID: pulled ? imageID(c.image) : '',
    lastState: c.lastTerminated ? terminated(c.lastTerminated) : {},
    name: c.name,
    ready: containerReady(c),
    restartCount: c.restartCount,
    started: c.state === 'running' && c.startupDone,
    state,
  }
  if (s.containerID === undefined) delete s.containerID
  return s as unknown as ContainerStatus
}

/** An init container is `ready` once it completed; it is never `started` in the app sense. */
function initContainerStatus(c: ContainerRuntime): ContainerStatus {
  const s = containerStatus({ ...c, init: false }) as unknown as Record<string, unknown>
  s.ready = c.state === 'terminated' && c.terminated?.exitCode === 0
  s.started = c.state === 'running'
  return s as unknown as ContainerStatus
}

/**
 * getPhase (pkg/kubelet/kubelet_pods.go): any container waiting without having run → Pending;
 * any running → Running; all stopped → Running under restartPolicy Always (they restart),
 * Succeeded when every exit was 0, else Failed (Never) or Running (OnFailure).
 */
export function podPhase(pod: Pod, rt: PodRuntime): string {
  // A pod being deleted whose containers all stopped is terminal (1.27+): Succeeded or Failed.
  const terminal = rt.killing
  // An init container failed and will not be retried (restartPolicy Never): the pod failed.
  if (rt.initFailed) return 'Failed'
  let running = 0, waiting = 0, stopped = 0, succeeded = 0
  for (const c of rt.containers) {
    if (c.state === 'running') running++
    else if (c.state === 'terminated') { stopped++; if (c.terminated?.exitCode === 0) succeeded++ }
    else if (c.lastTerminated) { stopped++; if (c.lastTerminated.exitCode === 0) succeeded++ }
    else waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    const policy = pod.spec?.restartPolicy ?? 'Always'
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    return policy === 'Never' ? 'Failed' : 'Running'
  }
  return 'Pending'
}

export interface NodeFacts {
  hostIP: string
}

/** The status the kubelet would write now. Keeps PodScheduled and qosClass as stored. */
export function computePodStatus(pod: Pod, rt: PodRuntime, node: NodeFacts, now: string): PodStatus {
  const old = pod.status ?? {}
  const phase = podPhase(pod, rt)
  const notReady = rt.containers.filter((c) => !containerReady(c)).map((c) => c.name)
  const done = phase === 'Succeeded' || phase === 'Failed'
  // GeneratePodReadyCondition / GeneratePodInitializedCondition: only a Succeeded pod says PodCompleted.
  const completed = phase === 'Succeeded'
  const ready: Condition = notReady.length === 0
    ? { type: 'Ready', status: 'True' }
    : completed
      ? { type: 'Ready', status: 'False', reason: 'PodCompleted' }
      : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` }
  const containersReady: Condition = { ...ready, type: 'ContainersReady' }
  const conds = old.conditions as Condition[] | undefined
  const incomplete = rt.initContainers.filter((c) => !(c.state === 'terminated' && c.terminated?.exitCode === 0)).map((c) => c.name)
  const initialized: Condition = completed
    ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
    : incomplete.length
      ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` }
      : { type: 'Initialized', status: 'True' }
  // Upstream's order: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
  const want: Condition[] = [
    { type: 'PodReadyToStartContainers', status: rt.sandboxReady && !done ? 'True' : 'False' },
    initialized,
    ready,
    containersReady,
  ]
  let next: Condition[] = []
  for (const c of want) {
    const prev = getCondition(conds, c.type)
    next = setCondition(next, { lastProbeTime: null, ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now }, now)
    // setCondition merges: drop a stale reason/message the new condition no longer has.
    const i = next.length - 1
    next[i] = { lastProbeTime: null, ...c, lastTransitionTime: next[i].lastTransitionTime }
  }
  const scheduled = getCondition(conds, 'PodScheduled')
  if (scheduled) next.push(scheduled)

  const status: Record<string, unknown> = {
    conditions: next,
    containerStatuses: rt.containers.map(containerStatus),
    hostIP: node.hostIP,
    initContainerStatuses: rt.initContainers.length ? rt.initContainers.map(containerStatus) : undefined,
    hostIPs: [{ ip: node.hostIP }],
    phase,
    podIP: rt.podIP,
    podIPs: rt.podIP ? [{ ip: rt.podIP }] : undefined,
    qosClass: old.qosClass,
    startTime: rt.startTime,
  }
  for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k]
  return status as PodStatus
}
