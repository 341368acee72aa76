import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { createCluster } from '../../cluster'
import type { KubeObject } from '../../../api/types'
import { isControlledBy } from '../../../api/objects'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

type Op = { kind: 'scale'; replicas: number } | { kind: 'deletePod'; index: number } | { kind: 'wait'; ms: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(10) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5000 }) }),
)

function rsObject(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  }
}

describe('ReplicaSet controller (property)', () => {
  it('after any scale/delete sequence and enough time, active owned pods == replicas and all are ready', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.array(op, { maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), async (start, ops, seed) => {
      const c = createCluster({ seed })
      try {
        const rs = c.api.create('replicasets', rsObject(start))
        let want = start
        for (const o of ops) {
          if (o.kind === 'scale') {
            c.api.patch('replicasets', 'default', 'web', 'merge', { spec: { replicas: o.replicas } })
            want = o.replicas
          } else if (o.kind === 'deletePod') {
            const pods = c.api.list('pods', { namespace: 'default' }).items.filter((p) => !p.metadata.deletionTimestamp)
            if (pods.length) { const p = pods[o.index % pods.length]; c.api.delete('pods', 'default', p.metadata.name!) }
          }
          await c.advanceAsync(o.kind === 'wait' ? o.ms : 0)
        }
        await c.advanceAsync(120_000)
        const pods = c.api.list('pods', { namespace: 'default' }).items
        const owned = pods.filter((p) => isControlledBy(p, rs.metadata.uid!))
        expect(owned.filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes((p.status as Loose)?.phase))).toHaveLength(want)
        const status = (c.api.get('replicasets', 'default', 'web') as Loose).status
        expect(status.replicas).toBe(want)
        expect(status.readyReplicas ?? 0).toBe(want)
        expect(c.api.watchErrors).toEqual([])
      } finally {
        c.stop()
      }
    }), { numRuns: 40 })
  }, 60_000)
})
