import { describe, it, expect } from 'vitest'
import type { Pod } from '../../../api/types'
import { backoffRemainingMs, countPods, isJobFinished, newCondition } from './status'

const T0 = Date.UTC(2026, 0, 1)
const iso = (s: number) => new Date(T0 + s * 1000).toISOString()
let n = 0
const pod = (phase: string, finishedS?: number, extra: Partial<Pod> = {}): Pod => ({
  metadata: { name: `p${n++}`, creationTimestamp: iso(0) },
  status: { phase, containerStatuses: finishedS === undefined ? [] : [{ name: 'c', state: { terminated: { exitCode: 1, finishedAt: iso(finishedS) } } }] },
  ...extra,
} as unknown as Pod)

describe('job status helpers', () => {
  it('counts active, succeeded and failed pods; deleting pods are not active', () => {
    const c = countPods([pod('Running'), pod('Pending'), pod('Succeeded', 5), pod('Failed', 6), pod('Running', undefined, { metadata: { deletionTimestamp: iso(1) } })])
    expect([c.active.length, c.succeeded.length, c.failed.length, c.ready]).toEqual([2, 1, 1, 0])
  })

  it('backs off 10 s after one failure and 20 s after two, counted from the last failure', () => {
    expect(backoffRemainingMs(countPods([]), T0)).toBe(0)
    expect(backoffRemainingMs(countPods([pod('Failed', 100)]), T0 + 104_000)).toBe(6_000)
    expect(backoffRemainingMs(countPods([pod('Failed', 90), pod('Failed', 100)]), T0 + 100_000)).toBe(20_000)
    // A success resets the count: only failures after it matter.
    expect(backoffRemainingMs(countPods([pod('Failed', 10), pod('Succeeded', 50), pod('Failed', 100)]), T0 + 100_000)).toBe(10_000)
    // Capped at 10 minutes: 8 failures would be 1280 s.
    const eight = Array.from({ length: 8 }, (_, i) => pod('Failed', 100 + i))
    expect(backoffRemainingMs(countPods(eight), T0 + 107_000)).toBe(600_000)
  })

  it('Complete has no reason; Failed carries one; either finishes the job', () => {
    expect(newCondition('Complete', '', '', iso(1))).toEqual({ type: 'Complete', status: 'True', lastProbeTime: iso(1), lastTransitionTime: iso(1) })
    expect(isJobFinished({ status: { conditions: [newCondition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', iso(1))] } })).toBe(true)
    expect(isJobFinished({ status: {} })).toBe(false)
  })
})
