// The Deployment controller in a whole cluster (scheduler, kubelet, real ReplicaSet controller):
// pods, readiness and timings come from the engine, not from a fake.
import { describe, it, expect, afterEach } from 'vitest'
import { createCluster, type Cluster } from '../../cluster'
import { webDeployment } from './testharness'
import type { KubeObject, Pod } from '../../../api/types'
import type { Deployment, ReplicaSet } from './util/types'
import { isPodReady } from '../podutil'

let c: Cluster
const errors: unknown[] = []
afterEach(() => { c?.stop(); expect(errors.splice(0)).toEqual([]) })

/** A whole cluster (cluster.ts starts the Deployment and ReplicaSet controllers); sync errors are collected. */
function cluster(): Cluster {
  return createCluster({ seed: 7, onControllerError: (_n, _k, e) => { errors.push(e) } })
}

const pods = () => (c.api.list('pods', { namespace: 'default' }).items as unknown as Pod[]).filter((p) => p.metadata?.labels?.app === 'web')
const rss = () => (c.api.list('replicasets', { namespace: 'default' }).items as unknown as ReplicaSet[])
  .sort((a, b) => Number(a.metadata!.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata!.annotations!['deployment.kubernetes.io/revision']))
const setImage = (image: string) => c.api.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } })
const deployment = () => c.api.get('deployments', 'default', 'web') as unknown as Deployment

describe('rolling update in a whole cluster', () => {
  it('3 replicas → new image: after 1 s there are 4 pods of which 3 ready; the rollout completes', async () => {
    c = cluster()
    c.api.create('deployments', webDeployment(3) as unknown as KubeObject)
    await c.advanceAsync(30_000)
    expect(pods().filter(isPodReady)).toHaveLength(3)
    setImage('nginx:1.26')
    await c.advanceAsync(1000)
    // 25% of 3: maxSurge rounds up to 1, maxUnavailable down to 0.
    expect(pods()).toHaveLength(4)
    expect(pods().filter(isPodReady)).toHaveLength(3)
    expect(rss().map((rs) => rs.spec!.replicas)).toEqual([3, 1])
    await c.advanceAsync(60_000)
    expect(rss().map((rs) => rs.spec!.replicas)).toEqual([0, 3])
    expect(pods().map((p) => p.spec!.containers[0].image)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26'])
    expect(deployment().status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(deployment().status!.conditions!.map((x) => `${x.type} ${x.status} ${x.reason}`)).toEqual([
      'Available True MinimumReplicasAvailable', 'Progressing True NewReplicaSetAvailable',
    ])
  })
})

describe('a rollout that never becomes ready', () => {
  it('busybox (exits at once, CrashLoopBackOff) never counts as available: old pods keep serving, then ProgressDeadlineExceeded', async () => {
    c = cluster()
    c.api.create('deployments', webDeployment(3, undefined, { progressDeadlineSeconds: 60 }) as unknown as KubeObject)
    await c.advanceAsync(30_000)
    setImage('busybox')
    const seen: number[] = []
    for (let t = 0; t < 70; t++) { await c.advanceAsync(1000); seen.push(pods().filter((p) => p.spec!.containers[0].image === 'nginx:1.25' && isPodReady(p)).length) }
    expect(Math.min(...seen)).toBe(3)
    expect(rss().map((rs) => rs.spec!.replicas)).toEqual([3, 1])
    const name = rss()[1].metadata!.name
    expect(deployment().status!.conditions!.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.`,
    })
  })
})

describe('Recreate in a whole cluster', () => {
  it('no new pod exists while an old pod is still there', async () => {
    c = cluster()
    c.api.create('deployments', webDeployment(2, { type: 'Recreate' }) as unknown as KubeObject)
    await c.advanceAsync(30_000)
    setImage('nginx:1.26')
    let overlap = 0
    for (let t = 0; t < 120; t++) {
      await c.advanceAsync(500)
      const images = new Set(pods().map((p) => p.spec!.containers[0].image))
      if (images.size > 1) overlap++
    }
    expect(overlap).toBe(0)
    expect(pods().filter(isPodReady).map((p) => p.spec!.containers[0].image)).toEqual(['nginx:1.26', 'nginx:1.26'])
  })
})

describe('minReadySeconds in a whole cluster', () => {
  it('minReadySeconds 10: pods are ready at once but available only 10 s later', async () => {
    c = cluster()
    c.api.create('deployments', webDeployment(3, undefined, { minReadySeconds: 10 }) as unknown as KubeObject)
    await c.advanceAsync(8000)
    expect(pods().filter(isPodReady)).toHaveLength(3)
    expect(deployment().status?.availableReplicas ?? 0).toBe(0)
    expect(deployment().status?.conditions?.find((x) => x.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' })
    expect(rss()[0].spec!.minReadySeconds).toBe(10)
    await c.advanceAsync(15_000)
    expect(deployment().status?.availableReplicas).toBe(3)
    expect(deployment().status?.conditions?.find((x) => x.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' })
  })
})
