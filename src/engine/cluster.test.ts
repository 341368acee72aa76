import { describe, it, expect } from 'vitest'
import { createCluster } from './cluster'
import type { KubeObject } from '../api/types'
import { inCidr } from './network/ipam'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const pod = (name: string, image = 'nginx', extra: Loose = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { run: name } },
  spec: { containers: [{ name, image, ...extra }] },
})

function eventsFor(c: ReturnType<typeof createCluster>, name: string): Loose[] {
  return (c.api.list('events', { namespace: 'default' }).items as Loose[])
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
}

describe('createCluster', () => {
  it('starts with the minikube node and the control-plane pods Running', async () => {
    const c = createCluster({ seed: 1 })
    expect(c.nodeNames()).toEqual(['minikube'])
    // The add-ons (CoreDNS, kube-proxy) start from their controllers within seconds, from preloaded images.
    await c.advanceAsync(10_000)
    const pods = c.api.list('pods', { namespace: 'kube-system' }).items as Loose[]
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '-xxxxx').replace(/-[a-f0-9]{8,10}-/, '-hash-')).sort()).toEqual([
      'coredns-hash-xxxxx', 'etcd-minikube', 'kube-apiserver-minikube', 'kube-controller-manager-minikube', 'kube-proxy-xxxxx', 'kube-scheduler-minikube', 'storage-provisioner',
    ])
    for (const p of pods) {
      expect(p.status.phase).toBe('Running')
      // Everything but CoreDNS uses the host's network; CoreDNS gets the node's first pod IP.
      expect(p.status.podIP).toBe(p.metadata.name.startsWith('coredns-') ? '10.244.0.2' : '192.168.49.2')
      expect(p.status.containerStatuses[0].ready).toBe(true)
    }
    const etcd = pods.find((p) => p.metadata.name === 'etcd-minikube')
    expect(etcd.metadata.ownerReferences[0]).toMatchObject({ kind: 'Node', name: 'minikube', controller: true })
    const ns = c.api.list('namespaces').items.map((n) => n.metadata.name).sort()
    expect(ns).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
  })

  it('schedules and runs an nginx pod with upstream events in order', async () => {
    const c = createCluster({ seed: 7 })
    c.api.create('pods', pod('web'))
    await c.advanceAsync(30_000)
    const p = c.api.get('pods', 'default', 'web') as Loose
    expect(p.spec.nodeName).toBe('minikube')
    expect(p.status.phase).toBe('Running')
    expect(inCidr(p.status.podIP, '10.244.0.0/16')).toBe(true)
    expect(p.status.podIP).toBe('10.244.0.3') // CoreDNS has .2
    expect(p.status.conditions.map((x: Loose) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ])
    const cs = p.status.containerStatuses[0]
    expect(cs).toMatchObject({ name: 'web', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' })
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(cs.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/)
    expect(cs.state.running.startedAt).toBeTruthy()
    const evs = eventsFor(c, 'web')
    expect(evs.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    expect(evs[0]).toMatchObject({ message: 'Successfully assigned default/web to minikube', source: { component: 'default-scheduler' }, type: 'Normal', count: 1 })
    expect(evs[1].message).toBe('Pulling image "nginx"')
    expect(evs[2].message).toMatch(/^Successfully pulled image "nginx" in (\d+\.\d+s) \(\1 including waiting\)\. Image size: 187694648 bytes\.$/)
    expect(evs[3]).toMatchObject({ message: 'Created container web', source: { component: 'kubelet', host: 'minikube' }, involvedObject: { fieldPath: 'spec.containers{web}' } })
    expect(evs[4].message).toBe('Started container web')
    expect(evs[0].metadata.name).toMatch(/^web\.[0-9a-f]{16}$/)
  })

  it('says the image is already present for a second IfNotPresent pod', async () => {
    const c = createCluster({ seed: 3 })
    c.api.create('pods', pod('a', 'nginx:1.25'))
    await c.advanceAsync(10_000)
    c.api.create('pods', pod('b', 'nginx:1.25'))
    await c.advanceAsync(10_000)
    const evs = eventsFor(c, 'b').map((e) => `${e.reason}: ${e.message}`)
    expect(evs).toEqual([
      'Scheduled: Successfully assigned default/b to minikube',
      'Pulled: Container image "nginx:1.25" already present on machine',
      'Created: Created container b',
      'Started: Started container b',
    ])
    expect((c.api.get('pods', 'default', 'b') as Loose).status.podIP).toBe('10.244.0.4') // CoreDNS .2, a .3
  })

  it('deletes gracefully: Killing, then gone, IP released', async () => {
    const c = createCluster({ seed: 5 })
    c.api.create('pods', pod('web'))
    await c.advanceAsync(10_000)
    const del = c.api.delete('pods', 'default', 'web') as Loose
    expect(del.metadata.deletionTimestamp).toBeTruthy()
    await c.advanceAsync(100)
    expect(eventsFor(c, 'web').map((e) => e.reason)).toContain('Killing')
    expect(eventsFor(c, 'web').find((e) => e.reason === 'Killing').message).toBe('Stopping container web')
    await c.advanceAsync(1_000)
    expect(() => c.api.get('pods', 'default', 'web')).toThrow(/not found/)
    c.api.create('pods', pod('next'))
    await c.advanceAsync(10_000)
    expect((c.api.get('pods', 'default', 'next') as Loose).status.podIP).toBe('10.244.0.4') // host-local moves on past web's .3
  })

  it('waits the whole grace period for a sleep container', async () => {
    const c = createCluster({ seed: 5 })
    c.api.create('pods', pod('s', 'busybox', { command: ['sleep', '3600'] }))
    await c.advanceAsync(10_000)
    expect((c.api.get('pods', 'default', 's') as Loose).status.phase).toBe('Running')
    c.api.delete('pods', 'default', 's')
    await c.advanceAsync(29_000)
    expect(c.api.get('pods', 'default', 's')).toBeTruthy()
    await c.advanceAsync(2_000)
    expect(() => c.api.get('pods', 'default', 's')).toThrow(/not found/)
  })

  it('crash-loops busybox with upstream back-off', async () => {
    const c = createCluster({ seed: 9 })
    c.api.create('pods', pod('bb', 'busybox'))
    await c.advanceAsync(8_000)
    let p = c.api.get('pods', 'default', 'bb') as Loose
    expect(p.status.phase).toBe('Running')
    expect(p.status.containerStatuses[0].restartCount).toBe(1)
    await c.advanceAsync(60_000)
    p = c.api.get('pods', 'default', 'bb') as Loose
    const cs = p.status.containerStatuses[0]
    expect(cs.restartCount).toBeGreaterThanOrEqual(3)
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    const backoff = eventsFor(c, 'bb').find((e) => e.reason === 'BackOff')
    expect(backoff.type).toBe('Warning')
    expect(backoff.message).toBe(`Back-off restarting failed container bb in pod bb_default(${p.metadata.uid})`)
    const pulling = eventsFor(c, 'bb').find((e) => e.reason === 'Pulling')
    expect(pulling.count).toBeGreaterThanOrEqual(3)
  })

  it('runs `sleep 5` to completion under restartPolicy Never', async () => {
    const c = createCluster({ seed: 2 })
    const p = pod('once', 'busybox', { command: ['sleep', '5'] }) as Loose
    p.spec.restartPolicy = 'Never'
    c.api.create('pods', p)
    await c.advanceAsync(5_000)
    expect((c.api.get('pods', 'default', 'once') as Loose).status.phase).toBe('Running')
    await c.advanceAsync(5_000)
    const done = c.api.get('pods', 'default', 'once') as Loose
    expect(done.status.phase).toBe('Succeeded')
    expect(done.status.containerStatuses[0].state.terminated.reason).toBe('Completed')
  })

  it('reports FailedScheduling for a selector no node matches, and binds once a node matches', async () => {
    const c = createCluster({ seed: 4 })
    const p = pod('picky') as Loose
    p.spec.nodeSelector = { disk: 'ssd' }
    c.api.create('pods', p)
    await c.advanceAsync(3_000)
    const got = c.api.get('pods', 'default', 'picky') as Loose
    expect(got.status.phase).toBe('Pending')
    const cond = got.status.conditions.find((x: Loose) => x.type === 'PodScheduled')
    const msg = "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg })
    const failed = eventsFor(c, 'picky').find((e) => e.reason === 'FailedScheduling')
    expect(failed).toMatchObject({ type: 'Warning', message: msg })
    c.api.patch('nodes', undefined, 'minikube', 'merge', { metadata: { labels: { disk: 'ssd' } } })
    await c.advanceAsync(10_000)
    expect((c.api.get('pods', 'default', 'picky') as Loose).spec.nodeName).toBe('minikube')
  })

  it('is deterministic: same seed, same objects', async () => {
    const run = async () => {
      const c = createCluster({ seed: 11 })
      for (const n of ['a', 'b', 'c']) c.api.create('pods', pod(n))
      await c.advanceAsync(20_000)
      c.api.delete('pods', 'default', 'b')
      await c.advanceAsync(5_000)
      return ['pods', 'events', 'nodes'].map((r) => c.api.list(r).items)
    }
    expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()))
  })
})

describe('createCluster wiring', () => {
  it('deletes a namespace with its pods (namespace controller + kubelet)', async () => {
    const c = createCluster({ seed: 12 })
    c.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })
    c.api.create('pods', { ...pod('web'), metadata: { name: 'web', namespace: 'shop' } })
    await c.advanceAsync(10_000)
    expect((c.api.get('pods', 'shop', 'web') as Loose).status.phase).toBe('Running')
    c.api.delete('namespaces', undefined, 'shop')
    await c.advanceAsync(60_000)
    expect(() => c.api.get('namespaces', undefined, 'shop')).toThrow(/not found/)
  })

  it('spreads pods over `--nodes 3` and gives each node its own pod CIDR', async () => {
    const c = createCluster({ seed: 13, topology: { nodes: 3 } })
    expect(c.nodeNames()).toEqual(['minikube', 'minikube-m02', 'minikube-m03'])
    for (let i = 0; i < 9; i++) c.api.create('pods', pod(`p${i}`))
    await c.advanceAsync(20_000)
    const pods = c.api.list('pods', { namespace: 'default' }).items as Loose[]
    // Least-allocated: the two empty workers win over the control plane (650m already requested).
    const nodes = new Set(pods.map((p) => p.spec.nodeName))
    expect([...nodes].sort()).toEqual(['minikube-m02', 'minikube-m03'])
    for (const p of pods) {
      expect(p.status.phase).toBe('Running')
      const i = ['minikube', 'minikube-m02', 'minikube-m03'].indexOf(p.spec.nodeName)
      expect(inCidr(p.status.podIP, `10.244.${i}.0/24`)).toBe(true)
    }
  })

  it('reports Insufficient cpu and schedules after room frees up', async () => {
    const c = createCluster({ seed: 14 })
    const big = (name: string) => pod(name, 'nginx', { resources: { requests: { cpu: '1' } } })
    c.api.create('pods', big('a'))
    c.api.create('pods', big('b'))
    await c.advanceAsync(5_000)
    const pending = (c.api.list('pods', { namespace: 'default' }).items as Loose[]).filter((p) => !p.spec.nodeName)
    expect(pending).toHaveLength(1)
    const name = pending[0].metadata.name
    expect(eventsFor(c, name).find((e) => e.reason === 'FailedScheduling').message)
      .toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.')
    c.api.delete('pods', 'default', name === 'a' ? 'b' : 'a')
    await c.advanceAsync(15_000)
    expect((c.api.get('pods', 'default', name) as Loose).status.phase).toBe('Running')
  })
})

describe('cordon', () => {
  it('taints a cordoned node, keeps new pods off it, and lifts the taint on uncordon', async () => {
    const c = createCluster({ seed: 15 })
    c.api.patch('nodes', undefined, 'minikube', 'merge', { spec: { unschedulable: true } })
    await c.advanceAsync(0)
    const node = c.api.get('nodes', undefined, 'minikube') as Loose
    expect(node.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }])
    c.api.create('pods', pod('web'))
    await c.advanceAsync(2_000)
    expect(eventsFor(c, 'web').find((e) => e.reason === 'FailedScheduling').message)
      .toBe('0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.')
    expect(eventsFor(c, 'minikube').map((e) => e.reason)).toContain('NodeNotSchedulable')
    c.api.patch('nodes', undefined, 'minikube', 'merge', { spec: { unschedulable: null } })
    await c.advanceAsync(15_000)
    expect((c.api.get('nodes', undefined, 'minikube') as Loose).spec.taints).toBeUndefined()
    expect((c.api.get('pods', 'default', 'web') as Loose).status.phase).toBe('Running')
  })
})

describe('pod CIDR exhaustion', () => {
  it('reports FailedCreatePodSandBox when the node has no IP left', async () => {
    const c = createCluster({ seed: 16, topology: { maxPods: 300 } })
    for (let i = 0; i < 253; i++) c.api.create('pods', pod(`p${i}`, 'nginx:1.25'))
    await c.advanceAsync(30_000)
    const pods = c.api.list('pods', { namespace: 'default' }).items as Loose[]
    const noIP = pods.filter((p) => !p.status.podIP)
    expect(noIP).toHaveLength(1) // 10.244.0.2 … .254 is 253 addresses, and CoreDNS holds one
    const ev = eventsFor(c, noIP[0].metadata.name).find((e) => e.reason === 'FailedCreatePodSandBox')
    expect(ev.type).toBe('Warning')
    expect(ev.message).toMatch(/no IP addresses available in range set: 10\.244\.0\.1-10\.244\.0\.254$/)
    c.api.delete('pods', 'default', 'p0')
    await c.advanceAsync(15_000)
    expect((c.api.get('pods', 'default', noIP[0].metadata.name) as Loose).status.phase).toBe('Running')
  }, 30_000) // 254 pods, each with its volumes and process
})

describe('image change on a running pod', () => {
  it('kills the old container, pulls and starts the new image, restartCount 1', async () => {
    const c = createCluster({ seed: 17 })
    c.api.create('pods', pod('web', 'nginx:1.25'))
    await c.advanceAsync(10_000)
    c.api.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } })
    await c.advanceAsync(10_000)
    const p = c.api.get('pods', 'default', 'web') as Loose
    const cs = p.status.containerStatuses[0]
    expect(cs).toMatchObject({ ready: true, restartCount: 1, image: 'docker.io/library/nginx:1.26' })
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    const evs = eventsFor(c, 'web').map((e) => `${e.reason}: ${e.message}`)
    expect(evs).toContain('Killing: Container web definition changed, will be restarted')
    expect(evs).toContain('Pulling: Pulling image "nginx:1.26"')
  })
})

describe('static pods', () => {
  it('a deleted mirror pod comes back at once, still Running', async () => {
    const c = createCluster({ seed: 18 })
    await c.advanceAsync(60_000)
    const before = c.api.get('pods', 'kube-system', 'kube-apiserver-minikube') as Loose
    c.api.delete('pods', 'kube-system', 'kube-apiserver-minikube')
    await c.advanceAsync(100)
    const after = c.api.get('pods', 'kube-system', 'kube-apiserver-minikube') as Loose
    expect(after.metadata.uid).not.toBe(before.metadata.uid)
    expect(after.metadata.deletionTimestamp).toBeUndefined()
    expect(after.status.phase).toBe('Running')
    expect(after.status.containerStatuses[0].containerID).toBe(before.status.containerStatuses[0].containerID)
    expect(after.metadata.ownerReferences[0].kind).toBe('Node')
  })
})

describe('init containers', () => {
  it('run one at a time to completion before the app container starts', async () => {
    const c = createCluster({ seed: 19 })
    const p = pod('web', 'nginx:1.25') as Loose
    p.spec.initContainers = [
      { name: 'wait', image: 'busybox', command: ['sleep', '3'] },
      { name: 'setup', image: 'busybox', command: ['sh', '-c', 'echo ready > /tmp/flag'] },
    ]
    c.api.create('pods', p)
    await c.advanceAsync(2_000)
    let got = c.api.get('pods', 'default', 'web') as Loose
    expect(got.status.phase).toBe('Pending')
    expect(got.status.initContainerStatuses.map((s: Loose) => Object.keys(s.state)[0])).toEqual(['running', 'waiting'])
    expect(got.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing')
    expect(got.status.conditions.find((x: Loose) => x.type === 'Initialized')).toMatchObject({
      status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait setup]',
    })
    await c.advanceAsync(15_000)
    got = c.api.get('pods', 'default', 'web') as Loose
    expect(got.status.phase).toBe('Running')
    expect(got.status.initContainerStatuses.map((s: Loose) => [s.state.terminated?.reason, s.ready])).toEqual([['Completed', true], ['Completed', true]])
    expect(got.status.conditions.find((x: Loose) => x.type === 'Initialized').status).toBe('True')
    const created = eventsFor(c, 'web').filter((e) => e.reason === 'Created').map((e) => e.message)
    expect(created).toEqual(['Created container wait', 'Created container setup', 'Created container web'])
  })
})
