import { describe, it, expect } from 'vitest'
import { createCancel } from '../../../shell'
import { VirtualClock } from '../../runtime/clock'
import { containerClock, MAX_CATCH_UP_MS, YIELD_QUANTUM_MS } from './clock'

describe('containerClock', () => {
  it('sleeps on the virtual clock and never advances it', async () => {
    const clock = new VirtualClock()
    const c = containerClock(clock, { cadence: false })
    let woke = false
    void c.sleep(1000, createCancel().signal).then(() => { woke = true })
    await clock.advanceAsync(999)
    expect(woke).toBe(false)
    await clock.advanceAsync(1)
    expect(woke).toBe(true)
  })

  it('an abort ends the sleep and cancels its timer', async () => {
    const clock = new VirtualClock()
    const cancel = createCancel()
    const sleeping = containerClock(clock, { cadence: false }).sleep(60_000, cancel.signal)
    cancel.abort()
    await sleeping
    expect(clock.pending()).toBe(0)
  })

  it('with cadence, a late process still wakes on its beat and reads its own time', async () => {
    const clock = new VirtualClock()
    const c = containerClock(clock, { cadence: true })
    const start = clock.now()
    await clock.advanceAsync(300) // the process got round to sleeping 300 ms late
    const done = c.sleep(1000, createCancel().signal)
    await clock.advanceAsync(700)
    await done
    expect(c.now() - start).toBe(1000)
    c.markExternal() // it waited on the network: from now on, now is the clock's
    expect(c.now()).toBe(clock.now())
  })

  it('a cadence does not replay more than MAX_CATCH_UP_MS of missed turns', async () => {
    const clock = new VirtualClock()
    const c = containerClock(clock, { cadence: true })
    const start = clock.now()
    clock.advance(60_000) // one giant step before the process sleeps at all
    const done = c.sleep(1000, createCancel().signal)
    await clock.advanceAsync(0)
    await done
    expect(c.now() - start).toBe(60_000 - MAX_CATCH_UP_MS + 1000)
  })

  it('yield takes one CPU quantum of virtual time, so a spinning loop cannot pin the clock', async () => {
    const clock = new VirtualClock()
    let turned = false
    void containerClock(clock, { cadence: false }).yield!().then(() => { turned = true })
    await clock.advanceAsync(YIELD_QUANTUM_MS - 1)
    expect(turned).toBe(false)
    await clock.advanceAsync(1)
    expect(turned).toBe(true)
  })
})
