import { describe, it, expect } from 'vitest'
import { findNewReplicaSet, findOldReplicaSets, equalIgnoreHash, findActiveOrLatest, byRevision, bySizeNewer, bySizeOlder } from './replicasets'
import { getProportion, getReplicaSetFraction } from './proportion'
import { computeHash, safeEncodeString } from './hash'
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './annotations'
import { newDeployment, newRS } from './testutil'

const withHash = <T extends ReturnType<typeof newRS>>(rs: T, hash: string): T => {
  rs.spec!.template!.metadata!.labels = { ...rs.spec!.template!.metadata!.labels, [POD_TEMPLATE_HASH_LABEL]: hash }
  return rs
}

describe('findNewReplicaSet / findOldReplicaSets', () => {
  // After upstream TestFindNewReplicaSet / TestFindOldReplicaSets.
  const d = newDeployment(1)
  const newRS1 = withHash(newRS('new', 1, { created: '2026-01-01T00:01:00Z' }), 'hash')
  const newRSDup = withHash(newRS('dup', 0, { created: '2026-01-01T00:00:30Z' }), 'different-hash')
  const oldRS = newRS('old', 1, { created: '2026-01-01T00:00:00Z', image: 'nginx-old-1' })
  it('same template as the Deployment but a different pod-template-hash value', () => {
    expect(findNewReplicaSet(d, [newRS1, oldRS])?.metadata?.name).toBe('new')
  })
  it('the oldest of several ReplicaSets with the same template', () => {
    expect(findNewReplicaSet(d, [newRS1, oldRS, newRSDup])?.metadata?.name).toBe('dup')
  })
  it('none', () => expect(findNewReplicaSet(d, [oldRS])).toBeUndefined())
  it('old ones: all others, and those with replicas', () => {
    const r = findOldReplicaSets(d, [oldRS, newRS1, newRSDup])
    expect(r.all.map((x) => x.metadata?.name)).toEqual(['old', 'new'])
    expect(r.required.map((x) => x.metadata?.name)).toEqual(['old', 'new'])
    expect(findOldReplicaSets(d, [newRS1]).all).toEqual([])
  })
  it('equalIgnoreHash ignores only the hash label', () => {
    expect(equalIgnoreHash(newRS1.spec!.template, d.spec!.template)).toBe(true)
    expect(equalIgnoreHash(oldRS.spec!.template, d.spec!.template)).toBe(false)
  })
})

describe('findActiveOrLatest and orderings', () => {
  it('one active → it; none active → new, else newest old; several → none', () => {
    const a = newRS('a', 0, { created: '2026-01-01T00:00:00Z' })
    const b = newRS('b', 0, { created: '2026-01-01T00:01:00Z' })
    const c = newRS('c', 3)
    expect(findActiveOrLatest(undefined, [a, b])?.metadata?.name).toBe('b')
    expect(findActiveOrLatest(c, [a, b])?.metadata?.name).toBe('c')
    expect(findActiveOrLatest(c, [newRS('d', 1)])).toBeUndefined()
  })
  it('by revision, by size', () => {
    const r = (n: string, rev: string, size = 0, created?: string) => newRS(n, size, { annotations: { [REVISION_ANNOTATION]: rev }, created })
    expect([r('x', '3'), r('y', '1'), r('z', '2')].sort(byRevision).map((x) => x.metadata?.name)).toEqual(['y', 'z', 'x'])
    const old = r('old', '1', 2, '2026-01-01T00:00:00Z'), nu = r('new', '2', 2, '2026-01-01T00:01:00Z')
    expect([old, nu].sort(bySizeNewer)[0].metadata?.name).toBe('new')
    expect([nu, old].sort(bySizeOlder)[0].metadata?.name).toBe('old')
  })
})

describe('proportional scaling', () => {
  // The Kubernetes docs' example (concepts/workloads/controllers/deployment, "Proportional
  // scaling"): 10 replicas, maxSurge 3, maxUnavailable 2, old RS 8 and new RS 5, scaled to 15:
  // the old RS goes to 11 and the new one to 7.
  it('10 → 15 mid-rollout gives +3 to the old RS and +2 to the new', () => {
    const d = newDeployment(15, 3, 2)
    const ann = { [MAX_REPLICAS_ANNOTATION]: '13' }
    const old = newRS('old', 8, { annotations: { ...ann } })
    const nu = newRS('new', 5, { annotations: { ...ann } })
    expect(getReplicaSetFraction(old, d)).toBe(3)
    expect(getProportion(old, d, 5, 0)).toBe(3)
    expect(getProportion(nu, d, 5, 3)).toBe(2)
  })
  it('caps at what is left, scales to zero, and ignores empty RSs', () => {
    const d = newDeployment(15, 3, 2)
    const old = newRS('old', 8, { annotations: { [MAX_REPLICAS_ANNOTATION]: '13' } })
    expect(getProportion(old, d, 5, 4)).toBe(1)
    expect(getProportion(old, d, 5, 5)).toBe(0)
    expect(getProportion(newRS('e', 0), d, 5, 0)).toBe(0)
    expect(getReplicaSetFraction(old, newDeployment(0, 3, 2))).toBe(-8)
  })
})

describe('computeHash', () => {
  it('is stable, uses the safe alphabet, and changes with the template and collision count', () => {
    const t = newDeployment(1).spec!.template
    const h = computeHash(t)
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(computeHash(JSON.parse(JSON.stringify(t)))).toBe(h)
    expect(computeHash({ spec: t!.spec, metadata: t!.metadata })).toBe(h) // key order does not matter
    expect(computeHash(newRS('x', 1, { image: 'nginx:1.26' }).spec!.template)).not.toBe(h)
    expect(computeHash(t, 1)).not.toBe(h)
  })
  it('SafeEncodeString maps the decimal digits as upstream ("0"→4 ... "6"→b)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })
})
