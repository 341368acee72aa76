import { describe, it, expect } from 'vitest'
import { newServer } from '../../apiserver/testutil'
import type { KubeObject } from '../../../api/types'
import type { EventRecorder } from '../../events/recorder'
import { DaemonSetController } from './daemonset'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup(strategy: Loose = undefined, nodes = ['minikube', 'minikube-m02']) {
  const { api, clock } = newServer()
  for (const name of nodes) api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } } as KubeObject)
  const events: string[] = []
  const recorder: EventRecorder = { event: (_o, type, reason, message) => { events.push(`${type} ${reason} ${message}`) } }
  api.create('daemonsets', {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } }, ...(strategy ? { updateStrategy: strategy } : {}),
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'nginx:1.25' }] } },
    },
  } as KubeObject)
  const c = new DaemonSetController(api, clock, recorder)
  const stop = c.start()
  clock.advance(0)
  const pods = () => api.list<Loose>('pods', { namespace: 'kube-system' }).items
  return { api, clock, c, events, pods, stop }
}

/** What the kubelet would do: mark a pod Running and Ready. */
function markReady(api: Loose, pod: Loose, at: string): void {
  api.assignNode(pod.metadata.namespace, pod.metadata.name, pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0])
  pod = api.get('pods', pod.metadata.namespace, pod.metadata.name)
  pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }] }
  api.updateStatus('pods', pod)
}

describe('DaemonSetController', () => {
  it('one pod per node, pinned by matchFields; status before any pod is ready', () => {
    const { api, pods, events } = setup()
    expect(pods().map((p) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]).sort()).toEqual(['minikube', 'minikube-m02'])
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: agent-'))).toHaveLength(2)
    expect((api.get('daemonsets', 'kube-system', 'agent') as Loose).status).toEqual({
      currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 2, numberUnavailable: 2, observedGeneration: 1,
    })
  })

  it('a failed pod is deleted with FailedDaemonPod, then replaced', () => {
    const { api, clock, pods, events } = setup(undefined, ['minikube'])
    const p = pods()[0]
    p.spec.nodeName = 'minikube'
    p.status = { phase: 'Failed' }
    api.updateStatus('pods', p)
    clock.advance(0)
    expect(events).toContain(`Warning FailedDaemonPod Found failed daemon pod kube-system/${p.metadata.name} on node minikube, will try to kill it`)
    expect(events).toContain(`Normal SuccessfulDelete Deleted pod: ${p.metadata.name}`)
    const now = pods()
    expect(now).toHaveLength(1)
    expect(now[0].metadata.name).not.toBe(p.metadata.name)
  })

  it('a new node gets a pod; a tainted node gets none', () => {
    const { api, clock, pods } = setup(undefined, ['minikube'])
    api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube-m02' } } as KubeObject)
    api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube-m03' }, spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } } as KubeObject)
    clock.advance(0)
    expect(pods()).toHaveLength(2)
  })

  it('RollingUpdate replaces one available pod at a time; OnDelete replaces none', () => {
    for (const type of ['RollingUpdate', 'OnDelete']) {
      const { api, clock, pods } = setup({ type }, ['minikube', 'minikube-m02'])
      for (const p of pods()) markReady(api, p, clock.nowISO())
      clock.advance(1000)
      const ds = api.get('daemonsets', 'kube-system', 'agent') as Loose
      ds.spec.template.spec.containers[0].image = 'nginx:1.26'
      api.update('daemonsets', ds)
      clock.advance(0)
      const terminating = pods().filter((p) => p.metadata.deletionTimestamp)
      expect(terminating).toHaveLength(type === 'RollingUpdate' ? 1 : 0)
    }
  })
})
