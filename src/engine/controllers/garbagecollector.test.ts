import { describe, it, expect } from 'vitest'
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { ApiServer, bootstrapNamespaces } from '../apiserver'
import { OwnerIndex, startGarbageCollector } from './garbagecollector'
import { newControllerRef } from '../../api/objects'
import type { KubeObject } from '../../api/types'
import { newWidgetServer } from '../apiserver/testutil'

function setup() {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(3) })
  bootstrapNamespaces(api)
  const errors: unknown[] = []
  startGarbageCollector(api, clock, (_n, _k, e) => errors.push(e))
  return { api, clock, errors }
}

const cm = (name: string, owners: KubeObject[] = [], block = true): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ({ ...newControllerRef(o), controller: owners.length === 1, blockOwnerDeletion: block })) },
})
const names = (api: ApiServer) => api.list('configmaps').items.map((o) => o.metadata.name)

describe('garbage collector', () => {
  it('background: dependents of a deleted owner are deleted', () => {
    const { api, clock, errors } = setup()
    const owner = api.create('configmaps', cm('owner'))
    api.create('configmaps', cm('child', [owner]))
    api.create('configmaps', cm('other'))
    api.delete('configmaps', 'default', 'owner')
    clock.advance(0)
    expect(names(api)).toEqual(['other'])
    expect(errors).toEqual([])
  })

  it('an owner reference to a uid that never existed makes the dependent go', () => {
    const { api, clock } = setup()
    api.create('configmaps', { ...cm('orphaned'), metadata: { name: 'orphaned', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: 'nope' }] } })
    clock.advance(0)
    expect(names(api)).toEqual([])
  })

  it('a same-named newcomer is not the owner (uid matters)', () => {
    const { api, clock } = setup()
    const owner = api.create('configmaps', cm('owner'))
    api.create('configmaps', cm('child', [owner]))
    api.delete('configmaps', 'default', 'owner')
    api.create('configmaps', cm('owner'))
    clock.advance(0)
    expect(names(api)).toEqual(['owner'])
  })

  it('dangling references beside a live owner are removed, the dependent stays', () => {
    const { api, clock } = setup()
    const a = api.create('configmaps', cm('a'))
    const b = api.create('configmaps', cm('b'))
    api.create('configmaps', cm('child', [a, b]))
    api.delete('configmaps', 'default', 'a')
    clock.advance(0)
    expect(names(api)).toEqual(['b', 'child'])
    expect(api.get('configmaps', 'default', 'child').metadata.ownerReferences?.map((r) => r.name)).toEqual(['b'])
  })

  it('foreground: the owner stays (foregroundDeletion) until blocking dependents are gone', () => {
    const { api, clock } = setup()
    const owner = api.create('configmaps', cm('owner'))
    const child = api.create('configmaps', { ...cm('child', [owner]), metadata: { ...cm('child', [owner]).metadata, finalizers: ['example.com/slow'] } })
    api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Foreground' })
    clock.advance(0)
    // The child is terminating but held by its own finalizer; the owner waits.
    expect(api.get('configmaps', 'default', 'child').metadata.deletionTimestamp).toBeDefined()
    expect(api.get('configmaps', 'default', 'owner').metadata.finalizers).toEqual(['foregroundDeletion'])
    const c = api.get('configmaps', 'default', 'child')
    api.update('configmaps', { ...c, metadata: { ...c.metadata, finalizers: [] } })
    clock.advance(0)
    expect(names(api)).toEqual([])
    expect(child.metadata.uid).toBeDefined()
  })

  it('foreground with no dependents: the finalizer is dropped and the owner goes', () => {
    const { api, clock } = setup()
    api.create('configmaps', cm('owner'))
    api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Foreground' })
    clock.advance(0)
    expect(names(api)).toEqual([])
  })

  it('orphan: dependents lose the reference and stay; the owner goes', () => {
    const { api, clock } = setup()
    const owner = api.create('configmaps', cm('owner'))
    api.create('configmaps', cm('child', [owner]))
    api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Orphan' })
    clock.advance(0)
    expect(names(api)).toEqual(['child'])
    expect(api.get('configmaps', 'default', 'child').metadata.ownerReferences).toBeUndefined()
  })

  it('pods owned by a deleted owner get a graceful delete', () => {
    const { api, clock } = setup()
    const owner = api.create('configmaps', cm('owner'))
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ownerReferences: [newControllerRef(owner)] }, spec: { nodeName: 'minikube', containers: [{ name: 'a', image: 'x' }] } })
    api.delete('configmaps', 'default', 'owner')
    clock.advance(0)
    expect(api.get('pods', 'default', 'p').metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z')
  })

  it('an owner of a kind the server does not know is left alone', () => {
    const { api, clock } = setup()
    api.create('configmaps', { ...cm('x'), metadata: { name: 'x', namespace: 'default', ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'u1' }] } })
    clock.advance(0)
    expect(names(api)).toEqual(['x'])
  })

  it('works for any kind in the table: a Widget owning pods, deleted in foreground', () => {
    const { api, clock } = newWidgetServer()
    startGarbageCollector(api, clock)
    const w = api.create<KubeObject>('widgets', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: {} })
    for (const n of ['a', 'b']) {
      api.create<KubeObject>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: n, namespace: 'default', ownerReferences: [newControllerRef(w)] }, spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'x' }] } })
    }
    api.delete('widgets', 'default', 'w', { propagationPolicy: 'Foreground' })
    clock.advance(0)
    // Pods terminate gracefully; the widget waits for them (blockOwnerDeletion).
    expect(api.list('pods').items.every((p) => p.metadata.deletionTimestamp)).toBe(true)
    expect(api.get('widgets', 'default', 'w').metadata.finalizers).toEqual(['foregroundDeletion'])
    for (const n of ['a', 'b']) api.delete('pods', 'default', n, { gracePeriodSeconds: 0 })
    clock.advance(0)
    expect(api.list('widgets').items).toEqual([])
  })
})

describe('OwnerIndex', () => {
  const pod = (name: string, owners: string[]) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ownerReferences: owners.map((uid) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid })) },
  })

  it('follows dependents as their ownerReferences are added, changed and deleted', () => {
    const index = new OwnerIndex()
    index.observe('pods', 'ADDED', pod('a', ['rs1']))
    index.observe('pods', 'ADDED', pod('b', ['rs1', 'rs2']))
    expect(index.dependents('rs1').map((d) => d.ref.name)).toEqual(['a', 'b'])
    index.observe('pods', 'MODIFIED', pod('a', ['rs2']))
    expect(index.dependents('rs1').map((d) => d.ref.name)).toEqual(['b'])
    expect(index.dependents('rs2').map((d) => d.ref.name)).toEqual(['b', 'a'])
    index.observe('pods', 'DELETED', pod('b', ['rs1', 'rs2']))
    expect(index.dependents('rs1')).toEqual([])
    expect(index.dependents('rs2')).toEqual([{ uid: 'uid-a', ref: { resource: 'pods', namespace: 'default', name: 'a' } }])
  })
})
