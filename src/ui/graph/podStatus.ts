// The STATUS word `kubectl get pods` prints, computed as upstream's printPod does
// (pkg/printers/internalversion/printers.go): phase, then pod reason, then init containers
// (`Init:0/1`, `Init:CrashLoopBackOff`), then app containers from last to first (a waiting or
// terminated reason wins), then `Terminating` for a pod being deleted.
import type { ContainerStatus, KubeObject, Pod } from '../../api/types'

/** node.NodeUnreachablePodReason: a pod on a lost node that is being deleted shows Unknown. */
const NODE_UNREACHABLE_REASON = 'NodeLost'
/** apiv1.PodReasonSchedulingGated. */
const SCHEDULING_GATED = 'SchedulingGated'

function isRestartableInit(pod: Pod, name: string): boolean {
  return pod.spec?.initContainers?.find((c) => c.name === name)?.restartPolicy === 'Always'
}

function terminatedWord(prefix: string, t: NonNullable<NonNullable<ContainerStatus['state']>['terminated']>): string {
  if (t.reason) return prefix + t.reason
  if (t.signal) return `${prefix}Signal:${t.signal}`
  return `${prefix}ExitCode:${t.exitCode}`
}

export interface PodSummary {
  status: string
  ready: number
  total: number
  restarts: number
}

export function podSummary(obj: KubeObject): PodSummary {
  const pod = obj as unknown as Pod
  const phase = pod.status?.phase ?? 'Pending'
  let reason: string = pod.status?.reason || phase
  let restarts = 0
  let ready = 0
  let total = pod.spec?.containers?.length ?? 0
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === SCHEDULING_GATED) reason = SCHEDULING_GATED
  }
  const initSpecs = pod.spec?.initContainers ?? []
  for (const c of initSpecs) if (c.restartPolicy === 'Always') total++

  let initializing = false
  const initStatuses = pod.status?.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount ?? 0
    if (isRestartableInit(pod, c.name) && c.started) {
      if (c.ready) ready++
      continue
    }
    const st = c.state ?? {}
    if (st.terminated && st.terminated.exitCode === 0) continue
    if (st.terminated) reason = terminatedWord('Init:', st.terminated)
    else if (st.waiting?.reason && st.waiting.reason !== 'PodInitializing') reason = `Init:${st.waiting.reason}`
    else reason = `Init:${i}/${initSpecs.length}`
    initializing = true
    break
  }

  const initializedTrue = pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initializedTrue) {
    let hasRunning = false
    const statuses = pod.status?.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]
      restarts += c.restartCount ?? 0
      const st = c.state ?? {}
      if (st.waiting?.reason) reason = st.waiting.reason
      else if (st.terminated) reason = terminatedWord('', st.terminated)
      else if (c.ready && st.running) { hasRunning = true; ready++ }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      reason = podReady ? 'Running' : 'NotReady'
    }
  }

  if (pod.metadata?.deletionTimestamp && pod.status?.reason === NODE_UNREACHABLE_REASON) reason = 'Unknown'
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'

  return { status: reason, ready, total, restarts }
}

export function podStatus(obj: KubeObject): string {
  return podSummary(obj).status
}
