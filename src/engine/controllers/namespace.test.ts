import { describe, it, expect } from 'vitest'
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { ApiServer, bootstrapNamespaces } from '../apiserver'
import { startNamespaceController } from './namespace'
import type { KubeObject } from '../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup() {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(5) })
  bootstrapNamespaces(api)
  const errors: unknown[] = []
  startNamespaceController(api, clock, (_n, _k, e) => errors.push(e))
  api.create<KubeObject>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } })
  return { api, clock, errors }
}
const exists = (api: ApiServer, ns: string) => api.list('namespaces').items.some((n) => n.metadata.name === ns)

describe('namespace controller', () => {
  it('an empty namespace goes Terminating, then disappears', () => {
    const { api, clock, errors } = setup()
    const ns = api.delete<Loose>('namespaces', undefined, 'lab')
    expect(ns.status.phase).toBe('Terminating')
    expect(ns.spec.finalizers).toEqual(['kubernetes'])
    clock.advance(0)
    expect(exists(api, 'lab')).toBe(false)
    expect(errors).toEqual([])
  })

  it('deletes the contents first; waits for graceful pods', () => {
    const { api, clock } = setup()
    api.create<KubeObject>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'lab' } })
    api.create<KubeObject>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'lab' }, spec: { nodeName: 'minikube', containers: [{ name: 'a', image: 'x' }] } })
    api.delete('namespaces', undefined, 'lab')
    clock.advance(0)
    expect(api.list('configmaps', { namespace: 'lab' }).items).toEqual([])
    expect(api.get('pods', 'lab', 'p').metadata.deletionTimestamp).toBeDefined()
    const ns = api.get<Loose>('namespaces', undefined, 'lab')
    expect(ns.status.conditions.find((c: Loose) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: pods. has 1 resource instances' })
    // The kubelet stops the container and deletes for good.
    api.delete('pods', 'lab', 'p', { gracePeriodSeconds: 0 })
    clock.advance(0)
    expect(exists(api, 'lab')).toBe(false)
  })

  it('new content is refused while terminating', () => {
    const { api } = setup()
    api.create<KubeObject>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'lab' }, spec: { nodeName: 'minikube', containers: [{ name: 'a', image: 'x' }] } })
    api.delete('namespaces', undefined, 'lab')
    expect(() => api.create<KubeObject>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'lab' } })).toThrow('unable to create new content in namespace lab because it is being terminated')
  })

  it('reports finalizers that hold content, with upstream\'s five conditions in order', () => {
    const { api, clock } = setup()
    api.create<KubeObject>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'lab', finalizers: ['example.com/hold'] } })
    api.delete('namespaces', undefined, 'lab')
    clock.advance(0)
    const conds = api.get<Loose>('namespaces', undefined, 'lab').status.conditions
    expect(conds.map((c: Loose) => `${c.type}=${c.status}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False', 'NamespaceDeletionGroupVersionParsingFailure=False', 'NamespaceDeletionContentFailure=False',
      'NamespaceContentRemaining=True', 'NamespaceFinalizersRemaining=True',
    ])
    expect(conds[4].message).toBe('Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances')
    const c = api.get('configmaps', 'lab', 'c')
    api.update('configmaps', { ...c, metadata: { ...c.metadata, finalizers: [] } })
    clock.advance(0)
    expect(exists(api, 'lab')).toBe(false)
  })
})
