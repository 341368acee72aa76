// Test helpers: an API server holding Services and EndpointSlices as the controllers would write
// them, and a DNS cache over it.
import { ApiServer, bootstrapNamespaces } from '../../apiserver'
import { VirtualClock } from '../../runtime/clock'
import { SeededRandom } from '../../runtime/random'
import type { KubeObject } from '../../../api/types'
import { createDnsCache } from './cache'

export interface TestEndpoint { ip: string; hostname?: string; ready?: boolean; pod?: string }

export function dnsWorld() {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(11) })
  bootstrapNamespaces(api)
  const cache = createDnsCache(api, () => clock.now())
  const service = (ns: string, name: string, spec: Record<string, unknown>) =>
    api.create<KubeObject>('services', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec })
  const slice = (ns: string, svc: string, endpoints: TestEndpoint[], ports: { name?: string; port: number; protocol?: string }[] = [{ name: '', port: 80, protocol: 'TCP' }]) =>
    api.create<KubeObject>('endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: `${svc}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc } },
      addressType: 'IPv4',
      endpoints: endpoints.map((e) => ({
        addresses: [e.ip],
        conditions: { ready: e.ready ?? true },
        ...(e.hostname ? { hostname: e.hostname } : {}),
        targetRef: { kind: 'Pod', name: e.pod ?? `pod-${e.ip}`, namespace: ns },
      })),
      ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    })
  return { clock, api, cache, service, slice }
}
