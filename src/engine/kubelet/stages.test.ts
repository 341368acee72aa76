import { describe, it, expect } from 'vitest'
import { goDuration, pullDuration, stageDelay, STAGES } from './stages'
import { SeededRandom } from '../runtime/random'
import { containerBehaviour } from './behaviour'

describe('goDuration (time.Duration.String, truncated to ms)', () => {
  it.each([[0, '0s'], [385, '385ms'], [2610, '2.61s'], [2613, '2.613s'], [10_000, '10s'], [62_500, '1m2.5s'], [80_000, '1m20s'], [300_000, '5m0s'], [3_600_000, '1h0m0s']])('%d ms → %s', (ms, s) => {
    expect(goDuration(ms)).toBe(s)
  })
})

describe('stages', () => {
  it('stay within delay + jitter', () => {
    const r = new SeededRandom(1)
    for (const name of Object.keys(STAGES) as (keyof typeof STAGES)[]) {
      for (let i = 0; i < 50; i++) {
        const d = stageDelay(name, r)
        expect(d).toBeGreaterThanOrEqual(STAGES[name].delayMs)
        expect(d).toBeLessThanOrEqual(STAGES[name].delayMs + STAGES[name].jitterMs)
      }
    }
  })
  it('pull nginx in about 2.6 s', () => {
    const r = new SeededRandom(1)
    for (let i = 0; i < 20; i++) {
      const ms = pullDuration(187_694_648, r)
      expect(ms).toBeGreaterThan(2_300)
      expect(ms).toBeLessThan(2_950)
    }
  })
})

describe('containerBehaviour', () => {
  it.each([
    [{ name: 'c', image: 'nginx' }, undefined, 150],
    [{ name: 'c', image: 'busybox' }, 0, 0],
    [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }, 3_600_000, undefined],
    [{ name: 'c', image: 'busybox', args: ['sleep', '5'] }, 5_000, undefined],
    [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 2m'] }, 120_000, undefined],
    [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }, undefined, undefined],
    [{ name: 'c', image: 'alpine', command: ['sh', '-c', 'while true; do date; sleep 1; done'] }, undefined, undefined],
    [{ name: 'c', image: 'ghcr.io/acme/shop:2' }, undefined, 500],
  ])('%j', (c, runMs, stopMs) => {
    expect(containerBehaviour(c)).toEqual({ runMs, stopMs })
  })
})

describe('containerBehaviour for init containers', () => {
  it('finishes a set-up command after 1 s, honours sleep, and lets the catalog decide without a command', () => {
    expect(containerBehaviour({ name: 'i', image: 'busybox', command: ['sh', '-c', 'echo hi > /work/x'] }, true).runMs).toBe(1_000)
    expect(containerBehaviour({ name: 'i', image: 'busybox', command: ['sleep', '4'] }, true).runMs).toBe(4_000)
    expect(containerBehaviour({ name: 'i', image: 'busybox' }, true).runMs).toBe(0)
    expect(containerBehaviour({ name: 'i', image: 'nginx' }, true).runMs).toBeUndefined()
  })
})
