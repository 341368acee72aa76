// Pod resource requests as the scheduler counts them (pkg/api/v1/resource/helpers.go
// PodRequests): the sum over app containers, or the largest init container if that is bigger,
// plus pod overhead. CPU in millicores, memory in bytes.
import type { Pod, Node } from '../../api/types'

export interface Resources {
  milliCPU: number
  memory: number
  pods: number
}

const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
}

/** `250m` → 0.25, `128Mi` → 134217728, `1e3` → 1000; undefined or malformed → 0. */
export function quantity(q: string | number | undefined): number {
  if (q === undefined) return 0
  if (typeof q === 'number') return q
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(q.trim())
  if (!m) return 0
  return m[2] !== undefined ? Number(m[1]) * 10 ** Number(m[2]) : Number(m[1]) * SUFFIX[m[3] ?? '']
}

type ResourceMap = Record<string, string | number> | undefined

function fromList(list: ResourceMap): Resources {
  return {
    milliCPU: Math.ceil(quantity(list?.cpu as string | undefined) * 1000),
    memory: Math.ceil(quantity(list?.memory as string | undefined)),
    pods: 0,
  }
}

/** What a pod asks for; every pod also takes one of the node's `pods` slots. */
export function podRequests(pod: Pod): Resources {
  const sum: Resources = { milliCPU: 0, memory: 0, pods: 1 }
  for (const c of pod.spec?.containers ?? []) {
    const r = fromList(c.resources?.requests as ResourceMap)
    sum.milliCPU += r.milliCPU
    sum.memory += r.memory
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = fromList(c.resources?.requests as ResourceMap)
    sum.milliCPU = Math.max(sum.milliCPU, r.milliCPU)
    sum.memory = Math.max(sum.memory, r.memory)
  }
  const o = fromList(pod.spec?.overhead as ResourceMap)
  sum.milliCPU += o.milliCPU
  sum.memory += o.memory
  return sum
}

export function nodeAllocatable(node: Node): Resources {
  const a = node.status?.allocatable as ResourceMap
  return { ...fromList(a), pods: quantity(a?.pods as string | undefined) }
}

export const addResources = (a: Resources, b: Resources): Resources =>
  ({ milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory, pods: a.pods + b.pods })

export const subResources = (a: Resources, b: Resources): Resources =>
  ({ milliCPU: a.milliCPU - b.milliCPU, memory: a.memory - b.memory, pods: a.pods - b.pods })

export const ZERO: Resources = { milliCPU: 0, memory: 0, pods: 0 }
