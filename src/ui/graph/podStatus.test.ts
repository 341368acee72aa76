import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { podSummary } from './podStatus'

function pod(spec: object, status: object, meta: object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u', ...meta }, spec: { containers: [{ name: 'c' }], ...spec }, status }
}

describe('podSummary (kubectl get pods STATUS)', () => {
  it('shows the phase when containers say nothing', () => {
    expect(podSummary(pod({}, { phase: 'Pending' })).status).toBe('Pending')
  })

  it('shows a waiting reason (ContainerCreating, CrashLoopBackOff)', () => {
    expect(podSummary(pod({}, { phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'x', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] })).status).toBe('ContainerCreating')
    const s = podSummary(pod({}, { phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3, image: 'x', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }))
    expect(s).toEqual({ status: 'CrashLoopBackOff', ready: 0, total: 1, restarts: 3 })
  })

  it('counts ready running containers', () => {
    const s = podSummary(pod({}, { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'x', imageID: '', state: { running: {} } }] }))
    expect(s).toEqual({ status: 'Running', ready: 1, total: 1, restarts: 0 })
  })

  it('shows Completed and ExitCode:N for terminated containers', () => {
    expect(podSummary(pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] })).status).toBe('Completed')
    expect(podSummary(pod({}, { phase: 'Failed', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode: 2 } } }] })).status).toBe('ExitCode:2')
  })

  it('shows Init:i/n while init containers run', () => {
    const s = pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }] }, {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'i2', ready: false, restartCount: 0, image: 'x', imageID: '', state: { running: {} } },
      ],
    })
    expect(podSummary(s).status).toBe('Init:1/2')
  })

  it('shows Terminating for a pod being deleted', () => {
    expect(podSummary(pod({}, { phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:00:00Z' })).status).toBe('Terminating')
  })
})
