// The scheduling framework's default filter and score plugins, as data: each filter says whether
// a pod fits a node and, if not, the reason strings upstream prints (pkg/scheduler/framework/
// plugins/*). Filters run in upstream's order and a node's first failing filter is its status.
import type { Pod, Node } from '../../api/types'
import type { Resources } from './resources'
import { podRequests, nodeAllocatable } from './resources'

/** What the scheduler knows about one node: the object and the sum of its pods' requests. */
export interface NodeInfo {
  node: Node
  requested: Resources
  /** Sum of requests with upstream's non-zero defaults, for scoring. */
  nonZeroRequested: Resources
}

/**
 * Unschedulable: preemption might help (resources). UnschedulableAndUnresolvable: no eviction can
 * make this node fit (a taint, a selector), so preemption skips it.
 */
export type FilterCode = 'Unschedulable' | 'UnschedulableAndUnresolvable'

export interface FilterStatus {
  plugin: string
  code: FilterCode
  reasons: string[]
}

export interface FilterPlugin {
  name: string
  filter(pod: Pod, info: NodeInfo): FilterStatus | undefined
}

const fail = (plugin: string, code: FilterCode, ...reasons: string[]): FilterStatus => ({ plugin, code, reasons })

/** nodeunschedulable.ErrReasonUnschedulable */
export const ERR_NODE_UNSCHEDULABLE = 'node(s) were unschedulable'
/** nodename.ErrReason */
export const ERR_NODE_NAME = "node(s) didn't match the requested node name"
/** nodeaffinity.ErrReasonPod */
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"
/** noderesources: "Too many pods" and "Insufficient <resource>". */
export const ERR_TOO_MANY_PODS = 'Too many pods'

export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable'

type Toleration = NonNullable<Pod['spec']>['tolerations'] extends (infer T)[] | undefined ? T : never
type Taint = NonNullable<NonNullable<Node['spec']>['taints']>[number]

/** v1helper.TolerationsTolerateTaint: operator Exists matches any value; empty key + Exists matches all. */
export function tolerates(tols: Toleration[] | undefined, taint: Taint): boolean {
  return (tols ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (!t.key) return t.operator === 'Exists'
    if (t.key !== taint.key) return false
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')
  })
}

function matchExpr(labels: Record<string, string>, e: { key: string; operator: string; values?: string[] }): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, e.key)
  const v = labels[e.key]
  switch (e.operator) {
    case 'In': return has && (e.values ?? []).includes(v)
    case 'NotIn': return !has || !(e.values ?? []).includes(v)
    case 'Exists': return has
    case 'DoesNotExist': return !has
    case 'Gt': return has && Number(v) > Number(e.values?.[0])
    case 'Lt': return has && Number(v) < Number(e.values?.[0])
    default: return false
  }
}

/** nodeSelector AND required node affinity (terms ORed, expressions within a term ANDed). */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {}
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms || terms.length === 0) return true
  const fields = { 'metadata.name': node.metadata?.name ?? '' }
  return terms.some((t) =>
    (t.matchExpressions?.length || t.matchFields?.length) &&
    (t.matchExpressions ?? []).every((e) => matchExpr(labels, e)) &&
    (t.matchFields ?? []).every((e) => matchExpr(fields, e)))
}

export const FILTERS: readonly FilterPlugin[] = [
  {
    name: 'NodeUnschedulable',
    filter: (pod, { node }) =>
      node.spec?.unschedulable && !tolerates(pod.spec?.tolerations, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' })
        ? fail('NodeUnschedulable', 'UnschedulableAndUnresolvable', ERR_NODE_UNSCHEDULABLE)
        : undefined,
  },
  {
    name: 'NodeName',
    filter: (pod, { node }) =>
      pod.spec?.nodeName && pod.spec.nodeName !== node.metadata?.name
        ? fail('NodeName', 'UnschedulableAndUnresolvable', ERR_NODE_NAME)
        : undefined,
  },
  {
    name: 'TaintToleration',
    filter: (pod, { node }) => {
      // Only NoSchedule and NoExecute taints keep pods off at scheduling time.
      const taint = (node.spec?.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t))
      return taint ? fail('TaintToleration', 'UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined
    },
  },
  {
    name: 'NodeAffinity',
    filter: (pod, { node }) => matchesNodeSelectorAndAffinity(pod, node) ? undefined : fail('NodeAffinity', 'UnschedulableAndUnresolvable', ERR_NODE_AFFINITY),
  },
  {
    name: 'NodeResourcesFit',
    filter: (pod, info) => {
      const want = podRequests(pod)
      const alloc = nodeAllocatable(info.node)
      const reasons: string[] = []
      // Worked example: allocatable 2000m, pods on the node request 1750m, this pod asks 500m:
      // 1750 + 500 = 2250 > 2000 → "Insufficient cpu".
      if (info.requested.pods + 1 > alloc.pods) reasons.push(ERR_TOO_MANY_PODS)
      if (want.milliCPU > 0 && info.requested.milliCPU + want.milliCPU > alloc.milliCPU) reasons.push('Insufficient cpu')
      if (want.memory > 0 && info.requested.memory + want.memory > alloc.memory) reasons.push('Insufficient memory')
      return reasons.length ? fail('NodeResourcesFit', 'Unschedulable', ...reasons) : undefined
    },
  },
]

/** The first failing filter's status for this node, or undefined when the pod fits. */
export function runFilters(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  for (const p of FILTERS) {
    const s = p.filter(pod, info)
    if (s) return s
  }
  return undefined
}

/** Upstream's defaults for pods without requests, used only for scoring (100m CPU, 200Mi). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

export function nonZeroRequests(pod: Pod): Resources {
  const r = podRequests(pod)
  return {
    milliCPU: r.milliCPU || DEFAULT_MILLI_CPU_REQUEST,
    memory: r.memory || DEFAULT_MEMORY_REQUEST,
    pods: 1,
  }
}

/** The maximum node score (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100

/**
 * NodeResourcesFit with the LeastAllocated strategy, cpu and memory weighted 1 each:
 * score = mean over resources of (allocatable − requested) × 100 / allocatable.
 * 2000m allocatable, 500m requested incl. this pod → cpu 75; memory 3.8 GiB, 0.2 GiB → 94; score 84.
 */
export function leastAllocatedScore(pod: Pod, info: NodeInfo): number {
  const alloc = nodeAllocatable(info.node)
  const want = nonZeroRequests(pod)
  const part = (cap: number, used: number) => (cap <= 0 || used > cap ? 0 : Math.floor(((cap - used) * MAX_NODE_SCORE) / cap))
  const cpu = part(alloc.milliCPU, info.nonZeroRequested.milliCPU + want.milliCPU)
  const mem = part(alloc.memory, info.nonZeroRequested.memory + want.memory)
  return Math.floor((cpu + mem) / 2)
}
