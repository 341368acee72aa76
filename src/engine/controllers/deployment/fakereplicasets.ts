// Test support: a stand-in for the ReplicaSet controller + kubelet that turns spec.replicas into
// status counts on the virtual clock, so the Deployment controller's arithmetic can be tested
// alone (as upstream's rolling_test.go fakes its clientset). Pods appear at once and become
// ready and available `readyAfterMs` later (Infinity: never); scale-down removes not-ready pods
// first, then the newest. Real pods come from the ReplicaSet controller in scenario tests.
import type { ApiClient } from '../../../api/client'
import type { KubeObject } from '../../../api/types'
import { deepEqual } from '../../../api/objects'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue'
import type { ReplicaSet } from './util/types'

export interface FakeReplicaSets {
  /** Every pod the fake holds now: RS name → ready-at times. */
  pods(): Map<string, number[]>
  stop(): void
}

export function startFakeReplicaSets(api: ApiClient, clock: VirtualClock, readyAfterMs: (rs: ReplicaSet) => number): FakeReplicaSets {
  const pods = new Map<string, number[]>()
  const queue = new WorkQueue(clock, (key) => {
    const { namespace, name } = splitKey(key)
    let rs: ReplicaSet
    try { rs = api.get('replicasets', namespace, name) as unknown as ReplicaSet } catch { pods.delete(key); return }
    const now = clock.now()
    const mine = pods.get(key) ?? []
    const want = rs.spec?.replicas ?? 1
    while (mine.length < want) mine.push(now + readyAfterMs(rs))
    // Not ready first, then the newest: sort by ready time descending and drop from the front.
    mine.sort((a, b) => b - a)
    while (mine.length > want) mine.shift()
    pods.set(key, mine)
    const ready = mine.filter((t) => t <= now).length
    const status = { replicas: mine.length, fullyLabeledReplicas: mine.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata?.generation }
    if (!deepEqual(rs.status ?? {}, status)) api.updateStatus('replicasets', { ...(rs as unknown as KubeObject), status })
    const next = mine.filter((t) => t > now && Number.isFinite(t)).sort((a, b) => a - b)[0]
    if (next !== undefined) return { requeueAfterMs: next - now }
  }, 'fake-replicasets')
  const stop = api.watch('replicasets', {}, (ev) => queue.add(keyOf(ev.object)))
  return { pods: () => pods, stop }
}
