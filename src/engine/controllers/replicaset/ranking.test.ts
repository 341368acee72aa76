import { describe, it, expect } from 'vitest'
import type { Pod } from '../../../api/types'
import { getPodsToDelete, less, logarithmicRankDiff, POD_DELETION_COST } from './ranking'

const NOW = Date.parse('2026-01-01T01:00:00Z')
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

interface Opts { node?: string; phase?: string; readyFor?: number; restarts?: number; createdAgo?: number; uid?: string; cost?: string }
function pod(name: string, o: Opts = {}): Pod {
  return {
    metadata: { name, uid: o.uid ?? name, creationTimestamp: ago(o.createdAgo ?? 3600), ...(o.cost !== undefined ? { annotations: { [POD_DELETION_COST]: o.cost } } : {}) },
    spec: { containers: [{ name: 'c' }], ...(o.node !== undefined ? { nodeName: o.node } : { nodeName: 'minikube' }) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readyFor !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: ago(o.readyFor) }] : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: o.readyFor !== undefined, restartCount: o.restarts ?? 0 }],
    },
  }
}
const noRank = () => 0

// Each row: `a` must be deleted before `b` (less(a, b) true, less(b, a) false).
const ROWS: [string, Pod, Pod][] = [
  ['unassigned < assigned', pod('a', { node: '', phase: 'Pending' }), pod('b', { phase: 'Pending' })],
  ['Pending < Unknown', pod('a', { phase: 'Pending' }), pod('b', { phase: 'Unknown' })],
  ['Unknown < Running', pod('a', { phase: 'Unknown' }), pod('b', { phase: 'Running' })],
  ['not ready < ready', pod('a'), pod('b', { readyFor: 100 })],
  ['lower deletion cost < higher', pod('a', { readyFor: 100, cost: '-5' }), pod('b', { readyFor: 100 })],
  ['ready 10 s < ready 100 s (different log2 buckets)', pod('a', { readyFor: 10 }), pod('b', { readyFor: 100 })],
  ['same bucket (10 s, 15 s): the smaller uid first', pod('b', { readyFor: 15, uid: 'uid-1' }), pod('a', { readyFor: 10, uid: 'uid-2' })],
  ['more restarts < fewer', pod('a', { readyFor: 100, restarts: 3 }), pod('b', { readyFor: 100, restarts: 1 })],
  ['newer < older (different buckets)', pod('a', { createdAgo: 5 }), pod('b', { createdAgo: 500 })],
  ['phase wins over readiness', pod('a', { phase: 'Pending' }), pod('b', { phase: 'Running' })],
  ['readiness wins over restarts', pod('a', { restarts: 0 }), pod('b', { readyFor: 100, restarts: 9 })],
]

describe('ActivePodsWithRanks.Less (scale-down victim order)', () => {
  for (const [name, a, b] of ROWS) {
    it(name, () => {
      expect(less(a, b, noRank, NOW)).toBe(true)
      expect(less(b, a, noRank, NOW)).toBe(false)
    })
  }

  it('more co-located related pods go first', () => {
    const a = pod('a', { readyFor: 100, node: 'minikube' })
    const b = pod('b', { readyFor: 100, node: 'minikube-m02' })
    const rank = (p: Pod) => (p.spec?.nodeName === 'minikube' ? 3 : 1)
    expect(less(a, b, rank, NOW)).toBe(true)
    expect(less(b, a, rank, NOW)).toBe(false)
  })

  it('identical pods are not less than each other', () => {
    expect(less(pod('a'), pod('a'), noRank, NOW)).toBe(false)
  })

  it('logarithmicRankDiff: 10 s vs 15 s tie, 10 s vs 20 s differ', () => {
    expect(logarithmicRankDiff(NOW - 10_000, NOW - 15_000, NOW)).toBe(0)
    expect(logarithmicRankDiff(NOW - 10_000, NOW - 20_000, NOW)).toBe(-1)
  })
})

describe('getPodsToDelete', () => {
  it('takes the first diff pods in victim order', () => {
    const pods = [pod('old', { readyFor: 3000 }), pod('pending', { node: '', phase: 'Pending' }), pod('fresh', { readyFor: 5 }), pod('notready')]
    expect(getPodsToDelete(pods, [], 3, NOW).map((p) => p.metadata!.name)).toEqual(['pending', 'notready', 'fresh'])
  })

  it('returns everything without sorting when all go', () => {
    const pods = [pod('x', { readyFor: 5 }), pod('y')]
    expect(getPodsToDelete(pods, [], 2, NOW).map((p) => p.metadata!.name)).toEqual(['x', 'y'])
  })

  it('ranks by related active pods on the same node', () => {
    const a = pod('a', { readyFor: 100, node: 'minikube' })
    const b = pod('b', { readyFor: 100, node: 'minikube-m02' })
    const related = [a, b, pod('r1', { node: 'minikube' }), pod('r2', { node: 'minikube' })]
    expect(getPodsToDelete([b, a], related, 1, NOW).map((p) => p.metadata!.name)).toEqual(['a'])
  })
})
