import { describe, it, expect } from 'vitest'
import type { ReplicaSet } from '../../../api/types'
import { podFromTemplate, slowStartBatch } from './pods'

describe('slowStartBatch', () => {
  it('batches 1, 2, 4 … and stops after the batch with the first failure', () => {
    let calls = 0
    const r = slowStartBatch(10, 1, () => { calls++; if (calls === 4) throw new Error('quota') })
    // Batches: 1 (call 1), 2 (calls 2–3), 4 (calls 4–7, call 4 fails) → 6 successes, calls 8–10 skipped.
    expect(calls).toBe(7)
    expect(r.successes).toBe(6)
    expect((r.error as Error).message).toBe('quota')
  })

  it('all succeed: count calls, no error; zero does nothing', () => {
    let calls = 0
    expect(slowStartBatch(5, 1, () => { calls++ })).toEqual({ successes: 5 })
    expect(calls).toBe(5)
    expect(slowStartBatch(0, 1, () => { throw new Error('never') })).toEqual({ successes: 0 })
  })
})

describe('podFromTemplate', () => {
  it('copies labels, annotations, finalizers and spec; generateName and a controller ref', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'web-6d4c9f8b7', namespace: 'default', uid: 'u1', labels: { owner: 'not-copied' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' }, annotations: { a: 'b' }, finalizers: ['example.com/f'] }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      },
    }
    const p = podFromTemplate(rs)
    expect(p.metadata).toEqual({
      generateName: 'web-6d4c9f8b7-', namespace: 'default', labels: { app: 'web' }, annotations: { a: 'b' }, finalizers: ['example.com/f'],
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6d4c9f8b7', uid: 'u1', controller: true, blockOwnerDeletion: true }],
    })
    expect(p.spec).toEqual({ containers: [{ name: 'nginx', image: 'nginx' }] })
    expect(p.spec).not.toBe(rs.spec!.template!.spec)
  })
})
