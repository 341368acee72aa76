import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../api/types'
import { applyDelta, objectsFromList } from './clusterMirror'

function pod(name: string, rv: number, phase = 'Pending', uid = `uid-${name}`): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid, resourceVersion: String(rv) }, status: { phase } }
}

describe('cluster mirror reducer', () => {
  it('adds, updates and removes by uid', () => {
    let s = objectsFromList([pod('a', 1)])
    s = applyDelta(s, { added: [pod('b', 2)], updated: [[pod('a', 1), pod('a', 3, 'Running')]], removed: [] })
    expect(Object.keys(s).sort()).toEqual(['uid-a', 'uid-b'])
    expect((s['uid-a'].status as { phase: string }).phase).toBe('Running')
    s = applyDelta(s, { added: [], updated: [], removed: [pod('b', 4)] })
    expect(Object.keys(s)).toEqual(['uid-a'])
  })

  it('ignores an update whose resourceVersion is not newer', () => {
    const s = objectsFromList([pod('a', 10, 'Running')])
    const stale = applyDelta(s, { added: [], updated: [[pod('a', 8), pod('a', 9, 'Pending')]], removed: [] })
    expect(stale).toBe(s)
    const same = applyDelta(s, { added: [pod('a', 10, 'Failed')], updated: [], removed: [] })
    expect(same).toBe(s)
  })

  it('compares resourceVersions as numbers, not strings ("10" > "9")', () => {
    const s = objectsFromList([pod('a', 9)])
    const next = applyDelta(s, { added: [], updated: [[pod('a', 9), pod('a', 10, 'Running')]], removed: [] })
    expect((next['uid-a'].status as { phase: string }).phase).toBe('Running')
  })

  it('treats an update for an unknown uid as an add', () => {
    const next = applyDelta({}, { added: [], updated: [[pod('x', 1), pod('x', 2)]], removed: [] })
    expect(Object.keys(next)).toEqual(['uid-x'])
  })

  it('returns the same state for an empty delta and never mutates its input', () => {
    const s = objectsFromList([pod('a', 1)])
    const frozen = Object.freeze({ ...s })
    expect(applyDelta(frozen, { added: [], updated: [], removed: [] })).toBe(frozen)
    const next = applyDelta(frozen, { added: [pod('b', 2)], updated: [], removed: [pod('a', 3)] })
    expect(Object.keys(frozen)).toEqual(['uid-a'])
    expect(Object.keys(next)).toEqual(['uid-b'])
  })

  it('a re-created object with the same name but a new uid is a different entry', () => {
    let s = objectsFromList([pod('a', 1, 'Running', 'u1')])
    s = applyDelta(s, { added: [pod('a', 5, 'Pending', 'u2')], updated: [], removed: [pod('a', 4, 'Running', 'u1')] })
    expect(Object.keys(s)).toEqual(['u2'])
  })
})
