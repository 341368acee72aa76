// kubectl logs and top against the real engine (API server checks, the kubelet's node server,
// metrics.k8s.io computed from modelled usage) through the learner's shell.
import { describe, it, expect } from 'vitest'
import { TestCluster } from '../TestCluster'

describe('kubectl logs on the engine', () => {
  it('answers in the API server\'s and kubelet\'s words, and picks a deployment\'s pod', async () => {
    const c = new TestCluster({ seed: 12 })
    await c.run('kubectl run web --image=nginx:1.25')
    await c.run('kubectl create deployment app --image=nginx:1.25 --replicas=2')
    c.advance('60s')
    expect(await c.run('kubectl logs nope')).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(await c.run('kubectl logs web -c nope')).toMatchObject({ code: 1, stderr: 'error: container nope is not valid for pod web\n' })
    expect(await c.run('kubectl logs web -p')).toMatchObject({ code: 1, stderr: 'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n' })
    expect(await c.run('kubectl logs web')).toMatchObject({ code: 0, stderr: '' })
    const d = await c.run('kubectl logs deploy/app')
    expect(d.code).toBe(0)
    expect(d.stderr).toMatch(/^Found 2 pods, using pod\/app-[a-z0-9]+-[a-z0-9]{5}\n$/)
  })
})

describe('kubectl top on the engine', () => {
  it('has no metrics for a pod that just started, then reports pods and the node', async () => {
    const c = new TestCluster({ seed: 13 })
    await c.run('kubectl run web --image=nginx:1.25')
    c.advance('5s')
    expect(await c.run('kubectl top pod')).toMatchObject({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' })
    expect((await c.run('kubectl top pod web')).stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n')
    c.advance('60s')
    const pods = await c.run('kubectl top pod')
    expect(pods.stdout).toMatch(/^NAME +CPU\(cores\) +MEMORY\(bytes\) +\nweb +\d+m +\d+Mi +\n$/)
    const nodes = await c.run('kubectl top node')
    expect(nodes.stdout).toMatch(/^NAME +CPU\(cores\) +CPU% +MEMORY\(bytes\) +MEMORY% +\nminikube +\d+m +\d+% +\d+Mi +\d+% +\n$/)
    expect((await c.run('kubectl top pod -A --no-headers')).stdout).toMatch(/^default +web +\d+m +\d+Mi +\n/)
  })
})

describe('kubectl get on metrics.k8s.io', () => {
  it('lists PodMetrics, not the core pods that share the plural', async () => {
    const c = new TestCluster({ seed: 14 })
    await c.run('kubectl run web --image=nginx:1.25')
    c.advance('60s')
    const out = await c.run('kubectl get pods.metrics.k8s.io -o jsonpath={.items[*].kind}')
    expect(out).toMatchObject({ code: 0, stdout: 'PodMetrics' })
    expect((await c.run('kubectl get podmetrics web -o jsonpath={.containers[0].name}')).stdout).toBe('web')
    expect((await c.run('kubectl get pods -o jsonpath={.items[*].kind}')).stdout).toBe('Pod')
  })
})
