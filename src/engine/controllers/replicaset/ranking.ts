// Which pods a ReplicaSet deletes first when it scales down: upstream's ActivePodsWithRanks.Less
// (pkg/controller/controller_utils.go, v1.30, with the default-on PodDeletionCost and
// LogarithmicScaleDown gates) and getPodsToDelete (pkg/controller/replicaset/replica_set.go).
// "Less" = deleted first:
//   1. unassigned < assigned            5. more co-located related pods < fewer
//   2. Pending < Unknown < Running      6. ready more recently < longer (log2 buckets, then uid)
//   3. not ready < ready                7. more container restarts < fewer
//   4. lower pod-deletion-cost < higher 8. created more recently < older (log2 buckets, then uid)
import type { Pod } from '../../../api/types'
import { isPodActive, isPodReady, podReadyCondition } from '../podutil'

/** The annotation a learner can set to steer scale-down (int32; anything else counts as 0). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

/** podPhaseToOrdinal; a phase missing from the map (Succeeded, Failed, '') is 0 like Pending. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

const ms = (t: string | undefined | null) => (t ? Date.parse(t) : 0)

function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[POD_DELETION_COST]
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0
  const n = Number(v)
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

/** afterOrZero: a zero time sorts first, otherwise the later time first. */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0
  return t1 > t2
}

/**
 * logarithmicRankDiff: floor(log2(age in ns)), compared. Worked numbers: ready 10 s and 15 s ago
 * are 1.0e10 and 1.5e10 ns → both bucket 33 → a tie, broken by uid; 10 s vs 20 s → 33 vs 34.
 */
export function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => { const d = (now - t) * 1e6; return d > 0 ? Math.floor(Math.log2(d)) : -1 }
  return rank(t1) - rank(t2)
}

/** Upstream returns (regular, sidecar) maxima; sidecars are restartable init containers. */
function maxRestarts(pod: Pod): [number, number] {
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
  const side = Math.max(0, ...(pod.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0))
  return [regular, side]
}

/** A comparator for Array.sort: negative when `a` should be deleted before `b`. */
export function podDeletionComparator(rankOf: (p: Pod) => number, now: number): (a: Pod, b: Pod) => number {
  return (a, b) => (less(a, b, rankOf, now) ? -1 : less(b, a, rankOf, now) ? 1 : 0)
}

function tieByAge(t1: number, t2: number, a: Pod, b: Pod, now: number): boolean {
  if (t1 === 0 || t2 === 0) return afterOrZero(t1, t2)
  const d = logarithmicRankDiff(t1, t2, now)
  return d === 0 ? (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '') : d < 0
}

export function less(a: Pod, b: Pod, rankOf: (p: Pod) => number, now: number): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (!na || !nb)) return !na
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  const ra = isPodReady(a)
  const rb = isPodReady(b)
  if (ra !== rb) return !ra
  const ca = deletionCost(a)
  const cb = deletionCost(b)
  if (ca !== cb) return ca < cb
  const ka = rankOf(a)
  const kb = rankOf(b)
  if (ka !== kb) return ka > kb
  if (ra && rb) {
    const ta = ms(podReadyCondition(a)?.lastTransitionTime)
    const tb = ms(podReadyCondition(b)?.lastTransitionTime)
    if (ta !== tb) return tieByAge(ta, tb, a, b, now)
  }
  const [ia, sa] = maxRestarts(a)
  const [ib, sb] = maxRestarts(b)
  if (ia !== ib) return ia > ib
  if (sa !== sb) return sa > sb
  const ta = ms(a.metadata?.creationTimestamp)
  const tb = ms(b.metadata?.creationTimestamp)
  if (ta !== tb) return tieByAge(ta, tb, a, b, now)
  return false
}

/**
 * getPodsToDelete: the first `diff` pods in deletion order. The rank of a pod is how many active
 * related pods (pods of ReplicaSets with the same controller, e.g. one Deployment) share its
 * node: 3 on minikube and 1 on minikube-m02 → a pod on minikube goes first.
 */
export function getPodsToDelete<P extends Pod>(pods: readonly P[], related: readonly Pod[], diff: number, now: number): P[] {
  if (diff >= pods.length) return pods.slice(0, diff)
  const onNode = new Map<string, number>()
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1)
  const rankOf = (p: Pod) => onNode.get(p.spec?.nodeName ?? '') ?? 0
  return [...pods].sort(podDeletionComparator(rankOf, now)).slice(0, diff)
}
