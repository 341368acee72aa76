import { describe, it, expect } from 'vitest'
import type { ApiClient } from '../../../api/client'
import { notFound } from '../../../api/errors'
import { IngressController } from './controller'
import { parseFlags } from './flags'

/** Only `get` is used by addresses(). */
function fakeApi(objects: Record<string, unknown>): ApiClient {
  return {
    get: (resource: string, ns: string | undefined, name: string) => {
      const o = objects[`${resource}/${ns ?? ''}/${name}`]
      if (!o) throw notFound(resource, name)
      return o
    },
  } as unknown as ApiClient
}

const node = { status: { addresses: [{ type: 'InternalIP', address: '192.168.49.2' }, { type: 'Hostname', address: 'minikube' }] } }
const controller = (args: string[], objects: Record<string, unknown>) => new IngressController({
  api: fakeApi({ 'nodes//minikube': node, ...objects }),
  clock: { now: () => 0, sleep: async () => {} },
  signal: { aborted: true, onAbort: () => () => {} },
  klog: () => {},
  pod: { name: 'ingress-nginx-controller-x', namespace: 'ingress-nginx', uid: 'u', nodeName: 'minikube' },
  flags: parseFlags(args),
})

describe('Ingress status addresses (status.go runningAddresses)', () => {
  it('the node InternalIP with --report-node-internal-ip-address, and without an ExternalIP', () => {
    expect(controller(['--report-node-internal-ip-address'], {}).addresses()).toEqual([{ ip: '192.168.49.2' }])
    expect(controller([], {}).addresses()).toEqual([{ ip: '192.168.49.2' }])
  })

  it('--publish-service: the LoadBalancer address, else the ClusterIP', () => {
    const lb = { spec: { type: 'LoadBalancer', clusterIP: '10.109.249.5' }, status: { loadBalancer: { ingress: [{ ip: '172.17.255.3' }] } } }
    expect(controller(['--publish-service=ingress-nginx/ingress-nginx'], { 'services/ingress-nginx/ingress-nginx': lb }).addresses()).toEqual([{ ip: '172.17.255.3' }])
    const pending = { spec: { type: 'LoadBalancer', clusterIP: '10.109.249.5' }, status: {} }
    expect(controller(['--publish-service=ingress-nginx/ingress-nginx'], { 'services/ingress-nginx/ingress-nginx': pending }).addresses()).toEqual([])
    const np = { spec: { type: 'NodePort', clusterIP: '10.110.71.203' } }
    expect(controller(['--publish-service=ingress-nginx/ingress-nginx-controller'], { 'services/ingress-nginx/ingress-nginx-controller': np }).addresses()).toEqual([{ ip: '10.110.71.203' }])
    expect(controller(['--publish-service=ingress-nginx/missing'], {}).addresses()).toEqual([])
  })
})
