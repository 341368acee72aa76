// Cluster DNS as a learner meets it (issue 5, point 3): CoreDNS pods behind kube-dns 10.96.0.10,
// nslookup from a busybox pod and from the Kubernetes docs' dnsutils pod, a headless Service
// answering with its pods' IPs, `dig +short`, CoreDNS's logs, and names that stop resolving when
// CoreDNS is scaled to zero.
// Everything is the cluster's own: kube-dns applied at boot, kube-proxy's rules carrying
// 10.96.0.10:53 to a CoreDNS pod, and the pods' resolver.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import type { Cluster } from '../engine/cluster'
import type { Netns } from '../engine/network/types'
import { Shell, MemoryFileSystem, createRegistry, collectWriter, createCancel } from '../shell'
import { createNetTools } from '../shell/net'
import { fakeClock } from '../shell/testkit'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
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
        image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.100.100
  selector:
    app: web
  ports:
  - name: http
    port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - name: http
    port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ['sleep', '3600']
---
apiVersion: v1
kind: Pod
metadata:
  name: dnsutils
spec:
  containers:
  - name: dnsutils
    image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
    command: ['sleep', 'infinity']
`

/** The harness is awaitable (a thenable), so it comes back wrapped. */
async function cluster(): Promise<{ c: TestCluster }> {
  const c = new TestCluster({ seed: 5, files: [{ path: '/home/learner/dns.yaml', content: MANIFESTS }] })
  await c.sh('kubectl apply -f dns.yaml').advance('90s')
  return { c }
}

const webPodIPs = (c: TestCluster): string[] => c.pods('app=web').map((p: Loose) => p.status.podIP).sort()

/**
 * The network tools in a shell on a pod's network namespace, with the container's own
 * /etc/resolv.conf (read through kubectl exec). The kubelet's exec sessions do not pass
 * NetworkAccess.dns through yet (kubelet/process/clock.ts watchedNet keeps http, connect, resolve
 * and listen only), so `kubectl exec pod -- nslookup` cannot reach DNS until that line is added.
 */
async function podTools(c: TestCluster, podName: string, flavour: 'busybox' | 'bind9') {
  const pod = c.pods().find((p: Loose) => p.metadata.name === podName)
  const resolv = (await c.run(`kubectl exec ${podName} -- cat /etc/resolv.conf`)).stdout
  const registry = createRegistry()
  for (const [name, info] of Object.entries(createNetTools({ nslookup: flavour, ping: flavour === 'busybox' ? 'busybox' : 'iputils' }))) registry.register(name, info)
  const ns: Netns = { kind: 'pod', ip: pod.status.podIP, namespace: 'default', podName, node: 'minikube' }
  const shell = new Shell({ fs: new MemoryFileSystem([{ path: '/etc/resolv.conf', content: resolv }]), registry, clock: fakeClock(), net: c.cluster.fabric.access(ns), cwd: '/' })
  return async (line: string) => {
    const out = collectWriter()
    const code = await shell.run(line, { stdout: out, stderr: out, signal: createCancel().signal, isTTY: false })
    return { code, stdout: out.text() }
  }
}

/** Each story boots a cluster and runs 90 virtual seconds: a few real seconds. */
const SLOW = { timeout: 60_000 }

describe('cluster DNS (scenario)', SLOW, () => {
  it('CoreDNS runs in kube-system behind kube-dns and logs its start', async () => {
    const { c } = await cluster()
    c.expectPods('k8s-app=kube-dns', { ready: 1, phase: 'Running', namespace: 'kube-system' })
    const svc = await c.run('kubectl get svc kube-dns -n kube-system')
    expect(svc.stdout).toContain('10.96.0.10')
    const logs = await c.run('kubectl logs -n kube-system deploy/coredns')
    expect(logs.stdout).toMatch(/^\.:53\n\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}\nCoreDNS-1\.11\.1\nlinux\/amd64, go1\.20\.7, ae2bbc2\n/)
  })

  it('containers get the ClusterFirst resolv.conf', async () => {
    const { c } = await cluster()

    expect((await c.run('kubectl exec client -- cat /etc/resolv.conf')).stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  })

  it('programs in a pod resolve Service names through CoreDNS (wget by the headless name)', async () => {
    const { c } = await cluster()
    const r = await c.run('kubectl exec client -- wget -qO- http://web-headless')
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>')
    const logs = (await c.run('kubectl logs -n kube-system deploy/coredns')).stdout
    expect(logs).toMatch(/\[INFO\] 10\.244\.0\.\d+:\d+ - \d+ "A IN web-headless\.default\.svc\.cluster\.local\. udp \d+ false 512" NOERROR qr,aa,rd \d+ 0\.\d+s/)
  })

  it('busybox nslookup: the FQDN resolves; the search list makes `web` resolve too', async () => {
    const { c } = await cluster()
    const sh = await podTools(c, 'client', 'busybox')
    expect((await sh('nslookup web.default.svc.cluster.local')).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.100.100\n\n\n')
    const short = await sh('nslookup web')
    expect(short.stdout).toContain('Name:\tweb.default.svc.cluster.local\nAddress: 10.96.100.100\n')
    expect(short.stdout).toContain("** server can't find web.svc.cluster.local: NXDOMAIN")
  })

  it('dnsutils nslookup resolves svc, svc.ns and the FQDN (bind9 output)', async () => {
    const { c } = await cluster()
    const sh = await podTools(c, 'dnsutils', 'bind9')
    for (const name of ['web', 'web.default', 'web.default.svc.cluster.local']) {
      const r = await sh(`nslookup ${name}`)
      expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.100.100\n\n')
      expect(r.code).toBe(0)
    }
    expect((await sh('nslookup web.nosuchns.svc.cluster.local.')).stdout).toContain("** server can't find web.nosuchns.svc.cluster.local.: NXDOMAIN")
  })

  it('a headless Service resolves to its ready pods\' IPs', async () => {
    const { c } = await cluster()
    const ips = webPodIPs(c)
    expect(ips).toHaveLength(2)
    const sh = await podTools(c, 'dnsutils', 'bind9')
    const r = await sh('nslookup web-headless')
    expect([...r.stdout.matchAll(/Address: (\S+)/g)].map((m) => m[1]).sort()).toEqual(ips)
    expect((await sh('dig +short web-headless.default.svc.cluster.local')).stdout.trim().split('\n').sort()).toEqual(ips)
  })

  it('dig +short answers the ClusterIP; names stop resolving when CoreDNS is scaled to zero', async () => {
    const { c } = await cluster()
    const sh = await podTools(c, 'dnsutils', 'bind9')
    expect((await sh('dig +short web.default.svc.cluster.local')).stdout).toBe('10.96.100.100\n')
    await c.sh('kubectl scale deployment coredns -n kube-system --replicas=0').advance('60s')
    const r = await sh('dig +short web.default.svc.cluster.local')
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n')
    expect(r.code).toBe(9)
    expect((await c.run('kubectl exec client -- wget -qO- -T 2 http://web-headless')).stdout).toBe('')
  })
})
