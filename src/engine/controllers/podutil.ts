// Small pod predicates shared by the workload controllers (ReplicaSet, Deployment, …), named and
// shaped like upstream's: k8s.io/kubectl/pkg/util/podutils + pkg/api/v1/pod/util.go
// (IsPodReady, IsPodAvailable) and pkg/controller/controller_utils.go (IsPodActive,
// FilterActivePods). Pure functions over plain objects; time is passed in, never read.
import type { KubeObject, Pod, PodCondition } from '../../api/types'
import { fromLabelSelector, matchSelector, type LabelSelector } from '../../api/labels'

/** metav1.LabelSelector as kubernetes-types declares it (operator is a plain string there). */
export interface AnyLabelSelector {
  matchLabels?: { [key: string]: string }
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** `namespace/name`: the controllers' map key for a pod (cache.MetaNamespaceKeyFunc). */
export function podKey(pod: { metadata?: { namespace?: string; name?: string } }): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
}

/** The pod's Ready condition, if the kubelet has written one (GetPodReadyCondition). */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')
}

/** Ready=True (podutil.IsPodReady). A pod without conditions (just created, unscheduled) is not ready. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True'
}

/** Milliseconds since the epoch from a number or an RFC 3339 string. */
function toMs(t: number | string): number {
  return typeof t === 'number' ? t : Date.parse(t)
}

/**
 * Ready for at least minReadySeconds (podutil.IsPodAvailable). Upstream's test is strict:
 * lastTransitionTime + minReadySeconds must be *before* now. Worked numbers: ready at 00:00:10,
 * minReadySeconds 5 → not available at 00:00:15 exactly, available at 00:00:15.001.
 * minReadySeconds 0 → available as soon as it is ready.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number | string): boolean {
  if (!isPodReady(pod)) return false
  if (!minReadySeconds) return true
  const since = podReadyCondition(pod)?.lastTransitionTime
  if (!since) return false
  return toMs(since) + minReadySeconds * 1000 < toMs(now)
}

/**
 * How long until `pod` becomes available, in ms (0 when it already is, undefined when it is not
 * ready and so cannot become available by waiting). Controllers requeue after this so
 * availability shows on time: ready at 00:00:10, minReadySeconds 5, now 00:00:12 → 3001 ms.
 */
export function msUntilAvailable(pod: Pod, minReadySeconds: number, now: number | string): number | undefined {
  if (!isPodReady(pod)) return undefined
  if (isPodAvailable(pod, minReadySeconds, now)) return 0
  const since = podReadyCondition(pod)?.lastTransitionTime
  if (!since) return undefined
  return toMs(since) + minReadySeconds * 1000 - toMs(now) + 1
}

/** Not Succeeded, not Failed, not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp
}

/** The active pods of a list (controller.FilterActivePods). */
export function filterActivePods<P extends Pod>(pods: readonly P[]): P[] {
  return pods.filter(isPodActive)
}

/** Scheduled = spec.nodeName set (what upstream's ranking calls "assigned"). */
export function isPodAssigned(pod: Pod): boolean {
  return !!pod.spec?.nodeName
}

/**
 * Sum of restartCount over the containers (upstream maxContainerRestarts uses the max; the
 * ranking uses that — see ranking.ts — this is for display/status code).
 */
export function totalRestarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0)
}

/** The highest restartCount of any container (maxContainerRestarts in controller_utils.go). */
export function maxContainerRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

/**
 * Whether a metav1.LabelSelector selects `labels` (metav1.LabelSelectorAsSelector + Matches).
 * Upstream: a nil selector selects nothing, an empty one ({}) selects everything.
 */
export function selectorMatches(selector: AnyLabelSelector | undefined | null, labels: { [key: string]: string } | undefined): boolean {
  if (!selector) return false
  return matchSelector(fromLabelSelector(selector as LabelSelector), labels)
}

/** The object's label map, never undefined. */
export function labelsOf(obj: KubeObject | Pod): Record<string, string> {
  return (obj.metadata?.labels ?? {}) as Record<string, string>
}
