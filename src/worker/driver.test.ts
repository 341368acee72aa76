import { describe, it, expect } from 'vitest'
import { Driver, type DriverTimers } from './driver'
import type { ClockState } from '../protocol/messages'

function setup() {
  let wall = 0
  let virtual = 0
  const clocks: ClockState[] = []
  let ticks = 0
  const timers: DriverTimers = { now: () => wall, setInterval: () => 1, clearInterval: () => {} }
  const d = new Driver({
    virtualNow: () => virtual,
    advance: async (ms) => { virtual += ms },
    onTick: () => { ticks++ },
    onClock: (c) => clocks.push(c),
  }, timers)
  d.start()
  const pass = async (ms: number) => { wall += ms; await d.tick() }
  return { d, pass, clocks, virtualNow: () => virtual, ticks: () => ticks }
}

describe('Driver', () => {
  it('maps wall time to virtual time at the speed, carrying fractions', async () => {
    const { d, pass, virtualNow } = setup()
    d.configure({ speed: 0.25 })
    await pass(50) // 12.5 → 12
    await pass(50) // 12.5 + 0.5 carried → 13
    expect(virtualNow()).toBe(25)
    d.configure({ speed: 10 })
    await pass(50)
    expect(virtualNow()).toBe(525)
  })

  it('clamps speeds, pauses on 0, and caps a long gap at 1 s of wall time', async () => {
    const { d, pass, virtualNow } = setup()
    expect(d.configure({ speed: 100 }).speed).toBe(10)
    expect(d.configure({ speed: 0.01 }).speed).toBe(0.25)
    expect(d.configure({ speed: 0 })).toMatchObject({ paused: true, speed: 0.25 })
    await pass(1000)
    expect(virtualNow()).toBe(0)
    d.configure({ paused: false, speed: 1 })
    await pass(60_000)
    expect(virtualNow()).toBe(1000)
  })

  it('posts the clock at most 4 times a second but flushes every tick', async () => {
    const { pass, clocks, ticks } = setup()
    for (let i = 0; i < 20; i++) await pass(50)
    expect(ticks()).toBe(20)
    expect(clocks.length).toBe(4)
  })

  it('steps at once', async () => {
    const { d, virtualNow } = setup()
    await d.step(5000)
    expect(virtualNow()).toBe(5000)
  })
})
