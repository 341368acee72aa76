import { describe, it, expect } from 'vitest'
import { createFabric } from '../fabric'
import { VirtualClock } from '../../runtime/clock'
import type { Netns, NetworkFabric } from '../types'
import { dnsWorld } from './testkit'
import { dnsListener } from './server'
import { minikubeCorefile, parseCorefile } from './corefile'
import { installClusterDns } from './resolver'

const COREDNS: Extract<Netns, { kind: 'pod' }> = { kind: 'pod', ip: '10.244.0.2', namespace: 'kube-system', podName: 'coredns-7db6d8ff4d-abcde' }
const CLIENT: Extract<Netns, { kind: 'pod' }> = { kind: 'pod', ip: '10.244.0.9', namespace: 'default', podName: 'client' }

/**
 * A fabric whose dnsQuery routes 10.96.0.10:53 to the CoreDNS pod the way kube-proxy's DNAT does
 * (a stand-in until the fabric's own dnsQuery and the kernel translator are wired).
 */
function fabricWithFakeProxy(): { fabric: NetworkFabric; log: string[]; lines: string[] } {
  const real = createFabric({ clock: new VirtualClock() })
  const log: string[] = []
  const lines: string[] = []
  const fabric: NetworkFabric = {
    ...real,
    dnsQuery(from, server, port, proto, q) {
      log.push(`${q.type} ${q.name}`)
      const ip = server === '10.96.0.10' && port === 53 ? COREDNS.ip : server
      const l = real.listenerAt(ip, port)
      if (!l?.dns) return { kind: 'error', code: 'timeout' }
      return l.dns({ ...q, from: from.kind === 'laptop' ? '192.168.49.1' : from.ip, proto })
    },
  }
  return { fabric, log, lines }
}

function setup() {
  const w = dnsWorld()
  w.service('default', 'web', { clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] })
  w.service('default', 'nginx', { clusterIP: 'None', ports: [{ name: 'web', port: 80, protocol: 'TCP' }] })
  w.slice('default', 'nginx', [{ ip: '10.244.0.7', hostname: 'web-0' }, { ip: '10.244.0.8', hostname: 'web-1' }], [{ name: 'web', port: 80 }])
  const { fabric, log, lines } = fabricWithFakeProxy()
  fabric.attach(COREDNS)
  fabric.attach(CLIENT)
  fabric.listen(COREDNS, 53, { dns: dnsListener(w.cache, parseCorefile(minikubeCorefile()), { selfIP: COREDNS.ip, log: (l) => lines.push(l) }) })
  installClusterDns(fabric)
  return { ...w, fabric, log, lines }
}

describe('the pod resolver (ClusterFirst through 10.96.0.10)', () => {
  it('resolves svc, svc.ns and the FQDN from a pod, walking the search path', () => {
    const { fabric, log } = setup()
    const net = fabric.access(CLIENT)
    expect(net.resolve('web')).toEqual(['10.96.12.34'])
    expect(log).toEqual(['A web.default.svc.cluster.local.', 'AAAA web.default.svc.cluster.local.'])
    expect(net.resolve('web.default')).toEqual(['10.96.12.34'])
    expect(net.resolve('web.default.svc.cluster.local')).toEqual(['10.96.12.34'])
    expect(net.resolve('nginx')).toEqual(['10.244.0.7', '10.244.0.8'])
    expect(net.resolve('web-0.nginx')).toEqual(['10.244.0.7'])
  })

  it('tries every candidate for an unknown name, then gives up (NXDOMAIN, then SERVFAIL upstream)', () => {
    const { fabric, log, lines } = setup()
    expect(fabric.access(CLIENT).resolve('nope')).toBeUndefined()
    expect(log.filter((l) => l.startsWith('A '))).toEqual(['A nope.default.svc.cluster.local.', 'A nope.svc.cluster.local.', 'A nope.cluster.local.', 'A nope.'])
    expect(log).toHaveLength(8)
    expect(lines.some((l) => l.startsWith('[ERROR] plugin/errors: 2 nope. A: read udp 10.244.0.2:'))).toBe(true)
    expect(lines[0]).toMatch(/^\[INFO\] 10\.244\.0\.9:\d+ - \d+ "A IN nope\.default\.svc\.cluster\.local\. udp 48 false 512" NXDOMAIN qr,aa,rd 102 0\.\d+s$/)
  })

  it('stops resolving when CoreDNS is gone, as on a real cluster', () => {
    const { fabric } = setup()
    fabric.detach(COREDNS)
    expect(fabric.access(CLIENT).resolve('web')).toBeUndefined()
  })

  it('leaves the node and the laptop alone (their resolver knows no cluster names)', () => {
    const { fabric, log } = setup()
    expect(fabric.access({ kind: 'laptop' }).resolve('web.default.svc.cluster.local')).toBeUndefined()
    expect(fabric.access({ kind: 'node', ip: '192.168.49.2', name: 'minikube' }).resolve('web.default.svc.cluster.local')).toBeUndefined()
    expect(log).toEqual([])
  })
})
