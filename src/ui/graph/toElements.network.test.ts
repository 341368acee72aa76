import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { shortLabel, toElements, type GraphEdgeData, type GraphNodeData } from './toElements'
import { endpointIndex, ingressRoutes } from './network'

const node: KubeObject = {
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', uid: 'n1' },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}

function pod(name: string, ready: boolean, labels: Record<string, string> = { app: 'web' }, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, uid: `p-${name}`, labels },
    spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', restartCount: 0, ready, state: { running: {} } }],
    },
  }
}

function service(name: string, spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', uid: `s-${name}` }, spec: { selector: { app: 'web' }, ...spec }, status }
}

const ref = (name: string) => ({ kind: 'Pod', name, namespace: 'default', uid: `p-${name}` })

const endpoints: KubeObject = {
  apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default', uid: 'e1' },
  subsets: [{ addresses: [{ ip: '10.244.0.5', targetRef: ref('web-a') }], notReadyAddresses: [{ ip: '10.244.0.6', targetRef: ref('web-b') }] }],
} as unknown as KubeObject

const slice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
  metadata: { name: 'web-x7k2p', namespace: 'default', uid: 'es1', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  endpoints: [
    { addresses: ['10.244.0.5'], conditions: { ready: true }, targetRef: ref('web-a') },
    { addresses: ['10.244.0.6'], conditions: { ready: false }, targetRef: ref('web-b') },
  ],
} as unknown as KubeObject

const edgesOf = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'edges').map((e) => e.data as GraphEdgeData)
const nodesOf = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData)
const opts = { showSystemPods: false }

describe('toElements: Services and the pods behind their endpoints', () => {
  it('draws Service → pod for ready and not-ready addresses, told apart by state (Endpoints)', () => {
    const els = toElements([node, pod('web-a', true), pod('web-b', false), pod('web-c', false), service('web'), endpoints], opts)
    const svcEdges = edgesOf(els).filter((e) => e.source === 's-web')
    expect(svcEdges).toEqual([
      { id: 'endpoint:s-web->p-web-a:ready', source: 's-web', target: 'p-web-a', relation: 'endpoint', state: 'ready' },
      { id: 'endpoint:s-web->p-web-b:notready', source: 's-web', target: 'p-web-b', relation: 'endpoint', state: 'notready' },
    ])
    // web-c matches the selector but is in no endpoints list (no IP yet): no edge.
  })

  it('prefers EndpointSlices, where a nil ready condition means ready', () => {
    const readyNil = { ...slice, endpoints: [{ addresses: ['10.244.0.5'], conditions: {}, targetRef: ref('web-a') }] } as unknown as KubeObject
    expect(endpointIndex([readyNil, endpoints]).get('default/web')).toEqual([{ uid: 'p-web-a', key: 'default/web-a', state: 'ready' }])
    const els = toElements([node, pod('web-a', true), pod('web-b', false), service('web'), slice], opts)
    expect(edgesOf(els).filter((e) => e.relation === 'endpoint').map((e) => [e.target, e.state])).toEqual([['p-web-a', 'ready'], ['p-web-b', 'notready']])
  })

  it('a pod turning ready gets a new edge id (the view replaces the edge)', () => {
    const before = edgesOf(toElements([pod('web-b', false), service('web'), endpoints], opts)).map((e) => e.id)
    const nowReady = { ...endpoints, subsets: [{ addresses: [{ ip: '10.244.0.6', targetRef: ref('web-b') }] }] } as unknown as KubeObject
    const after = edgesOf(toElements([pod('web-b', true), service('web'), nowReady], opts)).map((e) => e.id)
    expect(before).toEqual(['endpoint:s-web->p-web-b:notready'])
    expect(after).toEqual(['endpoint:s-web->p-web-b:ready'])
  })

  it('falls back to the selector while a Service has no endpoints object', () => {
    const els = toElements([pod('web-a', true), service('web')], opts)
    expect(edgesOf(els).map((e) => e.id)).toEqual(['selects:s-web->p-web-a'])
  })

  it('shows a LoadBalancer Service’s EXTERNAL-IP, <pending> until assigned', () => {
    const pending = nodesOf(toElements([service('lb', { type: 'LoadBalancer' })], opts))[0]
    expect([pending.status, pending.tone, pending.label]).toEqual(['LoadBalancer <pending>', 'pending', 'lb\nLoadBalancer <pending>'])
    const assigned = nodesOf(toElements([service('lb', { type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '172.17.255.1' }] } })], opts))[0]
    expect([assigned.status, assigned.tone]).toEqual(['LoadBalancer 172.17.255.1', 'neutral'])
    expect(nodesOf(toElements([service('np', { type: 'NodePort' })], opts))[0].status).toBe('NodePort')
  })
})

describe('toElements: Ingress', () => {
  const ingress: KubeObject = {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', namespace: 'default', uid: 'i1' },
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      rules: [
        { host: 'shop.example.com', http: { paths: [{ path: '/web', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        { http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }, { path: '/gone', pathType: 'Prefix', backend: { service: { name: 'missing', port: { number: 80 } } } }] } },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
  }
  const controller = pod('ingress-nginx-controller-768f948f8f-x2vzs', true, { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }, 'ingress-nginx')

  it('lists one route per rule path, labelled host/path, and the default backend', () => {
    expect(ingressRoutes(ingress)).toEqual([
      { service: 'web', label: 'shop.example.com/web' },
      { service: 'api', label: '/api' },
      { service: 'missing', label: '/gone' },
      { service: 'web', label: 'default backend' },
    ])
  })

  it('draws Ingress → Service per rule, the controller → Ingress, and the address on both', () => {
    const els = toElements([ingress, service('web'), service('api'), controller], opts)
    const routes = edgesOf(els).filter((e) => e.relation === 'routes')
    expect(routes.map((e) => [e.target, e.label])).toEqual([['s-web', 'shop.example.com/web'], ['s-api', '/api'], ['s-web', 'default backend']])
    expect(new Set(routes.map((e) => e.id)).size).toBe(3)
    expect(edgesOf(els).filter((e) => e.relation === 'serves').map((e) => [e.source, e.target])).toEqual([[controller.metadata.uid, 'i1']])
    const byName = new Map(nodesOf(els).map((n) => [n.name, n]))
    expect(byName.get('site')?.label).toBe('site\n192.168.49.2')
    expect(byName.get('ingress-nginx-controller-768f948f8f-x2vzs')?.label).toBe(`${shortLabel('ingress-nginx-controller-768f948f8f-x2vzs')}\nRunning\n192.168.49.2`)
  })

  it('leaves Ingresses of another class to their own controller', () => {
    const other = { ...ingress, spec: { ...(ingress.spec as object), ingressClassName: 'traefik' } } as KubeObject
    expect(edgesOf(toElements([other, controller], opts)).filter((e) => e.relation === 'serves')).toEqual([])
  })
})
