// Rows from upstream rolling_test.go, against a recording fake API (as upstream's fake clientset).
import { describe, it, expect } from 'vitest'
import type { ApiClient } from '../../../api/client'
import { VirtualClock } from '../../runtime/clock'
import type { Ctx } from './context'
import { reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate } from './rolling'
import { newDeployment, newRS } from './util/testutil'
import type { ReplicaSet } from './util/types'

function fakeCtx(): { ctx: Ctx; updates: ReplicaSet[] } {
  const updates: ReplicaSet[] = []
  const api = { update: (_r: string, o: ReplicaSet) => { updates.push(o); return o } } as unknown as ApiClient
  return { ctx: { api, clock: new VirtualClock(), recorder: { event: () => {} }, requeueAfter: () => {} }, updates }
}

describe('reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)', () => {
  const rows: [number, number, number, number, boolean, number?][] = [
    // deploymentReplicas, maxSurge, oldReplicas, newReplicas, scaleExpected, expectedNewReplicas
    [10, 0, 10, 0, false],
    [10, 2, 10, 0, true, 2],
    [10, 2, 5, 0, true, 7],
    [10, 2, 10, 2, false],
    [10, 2, 2, 11, true, 10],
  ]
  it.each(rows)('%i replicas, maxSurge %i, old %i, new %i', (replicas, surge, oldN, newN, expected, want) => {
    const { ctx, updates } = fakeCtx()
    const nu = newRS('foo-v2', newN), old = newRS('foo-v1', oldN)
    const scaled = reconcileNewReplicaSet(ctx, [nu, old], nu, newDeployment(replicas, surge, 0))
    expect(scaled).toBe(expected)
    if (expected) expect(updates.map((u) => u.spec!.replicas)).toEqual([want])
    else expect(updates).toEqual([])
  })
})

describe('reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)', () => {
  const rows: [number, number, number, number, number, number, boolean, number?][] = [
    // deploymentReplicas, maxUnavailable, oldReplicas, newReplicas, readyOld, readyNew, scaleExpected, expectedOldReplicas
    [10, 0, 10, 0, 10, 0, true, 9],
    [10, 2, 10, 0, 10, 0, true, 8],
    [10, 2, 10, 0, 8, 0, true, 8], // unhealthy replicas from old replica sets cleaned up
    [10, 2, 10, 0, 9, 0, true, 8], // 1 unhealthy cleaned up, and 1 ready pod scaled down
    [10, 2, 8, 2, 8, 0, false], // the new RS's unavailable pods block a further scale-down
  ]
  it.each(rows)('%i replicas, maxUnavailable %i, old %i, new %i, ready %i/%i', (replicas, mu, oldN, newN, readyOld, readyNew, expected, want) => {
    const { ctx, updates } = fakeCtx()
    const nu = newRS('foo-new', newN, { available: readyNew }), old = newRS('foo-old', oldN, { available: readyOld })
    const scaled = reconcileOldReplicaSets(ctx, [old, nu], [old], nu, newDeployment(replicas, 0, mu))
    expect(scaled).toBe(expected)
    if (want !== undefined) expect(updates.at(-1)!.spec!.replicas).toBe(want)
  })
})

describe('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  const rows: [number, number, number, number][] = [
    // oldReplicas, readyPods, maxCleanupCount, cleanupCountExpected
    [10, 8, 1, 1],
    [10, 8, 3, 2],
    [10, 8, 0, 0],
    [10, 10, 3, 0],
  ]
  it.each(rows)('old %i, ready %i, max %i → %i', (oldN, ready, max, want) => {
    const { ctx } = fakeCtx()
    const r = cleanupUnhealthyReplicas(ctx, [newRS('foo-v2', oldN, { available: ready })], newDeployment(10, 2, 2), max)
    expect(r.count).toBe(want)
  })
})

describe('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)', () => {
  const rows: [number, number, number, number, boolean, number?][] = [
    // deploymentReplicas, maxUnavailable, readyPods, oldReplicas, scaleExpected, expectedOldReplicas
    [10, 0, 10, 10, true, 9],
    [10, 2, 10, 10, true, 8],
    [10, 2, 8, 10, false],
    [10, 2, 10, 0, false],
    [10, 2, 1, 10, false],
  ]
  it.each(rows)('%i replicas, maxUnavailable %i, ready %i, old %i', (replicas, mu, ready, oldN, expected, want) => {
    const { ctx, updates } = fakeCtx()
    const old = newRS('foo-v2', oldN, { available: ready })
    const n = scaleDownOldReplicaSetsForRollingUpdate(ctx, [old], [old], newDeployment(replicas, 0, mu))
    expect(n > 0).toBe(expected)
    if (expected) expect(updates.map((u) => u.spec!.replicas)).toEqual([want])
  })
})
