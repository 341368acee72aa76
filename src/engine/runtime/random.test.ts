import { describe, it, expect } from 'vitest'
import { SeededRandom, NAME_SUFFIX_ALPHABET } from './random'

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new SeededRandom(7), b = new SeededRandom(7), c = new SeededRandom(8)
    const sa = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa)
  })

  it('draws pod-name suffixes from upstream alphabet', () => {
    const s = new SeededRandom(1).string(5, NAME_SUFFIX_ALPHABET)
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('makes version-4 shaped uids', () => {
    expect(new SeededRandom(3).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps int() within bounds', () => {
    const r = new SeededRandom(42)
    for (let i = 0; i < 1000; i++) { const n = r.int(6); expect(n >= 0 && n < 6).toBe(true) }
  })
})
