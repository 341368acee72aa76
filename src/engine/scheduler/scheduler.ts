// The default scheduler: watches pods and nodes, and binds each pending pod without spec.nodeName
// to the best feasible node (filters → scores → highest score, ties broken by the seeded random).
// Like upstream, it keeps a cache of what is already requested on every node (fed by the watch),
// so one scheduling attempt costs O(nodes), not O(pods).
import type { ApiClient } from '../../api/client'
import type { Pod as CorePod, Node as CoreNode, KubeObject, WatchEvent } from '../../api/types'
import { isStatusError } from '../../api/errors'
import { deepCopy, getCondition, setCondition, type Condition } from '../../api/objects'
import type { VirtualClock } from '../runtime/clock'
import type { SeededRandom } from '../runtime/random'
import { WorkQueue, keyOf, splitKey, type SyncResult } from '../runtime/workqueue'
import type { EventRecorder } from '../events/recorder'
import { addResources, subResources, podRequests, ZERO, type Resources } from './resources'
import { runFilters, leastAllocatedScore, nonZeroRequests, type NodeInfo, type FilterStatus } from './plugins'
import { fitErrorMessage } from './fiterror'

/** spec.schedulerName this scheduler answers to. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
/** A pod is picked up 20–40 ms after it appears: the queue pop plus one scheduling cycle. */
export const SCHEDULE_DELAY_MS = 20
export const SCHEDULE_JITTER_MS = 20
/**
 * An unschedulable pod waits in the unschedulable pool until a cluster event (a node added or
 * changed, an assigned pod deleted) might make it fit, then retries after its back-off: 1 s after
 * the first failure, doubling to 10 s (podInitialBackoff / podMaxBackoff). Without any event it is
 * retried anyway after 5 min (podMaxInUnschedulablePodsDuration).
 */
export const INITIAL_BACKOFF_MS = 1_000
export const MAX_BACKOFF_MS = 10_000
export const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000

type Pod = CorePod & KubeObject
type Node = CoreNode & KubeObject

interface Assigned { node: string; req: Resources; nonZero: Resources }

export class Scheduler {
  private nodes = new Map<string, Node>()
  private usage = new Map<string, { requested: Resources; nonZero: Resources }>()
  private assigned = new Map<string, Assigned>() // pod uid → where it counts
  private attempts = new Map<string, number>() // pod key → failed attempts
  private lastAttempt = new Map<string, number>() // pod key → virtual ms of the last failure
  private queue: WorkQueue
  private stops: (() => void)[] = []

  constructor(
    private readonly api: ApiClient,
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
    private readonly recorder: EventRecorder,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'scheduler')
  }

  start(): this {
    this.stops.push(this.api.watch<Node>('nodes', {}, (ev) => this.onNode(ev)))
    this.stops.push(this.api.watch<Pod>('pods', {}, (ev) => this.onPod(ev)))
    return this
  }

  stop(): void {
    for (const s of this.stops) s()
    this.stops = []
  }

  private onNode(ev: WatchEvent<Node>): void {
    const name = ev.object.metadata.name!
    if (ev.type === 'DELETED') this.nodes.delete(name)
    else this.nodes.set(name, ev.object)
    this.retryUnschedulable()
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    const uid = pod.metadata.uid!
    const phase = pod.status?.phase
    const counts = ev.type !== 'DELETED' && !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed'
    const before = this.assigned.get(uid)
    if (before) {
      this.assigned.delete(uid)
      const u = this.usage.get(before.node)
      if (u) this.usage.set(before.node, { requested: subResources(u.requested, before.req), nonZero: subResources(u.nonZero, before.nonZero) })
    }
    if (counts) {
      const a: Assigned = { node: pod.spec!.nodeName!, req: podRequests(pod), nonZero: nonZeroRequests(pod) }
      this.assigned.set(uid, a)
      const u = this.usage.get(a.node) ?? { requested: ZERO, nonZero: ZERO }
      this.usage.set(a.node, { requested: addResources(u.requested, a.req), nonZero: addResources(u.nonZero, a.nonZero) })
    }
    // Freed resources may let a waiting pod fit (upstream: the AssignedPodDelete cluster event).
    if (before && !counts) this.retryUnschedulable()
    if (ev.type !== 'DELETED' && this.wants(pod) && !this.attempts.has(keyOf(pod))) {
      this.queue.addAfter(keyOf(pod), SCHEDULE_DELAY_MS + this.random.int(SCHEDULE_JITTER_MS + 1))
    }
  }

  private wants(pod: Pod): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp &&
      (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME &&
      pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
  }

  /** A cluster event: move unschedulable pods to the active queue once their back-off has passed. */
  private retryUnschedulable(): void {
    const now = this.clock.now()
    for (const [key, n] of this.attempts) {
      const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (n - 1), MAX_BACKOFF_MS)
      this.queue.addAfter(key, Math.max(0, (this.lastAttempt.get(key) ?? now) + backoff - now))
    }
  }

  private forget(key: string): void {
    this.attempts.delete(key)
    this.lastAttempt.delete(key)
  }

  private nodeInfos(): NodeInfo[] {
    return [...this.nodes.keys()].sort().map((name) => {
      const u = this.usage.get(name) ?? { requested: ZERO, nonZero: ZERO }
      return { node: this.nodes.get(name)!, requested: u.requested, nonZeroRequested: u.nonZero }
    })
  }

  /** One scheduling cycle for one pod. */
  sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key)
    let pod: Pod
    try {
      pod = this.api.get<Pod>('pods', namespace, name)
    } catch (e) {
      if (isStatusError(e) && e.status.reason === 'NotFound') { this.forget(key); return }
      throw e
    }
    if (!this.wants(pod)) { this.forget(key); return }

    const statuses: FilterStatus[] = []
    const feasible: NodeInfo[] = []
    for (const info of this.nodeInfos()) {
      // A node that is not Ready carries the not-ready taint upstream; we check the condition directly.
      const status = isNodeReady(info.node) ? runFilters(pod, info) : notReadyStatus()
      if (status) statuses.push(status)
      else feasible.push(info)
    }
    if (feasible.length === 0) return this.unschedulable(key, pod, statuses)

    const host = this.selectHost(pod, feasible)
    this.bind(pod, host)
    this.forget(key)
  }

  /** Highest score wins; ties broken uniformly at random (reservoir sampling, as selectHost does). */
  private selectHost(pod: Pod, feasible: NodeInfo[]): string {
    let best = -1
    let chosen = ''
    let ties = 0
    for (const info of feasible) {
      const score = leastAllocatedScore(pod, info)
      if (score > best) { best = score; chosen = info.node.metadata!.name!; ties = 1 }
      else if (score === best) {
        ties++
        if (this.random.int(ties) === 0) chosen = info.node.metadata!.name!
      }
    }
    return chosen
  }

  private bind(pod: Pod, nodeName: string): void {
    const ns = pod.metadata.namespace!
    const name = pod.metadata.name!
    // pods/binding: the API server sets spec.nodeName and PodScheduled=True in one write.
    this.api.create('bindings', { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } }, { fieldManager: DEFAULT_SCHEDULER_NAME })
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${nodeName}`)
  }

  private unschedulable(key: string, pod: Pod, statuses: FilterStatus[]): SyncResult {
    const message = statuses.length === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(statuses)
    this.writeCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null })
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message)
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1)
    this.lastAttempt.set(key, this.clock.now())
    // Parked until a cluster event (retryUnschedulable) or the 5 min flush.
    return { requeueAfterMs: UNSCHEDULABLE_FLUSH_MS }
  }

  /** Write the PodScheduled condition through the status subresource, only when it changed. */
  private writeCondition(pod: Pod, cond: Condition): void {
    const old = getCondition(pod.status?.conditions as Condition[] | undefined, cond.type)
    if (old && old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return
    const status = deepCopy(pod.status ?? {})
    const next: Pod = {
      ...pod,
      status: {
        ...status,
        phase: status.phase ?? 'Pending',
        conditions: setCondition(status.conditions as Condition[] | undefined, cond, this.clock.nowISO()) as never,
      },
    }
    this.api.updateStatus('pods', next)
  }
}

function isNodeReady(node: CoreNode): boolean {
  return getCondition(node.status?.conditions as Condition[] | undefined, 'Ready')?.status === 'True'
}

/** A node that is not Ready carries node.kubernetes.io/not-ready:NoSchedule (node lifecycle controller). */
function notReadyStatus(): FilterStatus {
  return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'] }
}
