import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { VirtualClock, DEFAULT_START_MS, toRFC3339 } from './clock'

describe('VirtualClock', () => {
  it('starts at the fixed start time', () => {
    const c = new VirtualClock()
    expect(c.now()).toBe(DEFAULT_START_MS)
    expect(c.nowISO()).toBe('2026-01-01T00:00:00Z')
  })

  it('runs timers in time order, ties in scheduling order, with now set to each timer', () => {
    const c = new VirtualClock(0)
    const seen: string[] = []
    c.after(20, () => seen.push(`b@${c.now()}`))
    c.after(10, () => seen.push(`a@${c.now()}`))
    c.after(20, () => seen.push(`c@${c.now()}`))
    c.advance(15)
    expect(seen).toEqual(['a@10'])
    expect(c.now()).toBe(15)
    c.advance(100)
    expect(seen).toEqual(['a@10', 'b@20', 'c@20'])
    expect(c.now()).toBe(115)
  })

  it('runs timers scheduled by timers within the same advance', () => {
    const c = new VirtualClock(0)
    const seen: number[] = []
    c.after(5, () => { seen.push(c.now()); c.after(5, () => seen.push(c.now())) })
    c.advance(10)
    expect(seen).toEqual([5, 10])
  })

  it('advance(0) runs only what is due now', () => {
    const c = new VirtualClock(0)
    const seen: string[] = []
    c.after(0, () => seen.push('now'))
    c.after(1, () => seen.push('later'))
    c.advance(0)
    expect(seen).toEqual(['now'])
  })

  it('cancelled timers never run', () => {
    const c = new VirtualClock(0)
    let ran = false
    const cancel = c.after(5, () => { ran = true })
    cancel()
    c.advance(10)
    expect(ran).toBe(false)
    expect(c.pending()).toBe(0)
  })

  it('advanceAsync lets a sleeping loop keep pace: 10 s of `sleep 1` ticks 10 times', async () => {
    const c = new VirtualClock(0)
    const ticks: number[] = []
    let stop = false
    void (async () => {
      while (!stop) { await c.sleep(1000); ticks.push(c.now()) }
    })()
    await c.advanceAsync(10_000)
    stop = true
    expect(ticks).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000])
  })

  it('formats RFC 3339 timestamps with second precision', () => {
    expect(toRFC3339(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z')
  })

  it('never runs a timer early or out of order (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat(10_000), { maxLength: 50 }), fc.array(fc.nat(3_000), { minLength: 1, maxLength: 10 }), (delays, steps) => {
      const c = new VirtualClock(0)
      const fired: { at: number; due: number }[] = []
      for (const d of delays) c.after(d, () => fired.push({ at: c.now(), due: d }))
      for (const s of steps) c.advance(s)
      const total = steps.reduce((a, b) => a + b, 0)
      expect(fired.length).toBe(delays.filter((d) => d <= total).length)
      for (const f of fired) expect(f.at).toBe(f.due)
      for (let i = 1; i < fired.length; i++) expect(fired[i].at).toBeGreaterThanOrEqual(fired[i - 1].at)
    }))
  })
})
