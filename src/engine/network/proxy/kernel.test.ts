// The proxiers against KERNEL's node model (createNodeKernel): the real `iptables-save -t nat` and
// `ipvsadm -Ln` of the notes' scenario, the ladder as iptables prints it (0.33333333349), and traffic.
import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createNodeKernel } from '../kernel'
import type { NodeKernel } from '../kernel'
import { SeededRandom } from '../../runtime/random'
import { MINIKUBE_PROXIER_CONFIG } from './iptables'
import { cleanupLeftovers, initProxier, syncProxyRules } from './proxier'
import { notesScenario } from './testkit'

// UPDATE_GOLDEN=1 npx vitest run src/engine/network/proxy rewrites the files.
function golden(name: string, actual: string): void {
  const file = join(__dirname, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const DEFAULT_START_MS = Date.UTC(2026, 0, 1)
const kernel = () => createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(7), clock: { now: () => DEFAULT_START_MS } })
const fromPod = { kind: 'pod' as const, ip: '10.244.0.9', namespace: 'default', podName: 'client', node: 'minikube' }
const dial = (k: NodeKernel, ip: string, port: number, proto: 'tcp' | 'icmp' = 'tcp') => k.translate({ ip, port, proto, from: fromPod, node: 'minikube', hook: 'PREROUTING' })

describe('kube-proxy on the node kernel', () => {
  it('iptables mode: iptables-save -t nat golden with the 1/3, 1/2 ladder as iptables prints it', () => {
    const k = kernel()
    const s = notesScenario()
    initProxier(k, 'iptables', false)
    expect(syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices).ok).toBe(true)
    const nat = k.iptablesSave({ table: 'nat' })
    expect(nat).toContain('--probability 0.33333333349')
    expect(nat).toContain('--probability 0.50000000000')
    golden('iptables-save-nat-3-endpoints.txt', nat)
  })

  it('iptables mode: the ClusterIP forwards to the endpoints and does not answer ping', () => {
    const k = kernel()
    const s = notesScenario()
    initProxier(k, 'iptables', false)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    const seen = new Set<string>()
    for (let i = 0; i < 60; i++) {
      const t = dial(k, '10.97.60.103', 80)
      expect(t?.kind).toBe('forward')
      if (t?.kind === 'forward') seen.add(`${t.ip}:${t.port}`)
    }
    expect([...seen].sort()).toEqual(['10.244.0.3:8000', '10.244.0.4:8000', '10.244.0.5:8000'])
    expect(k.links.isLocal('10.97.60.103')).toBe(false)
    expect(dial(k, '10.97.60.103', 0, 'icmp')?.kind).not.toBe('forward')
  })

  it('a service without endpoints is rejected', () => {
    const k = kernel()
    const s = notesScenario([])
    initProxier(k, 'iptables', false)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    expect(dial(k, '10.97.60.103', 80)).toEqual({ kind: 'reject' })
  })

  it('after the switch to IPVS: ipvsadm -Ln golden, ClusterIP bound on kube-ipvs0, old chains linger', () => {
    const k = kernel()
    const s = notesScenario()
    initProxier(k, 'iptables', false)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    initProxier(k, 'ipvs', true)
    expect(syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, s.services, s.slices).ok).toBe(true)
    golden('ipvsadm-Ln-kernel-3-endpoints.txt', k.ipvsadmList!({ numeric: true }))
    expect(k.links.isLocal('10.97.60.103')).toBe(true)
    const nat = k.iptablesSave({ table: 'nat' })
    expect(nat).toMatch(/^:KUBE-SVC-6CZTMAROCN3AQODZ - /m)
    expect(nat).not.toMatch(/^-A KUBE-SERVICES .*-j KUBE-SVC-/m)
  })

  it('kube-proxy --cleanup removes both modes\' rules, IPVS services, kube-ipvs0 addresses and ipsets', () => {
    const k = kernel()
    const s = notesScenario()
    initProxier(k, 'iptables', false)
    syncProxyRules(k, 'iptables', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    initProxier(k, 'ipvs', true)
    syncProxyRules(k, 'ipvs', MINIKUBE_PROXIER_CONFIG, s.services, s.slices)
    expect(cleanupLeftovers(k)).toBe(false)
    const nat = k.iptablesSave({ table: 'nat' })
    expect(nat).not.toMatch(/KUBE-(SVC|SEP|SERVICES|NODE-PORT|POSTROUTING|MARK-MASQ|LOAD-BALANCER)/)
    expect(nat).toContain(':KUBE-KUBELET-CANARY')
    expect(k.ipvs.list()).toEqual([])
    expect(k.links.addresses('kube-ipvs0')).toEqual([])
    expect(k.ipsets.list().filter((x) => x.name.startsWith('KUBE-'))).toEqual([])
  })
})
