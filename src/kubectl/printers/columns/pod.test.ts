// STATUS / READY / RESTARTS cases modelled on TestPrintPod* in pkg/printers/internalversion/printers_test.go.
import { describe, it, expect } from 'vitest'
import { podRowInfo } from './pod'
import type { Pod } from '../../../api/types'

const NOW = Date.UTC(2026, 0, 1, 0, 10)
const ago = (s: number) => new Date(NOW - s * 1000).toISOString()
type CS = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number]
const cs = (name: string, state: CS['state'], extra: Partial<CS> = {}): CS => ({ name, image: 'i', imageID: '', ready: false, restartCount: 0, state, ...extra })
const pod = (containers: string[], status: Pod['status'], extra: { init?: Array<{ name: string; restartPolicy?: string }>; deleting?: boolean } = {}): Pod => ({
  metadata: { name: 'p', ...(extra.deleting ? { deletionTimestamp: ago(-30) } : {}) },
  spec: { containers: containers.map((name) => ({ name })), initContainers: extra.init?.map((c) => ({ ...c })) },
  status,
})

describe('podRowInfo (printPod)', () => {
  it.each<[string, Pod, string, string, string]>([
    ['waiting reason', pod(['a'], { phase: 'Pending', containerStatuses: [cs('a', { waiting: { reason: 'ContainerCreating' } })] }), '0/1', 'ContainerCreating', '0'],
    ['running and ready', pod(['a', 'b'], { phase: 'Running', containerStatuses: [cs('a', { running: {} }, { ready: true }), cs('b', { running: {} }, { ready: true, restartCount: 3 })] }), '2/2', 'Running', '3'],
    ['terminated with reason', pod(['a'], { phase: 'Failed', containerStatuses: [cs('a', { terminated: { exitCode: 137, reason: 'OOMKilled' } })] }), '0/1', 'OOMKilled', '0'],
    ['terminated by signal', pod(['a'], { phase: 'Running', containerStatuses: [cs('a', { terminated: { exitCode: 0, signal: 9 } })] }), '0/1', 'Signal:9', '0'],
    ['terminated with exit code', pod(['a'], { phase: 'Running', containerStatuses: [cs('a', { terminated: { exitCode: 3 } })] }), '0/1', 'ExitCode:3', '0'],
    ['status reason wins over phase', pod(['a'], { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', '0'],
    ['deleting on a lost node', pod(['a'], { phase: 'Running', reason: 'NodeLost' }, { deleting: true }), '0/1', 'Unknown', '0'],
    ['deleting', pod(['a'], { phase: 'Running', containerStatuses: [cs('a', { running: {} }, { ready: true })] }, { deleting: true }), '1/1', 'Terminating', '0'],
    ['deleting a finished pod keeps its status', pod(['a'], { phase: 'Succeeded', containerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } })] }, { deleting: true }), '0/1', 'Completed', '0'],
    ['scheduling gated', pod(['a'], { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated', '0'],
    ['init container running', pod(['a'], { phase: 'Pending', initContainerStatuses: [cs('i1', { running: {} }), cs('i2', { waiting: { reason: 'PodInitializing' } })] }, { init: [{ name: 'i1' }, { name: 'i2' }] }), '0/1', 'Init:0/2', '0'],
    ['second init container', pod(['a'], { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 0 } }), cs('i2', { running: {} })] }, { init: [{ name: 'i1' }, { name: 'i2' }] }), '0/1', 'Init:1/2', '0'],
    ['init container failed', pod(['a'], { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 1, reason: 'Error' } }, { restartCount: 2 })] }, { init: [{ name: 'i1' }] }), '0/1', 'Init:Error', '2'],
    ['init container crash-looping', pod(['a'], { phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4 })] }, { init: [{ name: 'i1' }] }), '0/1', 'Init:CrashLoopBackOff', '4'],
    ['init exit code without reason', pod(['a'], { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 5 } })] }, { init: [{ name: 'i1' }] }), '0/1', 'Init:ExitCode:5', '0'],
    ['init done, main initializing', pod(['a'], { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } })], containerStatuses: [cs('a', { waiting: { reason: 'PodInitializing' } })] }, { init: [{ name: 'i1' }] }), '0/1', 'PodInitializing', '0'],
    ['sidecar started and ready', pod(['a'], { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [cs('s', { running: {} }, { started: true, ready: true, restartCount: 1 })], containerStatuses: [cs('a', { running: {} }, { ready: true })] }, { init: [{ name: 's', restartPolicy: 'Always' }] }), '2/2', 'Running', '1'],
    ['completed with a container still running', pod(['a', 'b'], { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [cs('a', { running: {} }, { ready: true }), cs('b', { terminated: { exitCode: 0, reason: 'Completed' } })] }), '1/2', 'NotReady', '0'],
  ])('%s', (_name, p, ready, status, restarts) => {
    expect(podRowInfo(p, NOW)).toEqual({ ready, status, restarts })
  })
  it('prints the last restart age', () => {
    const p = pod(['a'], { phase: 'Running', containerStatuses: [cs('a', { running: {} }, { ready: true, restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(42) } } })] })
    expect(podRowInfo(p, NOW).restarts).toBe('3 (42s ago)')
  })
})
