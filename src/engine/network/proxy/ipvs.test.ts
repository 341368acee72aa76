import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyIpvsPlan, ipvsPlan, nodeAddressesExceptDummy } from './ipvs'
import { MINIKUBE_PROXIER_CONFIG } from './iptables'
import { endpointsMap, servicePorts } from './model'
import { fakeKernel, notesScenario, renderIpvsadm, service, slice } from './testkit'
import { canaryMissing, initProxier, syncProxyRules } from './proxier'
import { isServiceChainName } from './names'

// UPDATE_GOLDEN=1 npx vitest run src/engine/network/proxy rewrites the files.
function golden(name: string, actual: string): void {
  const file = join(__dirname, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const plan = (s: ReturnType<typeof notesScenario>, nodeAddrs = ['192.168.49.2']) =>
  ipvsPlan(MINIKUBE_PROXIER_CONFIG, servicePorts(s.services), endpointsMap(s.slices, 'minikube'), nodeAddrs)

describe('IPVS proxier', () => {
  it('plans rr virtual servers with the endpoints as real servers', () => {
    const p = plan(notesScenario())
    const web = p.virtualServers.find((v) => v.address === '10.97.60.103')!
    expect(web).toEqual({ address: '10.97.60.103', port: 80, protocol: 'TCP', scheduler: 'rr', realServers: ['10.244.0.3:8000', '10.244.0.4:8000', '10.244.0.5:8000'] })
    expect(p.bindAddrs.sort()).toEqual(['10.96.0.1', '10.96.0.10', '10.97.60.103'])
    expect(p.ipsets['KUBE-CLUSTER-IP']).toEqual(['10.96.0.1,tcp:443', '10.96.0.10,tcp:53', '10.96.0.10,tcp:9153', '10.96.0.10,udp:53', '10.97.60.103,tcp:80'])
    expect(p.ipsets['KUBE-LOOP-BACK']).toContain('10.244.0.3,tcp:8000,10.244.0.3')
    expect(p.ipsets['KUBE-IPVS-IPS'].sort()).toEqual(['10.96.0.1', '10.96.0.10', '10.97.60.103'])
  })

  it('applies to a kernel: ipvsadm -Ln golden, kube-ipvs0 addresses, ipsets', () => {
    const k = fakeKernel()
    initProxier(k, 'ipvs', true)
    expect(k.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1')
    const s = notesScenario()
    const out = syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    expect(out.ok).toBe(true)
    golden('ipvsadm-Ln-3-endpoints.txt', renderIpvsadm(k.ipvs.list()))
    expect(k.links.addresses('kube-ipvs0').map((a) => a.address).sort()).toEqual(['10.96.0.1', '10.96.0.10', '10.97.60.103'])
    expect(k.ipsets.get('KUBE-CLUSTER-IP')!.header).toBe('family inet hashsize 1024 maxelem 65536')
    expect(k.ipsets.get('KUBE-NODE-PORT-TCP')!.header).toBe('range 0-65535')
    const nat = k.iptablesSave({ table: 'nat' })
    expect(nat).toContain('-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ')
    expect(nat).toContain('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT')
    expect(nat).toContain('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES')
  })

  it('golden: the IPVS mode iptables-restore text', () => {
    golden('ipvs-iptables-restore-3-endpoints.txt', plan(notesScenario()).iptablesText)
  })

  it('scales down: drops the real server, keeps the virtual server; deletes a removed service', () => {
    const k = fakeKernel()
    const s = notesScenario()
    syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    const two = notesScenario(['10.244.0.3', '10.244.0.4'])
    syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, two.services, two.slices)
    expect(k.ipvs.list().find((v) => v.address === '10.97.60.103')!.realServers.map((r) => r.address)).toEqual(['10.244.0.3', '10.244.0.4'])
    syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, two.services.slice(0, 2), two.slices)
    expect(k.ipvs.list().some((v) => v.address === '10.97.60.103')).toBe(false)
    expect(k.links.addresses('kube-ipvs0').some((a) => a.address === '10.97.60.103')).toBe(false)
  })

  it('serves a NodePort on every node address, with the port in KUBE-NODE-PORT-TCP', () => {
    const s = notesScenario()
    s.services.push(service('default', 'web-np', '10.100.1.1', [{ port: 80, nodePort: 30552 }], { type: 'NodePort' }))
    s.slices.push(slice('default', 'web-np', [{ port: 8000 }], ['10.244.0.3']))
    const p = plan(s, ['192.168.49.2', '10.244.0.1'])
    expect(p.virtualServers.filter((v) => v.port === 30552).map((v) => v.address)).toEqual(['192.168.49.2', '10.244.0.1'])
    expect(p.ipsets['KUBE-NODE-PORT-TCP']).toEqual(['30552'])
    expect(p.iptablesText).toContain('-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ')
    expect(p.bindAddrs).not.toContain('192.168.49.2')
  })

  it('reads node addresses from ip addr, skipping loopback and kube-ipvs0', () => {
    const k = fakeKernel()
    k.links.ensureDummy('kube-ipvs0')
    k.links.addAddress('kube-ipvs0', '10.96.0.1', 32)
    expect(nodeAddressesExceptDummy(k)).toEqual(['192.168.49.2'])
  })
})

describe('switching modes on one node (the notes: old chains linger)', () => {
  it('leaves the iptables mode KUBE-SVC-/KUBE-SEP- chains unreferenced after the IPVS proxier runs', () => {
    const k = fakeKernel()
    const s = notesScenario()
    initProxier(k, 'iptables', false)
    expect(canaryMissing(k)).toBe(false)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    const before = [...k.tables.get('nat')!.keys()].filter(isServiceChainName)
    expect(before.length).toBe(12)
    initProxier(k, 'ipvs', false)
    syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    const nat = k.tables.get('nat')!
    expect([...nat.keys()].filter(isServiceChainName).sort()).toEqual(before.sort())
    // Nothing jumps to them any more: KUBE-SERVICES was rewritten with ipset matches.
    const referencing = [...nat.values()].flat().filter((r) => / -j KUBE-SVC-/.test(r) && r.startsWith('-A KUBE-SERVICES'))
    expect(referencing).toEqual([])
  })

  it('is idempotent: a second iptables sync keeps one jump rule per built-in chain', () => {
    const k = fakeKernel()
    const s = notesScenario()
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    expect(k.tables.get('nat')!.get('PREROUTING')).toEqual(['-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES'])
  })

  it('applyIpvsPlan reports iptables-restore failures', () => {
    const k = fakeKernel()
    const p = plan(notesScenario())
    expect(applyIpvsPlan(k, { ...p, iptablesText: '*nat\n-A NOPE -j ACCEPT\nCOMMIT\n' }).restore.code).toBe(1)
  })
})
