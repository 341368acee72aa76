// Pod columns and STATUS, ported from printPod in pkg/printers/internalversion/printers.go.
//
// STATUS starts as the phase (or status.reason), then init containers override it
// (`Init:0/2`, `Init:CrashLoopBackOff`, `Init:Error`), then regular containers, scanned from
// the last to the first, override it with a waiting/terminated reason (`ContainerCreating`,
// `CrashLoopBackOff`, `Completed`, `ExitCode:3`), and deletion wins at the end (`Terminating`).

import type { Pod, ContainerStatus } from '../../../api/types'
import type { KubeObject } from '../../../api/types'
import { translateTimestampSince, parseTime } from '../age'
import { NONE } from '../util'
import type { KindColumns, RowContext } from './types'

/** The pod condition a scheduling gate leaves (v1.PodReasonSchedulingGated). */
export const POD_REASON_SCHEDULING_GATED = 'SchedulingGated'
/** node.NodeUnreachablePodReason: the node controller marks pods on a lost node with it. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

export interface PodRowInfo {
  ready: string
  status: string
  restarts: string
}

const isRestartable = (c: { restartPolicy?: string } | undefined) => c?.restartPolicy === 'Always'

function conditionTrue(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

/** Keep the later of two finishedAt times (lastRestartDate.Before(&terminatedDate)). */
function later(cur: number, cs: ContainerStatus): number {
  const t = parseTime(cs.lastState?.terminated?.finishedAt)
  return t !== undefined && t > cur ? t : cur
}

/** READY, STATUS and RESTARTS exactly as printPod computes them. */
export function podRowInfo(pod: Pod, now: number): PodRowInfo {
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? {}
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = (spec.containers ?? []).length
  let readyContainers = 0
  let lastRestart = 0 // 0 = the zero time
  let lastRestartableInitRestart = 0

  const phase = status.phase ?? ''
  let reason = status.reason || phase

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === POD_REASON_SCHEDULING_GATED) reason = POD_REASON_SCHEDULING_GATED
  }

  const initByName = new Map((spec.initContainers ?? []).map((c) => [c.name, c]))
  for (const c of spec.initContainers ?? []) if (isRestartable(c)) totalContainers++

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]
    restarts += cs.restartCount ?? 0
    lastRestart = later(lastRestart, cs)
    const sidecar = isRestartable(initByName.get(cs.name))
    if (sidecar) {
      restartableInitRestarts += cs.restartCount ?? 0
      lastRestartableInitRestart = later(lastRestartableInitRestart, cs)
    }
    const term = cs.state?.terminated
    const wait = cs.state?.waiting
    if (term && term.exitCode === 0) continue
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++
      continue
    }
    if (term) {
      // initialization failed
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`
      else reason = `Init:${term.reason}`
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`
    }
    initializing = true
    break
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]
      restarts += cs.restartCount ?? 0
      lastRestart = later(lastRestart, cs)
      const wait = cs.state?.waiting
      const term = cs.state?.terminated
      if (wait && wait.reason) reason = wait.reason
      else if (term && term.reason) reason = term.reason
      else if (term && !term.reason) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (cs.ready && cs.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady'
  }

  const deleting = !!pod.metadata?.deletionTimestamp
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown'
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating'

  let restartsStr = String(restarts)
  if (restarts !== 0 && lastRestart !== 0) {
    restartsStr = `${restarts} (${translateTimestampSince(new Date(lastRestart).toISOString(), now)} ago)`
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr }
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? []
  if (gates.length === 0) return NONE
  let trueConditions = 0
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType)
    if (c?.status === 'True') trueConditions++
  }
  return `${trueConditions}/${gates.length}`
}

export const podColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Ready' }, { name: 'Status' }, { name: 'Restarts' }, { name: 'Age' },
    { name: 'IP', priority: 1 }, { name: 'Node', priority: 1 }, { name: 'Nominated Node', priority: 1 }, { name: 'Readiness Gates', priority: 1 },
  ],
  cells(obj: KubeObject, ctx: RowContext): string[] {
    const pod = obj as unknown as Pod
    const info = podRowInfo(pod, ctx.now)
    const row = [obj.metadata.name ?? '', info.ready, info.status, info.restarts, translateTimestampSince(obj.metadata.creationTimestamp, ctx.now)]
    if (ctx.wide) {
      // Upstream reads podIPs[0]; the API server always mirrors podIP there, podIP is a fallback.
      const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || NONE
      row.push(ip, pod.spec?.nodeName || NONE, pod.status?.nominatedNodeName || NONE, readinessGates(pod))
    }
    return row
  },
}
