// The notes' kube-proxy walk-through (seeds/003 lines ~680-1120) on the lab's minikube: the
// kube-proxy DaemonSet from its kubeadm manifests, iptables by default, then the ConfigMap edited to
// `mode: "ipvs"` and the pods deleted, so the new pod runs the IPVS proxier.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import { applyObjects } from '../engine/addons'
import { kubeProxyManifests } from '../engine/addons/kubeproxy'
import type { ApiClient } from '../api/client'

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        args: ["netexec", "--http-port=8000"]
        ports:
        - containerPort: 8000
`

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web-svc-cip
spec:
  selector:
    app: web
  type: ClusterIP
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8000
`

/** The cluster with kube-proxy applied as cluster.ts will at boot (until the integrator wires it). */
async function clusterWithKubeProxy(): Promise<{ c: TestCluster }> {
  const c = new TestCluster({ seed: 5, files: [{ path: '/home/learner/web.yaml', content: WEB }, { path: '/home/learner/web-svc-cip.yaml', content: SVC }] })
  const existing = c.api.list('daemonsets', { namespace: 'kube-system' }).items.some((d) => d.metadata.name === 'kube-proxy')
  if (!existing) applyObjects(c.api as unknown as ApiClient, kubeProxyManifests())
  await c.advance('30s')
  // TestCluster is a thenable: wrap it so awaiting this function does not unwrap it.
  return { c }
}

describe('kube-proxy: iptables by default, IPVS after the ConfigMap edit (the notes)', () => {
  it('runs one kube-proxy pod per node that logs "Using iptables proxy"', async () => {
    const { c } = await clusterWithKubeProxy()
    c.expectPods('k8s-app=kube-proxy', { ready: 1, total: 1, namespace: 'kube-system', phase: 'Running' })
    const r = await c.run('kubectl -n kube-system logs -l k8s-app=kube-proxy --tail=-1')
    expect(r.stdout).toContain('"Using iptables proxy"')
    expect(r.stdout).toContain('"Using iptables Proxier"')
    expect(r.stdout).not.toContain('ipvs')
  })

  it('switches to IPVS when the ConfigMap says so and the pods are recreated', async () => {
    const { c } = await clusterWithKubeProxy()
    const cm = c.api.get('configmaps', 'kube-system', 'kube-proxy') as unknown as { data: Record<string, string> }
    const edited = cm.data['config.conf'].replace('mode: ""', 'mode: "ipvs"').replace('strictARP: false', 'strictARP: true')
    c.api.patch('configmaps', 'kube-system', 'kube-proxy', 'merge', { data: { 'config.conf': edited } })
    // The running pod keeps its proxier until it is recreated, as on a real node.
    const before = await c.run('kubectl -n kube-system logs -l k8s-app=kube-proxy --tail=-1')
    expect(before.stdout).not.toContain('Using ipvs Proxier')
    const del = await c.run("kubectl --namespace kube-system delete pod --selector='k8s-app=kube-proxy'")
    expect(del.stdout).toMatch(/^pod "kube-proxy-[a-z0-9]{5}" deleted$/m)
    await c.advance('40s')
    c.expectPods('k8s-app=kube-proxy', { ready: 1, total: 1, namespace: 'kube-system', phase: 'Running' })
    const after = await c.run('kubectl -n kube-system logs -l k8s-app=kube-proxy --tail=-1')
    expect(after.stdout).toContain('"Using ipvs Proxier"')
    expect(after.stdout).not.toContain('"Using iptables proxy"')
  })

  it('walks the notes: chains for 3 endpoints, scale to 2, switch to IPVS, old chains linger, ping', async () => {
    const { c } = await clusterWithKubeProxy()
    const kernel = c.cluster.kernels.get('minikube')!
    await c.sh('kubectl apply -f web.yaml').sh('kubectl apply -f web-svc-cip.yaml').sh('kubectl run client --image=busybox:1.36 -- sleep 3600').advance('60s')
    c.expectPods('app=web', { ready: 3, total: 3 })
    const cip = (c.api.get('services', 'default', 'web-svc-cip') as unknown as { spec: { clusterIP: string } }).spec.clusterIP
    const svcChain = (nat: string) => nat.match(new RegExp(`-A KUBE-SERVICES -d ${cip.replace(/\./g, '\\.')}/32 .* -j (KUBE-SVC-\\w+)`))?.[1]
    const ladder = (nat: string, chain: string) => nat.split('\n').filter((l) => l.startsWith(`-A ${chain} -m comment`)).map((l) => l.match(/--probability (\S+)/)?.[1] ?? '1')

    // iptables mode: KUBE-SERVICES → KUBE-SVC-… → three KUBE-SEP-… with 1/3, 1/2, 1.
    let nat = kernel.iptablesSave({ table: 'nat' })
    const chain = svcChain(nat)!
    expect(chain).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/)
    expect(ladder(nat, chain)).toEqual(['0.33333333349', '0.50000000000', '1'])

    // The ClusterIP answers HTTP but not ping.
    expect((await c.run(`kubectl exec client -- wget -qO- -T 2 http://${cip}/hostname`)).stdout).toMatch(/^web-/)
    expect((await c.run(`kubectl exec client -- ping -c 1 -W 1 ${cip}`)).code).not.toBe(0)

    // Random picks: repeated requests reach more than one pod.
    const seen = new Set<string>()
    for (let i = 0; i < 12; i++) seen.add((await c.run(`kubectl exec client -- wget -qO- -T 2 http://${cip}/hostname`)).stdout)
    expect(seen.size).toBeGreaterThan(1)

    // Scale to 2: the ladder becomes 1/2, 1 (after kube-proxy's next sync).
    await c.sh('kubectl scale deployment web --replicas=2').advance('40s')
    nat = kernel.iptablesSave({ table: 'nat' })
    expect(ladder(nat, chain)).toEqual(['0.50000000000', '1'])
    await c.sh('kubectl scale deployment web --replicas=3').advance('40s')
    const iptablesSEPs = [...kernel.iptablesSave({ table: 'nat' }).matchAll(/^:(KUBE-SEP-\w+)/gm)].map((m) => m[1])
    expect(iptablesSEPs.length).toBeGreaterThanOrEqual(4)

    // Switch to IPVS as the notes do.
    const cm = c.api.get('configmaps', 'kube-system', 'kube-proxy') as unknown as { data: Record<string, string> }
    c.api.patch('configmaps', 'kube-system', 'kube-proxy', 'merge', { data: { 'config.conf': cm.data['config.conf'].replace('mode: ""', 'mode: "ipvs"').replace('strictARP: false', 'strictARP: true') } })
    await c.sh("kubectl --namespace kube-system delete pod --selector='k8s-app=kube-proxy'").advance('40s')
    const ipvsadm = kernel.ipvsadmList!({ numeric: true })
    const block = ipvsadm.slice(ipvsadm.indexOf(`TCP  ${cip}:80 rr`)).split('\n').slice(0, 4)
    expect(block[0]).toBe(`TCP  ${cip}:80 rr`)
    expect(block.slice(1).filter((l) => /^ {2}-> 10\.244\.\d+\.\d+:8000 +Masq +1 /.test(l))).toHaveLength(3)
    expect(kernel.links.addresses('kube-ipvs0').map((a) => a.address)).toContain(cip)

    // The old chains linger, unreferenced.
    nat = kernel.iptablesSave({ table: 'nat' })
    expect(nat).toContain(`:${chain} - `)
    expect(nat).not.toMatch(/^-A KUBE-SERVICES .* -j KUBE-SVC-/m)
    const lingering = [...nat.matchAll(/^:(KUBE-SEP-\w+)/gm)].map((m) => m[1])
    expect(lingering).toEqual(iptablesSEPs)

    // The ClusterIP now lives on kube-ipvs0 (the notes' `ip addr show kube-ipvs0`). The notes (2019)
    // could ping it; since v1.27 KUBE-IPVS-FILTER rejects NEW packets to KUBE-IPVS-IPS that match no
    // service port, ICMP included (kubernetes/website#41002), so on v1.30 ping is refused at once.
    expect(kernel.iptablesSave({ table: 'filter' })).toContain('-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT')
    expect(kernel.translate({ ip: cip, port: 0, proto: 'icmp', from: { kind: 'pod', ip: '10.244.0.50', namespace: 'default', podName: 'client', node: 'minikube' }, node: 'minikube', hook: 'PREROUTING' })).toEqual({ kind: 'reject' })
    expect((await c.run(`kubectl exec client -- ping -c 1 -W 1 ${cip}`)).code).not.toBe(0)
  })
})
