import { describe, it, expect } from 'vitest'
import { formatClock, speedLabel } from './formatClock'

describe('formatClock', () => {
  it('shows UTC wall time of the virtual clock', () => {
    expect(formatClock(Date.UTC(2026, 0, 1, 0, 3, 7, 900))).toMatchObject({ date: '2026-01-01', time: '00:03:07' })
    expect(speedLabel(0.25)).toBe('0.25×')
  })
})
