// The DaemonSet controller's pure helpers (pkg/controller/daemon/util/daemonset_util.go and
// daemon_controller.go NodeShouldRunDaemonPod, v1.30): the tolerations every daemon pod gets, the
// pod template a node's pod is made from (labels controller-revision-hash + pod-template-generation,
// node affinity matchFields metadata.name In [node]), and which nodes should run one.
import type { DaemonSet, KubeObject, Node, Pod } from '../../../api/types'
import { deepCopy } from '../../../api/objects'
import { matchesNodeSelectorAndAffinity, tolerates } from '../../scheduler/plugins'
import { computeHash } from '../deployment/util/hash'
import { TEMPLATE_GENERATION_ANNOTATION } from '../../apiserver/admission/defaults/daemonset'

export { TEMPLATE_GENERATION_ANNOTATION }
/** extensions.DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH_LABEL = 'controller-revision-hash'
/** extensions.DaemonSetTemplateGenerationKey. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation'
/** metav1.ObjectNameField: the field a daemon pod's node affinity selects on. */
export const OBJECT_NAME_FIELD = 'metadata.name'

type Toleration = NonNullable<NonNullable<Pod['spec']>['tolerations']>[number]
type Affinity = NonNullable<NonNullable<Pod['spec']>['affinity']>
type PodSpec = NonNullable<Pod['spec']>

/** AddOrUpdateDaemonPodTolerations, in upstream's order (network-unavailable only for hostNetwork pods). */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  return t
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '')
}

/** AddOrUpdateTolerationInPodSpec for each daemon toleration: replace a matching one, else append. */
export function addDaemonPodTolerations(spec: PodSpec): void {
  const tols = [...(spec.tolerations ?? [])]
  for (const want of daemonPodTolerations(!!spec.hostNetwork)) {
    const i = tols.findIndex((t) => sameToleration(t, want))
    if (i >= 0) tols[i] = want
    else tols.push(want)
  }
  spec.tolerations = tols
}

/** The DaemonSet's template generation (the deprecated annotation), or undefined. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION]
  if (v === undefined) return undefined
  const n = Number(v)
  return Number.isInteger(n) ? n : undefined
}

/** The revision hash of the template (ControllerRevision name suffix): stable for a template. */
export function revisionHash(ds: DaemonSet): string {
  return computeHash(ds.spec?.template ?? {}, ds.status?.collisionCount)
}

/** CreatePodTemplate: the template + daemon tolerations + generation and hash labels. */
export function createPodTemplate(ds: DaemonSet, hash: string): NonNullable<DaemonSet['spec']>['template'] {
  const t = deepCopy(ds.spec!.template)
  t.spec ??= { containers: [] }
  addDaemonPodTolerations(t.spec)
  t.metadata = { ...(t.metadata ?? {}) }
  const labels = { ...(t.metadata.labels ?? {}) }
  const gen = templateGeneration(ds)
  if (gen !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(gen)
  if (hash) labels[REVISION_HASH_LABEL] = hash
  t.metadata.labels = labels
  return t
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: required node affinity = exactly this node (by name). */
export function replaceNodeNameAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const term = { matchFields: [{ key: OBJECT_NAME_FIELD, operator: 'In', values: [node] }] }
  const a: Affinity = affinity ? deepCopy(affinity) : {}
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } }
  return a
}

/** GetTargetNodeName: spec.nodeName, or the node the matchFields affinity pins the pod to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName
  for (const t of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of t.matchFields ?? []) if (f.key === OBJECT_NAME_FIELD && f.operator === 'In' && f.values?.length === 1) return f.values[0]
  }
  return undefined
}

/** IsPodUpdated: the pod carries the current hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {}
  return (!!hash && labels[REVISION_HASH_LABEL] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation))
}

/**
 * NodeShouldRunDaemonPod → [shouldRun, shouldContinueRunning]. A node whose NoSchedule/NoExecute
 * taint the pod does not tolerate gets no new pod; an existing one stays unless a NoExecute taint
 * is untolerated. A node not matching nodeSelector/affinity (or spec.nodeName) gets none at all.
 */
export function nodeShouldRunDaemonPod(node: Node & KubeObject, ds: DaemonSet): [boolean, boolean] {
  const tmpl = ds.spec?.template?.spec
  if (tmpl?.nodeName && tmpl.nodeName !== node.metadata.name) return [false, false]
  const spec: PodSpec = deepCopy(tmpl ?? { containers: [] })
  addDaemonPodTolerations(spec)
  const pod: Pod = { spec }
  if (!matchesNodeSelectorAndAffinity(pod, node)) return [false, false]
  const taints = node.spec?.taints ?? []
  const untolerated = taints.filter((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(spec.tolerations, t))
  if (untolerated.length) return [false, !untolerated.some((t) => t.effect === 'NoExecute')]
  return [true, true]
}

/** GetScaledValueFromIntOrPercent: 1 → 1; "25%" of 3 nodes → 0.75 → 1 rounded up, 0 down. */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const x = (Number(v.slice(0, -1)) * total) / 100
    return roundUp ? Math.ceil(x) : Math.floor(x)
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v)
  return 0
}

/** podByCreationTimestampAndPhase: scheduled pods first, then the oldest, then by name. */
export function podByCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const sa = !!a.spec?.nodeName
  const sb = !!b.spec?.nodeName
  if (sa !== sb) return sa ? -1 : 1
  const ta = a.metadata?.creationTimestamp ?? ''
  const tb = b.metadata?.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1
}
