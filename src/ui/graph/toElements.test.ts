import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { shortLabel, toElements, type GraphNodeData } from './toElements'

const node: KubeObject = {
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', uid: 'n1', resourceVersion: '1' },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}

function pod(name: string, opts: { ns?: string; node?: string; phase?: string; ready?: boolean; waiting?: string; owner?: string; deleting?: boolean; labels?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: opts.ns ?? 'default', uid: `p-${name}`, resourceVersion: '2', labels: opts.labels,
      ownerReferences: opts.owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: opts.owner, controller: true }] : undefined,
      deletionTimestamp: opts.deleting ? '2026-01-01T00:00:10Z' : undefined,
    },
    spec: { nodeName: opts.node, containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: opts.phase ?? 'Pending',
      conditions: [{ type: 'Ready', status: opts.ready ? 'True' : 'False' }],
      containerStatuses: [{
        name: 'c', image: 'nginx', imageID: '', restartCount: 0, ready: !!opts.ready,
        state: opts.waiting ? { waiting: { reason: opts.waiting } } : opts.phase === 'Running' ? { running: {} } : {},
      }],
    },
  }
}

const nodesOf = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData)
const edgesOf = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'edges').map((e) => e.data)

describe('toElements', () => {
  it('draws the node and a pod on it, with a Node → Pod edge and the pod beside its node', () => {
    const els = toElements([pod('web', { node: 'minikube', phase: 'Running', ready: true }), node], { showSystemPods: false })
    expect(nodesOf(els).map((n) => [n.kind, n.name, n.status, n.tone, n.anchor])).toEqual([
      ['Node', 'minikube', 'Ready', 'ready', null],
      ['Pod', 'web', 'Running', 'ready', 'n1'],
    ])
    expect(edgesOf(els)).toEqual([{ id: 'runs-on:n1->p-web', source: 'n1', target: 'p-web', relation: 'runs-on' }])
    expect(nodesOf(els)[1].label).toBe('web\nRunning')
  })

  it('colours pods by phase and readiness', () => {
    const tone = (p: KubeObject) => nodesOf(toElements([p], { showSystemPods: false }))[0].tone
    expect(tone(pod('a'))).toBe('pending')
    expect(tone(pod('a', { waiting: 'ContainerCreating' }))).toBe('pending')
    expect(tone(pod('a', { phase: 'Running', ready: true }))).toBe('ready')
    expect(tone(pod('a', { phase: 'Running', ready: false }))).toBe('notready')
    expect(tone(pod('a', { phase: 'Running', waiting: 'CrashLoopBackOff' }))).toBe('failed')
    expect(tone(pod('a', { phase: 'Failed' }))).toBe('failed')
    expect(tone(pod('a', { phase: 'Succeeded' }))).toBe('succeeded')
    expect(tone(pod('a', { phase: 'Running', ready: true, deleting: true }))).toBe('terminating')
  })

  it('hides kube-system pods unless asked', () => {
    const objs = [node, pod('coredns-1', { ns: 'kube-system', node: 'minikube' }), pod('web', { node: 'minikube' })]
    expect(nodesOf(toElements(objs, { showSystemPods: false })).map((n) => n.name)).toEqual(['minikube', 'web'])
    expect(nodesOf(toElements(objs, { showSystemPods: true })).map((n) => n.name)).toEqual(['minikube', 'web', 'coredns-1'])
  })

  it('draws owner edges (Deployment → ReplicaSet → Pod) and Service → Pod by selector', () => {
    const dep: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'd1' }, spec: { replicas: 2 }, status: { readyReplicas: 1 } }
    const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default', uid: 'rs1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }, spec: { replicas: 2 } }
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 's1' }, spec: { selector: { app: 'web' } } }
    const els = toElements([svc, pod('web-abc-x', { owner: 'rs1', labels: { app: 'web' } }), rs, dep], { showSystemPods: false })
    expect(edgesOf(els).map((e) => e.id).sort()).toEqual(['owns:d1->rs1', 'owns:rs1->p-web-abc-x', 'selects:s1->p-web-abc-x'])
    const byName = Object.fromEntries(nodesOf(els).map((n) => [`${n.kind}/${n.name}`, n]))
    expect(byName['Deployment/web'].status).toBe('1/2')
    expect(byName['ReplicaSet/web-abc'].anchor).toBe('d1')
    expect(byName['Pod/web-abc-x'].anchor).toBe('rs1')
  })

  it('ignores kinds it does not draw (events, configmaps)', () => {
    const ev: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default', uid: 'e1' } }
    expect(toElements([ev], { showSystemPods: true })).toEqual([])
  })

  it('shortens long labels in the middle, keeping the suffix', () => {
    expect(shortLabel('web')).toBe('web')
    expect(shortLabel('kube-controller-manager-minikube')).toBe('kube-contr…-minikube')
    expect(shortLabel('kube-controller-manager-minikube')).toHaveLength(20)
  })

  it('draws one edge for a static pod owned by its node', () => {
    const p = pod('etcd-minikube', { ns: 'kube-system', node: 'minikube' })
    p.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: 'n1', controller: true }]
    expect(edgesOf(toElements([node, p], { showSystemPods: true })).map((e) => e.relation)).toEqual(['runs-on'])
  })
})
