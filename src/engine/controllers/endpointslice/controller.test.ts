import { describe, it, expect } from 'vitest'
import { newServer } from '../../apiserver/testutil'
import { startEndpointSliceController } from './controller'
import { createPod, createService, setPodStatus } from '../endpoints/testfixtures'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup() {
  const { api, clock } = newServer()
  const stop = startEndpointSliceController(api, clock, { event: () => {} })
  const slices = (svc = 'web') => {
    clock.advance(1000)
    return api.list('endpointslices', { namespace: 'default', labelSelector: `kubernetes.io/service-name=${svc}` }).items as Loose[]
  }
  return { api, clock, stop, slices }
}

describe('EndpointSlice controller', () => {
  it('one slice named <svc>-xxxxx with ready/serving/terminating conditions, nodeName and targetRef', () => {
    const { api, slices } = setup()
    const a = createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true, nodeName: 'minikube' })
    createPod(api, { name: 'b', labels: { app: 'web' }, ip: '10.244.0.6', ready: false })
    const svc = createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }, 'default', { app: 'web' })
    const [s, ...rest] = slices()
    expect(rest).toEqual([])
    expect(s.metadata.name).toMatch(/^web-[a-z0-9]{5}$/)
    expect(s.metadata.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' })
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }])
    expect(s.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T00:00:00Z')
    expect(s.addressType).toBe('IPv4')
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect(s.endpoints).toEqual([
      { addresses: ['10.244.0.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'minikube', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: a.metadata.uid } },
      { addresses: ['10.244.0.6'], conditions: { ready: false, serving: false, terminating: false }, targetRef: expect.objectContaining({ name: 'b' }) },
    ])
  })

  it('a terminating ready pod stays with terminating=true, ready=false; readiness changes update in place', () => {
    const { api, slices } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: false })
    const name = slices()[0].metadata.name
    setPodStatus(api, { name: 'a', labels: {}, ip: '10.244.0.5', ready: true })
    expect(slices()[0].endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false })
    api.patch('pods', 'default', 'a', 'merge', { metadata: { finalizers: ['x/hold'] } })
    api.delete('pods', 'default', 'a')
    const [s] = slices()
    expect(s.metadata.name).toBe(name)
    expect(s.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true })
  })

  it('no endpoints: one placeholder slice without ports; pods on different ports get separate slices', () => {
    const { api, slices } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] })
    const [p] = slices()
    expect(p.endpoints).toEqual([])
    expect(p.ports).toBeUndefined()
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true, ports: [{ name: 'http', containerPort: 8080 }] })
    createPod(api, { name: 'b', labels: { app: 'web' }, ip: '10.244.0.6', ready: true, ports: [{ name: 'http', containerPort: 9090 }] })
    const got = slices().map((s) => [s.ports, s.endpoints.map((e: Loose) => e.addresses[0])]).sort((x, y) => x[0][0].port - y[0][0].port)
    expect(got).toEqual([[[{ name: '', port: 8080, protocol: 'TCP' }], ['10.244.0.5']], [[{ name: '', port: 9090, protocol: 'TCP' }], ['10.244.0.6']]])
  })

  it('250 pods pack into 100 + 100 + 50; removing one touches one slice', () => {
    const { api, slices } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    for (let i = 0; i < 250; i++) createPod(api, { name: `p${i}`, labels: { app: 'web' }, ip: `10.244.${1 + (i >> 8)}.${i & 255}`, ready: true })
    const before = slices()
    expect(before.map((s) => s.endpoints.length).sort((a, b) => a - b)).toEqual([50, 100, 100])
    api.delete('pods', 'default', 'p0', { gracePeriodSeconds: 0 })
    const after = slices()
    const changed = after.filter((s) => before.find((b) => b.metadata.name === s.metadata.name)!.metadata.resourceVersion !== s.metadata.resourceVersion)
    expect(changed).toHaveLength(1)
    expect(after.reduce((n, s) => n + s.endpoints.length, 0)).toBe(249)
  })

  it('a deleted managed slice is recreated', () => {
    const { api, slices } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true })
    const [s] = slices()
    api.delete('endpointslices', 'default', s.metadata.name)
    const [t] = slices()
    expect(t.metadata.name).not.toBe(s.metadata.name)
    expect(t.endpoints).toHaveLength(1)
  })
})
