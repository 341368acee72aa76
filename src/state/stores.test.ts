import { describe, it, expect } from 'vitest'
import { virtualNow } from './clock'
import { MAX_HISTORY, pushHistory } from './history'
import { clampFraction, MIN_FRACTION, MAX_FRACTION } from './settings'
import { requestTerminalLine, takeTerminalRequests } from './shell'

describe('clock view', () => {
  it('interpolates while running and stands still while paused', () => {
    const clock = { now: 1_000_000, paused: false, speed: 2 }
    expect(virtualNow({ clock, receivedAt: 500 }, 1_500)).toBe(1_002_000) // 1 s real at 2× = 2 s virtual
    expect(virtualNow({ clock: { ...clock, paused: true }, receivedAt: 500 }, 9_999)).toBe(1_000_000)
    expect(virtualNow({ clock: null, receivedAt: 0 }, 1)).toBeNull()
  })
})

describe('history', () => {
  it('skips blanks and immediate repeats, and keeps the newest MAX_HISTORY', () => {
    let h: readonly string[] = []
    for (const l of ['ls', 'ls', '  ', 'pwd', 'ls']) h = pushHistory(h, l)
    expect(h).toEqual(['ls', 'pwd', 'ls'])
    for (let i = 0; i < MAX_HISTORY + 10; i++) h = pushHistory(h, `echo ${i}`)
    expect(h).toHaveLength(MAX_HISTORY)
    expect(h[h.length - 1]).toBe(`echo ${MAX_HISTORY + 9}`)
  })
})

describe('settings', () => {
  it('keeps pane fractions within bounds', () => {
    expect(clampFraction(0)).toBe(MIN_FRACTION)
    expect(clampFraction(2)).toBe(MAX_FRACTION)
    expect(clampFraction(Number.NaN)).toBe(0.5)
  })
})

describe('terminal requests', () => {
  it('hands queued lines over once, in order', () => {
    requestTerminalLine('kubectl apply -f a.yaml')
    requestTerminalLine('kubectl get pods')
    expect(takeTerminalRequests().map((r) => r.line)).toEqual(['kubectl apply -f a.yaml', 'kubectl get pods'])
    expect(takeTerminalRequests()).toEqual([])
  })
})
