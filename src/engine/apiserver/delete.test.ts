import { describe, it, expect } from 'vitest'
import { newServer, pod, configMap, errorOf } from './testutil'
import type { KubeObject, WatchEvent } from '../../api/types'

const bound = (name: string, extra: Record<string, unknown> = {}) => pod(name, { ...extra, spec: { nodeName: 'minikube', ...((extra.spec as object) ?? {}) } })

describe('delete', () => {
  it('a scheduled pod is graceful: deletionTimestamp = now + 30s and it stays', () => {
    const { api } = newServer()
    api.create('pods', bound('web'))
    const d = api.delete('pods', 'default', 'web')
    expect(d.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z')
    expect(d.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(api.get('pods', 'default', 'web').metadata.deletionTimestamp).toBeDefined()
  })

  it('honours the pod terminationGracePeriodSeconds and the gracePeriodSeconds option', () => {
    const { api } = newServer()
    api.create('pods', bound('a', { spec: { terminationGracePeriodSeconds: 5 } }))
    expect(api.delete('pods', 'default', 'a').metadata.deletionGracePeriodSeconds).toBe(5)
    api.create('pods', bound('b'))
    expect(api.delete('pods', 'default', 'b', { gracePeriodSeconds: 10 }).metadata.deletionGracePeriodSeconds).toBe(10)
  })

  it('the kubelet finishes with gracePeriodSeconds 0; --force --grace-period=0 removes at once', () => {
    const { api } = newServer()
    api.create('pods', bound('web'))
    api.delete('pods', 'default', 'web')
    api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })
    expect(errorOf(() => api.get('pods', 'default', 'web')).reason).toBe('NotFound')
    api.create('pods', bound('now'))
    api.delete('pods', 'default', 'now', { gracePeriodSeconds: 0 })
    expect(errorOf(() => api.get('pods', 'default', 'now')).reason).toBe('NotFound')
  })

  it('an unscheduled pod goes at once', () => {
    const { api } = newServer()
    api.create('pods', pod('pending'))
    api.delete('pods', 'default', 'pending')
    expect(errorOf(() => api.get('pods', 'default', 'pending')).reason).toBe('NotFound')
  })

  it('finalizers hold an object until they are removed', () => {
    const { api } = newServer()
    const evs: string[] = []
    api.watch('configmaps', {}, (e: WatchEvent) => evs.push(e.type))
    api.create('configmaps', { ...configMap('c'), metadata: { name: 'c', namespace: 'default', finalizers: ['example.com/hold'] } })
    const d = api.delete('configmaps', 'default', 'c')
    expect(d.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z')
    const held = api.get('configmaps', 'default', 'c')
    api.update('configmaps', { ...held, metadata: { ...held.metadata, finalizers: [] } })
    expect(errorOf(() => api.get('configmaps', 'default', 'c')).reason).toBe('NotFound')
    expect(evs).toEqual(['ADDED', 'MODIFIED', 'DELETED'])
  })

  it('Foreground adds foregroundDeletion, Orphan adds orphan', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('f'))
    api.create('configmaps', configMap('o'))
    expect(api.delete('configmaps', 'default', 'f', { propagationPolicy: 'Foreground' }).metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(api.delete('configmaps', 'default', 'o', { propagationPolicy: 'Orphan' }).metadata.finalizers).toEqual(['orphan'])
  })

  it('preconditions: uid and resourceVersion', () => {
    const { api } = newServer()
    const c = api.create('configmaps', configMap('c'))
    expect(errorOf(() => api.delete('configmaps', 'default', 'c', { preconditions: { uid: 'x' } })).message)
      .toBe(`Operation cannot be fulfilled on configmaps "c": Precondition failed: UID in precondition: x, UID in object meta: ${c.metadata.uid}`)
    expect(errorOf(() => api.delete('configmaps', 'default', 'c', { preconditions: { resourceVersion: '1' } })).reason).toBe('Conflict')
  })

  it('dryRun deletes nothing', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('c'))
    api.delete('configmaps', 'default', 'c', { dryRun: 'All' })
    expect(api.get('configmaps', 'default', 'c').metadata.name).toBe('c')
  })

  it('default, kube-system and kube-public may not be deleted', () => {
    const { api } = newServer()
    expect(errorOf(() => api.delete('namespaces', undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted')
  })

  it('deleteCollection deletes what the selector matches', () => {
    const { api } = newServer()
    api.create('pods', pod('a', { metadata: { labels: { app: 'web' } } }))
    api.create('pods', pod('b', { metadata: { labels: { app: 'db' } } }))
    const gone = api.deleteCollection('pods', { namespace: 'default', labelSelector: 'app=web' })
    expect(gone.map((o: KubeObject) => o.metadata.name)).toEqual(['a'])
    expect(api.list('pods').items.map((o) => o.metadata.name)).toEqual(['b'])
  })

  it('creating in a terminating namespace is Forbidden with upstream words', () => {
    const { api } = newServer()
    api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })
    const ns = api.delete('namespaces', undefined, 'x')
    expect((ns.status as { phase: string }).phase).toBe('Terminating')
    expect(errorOf(() => api.create('pods', pod('web', {}, 'x')))).toMatchObject({
      reason: 'Forbidden',
      message: 'pods "web" is forbidden: unable to create new content in namespace x because it is being terminated',
    })
  })
})

describe('bindings', () => {
  it('sets nodeName and PodScheduled once; a second binding conflicts', () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    const b = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web', namespace: 'default' }, target: { kind: 'Node', name: 'minikube' } }
    api.create('bindings', b)
    const p = api.get('pods', 'default', 'web') as KubeObject & { spec: { nodeName: string }; status: { conditions: { type: string; status: string }[] } }
    expect(p.spec.nodeName).toBe('minikube')
    expect(p.status.conditions[0]).toMatchObject({ type: 'PodScheduled', status: 'True' })
    expect(errorOf(() => api.create('bindings', b)).message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "minikube"')
  })
})

describe('event TTL', () => {
  it('an event disappears an hour after its last write', () => {
    const { api, clock } = newServer()
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason: 'Pulled', type: 'Normal', count: 1 }
    const e = api.create('events', ev)
    clock.advance(59 * 60 * 1000)
    api.update('events', { ...e, count: 2 })
    clock.advance(59 * 60 * 1000)
    expect(api.list('events').items.length).toBe(1)
    clock.advance(60 * 1000)
    expect(api.list('events').items.length).toBe(0)
  })
})
