import { describe, it, expect } from 'vitest'
import { resolveFenceposts, maxUnavailable, maxSurge, minAvailable, newRSNewReplicas, isSaturated, setReplicasAnnotations, replicasAnnotationsNeedUpdate } from './fenceposts'
import { getScaledValueFromIntOrPercent } from './intstr'
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './annotations'
import { newDeployment, newRS } from './testutil'

describe('resolveFenceposts', () => {
  // Rows from upstream deployment_util_test.go TestResolveFenceposts.
  const rows: [string | undefined, string | undefined, number, number, number, boolean][] = [
    ['0%', '0%', 0, 0, 1, false],
    ['39%', '39%', 10, 4, 3, false],
    ['oops', '39%', 10, 0, 0, true],
    ['55%', 'urg', 10, 0, 0, true],
    [undefined, '39%', 10, 0, 3, false],
    ['39%', undefined, 10, 4, 0, false],
    [undefined, undefined, 10, 0, 1, false],
  ]
  it.each(rows)('maxSurge %s maxUnavailable %s desired %i → %i:%i', (s, u, desired, surge, unavailable, err) => {
    if (err) { expect(() => resolveFenceposts(s, u, desired)).toThrow(); return }
    expect(resolveFenceposts(s, u, desired)).toEqual({ surge, unavailable })
  })
  it('3 replicas at the 25% defaults: surge rounds up to 1, unavailable down to 0', () => {
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 })
  })
  it('integers pass through unscaled', () => {
    expect(getScaledValueFromIntOrPercent(3, 10, true)).toBe(3)
    expect(getScaledValueFromIntOrPercent('100%', 10, false)).toBe(10)
  })
})

describe('maxUnavailable', () => {
  // Rows from upstream TestMaxUnavailable (maxSurge 1 throughout).
  const rows: [string, number, number | string, number][] = [
    ['maxUnavailable less than replicas', 10, 5, 5],
    ['maxUnavailable equal replicas', 10, 10, 10],
    ['maxUnavailable greater than replicas', 5, 10, 5],
    ['maxUnavailable with replicas is 0', 0, 10, 0],
    ['maxUnavailable less than replicas with percents', 10, '50%', 5],
    ['maxUnavailable equal replicas with percents', 10, '100%', 10],
    ['maxUnavailable greater than replicas with percents', 5, '100%', 5],
  ]
  it.each(rows)('%s', (_n, replicas, mu, want) => {
    expect(maxUnavailable(newDeployment(replicas, 1, mu))).toBe(want)
  })
  it('maxUnavailable with Recreate deployment strategy', () => {
    expect(maxUnavailable(newDeployment(10, undefined, undefined, 'Recreate'))).toBe(0)
    expect(maxSurge(newDeployment(10, undefined, undefined, 'Recreate'))).toBe(0)
  })
  it('10 replicas, maxSurge 3, maxUnavailable 2: minAvailable 8', () => {
    const d = newDeployment(10, 3, 2)
    expect([maxSurge(d), maxUnavailable(d), minAvailable(d)]).toEqual([3, 2, 8])
  })
  it('uses the 25%/25% defaults when rollingUpdate is absent', () => {
    const d = newDeployment(4)
    delete d.spec!.strategy!.rollingUpdate
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([1, 1])
  })
})

describe('newRSNewReplicas', () => {
  // Rows from upstream TestNewRSNewReplicas: one other RS with 5 replicas; maxUnavailable 1.
  const rows: [string, 'RollingUpdate' | 'Recreate', number, number, number, number][] = [
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ]
  it.each(rows)('%s', (_n, type, depReplicas, newRSReplicas, surge, want) => {
    const d = newDeployment(depReplicas, surge, 1, type)
    const rs5 = newRS('rs5', 5)
    expect(newRSNewReplicas(d, [rs5], newRS('new', newRSReplicas))).toBe(want)
  })
})

describe('replicas annotations and isSaturated', () => {
  // Upstream TestAnnotationUtils (SetReplicasAnnotations, IsSaturated) and TestReplicasAnnotationsNeedUpdate.
  it('sets desired and max replicas, then reports saturation', () => {
    const rs = newRS('nginx', 1, { available: 1 })
    expect(setReplicasAnnotations(rs, 10, 11)).toBe(true)
    expect(rs.metadata!.annotations![DESIRED_REPLICAS_ANNOTATION]).toBe('10')
    expect(rs.metadata!.annotations![MAX_REPLICAS_ANNOTATION]).toBe('11')
    expect(setReplicasAnnotations(rs, 10, 11)).toBe(false)
    rs.metadata!.annotations![DESIRED_REPLICAS_ANNOTATION] = '1'
    expect(isSaturated(newDeployment(1), rs)).toBe(true)
    expect(isSaturated(newDeployment(2), rs)).toBe(false)
    expect(isSaturated(newDeployment(1), undefined)).toBe(false)
  })
  it('needs an update when either annotation differs', () => {
    const rs = newRS('x', 1, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '20' } })
    expect(replicasAnnotationsNeedUpdate(rs, 10, 20)).toBe(false)
    expect(replicasAnnotationsNeedUpdate(rs, 10, 21)).toBe(true)
    expect(replicasAnnotationsNeedUpdate(newRS('y', 1), 10, 20)).toBe(true)
  })
})
