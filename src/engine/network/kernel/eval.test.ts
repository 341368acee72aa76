import { describe, it, expect } from 'vitest'
import { SeededRandom } from '../../runtime/random'
import { DEFAULT_START_MS } from '../../runtime/clock'
import { createNodeKernel } from './kernel'
import { KUBE_PROXY_FILTER, KUBE_PROXY_NAT } from './testdata'
import type { Netns, TranslationQuery } from '../types'

const kernel = (seed = 7) => {
  const k = createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(seed), clock: { now: () => DEFAULT_START_MS } })
  k.iptablesRestore(KUBE_PROXY_FILTER + KUBE_PROXY_NAT, { noflush: true })
  return k
}
const pod: Netns = { kind: 'pod', ip: '10.244.0.9', namespace: 'default', podName: 'client', node: 'minikube' }
const node: Netns = { kind: 'node', ip: '192.168.49.2', name: 'minikube' }
const fromPod = (ip: string, port: number, proto: TranslationQuery['proto'] = 'tcp'): TranslationQuery => ({ ip, port, proto, from: pod, node: 'minikube', hook: 'PREROUTING' })

describe('translate: iptables mode', () => {
  it('the 1/3, 1/2, 1 ladder gives each endpoint about a third, deterministically per seed', () => {
    const draw = (seed: number) => {
      const k = kernel(seed)
      const hits: Record<string, number> = {}
      for (let i = 0; i < 3000; i++) {
        const t = k.translate(fromPod('10.97.60.103', 80))
        if (t?.kind !== 'forward') throw new Error('no DNAT')
        hits[`${t.ip}:${t.port}`] = (hits[`${t.ip}:${t.port}`] ?? 0) + 1
      }
      return hits
    }
    const hits = draw(1)
    expect(Object.keys(hits).sort()).toEqual(['10.244.0.4:8000', '10.244.0.5:8000', '10.244.0.6:8000'])
    for (const n of Object.values(hits)) expect(Math.abs(n - 1000)).toBeLessThan(100)
    expect(draw(1)).toEqual(hits)
    expect(draw(2)).not.toEqual(hits)
  })

  it('counts matched rules: the SVC chain sees every connection, each SEP its share', () => {
    const k = kernel()
    for (let i = 0; i < 30; i++) k.translate(fromPod('10.97.60.103', 80))
    const out = k.iptables(['-t', 'nat', '-nvL', 'KUBE-SVC-WKCOG6KH24K26XRJ']).stdout
    const counts = out.split('\n').slice(2, 6).map((l) => Number(l.trim().split(/\s+/)[0]))
    // Rule 1 is the masquerade for off-cluster sources: a pod's connection does not match it.
    expect(counts[0]).toBe(0)
    expect(counts[1] + counts[2] + counts[3]).toBe(30)
  })

  it('a port the Service does not have and ICMP are not translated (a ClusterIP does not answer ping)', () => {
    const k = kernel()
    expect(k.translate(fromPod('10.97.60.103', 81))).toBeUndefined()
    expect(k.translate(fromPod('10.97.60.103', 0, 'icmp'))).toBeUndefined()
  })

  it('a Service without endpoints is refused by the filter REJECT rule', () => {
    expect(kernel().translate(fromPod('10.100.200.1', 80))).toEqual({ kind: 'reject' })
  })

  it('NodePort from the laptop: DNAT and masquerade to the bridge address', () => {
    const t = kernel().translate({ ip: '192.168.49.2', port: 30552, proto: 'tcp', from: { kind: 'laptop' }, node: 'minikube', hook: 'PREROUTING' })
    expect(t).toMatchObject({ kind: 'forward', port: 8000, sourceIP: '10.244.0.1' })
  })

  it('the node itself reaching a ClusterIP is masqueraded (source outside the pod network)', () => {
    const t = kernel().translate({ ip: '10.97.60.103', port: 80, proto: 'tcp', from: node, node: 'minikube', hook: 'OUTPUT' })
    expect(t).toMatchObject({ kind: 'forward', port: 8000, sourceIP: '10.244.0.1' })
  })

  it('a learner\'s DROP rule in filter makes connections time out', () => {
    const k = kernel()
    k.iptables(['-I', 'FORWARD', '-d', '10.244.0.5', '-j', 'DROP'])
    expect(k.translate(fromPod('10.244.0.5', 8000))).toEqual({ kind: 'drop' })
    expect(k.translate(fromPod('10.244.0.6', 8000))).toBeUndefined()
  })
})

describe('translate: IPVS mode', () => {
  const ipvsKernel = () => {
    const k = createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(1), clock: { now: () => DEFAULT_START_MS } })
    k.links.ensureDummy('kube-ipvs0')
    k.links.addAddress('kube-ipvs0', '10.97.60.103', 32)
    k.links.addAddress('kube-ipvs0', '10.100.200.1', 32)
    const vs = { address: '10.97.60.103', port: 80, protocol: 'TCP' as const }
    k.ipvs.upsertVirtualServer({ ...vs, scheduler: 'rr' })
    for (const ip of ['10.244.0.4', '10.244.0.5', '10.244.0.6']) k.ipvs.upsertRealServer(vs, { address: ip, port: 8000, weight: 1 })
    k.ipvs.upsertVirtualServer({ address: '10.100.200.1', port: 80, protocol: 'TCP', scheduler: 'rr' })
    return k
  }

  it('round-robins over the real servers and counts InActConn', () => {
    const k = ipvsKernel()
    const picks = Array.from({ length: 6 }, () => (k.translate(fromPod('10.97.60.103', 80)) as { ip: string }).ip)
    expect(picks).toEqual(['10.244.0.4', '10.244.0.5', '10.244.0.6', '10.244.0.4', '10.244.0.5', '10.244.0.6'])
    expect(k.ipvsadmList!({ numeric: true })).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n' +
      'Prot LocalAddress:Port Scheduler Flags\n' +
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
      'TCP  10.97.60.103:80 rr\n' +
      '  -> 10.244.0.4:8000              Masq    1      0          2         \n' +
      '  -> 10.244.0.5:8000              Masq    1      0          2         \n' +
      '  -> 10.244.0.6:8000              Masq    1      0          2         \n' +
      'TCP  10.100.200.1:80 rr\n')
  })

  it('a persistent virtual server (sessionAffinity ClientIP) keeps a client on its real server', () => {
    const k = ipvsKernel()
    k.ipvs.upsertVirtualServer({ address: '10.97.60.103', port: 80, protocol: 'TCP', scheduler: 'rr', persistentSeconds: 10800 })
    const picks = new Set(Array.from({ length: 5 }, () => (k.translate(fromPod('10.97.60.103', 80)) as { ip: string }).ip))
    expect(picks.size).toBe(1)
    expect(k.ipvsadmList!({ numeric: true })).toContain('TCP  10.97.60.103:80 rr persistent 10800\n')
  })

  it('a virtual server without real servers, or a port it does not serve, is refused; ping is answered by the node', () => {
    const k = ipvsKernel()
    expect(k.translate(fromPod('10.100.200.1', 80))).toEqual({ kind: 'reject' })
    expect(k.translate(fromPod('10.97.60.103', 81))).toEqual({ kind: 'reject' })
    expect(k.translate(fromPod('10.97.60.103', 0, 'icmp'))).toEqual({ kind: 'forward', ip: '192.168.49.2', port: 0 })
  })

  it('ip addr show kube-ipvs0 prints the notes\' shape', () => {
    const k = ipvsKernel()
    const out = k.links.show('kube-ipvs0').stdout.split('\n')
    expect(out[0]).toMatch(/^\d+: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default $/)
    expect(out[1]).toMatch(/^    link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff$/)
    expect(out.slice(2, 4)).toEqual(['    inet 10.97.60.103/32 brd 10.97.60.103 scope global kube-ipvs0', '       valid_lft forever preferred_lft forever'])
    expect(k.links.show('nope')).toEqual({ code: 1, stdout: '', stderr: 'Device "nope" does not exist.\n' })
  })
})

describe('CNI: bridge masquerade and portmap hostPorts', () => {
  it('a hostPort pod is reachable on the node IP from the laptop; DEL removes its rules', () => {
    const k = kernel()
    k.cni!.add({ key: 'uid-1', ip: '10.244.0.12', hostPorts: [{ hostPort: 80, containerPort: 80, protocol: 'TCP' }, { hostPort: 443, containerPort: 443, protocol: 'TCP' }] })
    const q = { ip: '192.168.49.2', port: 80, proto: 'tcp' as const, from: { kind: 'laptop' as const }, node: 'minikube', hook: 'PREROUTING' as const }
    expect(k.translate(q)).toEqual({ kind: 'forward', ip: '10.244.0.12', port: 80 })
    const nat = k.iptablesSave({ table: 'nat' })
    expect(nat).toMatch(/-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"bridge\\" id: \\"[0-9a-f]{64}\\"" -m multiport --dports 80,443 -j CNI-DN-[0-9a-f]{21}\n/)
    expect(nat).toContain('-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000\n')
    expect(nat).toMatch(/-A POSTROUTING -s 10\.244\.0\.12\/32 -m comment --comment "name: \\"bridge\\" id: \\"[0-9a-f]{64}\\"" -j CNI-[0-9a-f]{24}\n/)
    k.cni!.del('uid-1')
    expect(k.translate(q)).toBeUndefined()
    expect(k.iptablesSave({ table: 'nat' })).not.toContain('10.244.0.12')
  })

  it('a pod reaching outside the pod network is counted by its masquerade chain but not translated', () => {
    const k = kernel()
    k.cni!.add({ key: 'uid-2', ip: '10.244.0.9' })
    expect(k.translate(fromPod('192.168.49.1', 8080))).toBeUndefined()
    expect(k.translate(fromPod('10.244.0.4', 8000))).toBeUndefined()
    const chain = /-j (CNI-[0-9a-f]{24})\n/.exec(k.iptablesSave({ table: 'nat' }))![1]
    const counts = k.iptables(['-t', 'nat', '-nvL', chain]).stdout.split('\n').slice(2, 4).map((l) => l.trim().split(/\s+/)[0])
    expect(counts).toEqual(['1', '1'])
  })
})

describe('translate: session affinity (-m recent)', () => {
  it('sticks a client to the endpoint it first got, for --seconds', () => {
    let now = DEFAULT_START_MS
    const k = createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(5), clock: { now: () => now } })
    const sep = (n: number) => `KUBE-SEP-AFFINITY${n}`
    const lines = ['*nat', ':KUBE-SVC-AFF - [0:0]', `:${sep(1)} - [0:0]`, `:${sep(2)} - [0:0]`,
      '-A OUTPUT -d 10.96.7.7/32 -p tcp --dport 80 -j KUBE-SVC-AFF',
      ...[1, 2].map((n) => `-A KUBE-SVC-AFF -m comment --comment "default/aff -> 10.244.0.${n}:80" -m recent --name ${sep(n)} --rcheck --seconds 10800 --reap -j ${sep(n)}`),
      `-A KUBE-SVC-AFF -m statistic --mode random --probability 0.5000000000 -j ${sep(1)}`, `-A KUBE-SVC-AFF -j ${sep(2)}`,
      ...[1, 2].map((n) => `-A ${sep(n)} -m recent --set --name ${sep(n)} --mask 255.255.255.255 --rsource -p tcp -m tcp -j DNAT --to-destination 10.244.0.${n}:80`),
      'COMMIT', '']
    expect(k.iptablesRestore(lines.join('\n'), { noflush: true })).toEqual({ code: 0, stdout: '', stderr: '' })
    const q = { ip: '10.96.7.7', port: 80, proto: 'tcp' as const, from: node, node: 'minikube', hook: 'OUTPUT' as const }
    const first = (k.translate(q) as { ip: string }).ip
    for (let i = 0; i < 20; i++) expect((k.translate(q) as { ip: string }).ip).toBe(first)
    const save = k.iptablesSave({ table: 'nat' })
    expect(save).toContain(`-m recent --rcheck --seconds 10800 --reap --name ${sep(1)} --mask 255.255.255.255 --rsource -j ${sep(1)}`)
    expect(save).toContain(`-A ${sep(1)} -p tcp -m recent --set --name ${sep(1)} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.0.1:80`)
    expect(k.iptables(['-t', 'nat', '-nL', 'KUBE-SVC-AFF']).stdout).toContain(`recent: CHECK seconds: 10800 reap name: ${sep(1)} side: source mask: 255.255.255.255`)
    // The ladder (rules 3-4) saw only the first connection; once the entry is older than 10800 s, it decides again.
    const ladder = () => k.iptables(['-t', 'nat', '-nvxL', 'KUBE-SVC-AFF']).stdout.split('\n').slice(4, 6).reduce((n, l) => n + Number(l.trim().split(/\s+/)[0]), 0)
    const before = ladder()
    now += 10801_000
    k.translate(q)
    expect(ladder()).toBe(before + 1)
  })
})
