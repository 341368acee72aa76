// Service admission through the learner's shell: the `kubernetes` Service exists from the start,
// and the API server's refusals reach the terminal in kubectl's words.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const svc = (extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
${extra}`

describe('Services at the API server (scenario)', () => {
  it('default/kubernetes is 10.96.0.1 from the start and comes back after a delete', async () => {
    const c = new TestCluster()
    expect((await c.run(`kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP} {.spec.ports[0].port}/{.spec.ports[0].protocol}'`)).stdout).toBe('10.96.0.1 443/TCP')
    expect((await c.run(`kubectl get endpoints kubernetes -o jsonpath='{.subsets[0].addresses[0].ip}:{.subsets[0].ports[0].port}'`)).stdout).toBe('192.168.49.2:8443')
    expect((await c.run('kubectl delete svc kubernetes')).stdout).toBe('service "kubernetes" deleted\n')
    await c.advance('10s')
    expect((await c.run(`kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP}'`)).stdout).toBe('10.96.0.1')
  })

  it('refusals in kubectl\'s words', async () => {
    const c = new TestCluster({
      files: [
        { path: '/home/learner/np80.yaml', content: svc('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n') },
        { path: '/home/learner/outside.yaml', content: svc('  clusterIP: 10.200.0.1\n  ports:\n  - port: 80\n') },
        { path: '/home/learner/noports.yaml', content: svc('') },
        { path: '/home/learner/taken.yaml', content: svc('  clusterIP: 10.96.0.1\n  ports:\n  - port: 80\n') },
      ],
    })
    let r = await c.run('kubectl apply -f np80.yaml')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n')
    r = await c.run('kubectl apply -f outside.yaml')
    expect(r.stderr).toBe('The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.1"}: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n')
    r = await c.run('kubectl apply -f noports.yaml')
    expect(r.stderr).toBe('The Service "web" is invalid: spec.ports: Required value\n')
    r = await c.run('kubectl apply -f taken.yaml')
    expect(r.stderr).toBe('The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated\n')
  })
})
