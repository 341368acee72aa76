// (c) 1,000 pods created through the API, then virtual time advanced until the cluster settles:
// wall-clock cost of the engine alone, in Node. A node admits 110 pods (status.capacity.pods, the
// kubelet's default), so the cluster has 10 nodes (1,100 slots, minus the system pods) for all
// 1,000 to run; the figure reports Running and not-Running counts.
import { performance } from 'node:perf_hooks'
import type { Figure } from './run'
import { ms } from './stats'

const PODS = 1_000
/** 10 nodes × 110 pods each: room for all 1,000. */
const NODES = 10
/** Virtual time per step: 1 s, the granularity of ages and most kubelet stages. */
const STEP_MS = 1_000
/** Settled = the Running count has not changed for this long (virtual). */
const QUIET_MS = 60_000
/** Give up after 30 virtual minutes. */
const MAX_VIRTUAL_MS = 30 * 60_000

export async function measureClusterScale(): Promise<Figure> {
  const { createCluster } = await import('../src/engine/cluster')
  const t0 = performance.now()
  const cluster = createCluster({ seed: 1, topology: { nodes: NODES } })
  const tBoot = performance.now()
  for (let i = 0; i < PODS; i++) {
    cluster.api.create('pods', {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `p${i}`, namespace: 'default', labels: { app: 'bench' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    })
  }
  const tCreated = performance.now()
  // A watch keeps the phase per pod, so measuring does not add a 1,000-pod list per step.
  const phase = new Map<string, string>()
  const stopWatch = cluster.api.watch('pods', { namespace: 'default', labelSelector: 'app=bench' }, (ev) => {
    if (ev.type === 'DELETED') phase.delete(ev.object.metadata.name!)
    else phase.set(ev.object.metadata.name!, (ev.object.status as { phase?: string } | undefined)?.phase ?? '')
  })
  const phases = () => {
    let running = 0
    for (const p of phase.values()) if (p === 'Running') running++
    return { running, total: phase.size }
  }
  let virtual = 0
  let quiet = 0
  let last = -1
  let counts = phases()
  while (counts.running < PODS && virtual < MAX_VIRTUAL_MS && quiet < QUIET_MS) {
    cluster.advance(STEP_MS)
    virtual += STEP_MS
    counts = phases()
    quiet = counts.running === last ? quiet + STEP_MS : 0
    last = counts.running
  }
  const tDone = performance.now()
  stopWatch()
  cluster.stop()
  const settledAt = virtual - quiet
  return {
    name: `${PODS.toLocaleString('en')} pods via api.create → settled (Node, wall)`,
    value: `${ms(tDone - t0)} (boot ${ms(tBoot - t0)}, create ${ms(tCreated - tBoot)}, ` +
      `advance ${ms(tDone - tCreated)}); ${counts.running} Running, ${counts.total - counts.running} not, ` +
      `settled at ${Math.round(settledAt / 1000)} s virtual`,
    target: '(no target yet)',
    data: { wallMs: tDone - t0, bootMs: tBoot - t0, createMs: tCreated - tBoot, advanceMs: tDone - tCreated,
      running: counts.running, total: counts.total, settledVirtualMs: settledAt },
  }
}
