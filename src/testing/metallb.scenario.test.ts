// The course notes' MetalLB walk-through on minikube: `minikube addons enable metallb` (the
// controller Deployment and speaker DaemonSet in metallb-system), a LoadBalancer Service that stays
// <pending> until the notes' address pool is applied, then gets 172.17.255.1 — with the
// controller's JSON log line and the IPAllocated event — and the DNS-through-MetalLB task: a TCP and
// a UDP Service sharing 172.17.255.2 through `metallb.universe.tf/allow-shared-ip`.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import { ADDONS, enableAddon } from '../engine/addons'

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

const WEB_SVC_LB = `apiVersion: v1
kind: Service
metadata:
  name: web-svc-lb
spec:
  selector:
    app: web
  type: LoadBalancer
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8000
`

const dnsSvc = (proto: 'TCP' | 'UDP') => `apiVersion: v1
kind: Service
metadata:
  name: coredns-svc-lb-${proto.toLowerCase()}
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

async function withMetalLB(): Promise<{ c: TestCluster }> {
  const c = new TestCluster({ seed: 3 })
  enableAddon(c.api, ADDONS.metallb, { nodeName: 'minikube', nodeIP: '192.168.49.2' })
  await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=2').advance('60s')
  return { c }
}

const externalIP = (out: string, name: string) => new RegExp(`^${name}\\s+LoadBalancer\\s+\\S+\\s+(\\S+)`, 'm').exec(out)?.[1]

describe('MetalLB (minikube addons enable metallb)', () => {
  it('runs the controller and the speaker; a LoadBalancer Service is <pending> until the pool is applied, then gets 172.17.255.1', async () => {
    const { c } = await withMetalLB()
    c.expectPods('component=controller', { namespace: 'metallb-system', ready: 1, phase: 'Running' })
    c.fs.writeFile('/home/learner/web-svc-lb.yaml', WEB_SVC_LB)
    await c.sh('kubectl apply -f web-svc-lb.yaml').advance('10s')
    expect(externalIP((await c.run('kubectl get svc web-svc-lb')).stdout, 'web-svc-lb')).toBe('<pending>')
    // minikube's ConfigMap has an empty range (`- -`) until `minikube addons configure metallb`.
    const before = (await c.run('kubectl --namespace metallb-system logs deploy/controller')).stdout
    expect(before).toContain('"error":"could not parse config: yaml: unmarshal errors: cannot unmarshal !!seq into string","event":"configStale","msg":"config (re)load failed, config marked stale"')
    expect(before).toMatch(/"event":"noConfig","msg":"not processing, still waiting for config","service":"default\/web-svc-lb"/)
    c.fs.writeFile('/home/learner/metallb-config.yaml', POOL)
    await c.sh('kubectl apply -f metallb-config.yaml').advance('5s')
    expect(externalIP((await c.run('kubectl get svc web-svc-lb')).stdout, 'web-svc-lb')).toBe('172.17.255.1')
    const logs = (await c.run('kubectl --namespace metallb-system logs deploy/controller')).stdout
    expect(logs).toMatch(/^\{"caller":"service\.go:98","event":"ipAllocated","ip":"172\.17\.255\.1","msg":"IP address assigned by controller","service":"default\/web-svc-lb","ts":"2026-01-01T00:\d\d:\d\d(\.\d+)?Z"\}$/m)
    const events = (await c.run('kubectl get events --field-selector involvedObject.name=web-svc-lb')).stdout
    expect(events).toMatch(/Normal\s+IPAllocated\s+service\/web-svc-lb\s+Assigned IP "172\.17\.255\.1"/)
    // The speaker (hostNetwork, on minikube: the node of the ready endpoints) announces it.
    const speaker = (await c.run('kubectl --namespace metallb-system logs ds/speaker')).stdout
    expect(speaker).toMatch(/^\{"caller":"main\.go:267","event":"serviceAnnounced","ip":"172\.17\.255\.1","msg":"service has IP, announcing","pool":"default","protocol":"layer2","service":"default\/web-svc-lb","ts":"[^"]+"\}$/m)
    expect((await c.run('kubectl get events --field-selector involvedObject.name=web-svc-lb')).stdout).toMatch(/Normal\s+nodeAssigned\s+service\/web-svc-lb\s+announcing from node "minikube"/)
  }, 60_000)

  it('shares 172.17.255.2 between the TCP and the UDP DNS Services (allow-shared-ip)', async () => {
    const { c } = await withMetalLB()
    c.fs.writeFile('/home/learner/metallb-config.yaml', POOL)
    c.fs.writeFile('/home/learner/coredns-svc-lb.yaml', `${dnsSvc('TCP')}---\n${dnsSvc('UDP')}`)
    await c.sh('kubectl apply -f metallb-config.yaml').advance('5s')
    const applied = await c.run('kubectl apply -f coredns-svc-lb.yaml -n kube-system')
    expect(applied.stdout).toBe('service/coredns-svc-lb-tcp created\nservice/coredns-svc-lb-udp created\n')
    await c.advance('5s')
    const out = (await c.run('kubectl get svc -n kube-system')).stdout
    expect(externalIP(out, 'coredns-svc-lb-tcp')).toBe('172.17.255.2')
    expect(externalIP(out, 'coredns-svc-lb-udp')).toBe('172.17.255.2')
    expect(out).toMatch(/coredns-svc-lb-tcp\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+172\.17\.255\.2\s+53:3\d{4}\/TCP/)
    expect(out).toMatch(/coredns-svc-lb-udp\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+172\.17\.255\.2\s+53:3\d{4}\/UDP/)
  }, 60_000)
})
