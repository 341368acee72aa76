import { describe, it, expect } from 'vitest'
import { newServer } from '../../apiserver/testutil'
import type { KubeObject } from '../../../api/types'
import type { EventRecorder } from '../../events/recorder'
import { ReplicaSetController } from './replicaset'
import { EXPECTATIONS_TIMEOUT_MS } from './expectations'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup(replicas: number) {
  const { api, clock } = newServer()
  const events: string[] = []
  const recorder: EventRecorder = { event: (_o, type, reason, message) => { events.push(`${type} ${reason} ${message}`) } }
  api.create('replicasets', {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  } as KubeObject)
  // Not started: no watch, so the controller never observes its own creations — a watch that lags forever.
  const c = new ReplicaSetController(api, clock, recorder)
  return { api, clock, c, events }
}

describe('ReplicaSetController.sync', () => {
  it('expectations: a second sync before the creations are observed creates nothing', () => {
    const { api, clock, c, events } = setup(3)
    c.sync('default/web')
    expect(api.list('pods', { namespace: 'default' }).items).toHaveLength(3)
    expect(c.expectations.pending('default/web')).toEqual({ add: 3, del: 0 })
    c.sync('default/web')
    expect(api.list('pods', { namespace: 'default' }).items).toHaveLength(3)
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: web-'))).toHaveLength(3)
    // Status is still written from what the sync saw.
    expect((api.get('replicasets', 'default', 'web') as Loose).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 })
    // After the 5-minute expectations TTL the controller trusts the list again (and finds 3 pods).
    clock.advance(EXPECTATIONS_TIMEOUT_MS + 1)
    c.sync('default/web')
    expect(api.list('pods', { namespace: 'default' }).items).toHaveLength(3)
  })

  it('pods carry the template labels, generateName and a controller reference', () => {
    const { api, c } = setup(1)
    c.sync('default/web')
    const [p] = api.list('pods', { namespace: 'default' }).items as Loose[]
    expect(p.metadata.generateName).toBe('web-')
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(p.metadata.labels).toEqual({ app: 'web' })
    const rs = api.get('replicasets', 'default', 'web')
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }])
  })

  it('a missing ReplicaSet is a no-op', () => {
    const { c } = setup(1)
    expect(c.sync('default/nope')).toBeUndefined()
  })
})
