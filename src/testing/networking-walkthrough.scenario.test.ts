// The notes' Services walk-through from the learner's own terminal (issue 5, points 1, 5 and 6):
// the laptop reaches NodePorts on the node IP and LoadBalancer IPs, never ClusterIPs or pod IPs;
// a Service without ready endpoints refuses; readiness adds and removes backends; IPVS picks
// backends in turn; CoreDNS answers through a shared LoadBalancer IP over UDP and TCP.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import { ADDONS, enableAddon } from '../engine/addons'

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
        image: nginx:1.25
        readinessProbe:
          httpGet:
            path: /index.html
            port: 80
          periodSeconds: 2
`

const POOL = `apiVersion: v1
kind: ConfigMap
metadata:
  namespace: metallb-system
  name: config
data:
  config: |
    address-pools:
      - name: default
        protocol: layer2
        addresses:
          - "172.17.255.1-172.17.255.255"
`

const dnsSvc = (proto: 'TCP' | 'UDP') => `apiVersion: v1
kind: Service
metadata:
  name: coredns-svc-lb-${proto.toLowerCase()}
  namespace: kube-system
  annotations:
    metallb.universe.tf/allow-shared-ip: coredns
spec:
  loadBalancerIP: 172.17.255.2
  selector:
    k8s-app: kube-dns
  type: LoadBalancer
  ports:
    - protocol: ${proto}
      port: 53
      targetPort: 53
`

/** The harness is a thenable, so it comes back wrapped. */
async function cluster(): Promise<{ c: TestCluster }> {
  const c = new TestCluster({
    seed: 11,
    files: [
      { path: '/home/learner/web.yaml', content: WEB },
      { path: '/home/learner/pool.yaml', content: POOL },
      { path: '/home/learner/dns-tcp.yaml', content: dnsSvc('TCP') },
      { path: '/home/learner/dns-udp.yaml', content: dnsSvc('UDP') },
    ],
  })
  await c.sh('kubectl apply -f web.yaml').sh('kubectl run client --image=busybox:1.36 -- sleep 3600').advance('60s')
  return { c }
}

const field = (out: string, name: string, col: number) => out.split('\n').find((l) => l.startsWith(`${name} `))?.split(/\s+/)[col]

describe('Services from the learner\'s terminal', () => {
  it('ClusterIP and pod IPs time out from the laptop; a NodePort on the node IP answers', async () => {
    const { c } = await cluster()
    await c.sh('kubectl expose deployment web --port 80 --type NodePort').advance('5s')
    const svc = (await c.run('kubectl get svc web')).stdout
    const clusterIP = field(svc, 'web', 2)!
    const nodePort = /80:(3\d{4})\/TCP/.exec(svc)?.[1]
    expect(nodePort).toBeDefined()
    expect(svc).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/m)
    expect(field(svc, 'web', 3)).toBe('<none>')

    const viaNodePort = await c.run(`curl -s http://192.168.49.2:${nodePort}/`)
    expect(viaNodePort.code).toBe(0)
    expect(viaNodePort.stdout).toContain('Welcome to nginx!')

    const viaClusterIP = await c.run(`curl -s --max-time 3 http://${clusterIP}/`)
    expect(viaClusterIP.code).toBe(28)
    const podIP = c.pods('app=web')[0].status.podIP
    expect((await c.run(`curl -s --max-time 3 http://${podIP}/`)).code).toBe(28)

    // From inside the cluster the ClusterIP and the name answer.
    const inside = await c.run('kubectl exec client -- wget -qO- -T 2 http://web/')
    expect(inside.stdout).toContain('Welcome to nginx!')
  })

  it('describe shows the ready endpoints; a Service with none refuses the connection', async () => {
    const { c } = await cluster()
    await c.sh('kubectl expose deployment web --port 80').advance('5s')
    const ips = c.pods('app=web').map((p: { status: { podIP: string } }) => p.status.podIP)
    const described = (await c.run('kubectl describe svc web')).stdout
    const endpointsLine = described.split('\n').find((l) => l.startsWith('Endpoints:'))!
    for (const ip of ips) expect(endpointsLine).toContain(`${ip}:80`)

    // Break readiness: every pod leaves the endpoints, and the ClusterIP refuses at once.
    await c.sh('kubectl patch deployment web --type json -p \'[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/port","value":81}]\'').advance('5s')
    await c.sh('kubectl scale deployment web --replicas 0').advance('10s')
    await c.sh('kubectl create deployment broken --image=nginx:1.25').advance('1s')
    await c.sh('kubectl patch deployment web --type json -p \'[{"op":"replace","path":"/spec/replicas","value":2}]\'').advance('30s')
    // Only not-ready addresses: kubectl prints an empty ENDPOINTS cell, as upstream's formatEndpoints does.
    const ep = (await c.run('kubectl get endpoints web')).stdout
    expect(ep).toMatch(/^web\s+\d+s$/m)
    const refused = await c.run('kubectl exec client -- wget -qO- -T 2 http://web/')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('Connection refused')
  })

  it('MetalLB gives 172.17.255.1; the laptop reaches it; DNS answers on a shared IP over UDP and TCP', async () => {
    const { c } = await cluster()
    enableAddon(c.api, ADDONS.metallb, { nodeName: 'minikube', nodeIP: '192.168.49.2' })
    await c.advance('30s')
    await c.sh('kubectl expose deployment web --name web-svc-lb --port 80 --type LoadBalancer').advance('5s')
    expect(field((await c.run('kubectl get svc web-svc-lb')).stdout, 'web-svc-lb', 3)).toBe('<pending>')
    await c.sh('kubectl apply -f pool.yaml').advance('10s')
    expect(field((await c.run('kubectl get svc web-svc-lb')).stdout, 'web-svc-lb', 3)).toBe('172.17.255.1')
    const page = await c.run('curl -s --max-time 5 http://172.17.255.1/')
    expect(page.code).toBe(0)
    expect(page.stdout).toContain('Welcome to nginx!')

    await c.sh('kubectl apply -f dns-tcp.yaml').sh('kubectl apply -f dns-udp.yaml').advance('10s')
    const svcs = (await c.run('kubectl get svc -n kube-system')).stdout
    expect(svcs).toMatch(/^coredns-svc-lb-tcp\s+LoadBalancer\s+\S+\s+172\.17\.255\.2\s+53:3\d{4}\/TCP\s/m)
    expect(svcs).toMatch(/^coredns-svc-lb-udp\s+LoadBalancer\s+\S+\s+172\.17\.255\.2\s+53:3\d{4}\/UDP\s/m)
    const webIP = field((await c.run('kubectl get svc web-svc-lb')).stdout, 'web-svc-lb', 2)
    const udp = await c.run('nslookup web-svc-lb.default.svc.cluster.local 172.17.255.2')
    expect(udp.stdout).toContain('Server:\t\t172.17.255.2')
    expect(udp.stdout).toContain(`Address: ${webIP}`)
    const tcp = await c.run('dig +tcp +short @172.17.255.2 web-svc-lb.default.svc.cluster.local')
    expect(tcp.stdout.trim()).toBe(webIP)
  })

  it('IPVS picks the backends in turn', async () => {
    const { c } = await cluster()
    // agnhost netexec answers /hostname with the pod's name.
    await c.sh('kubectl create deployment who --image=registry.k8s.io/e2e-test-images/agnhost:2.53 --replicas=3 -- /agnhost netexec --http-port=8000')
      .sh('kubectl expose deployment who --port 80 --target-port 8000').advance('30s')
    const cm = c.api.get('configmaps', 'kube-system', 'kube-proxy') as unknown as { data: Record<string, string> }
    c.api.patch('configmaps', 'kube-system', 'kube-proxy', 'merge', { data: { 'config.conf': cm.data['config.conf'].replace('mode: ""', 'mode: "ipvs"') } })
    await c.sh('kubectl -n kube-system delete pod -l k8s-app=kube-proxy').advance('40s')
    const hosts: string[] = []
    for (let i = 0; i < 6; i++) {
      const r = await c.run('kubectl exec client -- wget -qO- -T 2 http://who/hostname')
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      hosts.push(r.stdout.trim())
    }
    // Round-robin over three real servers: a cycle of three distinct pods, repeated.
    expect(new Set(hosts.slice(0, 3)).size).toBe(3)
    expect(hosts.slice(3)).toEqual(hosts.slice(0, 3))
  })
})
