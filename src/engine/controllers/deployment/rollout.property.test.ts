// Upstream's rolling-update guarantees, checked at every settled virtual instant of random
// rollouts (the Deployment controller against fake ReplicaSets whose pods become ready after a
// random delay): pods ≤ replicas + maxSurge, available ≥ replicas − maxUnavailable; a rollout
// completes with the old ReplicaSet at 0, or (pods never ready) reports ProgressDeadlineExceeded.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { harness, webDeployment } from './testharness'
import { resolveFenceposts } from './util/fenceposts'

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`))

describe('rolling update budget (property)', () => {
  it('never exceeds replicas + maxSurge pods nor drops below replicas − maxUnavailable available', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), intOrPercent, intOrPercent, fc.integer({ min: 1, max: 3000 }),
      (replicas, maxSurge, maxUnavailable, readyMs) => {
        // Validation rejects maxSurge 0 with maxUnavailable 0.
        fc.pre(!(resolveFenceposts(maxSurge, 0, replicas).surge === 0 && (maxUnavailable === 0 || maxUnavailable === '0%')))
        const h = harness(() => readyMs)
        try {
          h.create(webDeployment(replicas, { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } }))
          h.clock.advance(readyMs + 1000)
          const { surge, unavailable } = resolveFenceposts(maxSurge, maxUnavailable, replicas)
          const maxPods = replicas + surge
          const minAvail = replicas - Math.min(unavailable, replicas)
          const pods = () => [...fakePods(h)].flat()
          h.setImage('nginx:1.26')
          const end = h.clock.now() + 100 * (readyMs + 1000)
          for (let next: number | undefined = h.clock.now(); next !== undefined && next <= end; next = h.clock.nextAt()) {
            h.clock.advance(next - h.clock.now())
            const now = h.clock.now()
            const all = pods()
            expect(all.length).toBeLessThanOrEqual(maxPods)
            expect(all.filter((t) => t <= now).length).toBeGreaterThanOrEqual(minAvail)
            if (h.summary().join() === `1:0/0,2:${replicas}/${replicas}` && h.deployment().status?.conditions?.some((c) => c.reason === 'NewReplicaSetAvailable')) break
          }
          expect(h.summary()).toEqual(['1:0/0', `2:${replicas}/${replicas}`])
          expect(h.errors).toEqual([])
        } finally {
          h.stop()
        }
      },
    ), { numRuns: 60, seed: 42 })
  })
})

describe('a rollout whose pods never become ready (property)', () => {
  it('keeps replicas − maxUnavailable old pods available and reports ProgressDeadlineExceeded', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), intOrPercent, intOrPercent, fc.integer({ min: 10, max: 120 }),
      (replicas, maxSurge, maxUnavailable, deadline) => {
        fc.pre(!(resolveFenceposts(maxSurge, 0, replicas).surge === 0 && (maxUnavailable === 0 || maxUnavailable === '0%')))
        const h = harness((rs) => (rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:bad' ? Infinity : 500))
        try {
          h.create(webDeployment(replicas, { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } }, { progressDeadlineSeconds: deadline }))
          h.clock.advance(1500)
          const { surge, unavailable } = resolveFenceposts(maxSurge, maxUnavailable, replicas)
          h.setImage('nginx:bad')
          const end = h.clock.now() + (deadline + 2) * 1000
          for (let next: number | undefined = h.clock.now(); next !== undefined && next <= end; next = h.clock.nextAt()) {
            h.clock.advance(next - h.clock.now())
            const all = fakePods(h).flat()
            expect(all.length).toBeLessThanOrEqual(replicas + surge)
            expect(all.filter((t) => t <= h.clock.now()).length).toBeGreaterThanOrEqual(replicas - Math.min(unavailable, replicas))
          }
          h.clock.advance(end - h.clock.now())
          const progressing = h.deployment().status?.conditions?.find((c) => c.type === 'Progressing')
          expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
          expect(h.errors).toEqual([])
        } finally {
          h.stop()
        }
      },
    ), { numRuns: 40, seed: 7 })
  })
})

function fakePods(h: ReturnType<typeof harness>): number[][] {
  return [...h.fake.pods().values()]
}
