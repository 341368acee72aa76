import { describe, it, expect } from 'vitest'
import { setNewReplicaSetAnnotations, setDeploymentRevision } from './revision'
import { REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, CHANGE_CAUSE_ANNOTATION, LAST_APPLIED_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, nonNegativeInt32Annotation } from './annotations'
import { newDeployment, newRS } from './testutil'

describe('setNewReplicaSetAnnotations', () => {
  // Upstream TestAnnotationUtils "SetNewReplicaSetAnnotations": revisions 11..20 with a 5-char
  // history limit keep the last two ("i-1,i").
  it('raises the revision and trims the history to the limit', () => {
    const d = newDeployment(1)
    d.metadata!.annotations![REVISION_ANNOTATION] = '1'
    const rs = newRS('nginx', 1)
    for (let i = 10; i < 20; i++) {
      const next = String(i + 1)
      setNewReplicaSetAnnotations(d, rs, next, true, 5)
      if (i >= 12) expect(rs.metadata!.annotations![REVISION_HISTORY_ANNOTATION]).toBe(`${i - 1},${i}`)
      expect(rs.metadata!.annotations![REVISION_ANNOTATION]).toBe(next)
    }
  })
  it('a rollback to revision 1 when the max is 2 becomes revision 3 with revision-history 1', () => {
    const rs = newRS('web-a', 0, { annotations: { [REVISION_ANNOTATION]: '1' } })
    expect(setNewReplicaSetAnnotations(newDeployment(3), rs, '3', true)).toBe(true)
    expect(rs.metadata!.annotations).toMatchObject({ [REVISION_ANNOTATION]: '3', [REVISION_HISTORY_ANNOTATION]: '1' })
  })
  it('never lowers a revision', () => {
    const rs = newRS('web-a', 0, { annotations: { [REVISION_ANNOTATION]: '5' } })
    expect(setNewReplicaSetAnnotations(newDeployment(3), rs, '3', true)).toBe(false)
    expect(rs.metadata!.annotations![REVISION_ANNOTATION]).toBe('5')
  })
  it('copies change-cause but not last-applied; a new RS gets the replicas annotations', () => {
    const d = newDeployment(10, 3, 2)
    d.metadata!.annotations = { [CHANGE_CAUSE_ANNOTATION]: 'kubectl set image', [LAST_APPLIED_ANNOTATION]: '{}', [REVISION_ANNOTATION]: '4' }
    const rs = newRS('web-b', 0, { annotations: {} })
    setNewReplicaSetAnnotations(d, rs, '1', false)
    expect(rs.metadata!.annotations).toEqual({
      [CHANGE_CAUSE_ANNOTATION]: 'kubectl set image', [REVISION_ANNOTATION]: '1',
      [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '13',
    })
  })
  it('setDeploymentRevision reports a change', () => {
    const d = newDeployment(1)
    expect(setDeploymentRevision(d, '2')).toBe(true)
    expect(setDeploymentRevision(d, '2')).toBe(false)
  })
})

describe('nonNegativeInt32Annotation', () => {
  // Rows from upstream TestGetNonNegativeInt32FromAnnotation.
  const rows: [string, Record<string, string> | undefined, number | undefined][] = [
    ['invalid empty', undefined, undefined],
    ['invalid', { test: 'invalid', foo: '2' }, undefined],
    ['invalid negative', { test: '-1', foo: '2' }, undefined],
    ['valid zero', { test: '0', foo: '2' }, 0],
    ['valid', { test: '13', foo: '2' }, 13],
    ['valid max', { test: '2147483647', foo: '2' }, 2147483647],
    ['invalid max out of range', { test: '2147483648', foo: '2' }, undefined],
    ['invalid max out of range 2', { test: '4294967296', foo: '2' }, undefined],
  ]
  it.each(rows)('%s', (_n, annotations, want) => expect(nonNegativeInt32Annotation(annotations, 'test')).toBe(want))
})
