import { describe, it, expect } from 'vitest'
import { MemoryFileSystem, collectWriter, createCancel } from '../shell'
import { createCluster } from '../engine/cluster'
import { createSession, KUBECONFIG_PATH } from './session'
import { DeltaCollector } from './deltas'
import { defaultKubeconfig } from '../kubectl'

describe('createSession', () => {
  it('seeds the kubeconfig, sets the learner environment and the k alias', async () => {
    const fs = new MemoryFileSystem()
    const s = createSession({ cluster: createCluster({ seed: 1 }), fs, clock: 'instant' })
    expect(fs.readFile(KUBECONFIG_PATH)).toBe(defaultKubeconfig('/home/learner'))
    expect(s.shell.cwd).toBe('/home/learner')
    expect(s.shell.env).toMatchObject({ HOME: '/home/learner', USER: 'learner' })
    expect(s.shell.env.KUBECONFIG).toBeUndefined()
    const out = collectWriter()
    const code = await s.shell.run('k get nodes', { stdout: out, stderr: out, signal: createCancel().signal, isTTY: false })
    expect(code).toBe(0)
    expect(out.text()).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\nminikube +Ready +control-plane +0s +v1\.30\.0\n$/)
  })

  it("gives the learner's laptop its network and tools: curl reaches nothing on a closed port", async () => {
    const s = createSession({ cluster: createCluster({ seed: 1 }), fs: new MemoryFileSystem(), clock: 'instant' })
    const out = collectWriter()
    const code = await s.run('curl -s localhost:9', { stdout: out, stderr: out, signal: createCancel().signal, isTTY: false })
    expect(code).toBe(7) // connection refused: the laptop is on the fabric, nothing listens on 9
    expect(s.prompt()).toBeUndefined()
  })

  it('keeps an existing kubeconfig', () => {
    const fs = new MemoryFileSystem([{ path: KUBECONFIG_PATH, content: 'mine\n' }])
    createSession({ cluster: createCluster({ seed: 1 }), fs })
    expect(fs.readFile(KUBECONFIG_PATH)).toBe('mine\n')
  })

  it('instant sleeps move the cluster clock; browser sleeps wait for it', async () => {
    const cluster = createCluster({ seed: 1 })
    const instant = createSession({ cluster, fs: new MemoryFileSystem(), clock: 'instant' })
    const t0 = cluster.clock.now()
    await instant.clock.sleep(5_000, createCancel().signal)
    expect(cluster.clock.now()).toBe(t0 + 5_000)
    const browser = createSession({ cluster, fs: new MemoryFileSystem(), clock: 'browser' })
    let woke = false
    const p = browser.clock.sleep(1_000, createCancel().signal).then(() => { woke = true })
    await Promise.resolve()
    expect(woke).toBe(false)
    cluster.advance(1_000)
    await p
    expect(woke).toBe(true)
  })
})

describe('DeltaCollector', () => {
  it('coalesces changes per uid and drops objects created and deleted within one tick', () => {
    const cluster = createCluster({ seed: 1 })
    const d = new DeltaCollector(cluster.api)
    d.snapshot()
    const pod = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } })
    cluster.api.create('configmaps', pod('keep'))
    cluster.api.create('configmaps', pod('gone'))
    cluster.api.delete('configmaps', 'default', 'gone')
    const first = d.flush()!
    expect(first.added.map((o) => o.metadata.name)).toEqual(['keep'])
    expect(first.removed).toEqual([])
    cluster.api.patch('configmaps', 'default', 'keep', 'merge', { data: { a: '2' } })
    cluster.api.patch('configmaps', 'default', 'keep', 'merge', { data: { a: '3' } })
    const second = d.flush()!
    expect(second.updated).toHaveLength(1)
    const data = (o: unknown) => (o as { data: { a: string } }).data.a
    expect([data(second.updated[0][0]), data(second.updated[0][1])]).toEqual(['1', '3'])
    cluster.api.delete('configmaps', 'default', 'keep')
    expect(d.flush()!.removed.map((o) => o.metadata.name)).toEqual(['keep'])
    expect(d.flush()).toBeUndefined()
  })
})
