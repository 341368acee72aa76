import { describe, it, expect } from 'vitest'
import { newServer, newWidgetServer, pod, configMap, errorOf } from './testutil'
import type { KubeObject } from '../../api/types'

describe('ApiServer store semantics', () => {
  it('fills uid, resourceVersion, generation, creationTimestamp and apiVersion/kind', () => {
    const { api } = newServer()
    const p = api.create('pods', pod('web'))
    expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(p.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z')
    expect(p.apiVersion).toBe('v1')
    expect(p.kind).toBe('Pod')
    expect(Number(p.metadata.resourceVersion)).toBeGreaterThan(0)
  })

  it('bumps the resourceVersion on every write, monotonically', () => {
    const { api } = newServer()
    const a = api.create('configmaps', configMap('a'))
    const b = api.create('configmaps', configMap('b'))
    const a2 = api.update('configmaps', { ...a, data: { x: '1' } })
    const rvs = [a, b, a2].map((o) => Number(o.metadata.resourceVersion))
    expect(rvs[1]).toBeGreaterThan(rvs[0])
    expect(rvs[2]).toBeGreaterThan(rvs[1])
    expect(api.list('configmaps').metadata.resourceVersion).toBe(String(rvs[2]))
  })

  it('does not bump anything on a no-op update', () => {
    const { api } = newServer()
    const a = api.create('configmaps', configMap('a', { k: 'v' }))
    const again = api.update('configmaps', a)
    expect(again.metadata.resourceVersion).toBe(a.metadata.resourceVersion)
  })

  it('bumps generation only when spec changes (labels and status do not count)', () => {
    const { api } = newWidgetServer()
    const w = api.create<KubeObject>('widgets', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: { size: 1 } })
    expect(w.metadata.generation).toBe(1)
    const labelled = api.update('widgets', { ...w, metadata: { ...w.metadata, labels: { a: 'b' } } })
    expect(labelled.metadata.generation).toBe(1)
    const st = api.updateStatus('widgets', { ...labelled, status: { ready: true } })
    expect(st.metadata.generation).toBe(1)
    const bigger = api.update('widgets', { ...st, spec: { size: 2 } })
    expect(bigger.metadata.generation).toBe(2)
  })

  it('status sent on create is dropped for kinds with a status subresource (not for nodes)', () => {
    const { api } = newWidgetServer()
    const w = api.create<KubeObject>('widgets', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: {}, status: { ready: true } })
    expect(w.status).toBeUndefined()
    const n = api.create<KubeObject>('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { phase: 'Running' } })
    expect(n.status).toEqual({ phase: 'Running' })
  })

  it('a kind without spec bumps generation for anything but metadata/status', () => {
    const { api } = newWidgetServer()
    const g = api.create<KubeObject>('gadgets', { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g', namespace: 'default' }, data: { a: '1' } })
    expect(api.update('gadgets', { ...g, data: { a: '2' } }).metadata.generation).toBe(2)
  })

  it('core v1 kinds have no generation (as on a real 1.30 cluster)', () => {
    const { api } = newServer()
    expect(api.create('pods', pod('p')).metadata.generation).toBeUndefined()
    const a = api.create('configmaps', configMap('a', { k: 'v' }))
    expect(api.update('configmaps', { ...a, data: { k: 'w' } }).metadata.generation).toBeUndefined()
  })

  it('generateName appends 5 characters from the upstream alphabet', () => {
    const { api } = newServer()
    const p = api.create<KubeObject>('pods', { ...pod(''), metadata: { generateName: 'web-', namespace: 'default' } })
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(p.metadata.generateName).toBe('web-')
  })

  it('hands out deep copies: mutating a result never changes the store', () => {
    const { api } = newServer()
    const p = api.create('pods', pod('web'))
    ;(p.metadata.labels as Record<string, string>) = { hacked: 'yes' }
    const got = api.get('pods', 'default', 'web')
    ;(got.spec as { containers: { image: string }[] }).containers[0].image = 'evil'
    const again = api.get<KubeObject>('pods', 'default', 'web')
    expect(again.metadata.labels).toBeUndefined()
    expect((again.spec as { containers: { image: string }[] }).containers[0].image).toBe('nginx:1.25')
  })

  it('AlreadyExists with upstream words', () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    expect(errorOf(() => api.create('pods', pod('web')))).toMatchObject({ message: 'pods "web" already exists', reason: 'AlreadyExists', code: 409 })
  })

  it('NotFound with upstream words', () => {
    const { api } = newServer()
    expect(errorOf(() => api.get('pods', 'default', 'nope'))).toMatchObject({ message: 'pods "nope" not found', code: 404 })
  })

  it('creating in a missing namespace: namespaces "x" not found', () => {
    const { api } = newServer()
    expect(errorOf(() => api.create('pods', pod('web', {}, 'x')))).toMatchObject({ message: 'namespaces "x" not found', reason: 'NotFound' })
  })

  it('cluster-scoped kinds ignore the namespace', () => {
    const { api } = newServer()
    const n = api.create<KubeObject>('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', namespace: 'default' } })
    expect(n.metadata.namespace).toBeUndefined()
    expect(api.get('nodes', 'whatever', 'minikube').metadata.name).toBe('minikube')
  })

  it('dryRun runs admission but stores nothing', () => {
    const { api } = newServer()
    const p = api.create('pods', pod('web'), { dryRun: 'All' })
    expect((p.spec as { restartPolicy: string }).restartPolicy).toBe('Always')
    expect(errorOf(() => api.get('pods', 'default', 'web')).reason).toBe('NotFound')
  })

  it('rejects requests over 3 MiB like upstream', () => {
    const { api } = newServer()
    const big = configMap('big', { k: 'x'.repeat(3 * 1024 * 1024) })
    expect(errorOf(() => api.create('configmaps', big))).toMatchObject({ message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 })
  })

  it('lists with label and field selectors', () => {
    const { api } = newServer()
    api.create('pods', pod('a', { metadata: { labels: { app: 'web', tier: 'fe' } } }))
    api.create('pods', pod('b', { metadata: { labels: { app: 'db' } } }))
    api.create('pods', pod('c', { metadata: { labels: { app: 'web' } }, spec: { nodeName: 'minikube' } }))
    const names = (sel: object) => api.list('pods', sel).items.map((p) => p.metadata.name)
    expect(names({ labelSelector: 'app=web' })).toEqual(['a', 'c'])
    expect(names({ labelSelector: 'app in (web,db),!tier' })).toEqual(['b', 'c'])
    expect(names({ fieldSelector: 'spec.nodeName=minikube' })).toEqual(['c'])
    expect(names({ fieldSelector: 'metadata.name!=a', labelSelector: 'app' })).toEqual(['b', 'c'])
    expect(names({ namespace: 'kube-system' })).toEqual([])
    expect(errorOf(() => api.list('pods', { fieldSelector: 'foo=bar' }))).toMatchObject({ message: 'field label not supported: foo', reason: 'BadRequest' })
  })

  it('reports version v1.30.0', () => {
    const { api } = newServer()
    expect(api.version().gitVersion).toBe('v1.30.0')
  })
})

describe('update, conflicts and the status subresource', () => {
  it('Conflict on a stale resourceVersion', () => {
    const { api } = newServer()
    const a = api.create('configmaps', configMap('a'))
    api.update('configmaps', { ...a, data: { x: '1' } })
    expect(errorOf(() => api.update('configmaps', { ...a, data: { x: '2' } }))).toMatchObject({
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('an update without resourceVersion is unconditional', () => {
    const { api } = newServer()
    const a = api.create('configmaps', configMap('a'))
    const { resourceVersion: _rv, ...meta } = a.metadata
    expect(api.update('configmaps', { ...a, metadata: meta, data: { x: '1' } }).data).toEqual({ x: '1' })
  })

  it('update ignores status for kinds with a status subresource; updateStatus changes only status', () => {
    const { api } = newServer()
    const p = api.create('pods', pod('web'))
    const u = api.update('pods', { ...p, status: { phase: 'Running' } })
    expect((u.status as { phase: string }).phase).toBe('Pending')
    const s = api.updateStatus('pods', { ...u, metadata: { ...u.metadata, labels: { x: 'y' } }, status: { phase: 'Running' } })
    expect((s.status as { phase: string }).phase).toBe('Running')
    expect(s.metadata.labels).toBeUndefined()
  })

  it('uid is immutable, creationTimestamp is kept', () => {
    const { api, clock } = newServer()
    const a = api.create('configmaps', configMap('a'))
    clock.advance(5000)
    const b = api.update('configmaps', { ...a, metadata: { ...a.metadata, creationTimestamp: '2020-01-01T00:00:00Z' }, data: { q: '1' } })
    expect(b.metadata.creationTimestamp).toBe(a.metadata.creationTimestamp)
    expect(errorOf(() => api.update('configmaps', { ...b, metadata: { ...b.metadata, uid: 'other' } })).message)
      .toBe('ConfigMap "a" is invalid: metadata.uid: Invalid value: "other": field is immutable')
  })
})

describe('more verbs', () => {
  it('onAnyChange carries the state before the write', () => {
    const { api } = newServer()
    const olds: (string | undefined)[] = []
    api.onAnyChange((e) => olds.push(e.old?.data ? JSON.stringify(e.old.data) : undefined))
    const a = api.create('configmaps', configMap('a', { v: '1' }))
    api.update('configmaps', { ...a, data: { v: '2' } })
    expect(olds).toEqual([undefined, '{"v":"1"}'])
  })

  it('deletecollection is not allowed on namespaces (405)', () => {
    const { api } = newServer()
    expect(errorOf(() => api.deleteCollection('namespaces'))).toMatchObject({ code: 405, reason: 'MethodNotAllowed' })
  })

  it('a pod update may change the image', () => {
    const { api } = newServer()
    const p = api.create('pods', pod('web')) as KubeObject & { spec: { containers: { image: string }[] } }
    p.spec.containers[0].image = 'nginx:1.26'
    const u = api.update('pods', p) as typeof p
    expect(u.spec.containers[0].image).toBe('nginx:1.26')
  })

  it('an unknown resource is upstream\'s 404', () => {
    const { api } = newServer()
    expect(errorOf(() => api.list('widgets'))).toMatchObject({ code: 404, message: 'the server could not find the requested resource' })
  })

  it('a bad generateName is reported on metadata.generateName', () => {
    const { api } = newServer()
    expect(errorOf(() => api.create<KubeObject>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'Web-', namespace: 'default' } })).message)
      .toMatch(/^ConfigMap "Web-[a-z0-9]{5}" is invalid: \[metadata.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/)
  })

  it('resourceVersion on create is a BadRequest', () => {
    const { api } = newServer()
    const c = { ...configMap('c'), metadata: { name: 'c', namespace: 'default', resourceVersion: '5' } }
    expect(errorOf(() => api.create('configmaps', c)).message).toBe('resourceVersion should not be set on objects to be created')
  })
})

