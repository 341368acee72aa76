import { describe, it, expect } from 'vitest'
import { VirtualClock } from './clock'
import { WorkQueue, keyOf, splitKey, RETRY_MS } from './workqueue'

describe('WorkQueue', () => {
  it('coalesces repeated adds of a key into one sync', () => {
    const clock = new VirtualClock(0)
    const synced: string[] = []
    const q = new WorkQueue(clock, (k) => { synced.push(k) }, 'test')
    q.add('default/web'); q.add('default/web'); q.add('default/db')
    expect(synced).toEqual([])
    clock.advance(0)
    expect(synced).toEqual(['default/web', 'default/db'])
  })

  it('requeues after the delay a sync asks for', () => {
    const clock = new VirtualClock(0)
    const at: number[] = []
    let n = 0
    const q = new WorkQueue(clock, () => { at.push(clock.now()); return ++n < 3 ? { requeueAfterMs: 500 } : undefined }, 'test')
    q.add('k')
    clock.advance(5000)
    expect(at).toEqual([0, 500, 1000])
  })

  it('retries a sync that throws and reports the error', () => {
    const clock = new VirtualClock(0)
    const errors: string[] = []
    let calls = 0
    const q = new WorkQueue(clock, () => { if (++calls === 1) throw new Error('boom') }, 'gc', (name, key, err) => errors.push(`${name} ${key} ${(err as Error).message}`))
    q.add('x')
    clock.advance(RETRY_MS)
    expect(errors).toEqual(['gc x boom'])
    expect(calls).toBe(2)
  })

  it('keys namespaced and cluster-scoped objects like client-go', () => {
    expect(keyOf({ metadata: { namespace: 'default', name: 'web' } })).toBe('default/web')
    expect(keyOf({ metadata: { name: 'minikube' } })).toBe('minikube')
    expect(splitKey('default/web')).toEqual({ namespace: 'default', name: 'web' })
    expect(splitKey('minikube')).toEqual({ namespace: undefined, name: 'minikube' })
  })
})
