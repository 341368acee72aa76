import { describe, it, expect } from 'vitest'
import { newServer } from './testutil'
import { bootstrapKubernetesService, startKubernetesServiceReconciler, KUBERNETES_SERVICE_RECONCILE_MS } from './bootstrap'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

describe('the kubernetes Service', () => {
  it('10.96.0.1:443 → 192.168.49.2:8443, with Endpoints and an EndpointSlice', () => {
    const { api } = newServer()
    bootstrapKubernetesService(api)
    const svc = api.get('services', 'default', 'kubernetes') as Loose
    expect(svc.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' })
    expect(svc.spec).toEqual({
      clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], sessionAffinity: 'None', type: 'ClusterIP',
    })
    const ep = api.get('endpoints', 'default', 'kubernetes') as Loose
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }])
    expect(ep.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' })
    const slice = api.get('endpointslices', 'default', 'kubernetes') as Loose
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' })
    expect(slice.metadata.labels['endpointslice.kubernetes.io/managed-by']).toBeUndefined()
    expect(slice).toMatchObject({ addressType: 'IPv4', endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true } }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] })
    // 10.96.0.1 is now taken: nobody else can ask for it.
    expect(api.allocators.ips.has('10.96.0.1')).toBe(true)
  })

  it('comes back within 10 s of being deleted; idempotent otherwise', () => {
    const { api, clock } = newServer()
    const stop = startKubernetesServiceReconciler(api, clock)
    const rv = api.currentResourceVersion()
    clock.advance(KUBERNETES_SERVICE_RECONCILE_MS)
    expect(api.currentResourceVersion()).toBe(rv)
    api.delete('services', 'default', 'kubernetes')
    api.delete('endpoints', 'default', 'kubernetes')
    clock.advance(KUBERNETES_SERVICE_RECONCILE_MS)
    expect((api.get('services', 'default', 'kubernetes') as Loose).spec.clusterIP).toBe('10.96.0.1')
    expect(api.get('endpoints', 'default', 'kubernetes')).toBeDefined()
    stop()
  })
})

describe('the endpoint reconciler', () => {
  it('puts back an edited kubernetes Endpoints', () => {
    const { api, clock } = newServer()
    const stop = startKubernetesServiceReconciler(api, clock)
    const ep = api.get('endpoints', 'default', 'kubernetes') as Loose
    ep.subsets = [{ addresses: [{ ip: '10.0.0.9' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]
    api.update('endpoints', ep)
    clock.advance(KUBERNETES_SERVICE_RECONCILE_MS)
    expect((api.get('endpoints', 'default', 'kubernetes') as Loose).subsets).toEqual([{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }])
    stop()
  })
})
