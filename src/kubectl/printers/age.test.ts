import { describe, it, expect } from 'vitest'
import { formatAge, translateTimestampSince } from './age'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H
const NS = 1e-6 // Go tests use 1ns offsets; the nearest we can do is a fraction of a ms

// Rows copied from apimachinery/pkg/util/duration/duration_test.go (TestHumanDuration + Boundaries).
const humanDuration: Array<[number, string]> = [
  [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
  [(8 * 24 + 2) * H, '8d'], [367 * 24 * H, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
]
const boundaries: Array<[number, string]> = [
  [-2 * S, '<invalid>'], [-2 * S + NS, '0s'], [0, '0s'], [S - 1, '0s'], [2 * M - 1, '119s'], [2 * M, '2m'],
  [2 * M + S, '2m1s'], [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1, '179m'],
  [3 * H, '3h'], [3 * H + M, '3h1m'], [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'],
  [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'], [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'],
  [2 * 365 * D - 1, '729d'], [2 * 365 * D, '2y'], [2 * 365 * D + 23 * H, '2y'], [2 * 365 * D + 23 * H + 59 * M, '2y'],
  [2 * 365 * D + D - 1, '2y'], [2 * 365 * D + D, '2y1d'], [3 * 365 * D, '3y'], [4 * 365 * D, '4y'], [5 * 365 * D, '5y'],
  [6 * 365 * D, '6y'], [7 * 365 * D, '7y'], [8 * 365 * D - 1, '7y364d'], [8 * 365 * D, '8y'], [8 * 365 * D + 364 * D, '8y'],
  [9 * 365 * D, '9y'],
]

describe('formatAge (duration.HumanDuration)', () => {
  it.each([...humanDuration, ...boundaries])('%d ms -> %s', (ms, want) => {
    expect(formatAge(ms)).toBe(want)
  })
  it('matches the brief examples', () => {
    expect([45 * S, 3 * M + 14 * S, 5 * H, 3 * H + 40 * M, 71 * D, 2 * 365 * D + 100 * D].map(formatAge))
      .toEqual(['45s', '3m14s', '5h', '3h40m', '71d', '2y100d'])
  })
})

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-01-01T01:00:00Z')
  it('prints <unknown> for a missing time', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>')
    expect(translateTimestampSince('', now)).toBe('<unknown>')
  })
  it('prints the age of a timestamp', () => {
    expect(translateTimestampSince('2026-01-01T00:00:00Z', now)).toBe('60m')
  })
})
