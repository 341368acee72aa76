import { describe, it, expect } from 'vitest'
import { nodeStatus, findNodeRoles, eventTimes, eventTarget, formatEventSource } from './core'
import type { Node, Event } from '../../../api/types'

const NOW = Date.UTC(2026, 0, 1, 0, 10)
const node = (conditions: Array<{ type: string; status: string }>, extra: Partial<Node> = {}): Node =>
  ({ metadata: { name: 'n' }, status: { conditions }, ...extra })

describe('node STATUS and ROLES (printNode)', () => {
  it.each<[string, Node, string]>([
    ['ready', node([{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }]), 'Ready'],
    ['not ready', node([{ type: 'Ready', status: 'False' }]), 'NotReady'],
    ['ready unknown', node([{ type: 'Ready', status: 'Unknown' }]), 'NotReady'],
    ['no Ready condition', node([]), 'Unknown'],
    ['cordoned', node([{ type: 'Ready', status: 'True' }], { spec: { unschedulable: true } }), 'Ready,SchedulingDisabled'],
  ])('%s', (_n, n, want) => expect(nodeStatus(n)).toBe(want))
  it('collects roles from both label styles, sorted and unique', () => {
    expect(findNodeRoles({ metadata: { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/': '' } } }))
      .toEqual(['control-plane', 'worker'])
  })
})

describe('event columns (printEvent)', () => {
  it('uses eventTime and series for new-style events', () => {
    const ev: Event = { metadata: {}, involvedObject: { kind: 'Node' }, eventTime: new Date(NOW - 90_000).toISOString(), series: { count: 4, lastObservedTime: new Date(NOW - 5_000).toISOString() }, reportingController: 'kubelet', reportingInstance: 'minikube' } as Event
    expect(eventTimes(ev, NOW)).toEqual({ first: '90s', last: '5s', count: 4 })
    expect(eventTarget(ev)).toBe('node')
    expect(formatEventSource({ ...ev, reportingComponent: 'kubelet' } as Event)).toBe('kubelet, minikube')
  })
  it('counts singleton events as 1 and falls back to the first time', () => {
    const ev = { metadata: {}, involvedObject: { kind: 'Pod', name: 'web' }, firstTimestamp: new Date(NOW - 30_000).toISOString() } as Event
    expect(eventTimes(ev, NOW)).toEqual({ first: '30s', last: '30s', count: 1 })
    expect(eventTarget(ev)).toBe('pod/web')
  })
})
