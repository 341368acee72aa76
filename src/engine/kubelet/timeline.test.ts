// Golden timelines: what a learner sees, millisecond by millisecond, for the kubelet's stages
// table. A change to stages.ts or the catalog shows up here as a readable diff.
// UPDATE_GOLDEN=1 npx vitest run src/engine/kubelet rewrites the files.
import { describe, it, expect } from 'vitest'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCluster } from '../cluster'
import type { KubeObject } from '../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

async function timeline(seed: number, pod: KubeObject, runMs: number, deleteAtMs?: number): Promise<string> {
  const c = createCluster({ seed })
  const t0 = c.clock.now()
  const lines: string[] = []
  const at = () => String(c.clock.now() - t0).padStart(6)
  c.api.watch('pods', { namespace: 'default' }, (ev) => {
    const p = ev.object as Loose
    const cs = p.status?.containerStatuses?.[0]
    const state = cs ? Object.entries(cs.state ?? {}).map(([k, v]: [string, Loose]) => `${k}${v.reason ? `(${v.reason})` : ''}`).join() : '-'
    lines.push(`${at()} pod    ${ev.type} phase=${p.status?.phase} state=${state} restarts=${cs?.restartCount ?? '-'} ip=${p.status?.podIP ?? '-'}${p.metadata.deletionTimestamp ? ' terminating' : ''}`)
  })
  c.api.watch('events', { namespace: 'default' }, (ev) => {
    const e = ev.object as Loose
    if (ev.type === 'DELETED' || e.involvedObject.kind !== 'Pod') return
    lines.push(`${at()} event  ${e.type} ${e.reason} (x${e.count}): ${e.message.replace(/\([0-9a-f-]{36}\)/, '(<uid>)')}`)
  })
  c.api.create('pods', pod)
  if (deleteAtMs !== undefined) {
    await c.advanceAsync(deleteAtMs)
    lines.push(`${at()} ---    kubectl delete pod`)
    c.api.delete('pods', 'default', pod.metadata.name!)
  }
  await c.advanceAsync(runMs - (deleteAtMs ?? 0))
  return lines.join('\n') + '\n'
}

function golden(name: string, actual: string): void {
  const file = join(__dirname, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const pod = (name: string, container: Loose, spec: Loose = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name, ...container }], ...spec } })

describe('kubelet timelines (golden)', () => {
  it('nginx: pull, create, start, then graceful delete', async () => {
    golden('nginx.txt', await timeline(7, pod('web', { image: 'nginx' }), 20_000, 10_000))
  })

  it('busybox without a command: Completed, then CrashLoopBackOff with growing back-off', async () => {
    golden('busybox-crashloop.txt', await timeline(7, pod('bb', { image: 'busybox' }), 120_000))
  })

  it('an init container, then nginx: Init:0/1, PodInitializing, Running', async () => {
    golden('init-then-nginx.txt', await timeline(7, pod('web', { image: 'nginx:1.25' }, { initContainers: [{ name: 'wait', image: 'busybox', command: ['sleep', '3'] }] }), 15_000))
  })

  it('busybox sleep 10 under restartPolicy Never: Succeeded', async () => {
    golden('busybox-sleep-never.txt', await timeline(7, pod('once', { image: 'busybox', command: ['sleep', '10'] }, { restartPolicy: 'Never' }), 20_000))
  })
})
