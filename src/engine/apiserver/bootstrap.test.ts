import { describe, it, expect } from 'vitest'
import { newServer } from './testutil'
import { bootstrapNamespaces } from './bootstrap'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

describe('bootstrap', () => {
  it('creates the four minikube namespaces, Active, at the start time', () => {
    const { api } = newServer()
    const ns = api.list<Loose>('namespaces').items
    expect(ns.map((n) => `${n.metadata.name} ${n.status.phase} ${n.metadata.creationTimestamp}`)).toEqual([
      'default Active 2026-01-01T00:00:00Z',
      'kube-node-lease Active 2026-01-01T00:00:00Z',
      'kube-public Active 2026-01-01T00:00:00Z',
      'kube-system Active 2026-01-01T00:00:00Z',
    ])
  })

  it('is idempotent', () => {
    const { api } = newServer()
    const rv = api.currentResourceVersion()
    bootstrapNamespaces(api)
    expect(api.currentResourceVersion()).toBe(rv)
  })

  it('the same seed gives the same uids', () => {
    const a = newServer(7).api.get('namespaces', undefined, 'default').metadata.uid
    const b = newServer(7).api.get('namespaces', undefined, 'default').metadata.uid
    const c = newServer(8).api.get('namespaces', undefined, 'default').metadata.uid
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })
})
