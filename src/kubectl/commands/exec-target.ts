// Shared by exec, cp and port-forward: which pod a `POD` or `TYPE/NAME` argument means
// (polymorphichelpers.AttachablePodForObjectFn: a pod is itself; a Deployment, ReplicaSet, Service...
// means the most active pod its selector matches, sorted as podutils.ActivePods reversed), and which
// container (podcmd.FindOrDefaultContainerByName, with its "Defaulted container" notice).
import type { KubeObject, Pod } from '../../api/types'
import { fromLabelSelector, matchesSelectorString, selectorFromSet, selectorToString, type LabelSelector } from '../../api/labels'
import type { Invocation } from '../command'
import { fail } from '../errors'
import { isStatusError } from '../../api/errors'
import { findKind } from '../resources'
import { flagStr } from '../argv'
import { parseGoDuration } from '../duration'

export type PodObject = Pod & KubeObject

/** --pod-running-timeout's default for exec/port-forward/attach (defaultPodExecTimeout). */
export const DEFAULT_POD_RUNNING_TIMEOUT = '1m0s'

export const POD_RUNNING_TIMEOUT_FLAG = {
  name: 'pod-running-timeout', type: 'string' as const, default: DEFAULT_POD_RUNNING_TIMEOUT,
  usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
}

/** The annotation that preselects a container (KEP 2227). */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

type Loose = Record<string, unknown>

/** SelectorsForObject: the label selector a workload or Service picks its pods with. */
function selectorFor(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as Loose
  switch (obj.kind) {
    case 'Service': {
      const sel = spec.selector as Record<string, string> | undefined
      if (!sel || Object.keys(sel).length === 0) throw fail(`invalid service '${obj.metadata.name}': Service is defined without a selector`)
      return selectorFromSet(sel)
    }
    case 'ReplicationController': return selectorFromSet(spec.selector as Record<string, string> | undefined)
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job':
      return selectorToString(fromLabelSelector(spec.selector as LabelSelector | undefined))
    default: throw fail(`cannot attach to *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`)
  }
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

function readyTime(p: PodObject): number | undefined {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready')
  if (c?.status !== 'True') return undefined
  return c.lastTransitionTime ? Date.parse(c.lastTransitionTime as string) : undefined
}
const maxRestarts = (p: PodObject) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0))
const created = (p: PodObject) => (p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : undefined)

/** afterOrZero(a, b): a is zero, or later than b (zero times sort as "newest"). */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined
  return a > b
}

/** podutils.ActivePods Less: true when `a` is less active than `b`. */
export function lessActive(a: PodObject, b: PodObject): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (na === '' || nb === '')) return na === ''
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  const ra = isReady(a)
  const rb = isReady(b)
  if (ra !== rb) return !ra
  if (ra && rb) {
    const ta = readyTime(a)
    const tb = readyTime(b)
    if (ta !== tb) return afterOrZero(ta, tb)
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  const ca = created(a)
  const cb = created(b)
  if (ca !== cb) return afterOrZero(ca, cb)
  return false
}

function isReady(p: PodObject): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

/** The most active pod first (sort.Reverse(ActivePods)); ties keep list order. */
export function byMostActive(pods: PodObject[]): PodObject[] {
  return pods.map((p, i) => ({ p, i })).sort((x, y) => {
    if (lessActive(y.p, x.p)) return -1
    if (lessActive(x.p, y.p)) return 1
    return x.i - y.i
  }).map((x) => x.p)
}

/**
 * The pod `arg` means: `web` (a pod), `pod/web`, `deploy/web`, `svc/web`... For a selector owner
 * with no pods yet, waits for one up to --pod-running-timeout as GetPodList's watch does.
 */
export async function attachablePod(inv: Invocation, arg: string): Promise<PodObject> {
  const ns = inv.target().namespace
  const slash = arg.indexOf('/')
  if (slash < 0) return inv.api.get<PodObject>('pods', ns, arg)
  const type = arg.slice(0, slash)
  const name = arg.slice(slash + 1)
  if (!name) throw fail('arguments in resource/name form must have a single resource and name')
  const kind = findKind(inv.api.discovery(), type)
  if (!kind) throw fail(`the server doesn't have a resource type "${type}"`)
  const obj = inv.api.get(kind.plural, kind.namespaced ? ns : undefined, name)
  if (obj.kind === 'Pod') return obj as PodObject
  const selector = selectorFor(obj)
  const namespace = obj.metadata.namespace ?? ns
  const pods = inv.api.list<PodObject>('pods', { namespace, labelSelector: selector }).items
  if (pods.length > 0) return byMostActive(pods)[0]
  return waitForPod(inv, namespace, selector)
}

async function waitForPod(inv: Invocation, namespace: string, selector: string): Promise<PodObject> {
  const timeout = parseGoDuration(flagStr(inv.args, 'pod-running-timeout') ?? DEFAULT_POD_RUNNING_TIMEOUT, 'pod-running-timeout')
  let found: PodObject | undefined
  let wake: () => void = () => {}
  const stop = inv.api.watch<PodObject>('pods', { namespace }, (ev) => {
    if ((ev.type === 'ADDED' || ev.type === 'MODIFIED') && matchesSelectorString(selector, ev.object.metadata.labels ?? {})) { found = ev.object; wake() }
  })
  try {
    if (!found) {
      const cancel = { aborted: false, fns: [] as Array<() => void> }
      const signal = {
        get aborted() { return cancel.aborted || inv.ctx.signal.aborted },
        onAbort: (fn: () => void) => { cancel.fns.push(fn); const un = inv.ctx.signal.onAbort(fn); return () => { un(); cancel.fns = cancel.fns.filter((f) => f !== fn) } },
      }
      wake = () => { cancel.aborted = true; cancel.fns.splice(0).forEach((f) => f()) }
      await inv.ctx.clock.sleep(timeout, signal)
    }
  } finally { stop() }
  if (!found) throw fail('timed out waiting for the condition')
  return found
}

/** FindOrDefaultContainerByName: the named container (any kind), or the annotated/first one with a notice. */
export function containerFor(inv: Invocation, pod: PodObject, name: string | undefined, quiet = false): string {
  const spec = pod.spec ?? { containers: [] }
  const containers = spec.containers ?? []
  const inits = spec.initContainers ?? []
  const ephemeral = ((spec as unknown as Loose).ephemeralContainers as Array<{ name: string }> | undefined) ?? []
  const exists = (n: string) => [...containers, ...inits, ...ephemeral].some((c) => c.name === n)
  if (name) {
    if (!exists(name)) throw fail(`container ${name} not found in pod ${pod.metadata.name}`)
    return name
  }
  if (containers.length === 0) throw fail(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`)
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  if (annotated && exists(annotated)) return annotated
  const first = containers[0].name
  if (!quiet && (containers.length > 1 || inits.length > 0 || ephemeral.length > 0)) {
    const all = [...containers.map((c) => c.name), ...ephemeral.map((c) => `${c.name} (ephem)`), ...inits.map((c) => `${c.name} (init)`)]
    inv.err(`Defaulted container "${first}" out of: ${all.join(', ')}`)
  }
  return first
}

/**
 * Errors from the exec stream in client-go's words: a failed upgrade (the kubelet found no running
 * container) is wrapped as `unable to upgrade connection: ...`, and a runtime failure arrives on
 * the error stream as a Status whose message remotecommand returns as a plain error (`Internal
 * error occurred: error executing command in container: ...`); kubectl prints both as `error: ...`.
 * Rejections by the API server itself (BadRequest, NotFound) stay `Error from server (...)`.
 */
export function upgradeError(e: unknown): unknown {
  if (!isStatusError(e)) return e
  const message = e.status.message ?? ''
  if (message.startsWith('unable to upgrade connection') || e.status.reason === 'InternalError') return fail(message)
  return e
}
