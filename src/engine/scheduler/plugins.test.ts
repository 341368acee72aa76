import { describe, it, expect } from 'vitest'
import { runFilters, leastAllocatedScore, tolerates, type NodeInfo } from './plugins'
import { podRequests, quantity, ZERO } from './resources'
import { minikubeNode, minikubeNodeStatus } from '../nodes/minikube'
import type { Pod, Node } from '../../api/types'

const node = (patch: Partial<Node['spec']> = {}): Node => ({ ...minikubeNode(), spec: { ...minikubeNode().spec, ...patch }, status: minikubeNodeStatus('minikube', '192.168.49.2', '2026-01-01T00:00:00Z') })
const info = (n: Node, requested = ZERO): NodeInfo => ({ node: n, requested, nonZeroRequested: requested })
const pod = (spec: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } })

describe('quantities and requests', () => {
  it.each([['250m', 0.25], ['2', 2], ['128Mi', 134217728], ['1G', 1e9], ['1e3', 1000], [undefined, 0]])('%s', (q, v) => {
    expect(quantity(q as string | undefined)).toBe(v)
  })
  it('sums containers and takes the max with init containers', () => {
    const p = pod({
      containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { name: 'b', resources: { requests: { cpu: '150m' } } }],
      initContainers: [{ name: 'i', resources: { requests: { cpu: '500m' } } }],
    })
    expect(podRequests(p)).toEqual({ milliCPU: 500, memory: 64 * 1024 * 1024, pods: 1 })
  })
})

describe('filters', () => {
  it('passes a plain pod on minikube', () => {
    expect(runFilters(pod(), info(node()))).toBeUndefined()
  })
  it('NodeUnschedulable (cordon)', () => {
    expect(runFilters(pod(), info(node({ unschedulable: true })))).toMatchObject({ plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'] })
  })
  it('TaintToleration: NoSchedule keeps pods off unless tolerated', () => {
    const n = node({ taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })
    expect(runFilters(pod(), info(n))).toMatchObject({ reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] })
    expect(runFilters(pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), info(n))).toBeUndefined()
    expect(tolerates([{ operator: 'Exists' }], { key: 'any', effect: 'NoSchedule' })).toBe(true)
    expect(tolerates([{ key: 'k', value: 'v', operator: 'Equal' }], { key: 'k', value: 'w', effect: 'NoSchedule' })).toBe(false)
    const soft = node({ taints: [{ key: 'k', effect: 'PreferNoSchedule' }] })
    expect(runFilters(pod(), info(soft))).toBeUndefined()
  })
  it('NodeAffinity: nodeSelector and required affinity', () => {
    expect(runFilters(pod({ nodeSelector: { 'kubernetes.io/hostname': 'minikube' } }), info(node()))).toBeUndefined()
    expect(runFilters(pod({ nodeSelector: { disk: 'ssd' } }), info(node()))).toMatchObject({ plugin: 'NodeAffinity' })
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }] } } }
    expect(runFilters(pod({ affinity }), info(node()))).toMatchObject({ reasons: ["node(s) didn't match Pod's node affinity/selector"] })
  })
  it('NodeResourcesFit: 1750m used + 500m asked > 2 CPUs', () => {
    const p = pod({ containers: [{ name: 'c', resources: { requests: { cpu: '500m', memory: '8Gi' } } }] })
    expect(runFilters(p, info(node(), { milliCPU: 1750, memory: 0, pods: 5 }))).toMatchObject({
      plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'],
    })
    expect(runFilters(pod(), info(node(), { milliCPU: 0, memory: 0, pods: 110 }))).toMatchObject({ reasons: ['Too many pods'] })
  })
})

describe('leastAllocatedScore', () => {
  it('prefers the emptier node', () => {
    const empty = leastAllocatedScore(pod(), info(node()))
    const busy = leastAllocatedScore(pod(), info(node(), { milliCPU: 1500, memory: 2 * 1024 ** 3, pods: 10 }))
    expect(empty).toBeGreaterThan(busy)
    // No requests: scored as 100m / 200Mi. cpu (2000−100)/2000 → 95; memory (3912−200)/3912 → 94; mean 94.
    expect(empty).toBe(94)
  })
})
