import { describe, it, expect } from 'vitest'
import { newServer, pod, configMap, errorOf } from './testutil'
import type { KubeObject } from '../../api/types'

type PodLike = KubeObject & { spec: { containers: { name: string; image: string; env?: unknown[] }[] }; status: { phase: string } }

describe('patch', () => {
  it('strategic: image change by container name keeps the rest', () => {
    const { api } = newServer()
    api.create('pods', pod('web', { spec: { containers: [{ name: 'app', image: 'nginx:1.25' }, { name: 'side', image: 'busybox:1.36' }] } }))
    const p = api.patch<PodLike>('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'side', image: 'busybox:1.37' }] } })
    expect(p.spec.containers.map((c) => c.image)).toEqual(['nginx:1.25', 'busybox:1.37'])
  })

  it('merge: labels added and removed', () => {
    const { api } = newServer()
    api.create('configmaps', { ...configMap('c'), metadata: { name: 'c', namespace: 'default', labels: { a: '1', b: '2' } } })
    const c = api.patch('configmaps', 'default', 'c', 'merge', { metadata: { labels: { a: null, z: '9' } } })
    expect(c.metadata.labels).toEqual({ b: '2', z: '9' })
  })

  it('json: add a data key', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('c', { a: '1' }))
    const c = api.patch('configmaps', 'default', 'c', 'json', [{ op: 'add', path: '/data/b', value: '2' }])
    expect(c.data).toEqual({ a: '1', b: '2' })
  })

  it('a patch carrying a stale resourceVersion conflicts', () => {
    const { api } = newServer()
    const c = api.create('configmaps', configMap('c'))
    api.patch('configmaps', 'default', 'c', 'merge', { data: { x: '1' } })
    expect(errorOf(() => api.patch('configmaps', 'default', 'c', 'merge', { metadata: { resourceVersion: c.metadata.resourceVersion }, data: { x: '2' } })).reason).toBe('Conflict')
  })

  it('the status subresource patch changes status only', () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    const p = api.patch<PodLike>('pods', 'default', 'web', 'merge', { status: { phase: 'Running' } }, { subresource: 'status' })
    expect(p.status.phase).toBe('Running')
    const q = api.patch<PodLike>('pods', 'default', 'web', 'merge', { status: { phase: 'Failed' } })
    expect(q.status.phase).toBe('Running')
  })

  it('patches are validated: a pod may not change its containers other than image', () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    const err = errorOf(() => api.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'app', env: [{ name: 'A', value: '1' }] }] } }))
    expect(err.reason).toBe('Invalid')
    expect(err.message.startsWith('Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n')).toBe(true)
  })

  it('a failing json patch is upstream\'s bare 422 and changes nothing', () => {
    const { api } = newServer()
    const c = api.create('configmaps', configMap('c', { a: '1' }))
    expect(errorOf(() => api.patch('configmaps', 'default', 'c', 'json', [{ op: 'test', path: '/data/a', value: '2' }])))
      .toMatchObject({ reason: 'Invalid', code: 422, message: 'the server rejected our request due to an error in our request' })
    expect(api.get('configmaps', 'default', 'c').metadata.resourceVersion).toBe(c.metadata.resourceVersion)
  })

  it('a strategic patch item without its merge key is a 400 naming the map', () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    expect(errorOf(() => api.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ image: 'x' }] } })))
      .toMatchObject({ reason: 'BadRequest', message: 'map: map[image:x] does not contain declared merge key: name' })
  })

  it('a json patch must be a list of operations', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('c'))
    expect(errorOf(() => api.patch('configmaps', 'default', 'c', 'json', { op: 'add' }))).toMatchObject({
      reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    })
  })
})
