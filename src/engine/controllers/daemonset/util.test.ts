import { describe, it, expect } from 'vitest'
import type { DaemonSet, KubeObject, Node } from '../../../api/types'
import { addDaemonPodTolerations, createPodTemplate, isPodUpdated, nodeShouldRunDaemonPod, replaceNodeNameAffinity, scaledValue, targetNodeName } from './util'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const node = (name: string, extra: Loose = {}): Node & KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } }, spec: { taints: extra.taints } })
const ds = (spec: Loose = {}, annotations: Record<string, string> = { 'deprecated.daemonset.template.generation': '3' }): DaemonSet => ({
  metadata: { name: 'agent', namespace: 'kube-system', annotations },
  spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'a', image: 'x' }], ...spec } } },
})

describe('daemon pod tolerations (AddOrUpdateDaemonPodTolerations)', () => {
  it('appends the six, plus network-unavailable for hostNetwork pods; an equal one is replaced in place', () => {
    const spec: Loose = { containers: [], hostNetwork: true, tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }
    addDaemonPodTolerations(spec)
    expect(spec.tolerations.map((t: Loose) => `${t.key ?? ''}:${t.effect ?? ''}:${t.tolerationSeconds ?? ''}`)).toEqual([
      '::', 'node.kubernetes.io/unreachable:NoExecute:', 'node.kubernetes.io/not-ready:NoExecute:', 'node.kubernetes.io/disk-pressure:NoSchedule:',
      'node.kubernetes.io/memory-pressure:NoSchedule:', 'node.kubernetes.io/pid-pressure:NoSchedule:', 'node.kubernetes.io/unschedulable:NoSchedule:',
      'node.kubernetes.io/network-unavailable:NoSchedule:',
    ])
  })
})

describe('NodeShouldRunDaemonPod', () => {
  it.each([
    ['a plain node', node('n1'), ds(), [true, true]],
    ['nodeSelector not matching', node('n1'), ds({ nodeSelector: { role: 'edge' } }), [false, false]],
    ['nodeSelector matching', node('n1', { labels: { role: 'edge' } }), ds({ nodeSelector: { role: 'edge' } }), [true, true]],
    ['control-plane NoSchedule taint, not tolerated', node('n1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }), ds(), [false, true]],
    ['a NoExecute taint, not tolerated', node('n1', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }), ds(), [false, false]],
    ['tolerate everything', node('n1', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }), ds({ tolerations: [{ operator: 'Exists' }] }), [true, true]],
    ['not-ready NoExecute is tolerated automatically', node('n1', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }), ds(), [true, true]],
    ['spec.nodeName of another node', node('n1'), ds({ nodeName: 'n2' }), [false, false]],
  ] as const)('%s', (_name, n, d, want) => {
    expect(nodeShouldRunDaemonPod(n as Node & KubeObject, d as DaemonSet)).toEqual(want)
  })
})

describe('the pod a node gets', () => {
  it('labels carry the hash and the template generation; affinity pins the node', () => {
    const t = createPodTemplate(ds(), 'abc12')
    expect(t.metadata!.labels).toEqual({ app: 'a', 'pod-template-generation': '3', 'controller-revision-hash': 'abc12' })
    const a = replaceNodeNameAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }] } } }, 'minikube-m02')
    expect(a.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['minikube-m02'] }] }])
    expect(targetNodeName({ spec: { containers: [], affinity: a } })).toBe('minikube-m02')
    expect(targetNodeName({ spec: { containers: [], nodeName: 'minikube', affinity: a } })).toBe('minikube')
  })

  it('IsPodUpdated: the hash or the generation', () => {
    const pod = (labels: Record<string, string>) => ({ metadata: { labels } })
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1' }), 'h1', 2)).toBe(true)
    expect(isPodUpdated(pod({ 'pod-template-generation': '2' }), 'h2', 2)).toBe(true)
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1', 'pod-template-generation': '1' }), 'h2', 2)).toBe(false)
  })

  it.each([[1, 3, true, 1], ['25%', 3, true, 1], ['25%', 3, false, 0], ['50%', 5, true, 3], ['0%', 4, true, 0]] as const)('scaled %s of %i (round up %s) = %i', (v, total, up, want) => {
    expect(scaledValue(v, total, up)).toBe(want)
  })
})
