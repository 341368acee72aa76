import { describe, it, expect } from 'vitest'
import { threeWayPatch } from './threeway'

describe('threeWayPatch', () => {
  const live = {
    metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, uid: 'u1' },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25', terminationMessagePath: '/dev/termination-log' }, { name: 'side', image: 'busybox' }], nodeName: 'minikube' },
    status: { phase: 'Running' },
  }
  const original = { metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } }

  it('is empty when the manifest matches what is live', () => {
    expect(threeWayPatch(original, original, live)).toEqual({})
  })

  it('sets changed fields, nulls dropped ones, deletes dropped list items by merge key', () => {
    const modified = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } }
    expect(threeWayPatch(original, modified, live)).toEqual({
      metadata: { labels: { tier: null } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.26' }, { name: 'side', $patch: 'delete' }] },
    })
  })

  it('leaves fields it never managed alone (no original)', () => {
    const modified = { metadata: { name: 'web', labels: { app: 'web' } } }
    expect(threeWayPatch(undefined, modified, live)).toEqual({})
  })
})
