import { describe, it, expect } from 'vitest'
import { MemoryFileSystem, collectWriter } from '../shell'
import { createCluster } from '../engine/cluster'
import { createSession } from './session'
import { runToCompletion } from './drive'

describe('runToCompletion (instant clock)', () => {
  it('lets a long pipeline finish at the same virtual instant: busy is not waiting', async () => {
    const cluster = createCluster({ seed: 3 })
    const session = createSession({ cluster, fs: new MemoryFileSystem(), clock: 'instant' })
    const out = collectWriter()
    // A pod pulling its image keeps timers pending: a jump would have somewhere to go.
    await runToCompletion(session, 'kubectl run web --image=nginx:1.25', { stdout: out, stderr: out })
    const before = cluster.clock.now()
    expect(cluster.clock.nextAt()).toBeDefined()
    const code = await runToCompletion(session, 'seq 1 20000 | cat | cat | grep -c 7', { stdout: out, stderr: out })
    expect(code).toBe(0)
    expect(out.text()).toMatch(/\n6878\n$/)
    expect(cluster.clock.now()).toBe(before)
    cluster.stop()
  })

  it('still moves the clock for a command that waits on it', async () => {
    const cluster = createCluster({ seed: 3 })
    const session = createSession({ cluster, fs: new MemoryFileSystem(), clock: 'instant' })
    const out = collectWriter()
    const before = cluster.clock.now()
    await runToCompletion(session, 'kubectl run web --image=nginx:1.25 && kubectl wait --for=condition=Ready pod/web --timeout=60s', { stdout: out, stderr: out })
    expect(out.text()).toContain('pod/web condition met')
    expect(cluster.clock.now()).toBeGreaterThan(before)
    cluster.stop()
  })
})
