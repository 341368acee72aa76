import { describe, it, expect } from 'vitest'
import { newServer, errorOf } from '../testutil'
import type { KubeObject } from '../../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

const ep = (subsets: Loose): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets } as KubeObject)
const slice = (body: Loose): KubeObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc', namespace: 'default' }, ...body } as KubeObject)
const ds = (spec: Loose = {}): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } }, ...spec },
})

describe('Endpoints', () => {
  it('defaults protocol TCP; refuses an empty subset and loopback addresses', () => {
    const { api } = newServer()
    const e = api.create('endpoints', ep([{ addresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }] }])) as Loose
    expect(e.subsets[0].ports[0].protocol).toBe('TCP')
    expect(msg(() => api.create('endpoints', ep([{ ports: [{ port: 80 }] }])))).toBe('Endpoints "web" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`')
    expect(msg(() => api.create('endpoints', ep([{ addresses: [{ ip: '127.0.0.1' }] }])))).toBe(
      'Endpoints "web" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)')
  })
})

describe('EndpointSlice', () => {
  it('defaults port name "" and TCP; addressType required; addresses must be IPv4', () => {
    const { api } = newServer()
    const s = api.create('endpointslices', slice({ addressType: 'IPv4', endpoints: [{ addresses: ['10.244.0.5'] }], ports: [{ port: 80 }] })) as Loose
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }])
    expect(msg(() => api.create('endpointslices', slice({ endpoints: [] })))).toBe('EndpointSlice.discovery.k8s.io "web-abc" is invalid: addressType: Required value')
    expect(msg(() => api.create('endpointslices', slice({ addressType: 'IPv4', endpoints: [{ addresses: ['web'] }] })))).toContain('endpoints[0].addresses[0]: Invalid value: "web": must be a valid IPv4 address')
    expect(msg(() => api.create('endpointslices', slice({ addressType: 'IPv4', endpoints: [{ addresses: [] }] })))).toBe(
      'EndpointSlice.discovery.k8s.io "web-abc" is invalid: endpoints[0].addresses: Required value: must contain at least 1 address')
  })
})

describe('DaemonSet', () => {
  it('defaults RollingUpdate maxUnavailable 1 / maxSurge 0, history 10, template generation 1 (+1 on template change)', () => {
    const { api } = newServer()
    const d = api.create('daemonsets', ds()) as Loose
    expect(d.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } })
    expect(d.spec.revisionHistoryLimit).toBe(10)
    expect(d.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' })
    expect(d.spec.template.spec.restartPolicy).toBe('Always')
    d.spec.template.spec.containers[0].image = 'nginx:1.26'
    const u = api.update('daemonsets', d) as Loose
    expect(u.metadata.annotations['deprecated.daemonset.template.generation']).toBe('2')
    expect(u.metadata.generation).toBe(2)
  })

  it('upstream messages: empty selector, labels mismatch, zero/zero rolling update, immutable selector', () => {
    const { api } = newServer()
    expect(msg(() => api.create('daemonsets', ds({ selector: { matchLabels: { app: 'b' } } })))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`')
    expect(msg(() => api.create('daemonsets', ds({ selector: {} })))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset')
    expect(msg(() => api.create('daemonsets', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } })))).toBe(
      'DaemonSet.apps "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0')
    const d = api.create('daemonsets', ds()) as Loose
    d.spec.selector = { matchLabels: { app: 'a', tier: 'x' } }
    d.spec.template.metadata.labels.tier = 'x'
    expect(msg(() => api.update('daemonsets', d))).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable')
  })
})

describe('MetalLB kinds', () => {
  it('IPAddressPool: autoAssign true by default, addresses required', () => {
    const { api } = newServer()
    const pool = api.create('ipaddresspools', { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'default', namespace: 'default' }, spec: { addresses: ['172.17.255.1-172.17.255.250'] } } as KubeObject) as Loose
    expect(pool.spec).toEqual({ addresses: ['172.17.255.1-172.17.255.250'], autoAssign: true, avoidBuggyIPs: false })
    expect(msg(() => api.create('ipaddresspools', { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'p', namespace: 'default' }, spec: {} } as KubeObject))).toBe(
      'IPAddressPool.metallb.io "p" is invalid: spec.addresses: Required value')
  })
})
