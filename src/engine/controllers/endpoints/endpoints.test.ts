import { describe, it, expect } from 'vitest'
import { newServer } from '../../apiserver/testutil'
import type { KubeObject } from '../../../api/types'
import { startEndpointsController } from './endpoints'
import { createPod, createService, setPodStatus } from './testfixtures'
import { repackSubsets } from './repack'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup() {
  const { api, clock } = newServer()
  const events: string[] = []
  const stop = startEndpointsController(api, clock, { event: (_o, t, r, m) => { events.push(`${t} ${r} ${m}`) } })
  const ep = (name: string, ns = 'default') => { clock.advance(1000); return api.get('endpoints', ns, name) as Loose }
  return { api, clock, stop, ep, events }
}

const ref = (pod: KubeObject) => ({ kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid })

describe('Endpoints controller', () => {
  it('ready pods go to addresses, unready to notReadyAddresses, one repacked subset', () => {
    const { api, ep } = setup()
    const a = createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true })
    const b = createPod(api, { name: 'b', labels: { app: 'web' }, ip: '10.244.0.6', ready: false })
    createPod(api, { name: 'c', labels: { app: 'db' }, ip: '10.244.0.7', ready: true })
    createPod(api, { name: 'd', labels: { app: 'web' } }) // no IP yet: left out
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] }, 'default', { app: 'web' })
    const e = ep('web')
    expect(e.metadata.labels).toEqual({ app: 'web' })
    expect(e.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T00:00:00Z')
    expect(e.subsets).toEqual([{
      addresses: [{ ip: '10.244.0.5', nodeName: '', targetRef: ref(a) }],
      notReadyAddresses: [{ ip: '10.244.0.6', nodeName: '', targetRef: ref(b) }],
      ports: [{ port: 8080, protocol: 'TCP' }],
    }])
  })

  it('readiness moves an address between the lists; deletion (terminating) removes it', () => {
    const { api, ep } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: false })
    expect(ep('web').subsets[0].notReadyAddresses.map((x: Loose) => x.ip)).toEqual(['10.244.0.5'])
    setPodStatus(api, { name: 'a', labels: {}, ip: '10.244.0.5', ready: true, readyAt: '2026-01-01T00:00:09Z' })
    const e = ep('web')
    expect(e.subsets[0].addresses.map((x: Loose) => x.ip)).toEqual(['10.244.0.5'])
    expect(e.subsets[0].notReadyAddresses).toBeUndefined()
    expect(e.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T00:00:09Z')
    api.patch('pods', 'default', 'a', 'merge', { metadata: { finalizers: ['x/hold'] } })
    api.delete('pods', 'default', 'a')
    expect(ep('web').subsets).toBeUndefined()
  })

  it('publishNotReadyAddresses lists every pod as ready', () => {
    const { api, ep } = setup()
    createService(api, 'web', { clusterIP: 'None', selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [] })
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: false, hostname: 'a', subdomain: 'web' })
    const e = ep('web')
    expect(e.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' })
    expect(e.subsets).toEqual([{ addresses: [{ ip: '10.244.0.5', hostname: 'a', nodeName: '', targetRef: expect.any(Object) }] }])
  })

  it('named targetPort is resolved per pod; a pod without it is skipped for that port', () => {
    const { api, ep } = setup()
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true, ports: [{ name: 'http', containerPort: 8080 }] })
    createPod(api, { name: 'b', labels: { app: 'web' }, ip: '10.244.0.6', ready: true, ports: [{ name: 'http', containerPort: 9090 }] })
    createPod(api, { name: 'c', labels: { app: 'web' }, ip: '10.244.0.7', ready: true })
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 'http' }] })
    const subsets = ep('web').subsets as Loose[]
    expect(subsets.map((s) => [s.addresses.map((x: Loose) => x.ip), s.ports])).toEqual([
      [['10.244.0.5'], [{ name: 'web', port: 8080, protocol: 'TCP' }]],
      [['10.244.0.6'], [{ name: 'web', port: 9090, protocol: 'TCP' }]],
    ])
  })

  it('leaves selector-less and ExternalName Services alone; deletes Endpoints with the Service', () => {
    const { api, ep, clock } = setup()
    createService(api, 'manual', { clusterIP: '10.96.0.21' })
    api.create('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'manual', namespace: 'default' }, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] })
    createService(api, 'ext', { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } })
    expect(ep('manual').subsets[0].addresses).toEqual([{ ip: '1.2.3.4' }])
    expect(api.list('endpoints').items.map((e) => e.metadata.name)).toEqual(['manual'])
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    expect(ep('web').subsets).toBeUndefined()
    api.delete('services', 'default', 'web')
    clock.advance(0)
    expect(api.list('endpoints').items.map((e) => e.metadata.name)).toEqual(['manual'])
  })

  it('an unrelated pod status write does not rewrite the Endpoints', () => {
    const { api, ep } = setup()
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true })
    const rv = ep('web').metadata.resourceVersion
    api.patch('pods', 'default', 'a', 'merge', { metadata: { annotations: { note: 'x' } } })
    expect(ep('web').metadata.resourceVersion).toBe(rv)
  })
})

describe('Endpoints controller batching', () => {
  it('a change within 1 s of the last sync waits for the end of that second; a quiet one is immediate', () => {
    const { api, clock } = newServer()
    startEndpointsController(api, clock, { event: () => {} })
    createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' } })
    clock.advance(0) // sync at t=0
    const ips = () => ((api.get('endpoints', 'default', 'web') as Loose).subsets?.[0]?.addresses ?? []).map((a: Loose) => a.ip)
    createPod(api, { name: 'a', labels: { app: 'web' }, ip: '10.244.0.5', ready: true })
    clock.advance(999)
    expect(ips()).toEqual([])
    clock.advance(1)
    expect(ips()).toEqual(['10.244.0.5'])
    clock.advance(5000)
    createPod(api, { name: 'b', labels: { app: 'web' }, ip: '10.244.0.6', ready: true })
    clock.advance(0)
    expect(ips()).toEqual(['10.244.0.5', '10.244.0.6'])
  })
})

describe('repackSubsets', () => {
  it('groups addresses by the ports they offer; not ready trumps ready', () => {
    const A = { ip: '10.244.0.9', targetRef: { uid: 'a' } }
    const B = { ip: '10.244.0.10', targetRef: { uid: 'b' } }
    const p80 = { port: 80, protocol: 'TCP' as const }
    const p443 = { port: 443, protocol: 'TCP' as const }
    expect(repackSubsets([
      { addresses: [A], ports: [p80] }, { addresses: [B], ports: [p80] },
      { addresses: [A], ports: [p443] }, { addresses: [B], ports: [p443] },
    ])).toEqual([{ addresses: [B, A], ports: [p80, p443] }])
    expect(repackSubsets([{ addresses: [A], ports: [p80] }, { notReadyAddresses: [A], ports: [p80] }])).toEqual([{ notReadyAddresses: [A], ports: [p80] }])
    expect(repackSubsets([{ addresses: [A], ports: [] }])).toEqual([{ addresses: [A] }])
  })
})
