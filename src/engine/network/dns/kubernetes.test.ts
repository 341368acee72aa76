import { describe, it, expect } from 'vitest'
import { dnsWorld } from './testkit'
import { kubernetesPlugin, DEFAULT_KUBERNETES_CONFIG } from './kubernetes'
import { serveQuery, parseCorefile, minikubeCorefile } from './corefile'
import type { DnsType } from '../../../shell'

function world() {
  const w = dnsWorld()
  w.service('default', 'web', { type: 'ClusterIP', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] })
  w.slice('default', 'web', [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }], [{ name: 'http', port: 8080 }])
  w.service('default', 'nginx', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80, protocol: 'TCP' }] })
  w.slice('default', 'nginx', [{ ip: '10.244.0.7', hostname: 'web-0' }, { ip: '10.244.0.8', hostname: 'web-1' }, { ip: '10.244.0.9', hostname: 'web-2', ready: false }], [{ name: 'web', port: 80 }])
  w.service('default', 'ext', { type: 'ExternalName', externalName: 'example.com' })
  w.service('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }] })
  const ask = (name: string, type: DnsType = 'A') => kubernetesPlugin(w.cache, DEFAULT_KUBERNETES_CONFIG, name, type)
  return { ...w, ask }
}
const data = (r: ReturnType<ReturnType<typeof world>['ask']>) => (r === 'fallthrough' ? r : r.answers.map((a) => `${a.name} ${a.ttl} ${a.type} ${a.data}`))

describe('kubernetes plugin records', () => {
  it('answers a Service name with its ClusterIP, authoritative, TTL 30', () => {
    const { ask } = world()
    const r = ask('web.default.svc.cluster.local')
    expect(r).toMatchObject({ rcode: 'NOERROR', authoritative: true })
    expect(data(r)).toEqual(['web.default.svc.cluster.local. 30 A 10.96.12.34'])
  })

  it('answers a headless Service with its ready endpoints only', () => {
    const { ask } = world()
    expect(data(ask('nginx.default.svc.cluster.local'))).toEqual(['nginx.default.svc.cluster.local. 30 A 10.244.0.7', 'nginx.default.svc.cluster.local. 30 A 10.244.0.8'])
  })

  it('includes not-ready endpoints when the Service publishes them', () => {
    const w = dnsWorld()
    w.service('default', 'db', { clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ port: 5432, protocol: 'TCP' }] })
    w.slice('default', 'db', [{ ip: '10.244.0.20', ready: false }])
    expect(data(kubernetesPlugin(w.cache, DEFAULT_KUBERNETES_CONFIG, 'db.default.svc.cluster.local.', 'A'))).toEqual(['db.default.svc.cluster.local. 30 A 10.244.0.20'])
  })

  it('answers StatefulSet pod names under the governing Service, and dashed-IP endpoint names', () => {
    const { ask } = world()
    expect(data(ask('web-1.nginx.default.svc.cluster.local.'))).toEqual(['web-1.nginx.default.svc.cluster.local. 30 A 10.244.0.8'])
    expect(data(ask('10-244-0-5.web.default.svc.cluster.local.'))).toEqual(['10-244-0-5.web.default.svc.cluster.local. 30 A 10.244.0.5'])
    expect(ask('web-2.nginx.default.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
  })

  it('answers SRV for a named port and for the whole Service', () => {
    const { ask } = world()
    expect(data(ask('_http._tcp.web.default.svc.cluster.local.', 'SRV'))).toEqual(['_http._tcp.web.default.svc.cluster.local. 30 SRV 0 100 80 web.default.svc.cluster.local.'])
    expect(data(ask('nginx.default.svc.cluster.local.', 'SRV'))).toEqual([
      'nginx.default.svc.cluster.local. 30 SRV 0 50 80 web-0.nginx.default.svc.cluster.local.',
      'nginx.default.svc.cluster.local. 30 SRV 0 50 80 web-1.nginx.default.svc.cluster.local.',
    ])
    expect(data(ask('_dns._udp.kube-dns.kube-system.svc.cluster.local.', 'SRV'))).toEqual(['_dns._udp.kube-dns.kube-system.svc.cluster.local. 30 SRV 0 100 53 kube-dns.kube-system.svc.cluster.local.'])
    expect(ask('_nope._tcp.web.default.svc.cluster.local.', 'SRV')).toMatchObject({ rcode: 'NXDOMAIN' })
  })

  it('answers ExternalName with a CNAME', () => {
    const { ask } = world()
    expect(data(ask('ext.default.svc.cluster.local.'))).toEqual(['ext.default.svc.cluster.local. 30 CNAME example.com.'])
  })

  it('answers pod A records (pods insecure) and refuses malformed ones', () => {
    const { ask } = world()
    expect(data(ask('10-244-0-5.default.pod.cluster.local.'))).toEqual(['10-244-0-5.default.pod.cluster.local. 30 A 10.244.0.5'])
    expect(ask('10-244-0.default.pod.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
    expect(ask('10-244-0-5.nosuchns.pod.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
  })

  it('NXDOMAIN carries the zone SOA; a known name without the type is NODATA', () => {
    const { ask, cache } = world()
    const nx = ask('nope.default.svc.cluster.local.')
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', answers: [] })
    expect(nx !== 'fallthrough' && nx.authority).toEqual([{ name: 'cluster.local.', type: 'SOA', ttl: 30, data: `ns.dns.cluster.local. hostmaster.cluster.local. ${cache.serial()} 7200 1800 86400 30` }])
    expect(ask('web.default.svc.cluster.local.', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [] })
    expect(ask('default.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', answers: [] })
    expect(ask('web.nosuchns.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
    expect(ask('web.default.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
    expect(ask('a.b.c.web.default.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
  })

  it('answers PTR for ClusterIPs and endpoints; falls through for unknown addresses', () => {
    const { ask } = world()
    expect(data(ask('10.0.96.10.in-addr.arpa.', 'PTR'))).toEqual(['10.0.96.10.in-addr.arpa. 30 PTR kube-dns.kube-system.svc.cluster.local.'])
    expect(data(ask('7.0.244.10.in-addr.arpa.', 'PTR'))).toEqual(['7.0.244.10.in-addr.arpa. 30 PTR web-0.nginx.default.svc.cluster.local.'])
    expect(data(ask('5.0.244.10.in-addr.arpa.', 'PTR'))).toEqual(['5.0.244.10.in-addr.arpa. 30 PTR 10-244-0-5.web.default.svc.cluster.local.'])
    expect(ask('99.0.244.10.in-addr.arpa.', 'PTR')).toBe('fallthrough')
    expect(ask('example.com.', 'A')).toBe('fallthrough')
  })

  it('follows the watches: a deleted Service stops resolving, the serial moves', () => {
    const w = world()
    const before = w.cache.serial()
    w.clock.advance(60_000)
    w.api.delete('services', 'default', 'web')
    expect(w.ask('web.default.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN' })
    expect(w.cache.serial()).toBe(before + 60)
  })
})

describe('the minikube Corefile chain', () => {
  const cfg = parseCorefile(minikubeCorefile())

  it('reads the plugins the lab models', () => {
    expect(cfg).toMatchObject({ port: 53, log: true, errors: true, kubernetes: { zone: 'cluster.local', ttl: 30, pods: 'insecure' }, hosts: { 'host.minikube.internal': '192.168.49.1' }, forward: '/etc/resolv.conf' })
  })

  it('answers host.minikube.internal from the hosts block, and its PTR', () => {
    const { cache } = world()
    expect(serveQuery(cache, cfg, 'host.minikube.internal', 'A').response).toEqual({ rcode: 'NOERROR', authoritative: true, answers: [{ name: 'host.minikube.internal.', type: 'A', ttl: 3600, data: '192.168.49.1' }] })
    expect(serveQuery(cache, cfg, '1.49.168.192.in-addr.arpa', 'PTR').response.answers[0].data).toBe('host.minikube.internal.')
  })

  it('fails names outside the cluster with SERVFAIL: the upstream never answers offline', () => {
    const { cache } = world()
    expect(serveQuery(cache, cfg, 'google.com', 'A')).toEqual({ response: { rcode: 'SERVFAIL', answers: [] }, failedUpstream: '192.168.49.1' })
    expect(serveQuery(cache, cfg, '99.0.244.10.in-addr.arpa', 'PTR').response.rcode).toBe('SERVFAIL')
  })
})

describe('pods verified', () => {
  it('answers a pod name only for an IP a pod in that namespace has', () => {
    const w = dnsWorld()
    w.cache.watchPods(true) // CoreDNS's pod informer runs in verified mode only
    w.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'nginx' }] } } as never)
    const pod = w.api.get<{ status?: Record<string, unknown> } & import('../../../api/types').KubeObject>('pods', 'default', 'p')
    w.api.updateStatus('pods', { ...pod, status: { ...(pod.status ?? {}), podIP: '10.244.0.42' } })
    const verified = { ...DEFAULT_KUBERNETES_CONFIG, pods: 'verified' as const }
    expect(kubernetesPlugin(w.cache, verified, '10-244-0-42.default.pod.cluster.local.', 'A')).toMatchObject({ rcode: 'NOERROR', answers: [{ data: '10.244.0.42' }] })
    expect(kubernetesPlugin(w.cache, verified, '10-244-0-43.default.pod.cluster.local.', 'A')).toMatchObject({ rcode: 'NXDOMAIN' })
    expect(kubernetesPlugin(w.cache, verified, '10-244-0-42.kube-system.pod.cluster.local.', 'A')).toMatchObject({ rcode: 'NXDOMAIN' })
    // Back to insecure: the index goes, and with it the pod watch.
    w.cache.watchPods(false)
    expect(w.cache.podExists!('10.244.0.42', 'default')).toBe(false)
  })
})
