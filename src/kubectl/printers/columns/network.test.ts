import { describe, it, expect } from 'vitest'
import { KINDS } from '../../../api/kinds'
import type { KubeObject } from '../../../api/types'
import { tableFor, formatTable, type PrintOptions } from '../table'
import { NOW } from '../testdata/fixtures'
import {
  webSvc, nodePortSvc, pendingLbSvc, metallbLbSvc, headlessSvc, externalNameSvc, webEndpoints, bigEndpoints, emptyEndpoints,
  webSlice, emptySlice, webIngress, defaultBackendIngress, nginxIngressClass, paramsIngressClass, kubeProxyDs, speakerDs,
  defaultPool, manualPool, l2Adv, l2AdvIfaces,
} from '../testdata/network'
import { formatEndpoints, formatDiscoveryPorts, formatIngressHosts } from './network'

const print = (kind: string, objs: KubeObject[], opts: Partial<PrintOptions> = {}) =>
  formatTable(tableFor(KINDS.find((k) => k.kind === kind)!, objs, { now: NOW, ...opts }), {})
const services = [webSvc, nodePortSvc, pendingLbSvc, metallbLbSvc, headlessSvc, externalNameSvc]

describe('service table', () => {
  it('prints every type like kubectl get svc', async () => {
    await expect(print('Service', services)).toMatchFileSnapshot('./__golden__/services.txt')
    await expect(print('Service', services, { output: 'wide' })).toMatchFileSnapshot('./__golden__/services-wide.txt')
    const rows = tableFor(KINDS.find((k) => k.kind === 'Service')!, services, { now: NOW }).rows
    expect(rows.map((r) => r[3])).toEqual(['<none>', '<none>', '<pending>', '172.17.255.10', '<none>', 'db.example.com'])
    expect(rows.map((r) => r[4])).toEqual(['8000/TCP', '80:30552/TCP', '80:31234/TCP,443:32001/TCP', '53:30053/TCP', '80/TCP', '<none>'])
    expect(rows[5][2]).toBe('<none>')
    expect(rows[4][2]).toBe('None')
  })
})

describe('endpoints and endpointslices', () => {
  it('prints ready addresses with ports and <none> without subsets', async () => {
    await expect(print('Endpoints', [webEndpoints, bigEndpoints, emptyEndpoints])).toMatchFileSnapshot('./__golden__/endpoints.txt')
  })
  it('truncates after 3 with + N more...', () => {
    // 5 addresses x 2 ports = 10 host:port pairs; 3 shown
    expect(formatEndpoints([{ addresses: [{ ip: 'a' }, { ip: 'b' }, { ip: 'c' }, { ip: 'd' }, { ip: 'e' }], ports: [{ name: 'x', port: 1 }, { name: 'y', port: 2 }] }]))
      .toBe('a:1,b:1,c:1 + 7 more...')
    expect(formatEndpoints([{ addresses: [{ ip: '10.244.0.5' }], ports: [] }])).toBe('10.244.0.5')
    expect(formatEndpoints([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }])).toBe('[fd00::1]:80')
  })
  it('prints slices with ADDRESSTYPE, PORTS, ENDPOINTS and <unset>', async () => {
    await expect(print('EndpointSlice', [webSlice, emptySlice])).toMatchFileSnapshot('./__golden__/endpointslices.txt')
    expect(formatDiscoveryPorts([{ port: 1 }, { name: 'n' }, {}, { port: 4 }])).toBe('1,n,* + 1 more...')
  })
})

describe('ingress and ingressclass', () => {
  it('prints CLASS HOSTS ADDRESS PORTS', async () => {
    await expect(print('Ingress', [webIngress, defaultBackendIngress])).toMatchFileSnapshot('./__golden__/ingresses.txt')
    expect(formatIngressHosts([{ host: 'a' }, {}, { host: 'b' }])).toBe('a,b')
    expect(formatIngressHosts([{}])).toBe('*')
  })
  it('prints CONTROLLER PARAMETERS', async () => {
    await expect(print('IngressClass', [paramsIngressClass, nginxIngressClass])).toMatchFileSnapshot('./__golden__/ingressclasses.txt')
  })
})

describe('daemonsets', () => {
  it('prints the counters and NODE SELECTOR, wide adds containers', async () => {
    await expect(print('DaemonSet', [kubeProxyDs, speakerDs], { withNamespace: true })).toMatchFileSnapshot('./__golden__/daemonsets.txt')
    await expect(print('DaemonSet', [kubeProxyDs], { output: 'wide' })).toMatchFileSnapshot('./__golden__/daemonsets-wide.txt')
  })
})

describe('metallb CRDs', () => {
  it('prints the CRD printer columns without AGE', async () => {
    await expect(print('IPAddressPool', [defaultPool, manualPool])).toMatchFileSnapshot('./__golden__/ipaddresspools.txt')
    await expect(print('L2Advertisement', [l2Adv, l2AdvIfaces])).toMatchFileSnapshot('./__golden__/l2advertisements.txt')
    await expect(print('L2Advertisement', [l2Adv, l2AdvIfaces], { output: 'wide' })).toMatchFileSnapshot('./__golden__/l2advertisements-wide.txt')
  })
})
