// The DaemonSet controller on a two-node minikube (minikube + minikube-m02), through the real
// shell: one pod per node, pinned by nodeAffinity matchFields and bound by the scheduler; a
// deleted pod comes back on the same node; a template change rolls one node at a time.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const DS_YAML = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: agent
  template:
    metadata:
      labels:
        k8s-app: agent
    spec:
      containers:
      - name: agent
        image: nginx:1.25
`

function agents(c: TestCluster): Loose[] {
  return c.pods('k8s-app=agent', 'kube-system')
}

describe('DaemonSet on two nodes', () => {
  it('one pod per node, status, events, replacement of a deleted pod', async () => {
    const c = new TestCluster({ topology: { nodes: 2 }, files: [{ path: '/home/learner/ds.yaml', content: DS_YAML }] })
    await c.sh('kubectl apply -f ds.yaml').advance('30s')
    expect(c.lastResult().output).toBe('daemonset.apps/agent created\n')
    const pods = agents(c)
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02'])
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.ownerReferences[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true })
      expect(p.metadata.labels['pod-template-generation']).toBe('1')
      expect(p.metadata.labels['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/)
      expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] },
      ])
      expect(p.spec.tolerations.map((t: Loose) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
      ])
    }
    c.expectPods('k8s-app=agent', { namespace: 'kube-system', ready: 2, phase: 'Running' })
    const ds = c.api.get('daemonsets', 'kube-system', 'agent') as Loose
    expect(ds.status).toEqual({
      currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2,
      updatedNumberScheduled: 2, numberAvailable: 2, observedGeneration: 1,
    })
    expect(ds.metadata.annotations['deprecated.daemonset.template.generation']).toBe('1')
    const events = c.api.list('events', { namespace: 'kube-system' }).items.filter((e: Loose) => e.involvedObject.kind === 'DaemonSet' && e.involvedObject.name === 'agent')
    expect(events.map((e: Loose) => `${e.reason} ${e.message}`).sort()).toEqual(pods.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort())
    expect(events[0].source).toEqual({ component: 'daemonset-controller' })

    // Delete the pod on minikube-m02: a new one appears there once the old one is gone.
    const victim = pods.find((p) => p.spec.nodeName === 'minikube-m02')
    await c.sh(`kubectl delete pod -n kube-system ${victim.metadata.name}`).advance('40s')
    const after = agents(c)
    expect(after).toHaveLength(2)
    expect(after.map((p) => p.metadata.name)).not.toContain(victim.metadata.name)
    expect(after.map((p) => p.spec.nodeName).sort()).toEqual(['minikube', 'minikube-m02'])
    c.expectPods('k8s-app=agent', { namespace: 'kube-system', ready: 2 })
  })

  it('a template change rolls the pods (maxUnavailable 1); nodeSelector limits the nodes', async () => {
    const c = new TestCluster({ topology: { nodes: 2 }, files: [{ path: '/home/learner/ds.yaml', content: DS_YAML }] })
    await c.sh('kubectl apply -f ds.yaml').advance('30s')
    const before = agents(c).map((p) => p.metadata.name)
    await c.sh('kubectl set image ds/agent -n kube-system agent=nginx:1.26').advance('3m')
    const now = agents(c)
    expect(now).toHaveLength(2)
    expect(now.every((p) => p.spec.containers[0].image === 'nginx:1.26')).toBe(true)
    expect(now.every((p) => p.metadata.labels['pod-template-generation'] === '2')).toBe(true)
    expect(now.some((p) => before.includes(p.metadata.name))).toBe(false)
    const ds = c.api.get('daemonsets', 'kube-system', 'agent') as Loose
    expect(ds.status.updatedNumberScheduled).toBe(2)
    expect(ds.status.numberAvailable).toBe(2)

    // Only nodes labelled role=edge: the pod on minikube-m02 stays, minikube's goes (misscheduled until then).
    await c.sh('kubectl label node minikube-m02 role=edge').sh(`kubectl patch ds agent -n kube-system -p '{"spec":{"template":{"spec":{"nodeSelector":{"role":"edge"}}}}}'`).advance('3m')
    const edge = agents(c)
    expect(edge.map((p) => p.spec.nodeName)).toEqual(['minikube-m02'])
    const ds2 = c.api.get('daemonsets', 'kube-system', 'agent') as Loose
    expect(ds2.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 })
  })
})
