// updateDaemonSetStatus / storeDaemonSetStatus (pkg/controller/daemon/daemon_controller.go):
// per node that should run the daemon: desired +1; a pod there → current +1; the oldest pod
// ready → numberReady, available (minReadySeconds) → numberAvailable, carrying the current hash
// → updatedNumberScheduled. A pod on a node that should not run one → numberMisscheduled.
// numberUnavailable = desired - available. Worked numbers: 2 nodes, 1 pod Running+Ready, the
// other just created → desired 2, current 2, ready 1, available 1, unavailable 1.
import type { DaemonSet, DaemonSetStatus, KubeObject, Node, Pod } from '../../../api/types'
import { isPodAvailable, isPodReady, msUntilAvailable } from '../podutil'
import { isPodUpdated, nodeShouldRunDaemonPod, podByCreationTimestampAndPhase, templateGeneration } from './util'

export interface DaemonCounts {
  status: DaemonSetStatus
  /** ms until a ready pod becomes available (requeue then), if any is waiting for minReadySeconds. */
  recheckMs?: number
}

export function calculateStatus(ds: DaemonSet, nodes: readonly (Node & KubeObject)[], nodeToPods: ReadonlyMap<string, Pod[]>, hash: string, now: number): DaemonCounts {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0
  let recheckMs: number | undefined
  const minReady = ds.spec?.minReadySeconds ?? 0
  const gen = templateGeneration(ds)
  for (const node of nodes) {
    const [shouldRun] = nodeShouldRunDaemonPod(node, ds)
    const pods = nodeToPods.get(node.metadata.name!) ?? []
    if (!shouldRun) {
      if (pods.length) misscheduled++
      continue
    }
    desired++
    if (!pods.length) continue
    current++
    const pod = [...pods].sort(podByCreationTimestampAndPhase)[0]
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReady, now)) available++
      else {
        const wait = msUntilAvailable(pod, minReady, now)
        if (wait !== undefined) recheckMs = Math.min(recheckMs ?? wait, wait)
      }
    }
    if (isPodUpdated(pod, hash, gen)) updated++
  }
  // Go's omitempty: updatedNumberScheduled, numberAvailable and numberUnavailable vanish at 0.
  const status: DaemonSetStatus = { currentNumberScheduled: current, desiredNumberScheduled: desired, numberMisscheduled: misscheduled, numberReady: ready }
  if (updated) status.updatedNumberScheduled = updated
  if (available) status.numberAvailable = available
  if (desired - available) status.numberUnavailable = desired - available
  return { status, recheckMs }
}

/** The status to write (with observedGeneration), or undefined when nothing changed. */
export function statusToWrite(ds: DaemonSet & KubeObject, next: DaemonSetStatus, observe: boolean): DaemonSetStatus | undefined {
  const cur = ds.status ?? ({} as DaemonSetStatus)
  const out: DaemonSetStatus = { ...next }
  if (cur.collisionCount !== undefined) out.collisionCount = cur.collisionCount
  if (cur.conditions) out.conditions = cur.conditions
  const gen = ds.metadata.generation
  if (observe && gen) out.observedGeneration = gen
  else if (cur.observedGeneration !== undefined) out.observedGeneration = cur.observedGeneration
  const keys: (keyof DaemonSetStatus)[] = ['currentNumberScheduled', 'desiredNumberScheduled', 'numberMisscheduled', 'numberReady', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'observedGeneration']
  const same = keys.every((k) => (cur[k] ?? 0) === (out[k] ?? 0))
  return same ? undefined : out
}
