import { describe, it, expect } from 'vitest'
import { newServer } from '../../apiserver/testutil'
import type { ApiServer } from '../../apiserver'
import type { KubeObject } from '../../../api/types'
import { MetalLBController, MetalLBSpeaker, flavourOf, jsonLine, type Logger } from './metallb'
import { Allocator, parseAddressRange, parseLegacyConfig, numToIP } from './metallbpool'
import { metallbConfigText } from '../../addons/metallb'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const NOTES_CONFIG = 'address-pools:\n  - name: default\n    protocol: layer2\n    addresses:\n      - "172.17.255.1-172.17.255.255"\n'

function lbService(api: ApiServer, name: string, extra: { annotations?: Record<string, string>; loadBalancerIP?: string; ports?: Loose[]; ns?: string } = {}): KubeObject {
  return api.create('services', {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: extra.ns ?? 'default', annotations: extra.annotations },
    spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: extra.ports ?? [{ port: 80, protocol: 'TCP', targetPort: 8000 }], loadBalancerIP: extra.loadBalancerIP },
  })
}

function setup(version = '0.9.6') {
  const { api, clock } = newServer()
  api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'metallb-system' } })
  const lines: string[] = []
  const fl = flavourOf(version)
  const log: Logger = (caller, fields, level = 'info') => lines.push(jsonLine({ caller: fl.callers[caller], ...fields, ...(fl.levels ? { level } : {}) }))
  const ctl = new MetalLBController(api, fl, log, () => clock.now(), 'metallb-system', 'config')
  const unwatch = [
    api.watch('services', {}, (ev) => ctl.onService(ev)),
    fl.legacyConfig ? api.watch('configmaps', { namespace: 'metallb-system' }, (ev) => ctl.onConfigMap(ev)) : api.watch('ipaddresspools', { namespace: 'metallb-system' }, (ev) => ctl.onPool(ev)),
  ]
  const ingress = (name: string, ns = 'default') => ((api.get('services', ns, name) as Loose).status?.loadBalancer?.ingress ?? []).map((i: Loose) => i.ip)
  const events = () => api.list('events').items.map((e: Loose) => `${e.type} ${e.reason} ${e.source.component} ${e.message}`)
  return { api, clock, ctl, lines, ingress, events, unwatch }
}

describe('MetalLB pools', () => {
  it('parses the notes\' legacy ConfigMap and CIDRs; refuses minikube\'s unconfigured range', () => {
    expect(parseLegacyConfig(NOTES_CONFIG)).toEqual([{ name: 'default', protocol: 'layer2', ranges: [[parseAddressRange('172.17.255.1-172.17.255.1')[0], parseAddressRange('172.17.255.255/32')[0]]], autoAssign: true, avoidBuggyIPs: false }])
    expect(parseAddressRange('172.17.255.0/24').map(numToIP)).toEqual(['172.17.255.0', '172.17.255.255'])
    expect(() => parseLegacyConfig(metallbConfigText())).toThrow(/^could not parse config: yaml: unmarshal errors/)
    expect(() => parseLegacyConfig('address-pools:\n- name: a\n  protocol: layer2\n  addresses: ["10.0.0.9-10.0.0.1"]\n')).toThrow('invalid CIDR "10.0.0.9-10.0.0.1" in pool "a": invalid IP range "10.0.0.9-10.0.0.1": start IP "10.0.0.9" is after the end IP "10.0.0.1"')
    expect(parseLegacyConfig(metallbConfigText('192.168.49.100', '192.168.49.120'))[0].ranges.map((r) => r.map(numToIP))).toEqual([['192.168.49.100', '192.168.49.120']])
  })

  it('allocator: sharing needs the same key and distinct ports', () => {
    const a = new Allocator(parseLegacyConfig(NOTES_CONFIG))
    a.assign('kube-system/dns-tcp', '172.17.255.2', [{ proto: 'TCP', port: 53 }], 'coredns', '')
    a.assign('kube-system/dns-udp', '172.17.255.2', [{ proto: 'UDP', port: 53 }], 'coredns', '')
    expect(() => a.assign('default/other', '172.17.255.2', [{ proto: 'TCP', port: 80 }], '', '')).toThrow('can\'t change sharing key for "default/other", address also in use by kube-system/dns-tcp,kube-system/dns-udp')
    expect(() => a.assign('default/x', '172.17.255.2', [{ proto: 'TCP', port: 53 }], 'coredns', '')).toThrow('port TCP/53 is already in use on "172.17.255.2"')
    expect(() => a.assign('default/y', '10.0.0.1', [], '', '')).toThrow('"10.0.0.1" is not allowed in config')
    expect(a.allocate('default/web', [{ proto: 'TCP', port: 80 }], '', '')).toBe('172.17.255.1')
    expect(a.allocate('default/web2', [{ proto: 'TCP', port: 80 }], '', '')).toBe('172.17.255.3')
  })
})

describe('MetalLB controller (v0.9)', () => {
  it('pending without config, 172.17.255.1 once the notes\' ConfigMap is applied, with the upstream event and log line', () => {
    const { api, ctl, lines, ingress, events } = setup()
    lbService(api, 'web-svc-lb')
    ctl.step()
    expect(ingress('web-svc-lb')).toEqual([])
    expect(lines).toContain('{"caller":"main.go:108","error":"no MetalLB configuration in cluster","msg":"configuration is missing, MetalLB will not function","op":"setConfig"}')
    expect(lines).toContain('{"caller":"main.go:60","event":"noConfig","msg":"not processing, still waiting for config","service":"default/web-svc-lb"}')
    api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config', namespace: 'metallb-system' }, data: { config: NOTES_CONFIG } })
    ctl.step()
    expect(ingress('web-svc-lb')).toEqual(['172.17.255.1'])
    expect(lines).toContain('{"caller":"service.go:98","event":"ipAllocated","ip":"172.17.255.1","msg":"IP address assigned by controller","service":"default/web-svc-lb"}')
    expect(events()).toEqual(['Normal IPAllocated metallb-controller Assigned IP "172.17.255.1"'])
  })

  it('shares 172.17.255.2 between the TCP and UDP DNS services; a clashing port fails; IPs are released', () => {
    const { api, ctl, ingress, events } = setup()
    api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config', namespace: 'metallb-system' }, data: { config: NOTES_CONFIG } })
    const shared = { annotations: { 'metallb.universe.tf/allow-shared-ip': 'coredns' }, loadBalancerIP: '172.17.255.2', ns: 'kube-system' }
    lbService(api, 'coredns-svc-lb-tcp', { ...shared, ports: [{ protocol: 'TCP', port: 53, targetPort: 53 }] })
    lbService(api, 'coredns-svc-lb-udp', { ...shared, ports: [{ protocol: 'UDP', port: 53, targetPort: 53 }] })
    lbService(api, 'clash', { ...shared, ports: [{ protocol: 'UDP', port: 53, targetPort: 53 }] })
    ctl.step()
    expect(ingress('coredns-svc-lb-tcp', 'kube-system')).toEqual(['172.17.255.2'])
    expect(ingress('coredns-svc-lb-udp', 'kube-system')).toEqual(['172.17.255.2'])
    expect(ingress('clash', 'kube-system')).toEqual([])
    expect(events()).toContain('Warning AllocationFailed metallb-controller Failed to allocate IP for "kube-system/clash": port UDP/53 is already in use on "172.17.255.2"')
    lbService(api, 'web')
    ctl.step()
    expect(ingress('web')).toEqual(['172.17.255.1'])
    api.delete('services', 'default', 'web')
    ctl.step()
    lbService(api, 'web2')
    ctl.step()
    expect(ingress('web2')).toEqual(['172.17.255.1'])
    // The UDP service goes: the clashing one gets the shared IP now.
    api.delete('services', 'kube-system', 'coredns-svc-lb-udp')
    ctl.step()
    expect(ingress('clash', 'kube-system')).toEqual(['172.17.255.2'])
  })

  it('honours the address-pool annotation and ignores non-LoadBalancer services', () => {
    const { api, ctl, ingress } = setup()
    api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config', namespace: 'metallb-system' }, data: { config: NOTES_CONFIG + '  - name: other\n    protocol: layer2\n    auto-assign: false\n    addresses: ["10.10.0.0/30"]\n' } })
    lbService(api, 'a', { annotations: { 'metallb.universe.tf/address-pool': 'other' } })
    api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'plain', namespace: 'default' }, spec: { clusterIP: '10.96.0.99', ports: [{ port: 80 }] } })
    ctl.step()
    expect(ingress('a')).toEqual(['10.10.0.0'])
    expect(ingress('plain')).toEqual([])
  })
})

describe('MetalLB controller (v0.13+)', () => {
  it('reads IPAddressPool objects; the event lists the IPs', () => {
    const { api, ctl, ingress, events, lines } = setup('0.14.8')
    lbService(api, 'web')
    ctl.step()
    expect(ingress('web')).toEqual([])
    api.create('ipaddresspools', { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'first-pool', namespace: 'metallb-system' }, spec: { addresses: ['192.168.49.100-192.168.49.120'] } })
    ctl.step()
    expect(ingress('web')).toEqual(['192.168.49.100'])
    expect(events()).toEqual(['Normal IPAllocated metallb-controller Assigned IP ["192.168.49.100"]'])
    expect(lines).toContain('{"caller":"service.go:170","event":"ipAllocated","ip":["192.168.49.100"],"level":"info","msg":"IP address assigned by controller","service":"default/web"}')
  })
})

describe('MetalLB speaker', () => {
  it('announces an assigned IP from the node with a ready endpoint, once per shared IP, and withdraws', () => {
    const { api, clock } = newServer()
    const announced: string[] = []
    const fl = flavourOf('0.9.6')
    const sp = new MetalLBSpeaker(api, fl, () => {}, () => clock.now(), 'minikube', (ip) => { announced.push(`+${ip}`); return () => announced.push(`-${ip}`) })
    sp.setConfig({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { config: NOTES_CONFIG } })
    for (const r of ['services', 'endpoints', 'nodes'] as const) api.watch(r, {}, (ev) => sp.onObject(r === 'services' ? 'svc' : r === 'endpoints' ? 'ep' : 'node', ev))
    for (const [name, proto] of [['dns-tcp', 'TCP'], ['dns-udp', 'UDP']]) {
      const s = lbService(api, name, { ports: [{ port: 53, protocol: proto }] })
      api.updateStatus('services', { ...s, status: { loadBalancer: { ingress: [{ ip: '172.17.255.2' }] } } })
    }
    sp.step()
    expect(announced).toEqual([])
    for (const name of ['dns-tcp', 'dns-udp']) {
      api.create('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.0.5', nodeName: 'minikube' }], ports: [{ port: 53 }] }] })
    }
    sp.step()
    expect(announced).toEqual(['+172.17.255.2'])
    api.delete('services', 'default', 'dns-tcp')
    sp.step()
    expect(announced).toEqual(['+172.17.255.2'])
    api.delete('services', 'default', 'dns-udp')
    sp.step()
    expect(announced).toEqual(['+172.17.255.2', '-172.17.255.2'])
  })

  it('v0.13+: with L2Advertisements served, only advertised pools are announced', () => {
    const { api, clock } = newServer()
    const announced: string[] = []
    const sp = new MetalLBSpeaker(api, flavourOf('0.14.8'), () => {}, () => clock.now(), 'minikube', (ip) => { announced.push(ip); return () => {} })
    sp.requireL2Advertisements()
    api.watch('services', {}, (ev) => sp.onObject('svc', ev))
    api.watch('endpoints', {}, (ev) => sp.onObject('ep', ev))
    const ev = (type: 'ADDED', object: Loose) => ({ type, object }) as Loose
    sp.onObject('pool', ev('ADDED', { metadata: { name: 'first-pool', namespace: 'metallb-system' }, spec: { addresses: ['192.168.49.100-192.168.49.120'] } }))
    const s = lbService(api, 'web')
    api.updateStatus('services', { ...s, status: { loadBalancer: { ingress: [{ ip: '192.168.49.100' }] } } })
    api.create('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.0.5', nodeName: 'minikube' }], ports: [{ port: 80 }] }] })
    sp.step()
    expect(announced).toEqual([])
    sp.onObject('l2', ev('ADDED', { metadata: { name: 'l2', namespace: 'metallb-system' }, spec: {} }))
    sp.step()
    expect(announced).toEqual(['192.168.49.100'])
  })
})
