import { describe, it, expect } from 'vitest'
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, MAX_INT32 } from './progress'
import { setDeploymentCondition, removeDeploymentCondition, getDeploymentCondition, NewRSAvailableReason } from './conditions'
import type { Deployment, DeploymentCondition, DeploymentStatus } from './types'
import { newDeployment } from './testutil'

describe('deploymentComplete', () => {
  // Rows from upstream TestDeploymentComplete: (desired, current, updated, available, maxUnavailable, maxSurge).
  const rows: [string, number[], boolean][] = [
    ['not complete: min but not all pods become available', [5, 5, 5, 4, 1, 0], false],
    ['not complete: min availability is not honored', [5, 5, 5, 3, 1, 0], false],
    ['complete', [5, 5, 5, 5, 0, 0], true],
    ['not complete: all pods are available but not updated', [5, 5, 4, 5, 0, 0], false],
    ['not complete: still running old pods', [1, 2, 1, 1, 0, 1], false],
    ['not complete: one replica deployment never comes up', [1, 1, 1, 0, 1, 1], false],
  ]
  it.each(rows)('%s', (_n, [desired, current, updated, available, mu, ms], want) => {
    const d = newDeployment(desired, ms, mu)
    d.metadata = { ...d.metadata, generation: 0 }
    d.status = { replicas: current, updatedReplicas: updated, availableReplicas: available }
    expect(deploymentComplete(d, d.status)).toBe(want)
  })
})

describe('deploymentProgressing', () => {
  // Rows from upstream TestDeploymentProgressing: (current, updated, ready, available) before → after.
  const rows: [string, number[], number[], boolean][] = [
    ['progressing: updated pods', [10, 4, 4, 4], [10, 6, 4, 4], true],
    ['not progressing', [10, 4, 4, 4], [10, 4, 4, 4], false],
    ['progressing: old pods removed', [10, 4, 6, 6], [8, 4, 6, 6], true],
    ['not progressing: less new pods', [10, 7, 3, 3], [10, 6, 3, 3], false],
    ['progressing: less overall but more new pods', [10, 4, 7, 7], [8, 8, 5, 5], true],
    ['progressing: more ready pods', [10, 10, 9, 8], [10, 10, 10, 8], true],
    ['progressing: more available pods', [10, 10, 10, 9], [10, 10, 10, 10], true],
  ]
  const st = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: number[]): DeploymentStatus => ({ replicas, updatedReplicas, readyReplicas, availableReplicas })
  it.each(rows)('%s', (_n, before, after, want) => {
    const d: Deployment = { status: st(before) }
    expect(deploymentProgressing(d, st(after))).toBe(want)
  })
})

describe('deploymentTimedOut', () => {
  // Rows from upstream TestDeploymentTimedOut (2016-01-01 00:min:sec).
  const t = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec)
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '')
  const dep = (reason: string, pds: number | undefined, from: number): Deployment => ({
    spec: { progressDeadlineSeconds: pds, selector: {}, template: {} },
    status: { conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: iso(from) }] },
  })
  const rows: [string, Deployment, number, boolean][] = [
    ['nil progressDeadlineSeconds specified - no timeout', dep('', undefined, t(1, 9)), t(1, 20), false],
    ['infinite progressDeadlineSeconds specified - no timeout', dep('', MAX_INT32, t(1, 9)), t(1, 20), false],
    ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s', dep('', 10, t(1, 9)), t(1, 20), true],
    ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s', dep('', 10, t(1, 11)), t(1, 20), false],
    ['previous status was a complete deployment', dep(NewRSAvailableReason, undefined, 0), 0, false],
  ]
  it.each(rows)('%s', (_n, d, now, want) => {
    expect(deploymentTimedOut(d, d.status!, now)).toBe(want)
  })
})

describe('conditions', () => {
  // Upstream TestSetCondition / TestRemoveCondition / TestGetCondition.
  const progressing = (): DeploymentCondition => ({ type: 'Progressing', status: 'False', reason: 'ForSomeReason' })
  const progressing2 = (): DeploymentCondition => ({ type: 'Progressing', status: 'True', reason: 'BecauseItIs' })
  const available = (): DeploymentCondition => ({ type: 'Available', status: 'True', reason: 'AwesomeController' })
  it('set for the first time / simple set / overwrite', () => {
    const a: DeploymentStatus = {}
    setDeploymentCondition(a, available())
    expect(a).toEqual({ conditions: [available()] })
    const b: DeploymentStatus = { conditions: [progressing()] }
    setDeploymentCondition(b, available())
    expect(b).toEqual({ conditions: [progressing(), available()] })
    const c: DeploymentStatus = { conditions: [progressing()] }
    setDeploymentCondition(c, progressing2())
    expect(c).toEqual({ conditions: [progressing2()] })
  })
  it('same status and reason leaves the condition alone; same status keeps lastTransitionTime', () => {
    const s: DeploymentStatus = { conditions: [{ ...progressing2(), message: 'a', lastTransitionTime: 'T0' }] }
    setDeploymentCondition(s, { ...progressing2(), message: 'b', lastTransitionTime: 'T1' })
    expect(s.conditions![0].message).toBe('a')
    setDeploymentCondition(s, { ...progressing2(), reason: 'Other', lastTransitionTime: 'T1' })
    expect(s.conditions![0].lastTransitionTime).toBe('T0')
  })
  it('remove from empty status / simple remove / removes nothing', () => {
    const e: DeploymentStatus = {}
    removeDeploymentCondition(e, 'Progressing')
    expect(e).toEqual({})
    const s: DeploymentStatus = { conditions: [progressing()] }
    removeDeploymentCondition(s, 'Progressing')
    expect(s).toEqual({})
    const both: DeploymentStatus = { conditions: [progressing(), available()] }
    removeDeploymentCondition(both, 'ReplicaFailure')
    expect(both.conditions).toHaveLength(2)
    expect(getDeploymentCondition(both, 'Available')).toBeDefined()
    expect(getDeploymentCondition(both, 'ReplicaFailure')).toBeUndefined()
  })
})
