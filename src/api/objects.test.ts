import { describe, it, expect } from 'vitest'
import { type Condition, getControllerOf, newControllerRef, isControlledBy, withoutOwner, setCondition, getCondition, isConditionTrue, removeCondition, deepEqual, deepCopy } from './objects'
import type { KubeObject } from './types'

const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d8f', uid: 'u-rs' } }

describe('owner references', () => {
  it('newControllerRef points at the owner with controller and blockOwnerDeletion', () => {
    expect(newControllerRef(owner)).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'u-rs', controller: true, blockOwnerDeletion: true })
  })

  it('getControllerOf finds only the controller reference', () => {
    const pod = { metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u-n' }, newControllerRef(owner)] } }
    expect(getControllerOf(pod)?.uid).toBe('u-rs')
    expect(isControlledBy(pod, 'u-rs')).toBe(true)
    expect(isControlledBy(pod, 'u-n')).toBe(false)
    expect(getControllerOf({ metadata: {} })).toBeUndefined()
    expect(withoutOwner(pod.metadata.ownerReferences, 'u-rs').map((r) => r.uid)).toEqual(['u-n'])
  })
})

describe('conditions', () => {
  it('lastTransitionTime changes only when status flips', () => {
    let conds = setCondition<Condition>([], { type: 'Ready', status: 'False', reason: 'A' }, 't1')
    conds = setCondition(conds, { type: 'Ready', status: 'False', reason: 'B' }, 't2')
    expect(getCondition(conds, 'Ready')).toMatchObject({ status: 'False', reason: 'B', lastTransitionTime: 't1' })
    conds = setCondition(conds, { type: 'Ready', status: 'True' }, 't3')
    expect(getCondition(conds, 'Ready')?.lastTransitionTime).toBe('t3')
    expect(isConditionTrue(conds, 'Ready')).toBe(true)
    expect(removeCondition(conds, 'Ready')).toEqual([])
  })

  it('a new condition is appended after the existing ones', () => {
    const conds = setCondition(setCondition([], { type: 'A', status: 'True' }, 't'), { type: 'B', status: 'True' }, 't')
    expect(conds.map((c) => c.type)).toEqual(['A', 'B'])
  })
})

describe('deepEqual / deepCopy', () => {
  it('ignores key order and undefined members', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined })).toBe(true)
    expect(deepEqual([1, 2], [2, 1])).toBe(false)
    const o = { a: { b: [1] } }
    const c = deepCopy(o)
    c.a.b.push(2)
    expect(o.a.b).toEqual([1])
  })
})
