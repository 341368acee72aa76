import { describe, it, expect } from 'vitest'
import { TestCluster, parseDuration } from './TestCluster'
import { inCidr } from '../engine/network/ipam'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

describe('TestCluster', () => {
  it('parses durations', () => {
    expect(parseDuration('30s')).toBe(30_000)
    expect(parseDuration('1m30s')).toBe(90_000)
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration(5)).toBe(5)
    expect(() => parseDuration('soon')).toThrow(/bad duration/)
  })

  it('kubectl run web: Running 1/1 with events in upstream order', async () => {
    const c = new TestCluster({ seed: 7 })
    await c.sh('kubectl run web --image=nginx').advance('30s')
    c.expectPods('run=web', { ready: 1, total: 1, phase: 'Running' })
    expect(c.output()).toContain('$ kubectl run web --image=nginx\npod/web created\n')
    const pod = c.api.get('pods', 'default', 'web') as Loose
    expect(inCidr(pod.status.podIP, '10.244.0.0/16')).toBe(true)
    const reasons = (c.api.list('events', { namespace: 'default' }).items as Loose[])
      .filter((e) => e.involvedObject.name === 'web')
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => e.reason)
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    const r = await c.run('kubectl get pods')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+1\/1\s+Running\s+0\s+30s\n$/)
  })

  it('shows ContainerCreating right after run, and k is kubectl', async () => {
    const c = new TestCluster({ seed: 2 })
    await c.sh('kubectl run web --image=nginx').advance('1s')
    const r = await c.run('k get pods')
    expect(r.stdout).toMatch(/web\s+0\/1\s+ContainerCreating\s+0\s+1s/)
  })

  it('kubectl delete waits for the kubelet and returns', async () => {
    const c = new TestCluster({ seed: 3 })
    await c.sh('kubectl run web --image=nginx').advance('10s')
    const r = await c.run('kubectl delete pod web')
    expect(r.output).toBe('pod "web" deleted\n')
    expect(c.pods('run=web')).toHaveLength(0)
  })

  it('sleep advances virtual time instantly', async () => {
    const c = new TestCluster({ seed: 4 })
    const t0 = c.cluster.clock.now()
    await c.sh('kubectl run web --image=nginx').sh('sleep 20')
    expect(c.cluster.clock.now() - t0).toBeGreaterThanOrEqual(20_000)
    c.expectPods('run=web', { ready: 1 })
  })

  it('expectPods says what it found', async () => {
    const c = new TestCluster({ seed: 5 })
    await c.sh('kubectl run web --image=nginx')
    expect(() => c.expectPods('run=web', { ready: 1 })).toThrow('expectPods("run=web"): ready 0, want 1')
  })
})

describe('determinism through kubectl', () => {
  it('same seed + same commands = identical objects and output', async () => {
    const story = async () => {
      const c = new TestCluster({ seed: 21 })
      await c.sh('kubectl run web --image=nginx').sh('kubectl run bb --image=busybox').advance('40s')
      await c.sh('kubectl delete pod web').sh('kubectl get pods -o wide').advance('5s')
      const objects = ['pods', 'events', 'nodes', 'namespaces'].map((r) => c.api.list(r).items)
      return JSON.stringify({ objects, out: c.output() })
    }
    const a = await story()
    expect(a).toBe(await story())
    expect(a).toContain('CrashLoopBackOff')
  })
})
