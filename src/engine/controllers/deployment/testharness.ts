// Test support: an API server, a clock, events, the Deployment controller and the fake
// ReplicaSets, plus small readers for assertions.
import { ApiServer, bootstrapNamespaces } from '../../apiserver'
import { VirtualClock } from '../../runtime/clock'
import { SeededRandom } from '../../runtime/random'
import { EventBroadcaster } from '../../events/recorder'
import type { KubeObject } from '../../../api/types'
import { startDeploymentController } from './controller'
import { startFakeReplicaSets, type FakeReplicaSets } from './fakereplicasets'
import type { Deployment, ReplicaSet } from './util/types'
import { REVISION_ANNOTATION } from './util/annotations'

export interface Harness {
  api: ApiServer
  clock: VirtualClock
  errors: unknown[]
  fake: FakeReplicaSets
  create(d: Deployment): void
  deployment(name?: string): Deployment
  rss(): ReplicaSet[]
  /** "web-xyz:3/2" per RS (spec/available), ordered by revision. */
  summary(): string[]
  events(): string[]
  patch(spec: Record<string, unknown>, name?: string): void
  setImage(image: string, name?: string): void
  stop(): void
}

export function harness(readyAfterMs: (rs: ReplicaSet) => number = () => 1000): Harness {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(1) })
  bootstrapNamespaces(api)
  const events = new EventBroadcaster(api, clock)
  const errors: unknown[] = []
  const stopD = startDeploymentController(api, clock, events, undefined, (_n, _k, e) => errors.push(e))
  const fake = startFakeReplicaSets(api, clock, readyAfterMs)
  const rev = (rs: ReplicaSet) => Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0)
  const h: Harness = {
    api, clock, errors, fake,
    create: (d) => { api.create('deployments', d as unknown as KubeObject) },
    deployment: (name = 'web') => api.get('deployments', 'default', name) as unknown as Deployment,
    rss: () => (api.list('replicasets', { namespace: 'default' }).items as unknown as ReplicaSet[]).sort((a, b) => rev(a) - rev(b)),
    summary: () => h.rss().map((rs) => `${rev(rs)}:${rs.spec?.replicas}/${rs.status?.availableReplicas ?? 0}`),
    events: () => (api.list('events', { namespace: 'default' }).items as unknown as { message: string; reason: string; involvedObject: { kind: string } }[])
      .filter((e) => e.involvedObject.kind === 'Deployment').map((e) => `${e.reason} ${e.message}`),
    patch: (spec, name = 'web') => { api.patch('deployments', 'default', name, 'merge', { spec }) },
    setImage: (image, name = 'web') => {
      api.patch('deployments', 'default', name, 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } })
    },
    stop: () => { stopD(); fake.stop() },
  }
  return h
}

export function webDeployment(replicas: number, strategy?: Deployment['spec'] extends infer S ? S extends { strategy?: infer T } ? T : never : never, extra: Record<string, unknown> = {}, name = 'web'): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      strategy,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
      ...extra,
    },
  }
}
