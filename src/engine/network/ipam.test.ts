import { describe, it, expect } from 'vitest'
import { PodIPAllocator, inCidr } from './ipam'

describe('PodIPAllocator', () => {
  it('hands out 10.244.0.2 upwards and is idempotent per owner', () => {
    const a = new PodIPAllocator('10.244.0.0/24')
    expect(a.allocate('p1')).toBe('10.244.0.2')
    expect(a.allocate('p2')).toBe('10.244.0.3')
    expect(a.allocate('p1')).toBe('10.244.0.2')
    expect(inCidr('10.244.0.3', '10.244.0.0/16')).toBe(true)
    expect(inCidr('10.245.0.3', '10.244.0.0/16')).toBe(false)
  })

  it('does not reuse a released IP at once, but wraps around to it', () => {
    const a = new PodIPAllocator('10.244.0.0/29') // offsets 2..6
    for (const p of ['a', 'b', 'c', 'd', 'e']) a.allocate(p)
    expect(a.allocate('f')).toBeUndefined()
    a.release('b')
    expect(a.allocate('f')).toBe('10.244.0.3')
    a.release('a')
    a.release('c')
    expect(a.allocate('g')).toBe('10.244.0.4')
    expect(a.allocated).toBe(4)
  })
})
