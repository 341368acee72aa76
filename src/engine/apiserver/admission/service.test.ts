import { describe, it, expect } from 'vitest'
import { newServer, errorOf } from '../testutil'
import type { KubeObject } from '../../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

function svc(spec: Loose = {}, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } }
}

describe('Service defaulting and allocation', () => {
  it('ClusterIP: type, protocol, targetPort, affinity, policies, families, an IP above the reserved band', () => {
    const { api } = newServer()
    const s = api.create('services', svc()) as Loose
    expect(s.spec).toMatchObject({
      type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    })
    expect(s.spec.externalTrafficPolicy).toBeUndefined()
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP])
    // Dynamic picks skip the lower 256 addresses (10.96.0.1–10.96.1.0) kept for explicit requests.
    const [a, b, c, d] = s.spec.clusterIP.split('.').map(Number)
    expect(a).toBe(10)
    expect(b >= 96 && b <= 111).toBe(true)
    expect(b > 96 || c >= 1).toBe(true)
    expect(d).toBeGreaterThanOrEqual(0)
    expect(s.status).toEqual({ loadBalancer: {} })
    expect(s.metadata.generation).toBeUndefined()
  })

  it('the same seed allocates the same IPs', () => {
    const a = newServer(3).api.create('services', svc()) as Loose
    const b = newServer(3).api.create('services', svc()) as Loose
    expect(a.spec.clusterIP).toBe(b.spec.clusterIP)
  })

  it('NodePort: externalTrafficPolicy Cluster and a node port from 30086–32767; LoadBalancer: allocateLoadBalancerNodePorts', () => {
    const { api } = newServer()
    const n = api.create('services', svc({ type: 'NodePort' })) as Loose
    expect(n.spec.externalTrafficPolicy).toBe('Cluster')
    expect(n.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086)
    expect(n.spec.ports[0].nodePort).toBeLessThanOrEqual(32767)
    const lb = api.create('services', svc({ type: 'LoadBalancer' }, 'lb')) as Loose
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true)
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000)
  })

  it('headless: no IP allocated; headless without selector is RequireDualStack [IPv4, IPv6]', () => {
    const { api } = newServer()
    const h = api.create('services', svc({ clusterIP: 'None' })) as Loose
    expect(h.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' })
    const bare = api.create('services', svc({ clusterIP: 'None', selector: undefined }, 'bare')) as Loose
    expect(bare.spec).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' })
  })

  it('ExternalName: no IP, no families, no internalTrafficPolicy', () => {
    const { api } = newServer()
    const e = api.create('services', svc({ type: 'ExternalName', externalName: 'example.com', selector: undefined, ports: undefined })) as Loose
    expect(e.spec.clusterIP).toBeUndefined()
    expect(e.spec.ipFamilies).toBeUndefined()
    expect(e.spec.internalTrafficPolicy).toBeUndefined()
  })

  it('an explicit clusterIP in the range is taken; the same IP twice is already allocated', () => {
    const { api } = newServer()
    const s = api.create('services', svc({ clusterIP: '10.96.0.10' })) as Loose
    expect(s.spec.clusterIPs).toEqual(['10.96.0.10'])
    expect(msg(() => api.create('services', svc({ clusterIP: '10.96.0.10' }, 'other')))).toBe(
      'Service "other" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated')
  })

  it('an IP outside 10.96.0.0/12 is refused with the allocator\'s words', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ clusterIP: '10.200.0.1' })))).toBe(
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.1"}: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12')
    expect(msg(() => api.create('services', svc({ clusterIP: 'abc' })))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')
  })

  it('NodePort out of range, then taken', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')
    api.create('services', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))
    expect(msg(() => api.create('services', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'b')))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated')
  })

  it('delete releases the IP and the node port; a refused create leaks nothing', () => {
    const { api } = newServer()
    api.create('services', svc({ type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30080 }] }))
    api.delete('services', 'default', 'web')
    api.create('services', svc({ type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30080 }] }, 'again'))
    // Valid allocation, invalid port name: the IP goes back.
    expect(msg(() => api.create('services', svc({ clusterIP: '10.96.0.51', ports: [{ port: 80, name: 'HTTP' }] }, 'bad')))).toContain('spec.ports[0].name')
    expect(api.allocators.ips.has('10.96.0.51')).toBe(false)
    // AlreadyExists and dry runs give it back too.
    expect(errorOf(() => api.create('services', svc({ clusterIP: '10.96.0.52' }, 'again'))).reason).toBe('AlreadyExists')
    expect(api.allocators.ips.has('10.96.0.52')).toBe(false)
    api.create('services', svc({ clusterIP: '10.96.0.53' }, 'dry'), { dryRun: 'All' })
    expect(api.allocators.ips.has('10.96.0.53')).toBe(false)
  })

  it('type changes: NodePort → ClusterIP drops and frees the node port; ClusterIP → ExternalName frees the IP', () => {
    const { api } = newServer()
    const n = api.create('services', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })) as Loose
    n.spec.type = 'ClusterIP'
    const c = api.update('services', n) as Loose
    expect(c.spec.ports[0].nodePort).toBeUndefined()
    expect(c.spec.externalTrafficPolicy).toBeUndefined()
    expect(api.allocators.ports.has(30080)).toBe(false)
    const ip = c.spec.clusterIP
    c.spec.type = 'ExternalName'
    c.spec.externalName = 'example.com'
    const e = api.update('services', c) as Loose
    expect(e.spec.clusterIP).toBeUndefined()
    expect(e.spec.ipFamilies).toBeUndefined()
    expect(api.allocators.ips.has(ip)).toBe(false)
    e.spec.type = 'LoadBalancer'
    const lb = api.update('services', e) as Loose
    expect(lb.spec.clusterIP).toMatch(/^10\./)
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000)
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true)
  })

  it('a PUT without clusterIP or nodePort keeps the allocated ones', () => {
    const { api } = newServer()
    const n = api.create('services', svc({ type: 'NodePort' })) as Loose
    const put = svc({ type: 'NodePort' }) as Loose
    put.metadata.resourceVersion = n.metadata.resourceVersion
    const u = api.update('services', put) as Loose
    expect(u.spec.clusterIP).toBe(n.spec.clusterIP)
    expect(u.spec.ports[0].nodePort).toBe(n.spec.ports[0].nodePort)
  })
})

describe('Service validation messages (pinned to upstream)', () => {
  it('missing ports', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ ports: [] })))).toBe('Service "web" is invalid: spec.ports: Required value')
  })

  it('duplicate port and duplicate name; a second port needs a name', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] })))).toBe(
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}')
    expect(msg(() => api.create('services', svc({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] })))).toBe(
      'Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"')
    expect(msg(() => api.create('services', svc({ ports: [{ port: 80 }, { port: 81 }] })))).toBe(
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]')
  })

  it('an invalid named targetPort', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ ports: [{ port: 80, targetPort: 'http_port' }] })))).toBe(
      'Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  })

  it('the primary ClusterIP may not change once set', () => {
    const { api } = newServer()
    const s = api.create('services', svc()) as Loose
    s.spec.clusterIP = 'None'
    s.spec.clusterIPs = ['None']
    expect(msg(() => api.update('services', s))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set')
  })

  it('ExternalName needs externalName; NodePort may not be headless; ClusterIP may not have nodePorts', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({ type: 'ExternalName' })))).toBe('Service "web" is invalid: spec.externalName: Required value')
    expect(msg(() => api.create('services', svc({ type: 'NodePort', clusterIP: 'None' })))).toBe(
      'Service "web" is invalid: spec.clusterIP: Invalid value: "None": may not be set to \'None\' for NodePort services')
    expect(msg(() => api.create('services', svc({ ports: [{ port: 80, nodePort: 30001 }] })))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'')
  })

  it('names are DNS-1035 labels', () => {
    const { api } = newServer()
    expect(msg(() => api.create('services', svc({}, '1web')))).toBe(
      'Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')')
  })

  it('status: a LoadBalancer ingress IP gets ipMode VIP; a bad IP is refused', () => {
    const { api } = newServer()
    const lb = api.create('services', svc({ type: 'LoadBalancer' })) as Loose
    lb.status = { loadBalancer: { ingress: [{ ip: '172.17.255.1' }] } }
    expect((api.updateStatus('services', lb) as Loose).status.loadBalancer.ingress).toEqual([{ ip: '172.17.255.1', ipMode: 'VIP' }])
    lb.status = { loadBalancer: { ingress: [{ ip: 'nope' }] } }
    lb.metadata.resourceVersion = undefined
    expect(msg(() => api.updateStatus('services', lb))).toBe('Service "web" is invalid: status.loadBalancer.ingress[0].ip: Invalid value: "nope": must be a valid IP address')
  })

  it('LoadBalancer + externalTrafficPolicy Local gets a healthCheckNodePort; back to Cluster frees it', () => {
    const { api } = newServer()
    const lb = api.create('services', svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' })) as Loose
    const hc = lb.spec.healthCheckNodePort
    expect(hc).toBeGreaterThanOrEqual(30000)
    expect(api.allocators.ports.has(hc)).toBe(true)
    lb.spec.externalTrafficPolicy = 'Cluster'
    const u = api.update('services', lb) as Loose
    expect(u.spec.healthCheckNodePort).toBeUndefined()
    expect(api.allocators.ports.has(hc)).toBe(false)
  })
})
