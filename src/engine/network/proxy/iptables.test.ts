import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { iptablesRestoreText, MINIKUBE_PROXIER_CONFIG, cidrContains } from './iptables'
import { endpointsMap, servicePorts } from './model'
import { notesScenario, service, slice } from './testkit'
import { servicePortPolicyClusterChain } from './names'

// UPDATE_GOLDEN=1 npx vitest run src/engine/network/proxy rewrites the files.
function golden(name: string, actual: string): void {
  const file = join(__dirname, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const gen = (s: ReturnType<typeof notesScenario>, existing: string[] = []) =>
  iptablesRestoreText(MINIKUBE_PROXIER_CONFIG, servicePorts(s.services), endpointsMap(s.slices, 'minikube'), existing)

describe('iptables proxier restore text', () => {
  it('matches the golden for the notes scenario (3 web endpoints)', () => {
    golden('iptables-restore-3-endpoints.txt', gen(notesScenario()).text)
  })

  it('writes the 1/3, 1/2, 1 ladder for three endpoints, sorted by ip:port', () => {
    const { text } = gen(notesScenario())
    const svc = servicePortPolicyClusterChain('default/web-svc-cip', 'tcp')
    const ladder = text.split('\n').filter((l) => l.startsWith(`-A ${svc} `) && l.includes('-> '))
    expect(ladder).toHaveLength(3)
    expect(ladder[0]).toContain('"default/web-svc-cip -> 10.244.0.3:8000" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-')
    expect(ladder[1]).toContain('"default/web-svc-cip -> 10.244.0.4:8000" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-')
    expect(ladder[2]).toMatch(/"default\/web-svc-cip -> 10\.244\.0\.5:8000" -j KUBE-SEP-[A-Z2-7]{16}$/)
  })

  it('scaling to 2 changes the ladder to 1/2, 1 and deletes the gone endpoint chain', () => {
    const three = gen(notesScenario())
    const two = gen(notesScenario(['10.244.0.3', '10.244.0.4']), [...three.activeNatChains])
    expect(two.text).toContain('--probability 0.5000000000')
    expect(two.text).not.toContain('0.3333333333')
    expect(two.deletedChains).toBe(1)
    expect(two.text).toMatch(/\n-X KUBE-SEP-[A-Z2-7]{16}\n/)
  })

  it('captures the ClusterIP in KUBE-SERVICES and masquerades non-pod sources in the SVC chain', () => {
    const { text } = gen(notesScenario())
    const svc = servicePortPolicyClusterChain('default/web-svc-cip', 'tcp')
    expect(text).toContain(`-A KUBE-SERVICES -m comment --comment "default/web-svc-cip cluster IP" -m tcp -p tcp -d 10.97.60.103 --dport 80 -j ${svc}`)
    expect(text).toContain(`-A ${svc} -m comment --comment "default/web-svc-cip cluster IP" -m tcp -p tcp -d 10.97.60.103 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ`)
    expect(text).toMatch(/-A KUBE-SEP-\w+ -m comment --comment default\/web-svc-cip -s 10\.244\.0\.3 -j KUBE-MARK-MASQ/)
    expect(text).toMatch(/-A KUBE-SEP-\w+ -m comment --comment default\/web-svc-cip -m tcp -p tcp -j DNAT --to-destination 10\.244\.0\.3:8000/)
    // The nodeports jump is the last rule of KUBE-SERVICES.
    const services = text.split('\n').filter((l) => l.startsWith('-A KUBE-SERVICES ') && !l.includes('REJECT'))
    expect(services[services.length - 1]).toBe('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS')
  })

  it('rejects a service without endpoints in filter KUBE-SERVICES and writes no nat chain for it', () => {
    const s = notesScenario([])
    const { text } = gen(s)
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "default/web-svc-cip has no endpoints" -m tcp -p tcp -d 10.97.60.103 --dport 80 -j REJECT')
    expect(text).not.toContain(servicePortPolicyClusterChain('default/web-svc-cip', 'tcp'))
  })

  it('uses serving-terminating endpoints only when nothing is ready', () => {
    const s = notesScenario(['10.244.0.3', '10.244.0.4'])
    s.slices[2] = slice('default', 'web-svc-cip', [{ port: 8000 }], ['10.244.0.3', '10.244.0.4'], { terminating: ['10.244.0.3'] })
    expect(gen(s).text).not.toContain('--to-destination 10.244.0.3:8000')
    s.slices[2] = slice('default', 'web-svc-cip', [{ port: 8000 }], ['10.244.0.3'], { terminating: ['10.244.0.3'] })
    expect(gen(s).text).toContain('--to-destination 10.244.0.3:8000')
  })

  it('routes NodePorts and LoadBalancer IPs through KUBE-EXT- with masquerade', () => {
    const s = notesScenario()
    s.services.push({ ...service('default', 'web-lb', '10.100.1.1', [{ port: 80, nodePort: 30552 }], { type: 'LoadBalancer' }), status: { loadBalancer: { ingress: [{ ip: '172.17.255.1' }] } } })
    s.slices.push(slice('default', 'web-lb', [{ port: 8000 }], ['10.244.0.3']))
    const { text } = gen(s)
    const ext = text.match(/-A KUBE-NODEPORTS -m comment --comment default\/web-lb -m tcp -p tcp --dport 30552 -j (KUBE-EXT-\w+)/)
    expect(ext).not.toBeNull()
    expect(text).toContain(`-A KUBE-SERVICES -m comment --comment "default/web-lb loadbalancer IP" -m tcp -p tcp -d 172.17.255.1 --dport 80 -j ${ext![1]}`)
    expect(text).toContain(`-A ${ext![1]} -m comment --comment "masquerade traffic for default/web-lb external destinations" -j KUBE-MARK-MASQ`)
    expect(text).toContain(`-A ${ext![1]} -j ${servicePortPolicyClusterChain('default/web-lb', 'tcp')}`)
  })

  it('skips headless and ExternalName services', () => {
    const s = notesScenario()
    s.services.push(service('default', 'headless', 'None', [{ port: 80 }]), service('default', 'ext', '10.1.1.1', [{ port: 80 }], { type: 'ExternalName', externalName: 'example.com' }))
    expect(servicePorts(s.services).map((p) => p.nameString)).toEqual(['default/kubernetes:https', 'default/web-svc-cip', 'kube-system/kube-dns:dns', 'kube-system/kube-dns:dns-tcp', 'kube-system/kube-dns:metrics'])
  })

  it('writes recent-match affinity rules for ClientIP session affinity', () => {
    const s = notesScenario()
    s.services[2] = service('default', 'web-svc-cip', '10.97.60.103', [{ port: 80 }], { sessionAffinity: 'ClientIP' })
    const { text } = gen(s)
    expect(text).toMatch(/-m recent --name (KUBE-SEP-\w+) --rcheck --seconds 10800 --reap -j \1/)
    expect(text).toMatch(/-m recent --name KUBE-SEP-\w+ --set -m tcp -p tcp -j DNAT/)
  })

  it('checks CIDR membership', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.9')).toBe(true)
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false)
    expect(cidrContains('0.0.0.0/0', '1.2.3.4')).toBe(true)
  })

  it('partial sync: rewrites KUBE-SERVICES but only the changed services\' chains, deleting none of the others', () => {
    const s = notesScenario()
    const full = gen(s)
    const partial = iptablesRestoreText(MINIKUBE_PROXIER_CONFIG, servicePorts(s.services), endpointsMap(s.slices, 'minikube'), [...full.activeNatChains], { changed: new Set(['default/web-svc-cip']) })
    const web = servicePortPolicyClusterChain('default/web-svc-cip', 'tcp')
    const api = servicePortPolicyClusterChain('default/kubernetes:https', 'tcp')
    expect(partial.text).toContain(`:${web} - [0:0]`)
    expect(partial.text).not.toContain(`:${api} - [0:0]`)
    expect(partial.text).toContain(`-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j ${api}`)
    expect(partial.deletedChains).toBe(0)
  })
})
