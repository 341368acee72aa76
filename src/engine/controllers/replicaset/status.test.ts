import { describe, it, expect } from 'vitest'
import type { Pod, ReplicaSet } from '../../../api/types'
import { calculateStatus, nextAvailabilityCheck, statusToWrite } from './status'

const NOW = Date.parse('2026-01-01T00:01:00Z')
const NOW_ISO = '2026-01-01T00:01:00Z'
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function rs(extra: Partial<NonNullable<ReplicaSet['spec']>> = {}, status?: ReplicaSet['status']): ReplicaSet {
  return {
    metadata: { name: 'web', generation: 2 },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } } }, ...extra },
    ...(status ? { status } : {}),
  }
}
function pod(labels: Record<string, string>, readySince?: number): Pod {
  return {
    metadata: { labels },
    status: { conditions: readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(readySince) }] : [] },
  }
}

describe('calculateStatus', () => {
  it('counts replicas, fully labeled, ready and available (minReadySeconds 5)', () => {
    const pods = [pod({ app: 'web', tier: 'fe' }, NOW - 10_000), pod({ app: 'web', tier: 'fe', x: 'y' }, NOW - 2_000), pod({ app: 'web' })]
    expect(calculateStatus(rs({ minReadySeconds: 5 }), pods, undefined, NOW, NOW_ISO)).toEqual({
      replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1,
    })
  })

  it('leaves zero counts out (omitempty) but always has replicas', () => {
    expect(calculateStatus(rs(), [], undefined, NOW, NOW_ISO)).toEqual({ replicas: 0 })
  })

  it('sets ReplicaFailure FailedCreate once, keeps it while failing, removes it on success', () => {
    const s1 = calculateStatus(rs(), [], 'pods "web-x" is forbidden: quota', NOW, NOW_ISO)
    expect(s1.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: NOW_ISO, reason: 'FailedCreate', message: 'pods "web-x" is forbidden: quota' }])
    const s2 = calculateStatus(rs({}, s1), [], 'another error', NOW + 5000, iso(NOW + 5000))
    expect(s2.conditions).toEqual(s1.conditions)
    expect(calculateStatus(rs({}, s2), [], undefined, NOW, NOW_ISO).conditions).toBeUndefined()
  })

  it('FailedDelete when over the desired count', () => {
    const pods = [pod({ app: 'web' }), pod({ app: 'web' })]
    expect(calculateStatus(rs({ replicas: 1 }), pods, 'unable to delete pods: boom', NOW, NOW_ISO).conditions?.[0].reason).toBe('FailedDelete')
  })
})

describe('statusToWrite', () => {
  it('writes with observedGeneration when anything differs, nothing when equal', () => {
    const next = { replicas: 3, fullyLabeledReplicas: 3 }
    expect(statusToWrite(rs(), next)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 2 })
    expect(statusToWrite(rs({}, { ...next, observedGeneration: 2 }), next)).toBeUndefined()
    expect(statusToWrite(rs({}, { ...next, observedGeneration: 1 }), next)).toEqual({ ...next, observedGeneration: 2 })
  })
})

describe('nextAvailabilityCheck', () => {
  it('is the soonest moment a ready pod passes minReadySeconds (strictly after)', () => {
    const pods = [pod({ app: 'web' }, NOW - 2_000), pod({ app: 'web' }, NOW - 4_000), pod({ app: 'web' })]
    expect(nextAvailabilityCheck(rs({ minReadySeconds: 5 }), pods, NOW)).toBe(1001)
    expect(nextAvailabilityCheck(rs(), pods, NOW)).toBeUndefined()
  })
})
