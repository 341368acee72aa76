import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { newServer, pod, configMap, errorOf } from './testutil'
import type { WatchEvent } from '../../api/types'
import { WATCH_HISTORY_SIZE } from './watch'

const summary = (evs: WatchEvent[]) => evs.map((e) => `${e.type} ${e.object.metadata.name}`)

describe('watch', () => {
  it('starts with synthetic ADDED for existing objects, then follows writes in order', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('a'))
    const evs: WatchEvent[] = []
    api.watch('configmaps', { namespace: 'default' }, (e) => evs.push(e))
    const b = api.create('configmaps', configMap('b'))
    api.update('configmaps', { ...b, data: { k: 'v' } })
    api.delete('configmaps', 'default', 'a')
    expect(summary(evs)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED b', 'DELETED a'])
  })

  it('filters by namespace', () => {
    const { api } = newServer()
    const evs: WatchEvent[] = []
    api.watch('configmaps', { namespace: 'kube-system' }, (e) => evs.push(e))
    api.create('configmaps', configMap('a'))
    api.create('configmaps', configMap('b', {}, 'kube-system'))
    expect(summary(evs)).toEqual(['ADDED b'])
  })

  it('a label change moves an object in and out of a selector (ADDED / DELETED)', () => {
    const { api } = newServer()
    const evs: WatchEvent[] = []
    api.watch('pods', { labelSelector: 'app=web' }, (e) => evs.push(e))
    const p = api.create('pods', pod('p'))
    const p2 = api.update('pods', { ...p, metadata: { ...p.metadata, labels: { app: 'web' } } })
    const p3 = api.update('pods', { ...p2, metadata: { ...p2.metadata, labels: { app: 'web', v: '2' } } })
    api.update('pods', { ...p3, metadata: { ...p3.metadata, labels: { app: 'db' } } })
    expect(summary(evs)).toEqual(['ADDED p', 'MODIFIED p', 'DELETED p'])
  })

  it('field selectors filter too (spec.nodeName)', () => {
    const { api } = newServer()
    const evs: WatchEvent[] = []
    api.watch('pods', { fieldSelector: 'spec.nodeName=minikube' }, (e) => evs.push(e))
    api.create('pods', pod('p'))
    api.create('bindings', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p', namespace: 'default' }, target: { kind: 'Node', name: 'minikube' } })
    expect(summary(evs)).toEqual(['ADDED p'])
  })

  it('replays from a resourceVersion', () => {
    const { api } = newServer()
    const a = api.create('configmaps', configMap('a'))
    api.create('configmaps', configMap('b'))
    api.create('configmaps', configMap('c'))
    const evs: WatchEvent[] = []
    api.watch('configmaps', { resourceVersion: a.metadata.resourceVersion }, (e) => evs.push(e))
    expect(summary(evs)).toEqual(['ADDED b', 'ADDED c'])
  })

  it('a resourceVersion older than the window is 410 Expired: too old resource version', () => {
    const { api } = newServer()
    const first = api.create('configmaps', configMap('a'))
    for (let i = 0; i < WATCH_HISTORY_SIZE + 5; i++) api.update('configmaps', { ...first, metadata: { ...first.metadata, resourceVersion: undefined }, data: { i: String(i) } })
    const err = errorOf(() => api.watch('configmaps', { resourceVersion: first.metadata.resourceVersion }, () => {}))
    expect(err.code).toBe(410)
    expect(err.reason).toBe('Expired')
    expect(err.message).toMatch(/^too old resource version: \d+ \(\d+\)$/)
  })

  it('a throwing watcher breaks neither the write nor other watchers', () => {
    const { api } = newServer()
    const seen: string[] = []
    api.watch('configmaps', {}, () => { throw new Error('boom') })
    api.watch('configmaps', {}, (e) => seen.push(e.object.metadata.name!))
    expect(() => api.create('configmaps', configMap('a'))).not.toThrow()
    expect(seen).toEqual(['a'])
    expect(api.watchErrors.length).toBe(1)
  })

  it('writes made by a handler are delivered after the current event, to everyone in order', () => {
    const { api } = newServer()
    const log: string[] = []
    api.watch('configmaps', {}, (e) => {
      log.push(`A ${e.type} ${e.object.metadata.name}`)
      if (e.object.metadata.name === 'a' && e.type === 'ADDED') api.create('configmaps', configMap('b'))
    })
    api.watch('configmaps', {}, (e) => log.push(`B ${e.type} ${e.object.metadata.name}`))
    api.create('configmaps', configMap('a'))
    expect(log).toEqual(['A ADDED a', 'B ADDED a', 'A ADDED b', 'B ADDED b'])
  })

  it('a watch started inside a handler sees queued changes once', () => {
    const { api } = newServer()
    const late: string[] = []
    api.watch('configmaps', {}, (e) => {
      if (e.object.metadata.name === 'a') {
        api.create('configmaps', configMap('b'))
        api.watch('configmaps', {}, (e2) => late.push(`${e2.type} ${e2.object.metadata.name}`))
      }
    })
    api.create('configmaps', configMap('a'))
    api.create('configmaps', configMap('c'))
    expect(late).toEqual(['ADDED a', 'ADDED b', 'ADDED c'])
  })

  it('stop() ends delivery', () => {
    const { api } = newServer()
    const evs: WatchEvent[] = []
    const stop = api.watch('configmaps', {}, (e) => evs.push(e))
    stop()
    api.create('configmaps', configMap('a'))
    expect(evs).toEqual([])
  })

  it('onAnyChange sees every resource with its name', () => {
    const { api } = newServer()
    const seen: string[] = []
    api.onAnyChange((e) => seen.push(`${e.resource} ${e.type}`))
    api.create('pods', pod('p'))
    api.create('configmaps', configMap('c'))
    expect(seen).toEqual(['pods ADDED', 'configmaps ADDED'])
  })
})

describe('watch properties', () => {
  const op = fc.oneof(
    fc.record({ k: fc.constant('create' as const), n: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ k: fc.constant('update' as const), n: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ k: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 4 }) }),
  )
  const run = (api: ReturnType<typeof newServer>['api'], o: { k: string; n: number }) => {
    const name = `cm${o.n}`
    try {
      if (o.k === 'create') api.create('configmaps', configMap(name))
      else if (o.k === 'update') { const c = api.get('configmaps', 'default', name); api.update('configmaps', { ...c, data: { t: String(Number(c.metadata.resourceVersion)) } }) }
      else api.delete('configmaps', 'default', name)
    } catch { /* NotFound / AlreadyExists are part of the game */ }
  }

  it('resourceVersions strictly increase across all writes', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const { api } = newServer()
      const rvs: number[] = []
      api.onAnyChange((e) => rvs.push(Number(e.object.metadata.resourceVersion)))
      for (const o of ops) run(api, o)
      return rvs.every((rv, i) => i === 0 || rv > rvs[i - 1])
    }))
  })

  it('a watch from rv X sees exactly the writes after X', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 30 }), (before, after) => {
      const { api } = newServer()
      for (const o of before) run(api, o)
      const x = api.list('configmaps').metadata.resourceVersion!
      const live: string[] = []
      api.onAnyChange((e) => { if (e.resource === 'configmaps') live.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`) })
      for (const o of after) run(api, o)
      const replayed: string[] = []
      api.watch('configmaps', { resourceVersion: x }, (e) => replayed.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`))
      expect(replayed).toEqual(live)
    }))
  })
})
