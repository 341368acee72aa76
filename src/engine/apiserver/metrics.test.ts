import { describe, it, expect } from 'vitest'
import type { NodeServer } from './nodeproxy'
import { errorOf, newServer, pod } from './testutil'
import { NODE_METRICS_RESOURCE, POD_METRICS_RESOURCE } from './metrics'

type Loose = any // eslint-disable-line @typescript-eslint/no-explicit-any

function node(): NodeServer {
  return {
    async logs() {}, async exec() { return 0 },
    execSession() { throw new Error('unused') }, portForward() { throw new Error('unused') },
    podUsage: () => ({ containers: [{ name: 'app', cpuMillicores: 1.5, memoryBytes: 12 * 1024 * 1024 }] }),
    nodeUsage: () => ({ cpuMillicores: 250, memoryBytes: 1024 * 1024 * 1024 }),
  }
}

/** A running pod whose container started `startedAgoMs` before now. */
function runningPod(api: ReturnType<typeof newServer>['api'], name: string, startedAt: string, labels: Record<string, string> = {}): void {
  api.create('pods', pod(name, { metadata: { labels }, spec: { nodeName: 'minikube' } }))
  const p = api.get('pods', 'default', name) as Loose
  p.status = { ...p.status, phase: 'Running', containerStatuses: [{ name: 'app', state: { running: { startedAt } } }] }
  api.updateStatus('pods', p)
}

describe('metrics.k8s.io', () => {
  it('serves PodMetrics for pods running one resolution, in metrics-server units', () => {
    const { api, clock } = newServer()
    api.nodeConnections.register('minikube', node())
    runningPod(api, 'old', clock.nowISO(), { app: 'web' })
    clock.advance(20_000)
    runningPod(api, 'fresh', clock.nowISO())
    const list = api.list(POD_METRICS_RESOURCE, { namespace: 'default' })
    expect(list.items.map((m) => m.metadata.name)).toEqual(['old'])
    expect((list.items[0] as Loose).containers).toEqual([{ name: 'app', usage: { cpu: '1500000n', memory: '12288Ki' } }])
    expect(list.items[0]).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { labels: { app: 'web' } }, window: '15s' })
    expect(api.list(POD_METRICS_RESOURCE, { labelSelector: 'app=db' }).items).toEqual([])
    expect(errorOf(() => api.get(POD_METRICS_RESOURCE, 'default', 'fresh'))).toMatchObject({ reason: 'NotFound', message: 'podmetrics.metrics.k8s.io "default/fresh" not found' })
  })

  it('serves NodeMetrics for registered nodes', () => {
    const { api } = newServer()
    api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube' } })
    expect(errorOf(() => api.get(NODE_METRICS_RESOURCE, undefined, 'minikube')).message).toBe('nodemetrics.metrics.k8s.io "minikube" not found')
    api.nodeConnections.register('minikube', node())
    expect(api.get(NODE_METRICS_RESOURCE, undefined, 'minikube')).toMatchObject({ kind: 'NodeMetrics', usage: { cpu: '250000000n', memory: '1048576Ki' } })
  })

  it('is read-only, and plain `pods` and `nodes` stay the core kinds', () => {
    const { api } = newServer()
    expect(errorOf(() => api.watch(POD_METRICS_RESOURCE, {}, () => {}))).toMatchObject({ reason: 'MethodNotAllowed', code: 405 })
    expect(errorOf(() => api.create(POD_METRICS_RESOURCE, pod('x')))).toMatchObject({ reason: 'MethodNotAllowed' })
    expect(errorOf(() => api.delete(NODE_METRICS_RESOURCE, undefined, 'minikube'))).toMatchObject({ reason: 'MethodNotAllowed' })
    api.create('pods', pod('web'))
    expect(api.list('pods').kind).toBe('PodList')
    expect(api.discovery().filter((k) => k.group === 'metrics.k8s.io').map((k) => `${k.plural} ${k.kind} ${k.verbs.join(',')}`)).toEqual(['nodes NodeMetrics get,list', 'pods PodMetrics get,list'])
  })
})
