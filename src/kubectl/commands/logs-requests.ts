// Which log streams `kubectl logs` opens: upstream's polymorphichelpers.LogsForObject (1.30) for a
// pod, a pod list (-l), or a controller (deploy/x, rs/x, job/x → the first of its pods, sorted
// ByLogging), with the container defaulting and its stderr notes.
import type { PodLogOptions } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { fromLabelSelector, selectorToString, selectorFromSet, type LabelSelector } from '../../api/labels'
import type { Invocation } from '../command'
import { fail } from '../errors'

/** One log stream: the pod, the container, and the options to send. */
export interface LogRequest { pod: string; container: string; opts: PodLogOptions }

type Loose = any // eslint-disable-line @typescript-eslint/no-explicit-any

/** The kubectl.kubernetes.io/default-container annotation (KEP 2227). */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** podcmd.AllContainerNames: `web, sidecar, init-web (init)` (containers, ephemeral, then init). */
export function allContainerNames(pod: KubeObject): string {
  const spec = (pod.spec ?? {}) as Loose
  return [
    ...(spec.containers ?? []).map((c: Loose) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c: Loose) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c: Loose) => `${c.name} (init)`),
  ].join(', ')
}

function hasContainer(pod: KubeObject, name: string): boolean {
  const spec = (pod.spec ?? {}) as Loose
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].some((c: Loose) => c.name === name)
}

/** The requests for one pod: one container (defaulted as upstream), or all of them in init, main, ephemeral order. */
export function podRequests(inv: Invocation, pod: KubeObject, opts: PodLogOptions, allContainers: boolean): LogRequest[] {
  const name = pod.metadata.name ?? ''
  const spec = (pod.spec ?? {}) as Loose
  if (allContainers) {
    const names: string[] = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: Loose) => c.name)
    return names.flatMap((c) => podRequests(inv, pod, { ...opts, container: c }, false))
  }
  let container = opts.container ?? ''
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? ''
  if (container === '' && annotated !== '') {
    if (hasContainer(pod, annotated)) container = annotated
    else inv.err(`Default container name ${JSON.stringify(annotated)} not found in pod ${name}`)
  }
  if (container === '') {
    const containers = spec.containers ?? []
    container = containers[0]?.name ?? ''
    if (containers.length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0) {
      inv.err(`Defaulted container ${JSON.stringify(container)} out of: ${allContainerNames(pod)}`)
    }
  }
  if (!hasContainer(pod, container)) throw fail(`container ${container} is not valid for pod ${name}`)
  return [{ pod: name, container, opts: { ...opts, container } }]
}

// ── controllers → their first pod ────────────────────────────────────────────────────────────

/** SelectorsForObject: the label selector of a workload; other kinds cannot give logs. */
export function selectorOf(obj: KubeObject, goType: string): string {
  const spec = (obj.spec ?? {}) as Loose
  switch (obj.kind) {
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job':
      return selectorToString(fromLabelSelector(spec.selector as LabelSelector | undefined))
    case 'ReplicationController': case 'Service':
      return selectorFromSet(spec.selector)
    default:
      throw fail(`cannot get the logs from ${goType}: selector for ${goType} not implemented`)
  }
}

const isReady = (p: Loose): boolean => (p.status?.conditions ?? []).some((c: Loose) => c.type === 'Ready' && c.status === 'True')
const readyTime = (p: Loose): string => (p.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? ''
const maxRestarts = (p: Loose): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c: Loose) => c.restartCount ?? 0))
/** PodRunning < PodUnknown < PodPending; other phases count as 0 (a Go map's zero value). */
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }

/** afterOrZero(t1, t2): a zero time sorts last. ISO strings of one format compare as times. */
function afterOrZero(t1: string, t2: string): boolean {
  if (t1 === '' || t2 === '') return t1 === ''
  return t1 > t2
}

/** podutils.ByLogging's Less: the pod most worth reading first. */
export function byLogging(a: Loose, b: Loose): number {
  const less = (i: Loose, j: Loose): boolean => {
    const ni = i.spec?.nodeName ?? ''
    const nj = j.spec?.nodeName ?? ''
    if (ni !== nj && (ni === '' || nj === '')) return ni !== ''
    const pi = PHASE_RANK[i.status?.phase ?? ''] ?? 0
    const pj = PHASE_RANK[j.status?.phase ?? ''] ?? 0
    if (pi !== pj) return pi < pj
    if (isReady(i) !== isReady(j)) return isReady(i)
    if (isReady(i) && isReady(j) && readyTime(i) !== readyTime(j)) return afterOrZero(readyTime(j), readyTime(i))
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j)
    const ci = i.metadata?.creationTimestamp ?? ''
    const cj = j.metadata?.creationTimestamp ?? ''
    if (ci !== cj) return afterOrZero(cj, ci)
    return false
  }
  return less(a, b) ? -1 : less(b, a) ? 1 : 0
}

/** One second between looks while waiting for a controller's first pod. */
const POLL_MS = 1000

/**
 * GetFirstPod: the best pod of the selector and how many there are; with none yet, wait (up to
 * --pod-running-timeout) for one to appear, as upstream's watch does.
 */
export async function firstPod(inv: Invocation, ns: string, selector: string, timeoutMs: number): Promise<{ pod: KubeObject; count: number } | 'abort'> {
  for (let waited = 0; ; waited += POLL_MS) {
    const pods = inv.api.list('pods', { namespace: ns, labelSelector: selector }).items
    if (pods.length > 0) return { pod: [...pods].sort(byLogging)[0], count: waited === 0 ? pods.length : 1 }
    if (waited >= timeoutMs) throw fail('timed out waiting for the condition')
    await inv.ctx.clock.sleep(Math.min(POLL_MS, timeoutMs - waited), inv.ctx.signal)
    if (inv.ctx.signal.aborted) return 'abort'
  }
}
