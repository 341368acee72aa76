// A 1,000-replica Deployment created until all are available, then rolled to a new image, in
// Node: wall ms and API writes (resourceVersion bumps), beside the wall ms of the same number of
// bare store writes (one Pod's status rewritten, no controllers, no watchers) measured in the same
// run. Target: the rollout within 20× that baseline.
import { performance } from 'node:perf_hooks'
import type { Figure } from './run'
import { ms } from './stats'

const REPLICAS = 1_000
/** 12 nodes × 110 pods: room for 1,000 replicas plus the 25% surge (250) and the system pods. */
const NODES = 12
const STEP_MS = 1_000
const MAX_VIRTUAL_MS = 30 * 60_000

type Status = { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number }

export async function measureRollout(): Promise<Figure[]> {
  const { createCluster } = await import('../src/engine/cluster')
  const { ApiServer } = await import('../src/engine/apiserver')
  const { VirtualClock } = await import('../src/engine/runtime/clock')
  const { SeededRandom } = await import('../src/engine/runtime/random')
  const c = createCluster({ seed: 1, topology: { nodes: NODES } })
  const rv = () => Number(c.api.currentResourceVersion())
  const deployment = (image: string) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: REPLICAS, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } } },
  })
  // Complete = the controller saw the latest spec and every replica is updated and available.
  const complete = () => {
    const d = c.api.get('deployments', 'default', 'web') as unknown as { metadata: { generation?: number }; status?: Status }
    const s = d.status ?? {}
    return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) && s.replicas === REPLICAS &&
      s.updatedReplicas === REPLICAS && s.availableReplicas === REPLICAS
  }
  // Containers are processes: their exits (old pods stopping on SIGTERM) are promise continuations,
  // so the clock is driven with advanceAsync (one event-loop turn per virtual instant).
  const runUntilComplete = async () => {
    let virtual = 0
    while (!complete() && virtual < MAX_VIRTUAL_MS) { await c.advanceAsync(STEP_MS); virtual += STEP_MS }
    return virtual
  }

  const rv0 = rv()
  const t0 = performance.now()
  c.api.create('deployments', deployment('nginx:1.25'))
  const upVirtual = await runUntilComplete()
  const t1 = performance.now()
  const rv1 = rv()
  c.api.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } })
  const rollVirtual = await runUntilComplete()
  const t2 = performance.now()
  const rv2 = rv()
  const done = complete()
  c.stop()

  // The baseline: as many bare writes as the rollout made, on an API server with nothing attached.
  const writes = rv2 - rv1
  const bare = new ApiServer({ clock: new VirtualClock(), random: new SeededRandom(1) })
  bare.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  const pod = bare.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } })
  // Median of three passes: a single pass of a few hundred ms swings with GC and JIT timing.
  const passes = [0, 1, 2].map((pass) => {
    const tb0 = performance.now()
    for (let i = 0; i < writes; i++) {
      bare.updateStatus('pods', { ...pod, metadata: { ...pod.metadata, resourceVersion: undefined }, status: { phase: 'Running', message: `${pass}-${i}` } })
    }
    return performance.now() - tb0
  }).sort((a, b) => a - b)
  const baseline = passes[1]
  const ratio = (t2 - t1) / baseline

  return [{
    name: `${REPLICAS.toLocaleString('en')}-replica Deployment created → available (Node, wall)`,
    value: `${ms(t1 - t0)}; ${(rv1 - rv0).toLocaleString('en')} API writes; ${upVirtual / 1000} s virtual`,
    target: '(reported)',
    data: { wallMs: t1 - t0, writes: rv1 - rv0, virtualMs: upVirtual },
  }, {
    name: `… rolled to a new image (Node, wall) vs ${writes.toLocaleString('en')} bare store writes`,
    value: `${ms(t2 - t1)}; ${writes.toLocaleString('en')} API writes; ${rollVirtual / 1000} s virtual; ` +
      `baseline ${ms(baseline)} → ${ratio.toFixed(1)}×${done ? '' : ' (did not complete)'}`,
    target: 'rollout ≤ 20× baseline',
    data: { wallMs: t2 - t1, writes, virtualMs: rollVirtual, baselineMs: baseline, ratio, completed: done },
  }]
}
