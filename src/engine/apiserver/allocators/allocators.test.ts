import { describe, it, expect } from 'vitest'
import { SeededRandom } from '../../runtime/random'
import { AllocationBitmap } from './bitmap'
import { ServiceIPAllocator, ipRangeOffset, parseIPv4, formatIPv4 } from './ipallocator'
import { NodePortAllocator, portRangeOffset } from './portallocator'

describe('range offsets (calculateRangeOffset)', () => {
  it.each([
    [2 ** 20, 256], // /12: min(max(16, 65536), 256)
    [256, 16], // /24: 256/16 = 16
    [2 ** 10, 64], // /22
    [8, 0], // tiny ranges reserve nothing
  ])('ClusterIP range of %i addresses → offset %i', (size, want) => {
    expect(ipRangeOffset(size)).toBe(want)
  })

  it.each([[2768, 86], [100, 16], [10000, 128], [16, 0]])('NodePort range of %i ports → offset %i', (size, want) => {
    expect(portRangeOffset(size)).toBe(want)
  })
})

describe('AllocationBitmap (randomScanStrategyWithOffset)', () => {
  it('takes the upper band first, then the lower band, then reports full', () => {
    const b = new AllocationBitmap(6, 2, new SeededRandom(1))
    const got: number[] = []
    for (let i = 0; i < 6; i++) { const n = b.next()!; b.allocate(n); got.push(n) }
    expect(got.slice(0, 4).sort()).toEqual([2, 3, 4, 5])
    expect(got.slice(4).sort()).toEqual([0, 1])
    expect(b.next()).toBeUndefined()
  })
})

describe('ServiceIPAllocator', () => {
  it('10.96.0.0/12: network and broadcast addresses are never valid; explicit IPs are taken once', () => {
    const a = new ServiceIPAllocator('10.96.0.0/12', new SeededRandom(1))
    expect(() => a.allocate('10.96.0.0')).toThrow('the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12')
    expect(() => a.allocate('10.111.255.255')).toThrow('not in the valid range')
    a.allocate('10.111.255.254')
    a.allocate('10.96.0.1')
    expect(() => a.allocate('10.96.0.1')).toThrow('provided IP is already allocated')
    a.release('10.96.0.1')
    a.allocate('10.96.0.1')
  })

  it('dynamic IPs are above 10.96.1.0 (the lower 256 are for explicit requests)', () => {
    const a = new ServiceIPAllocator('10.96.0.0/12', new SeededRandom(9))
    for (let i = 0; i < 50; i++) expect(parseIPv4(a.allocateNext())! - parseIPv4('10.96.0.1')!).toBeGreaterThanOrEqual(256)
  })

  it('a full range says so', () => {
    const a = new ServiceIPAllocator('10.0.0.0/30', new SeededRandom(1))
    a.allocateNext()
    a.allocateNext()
    expect(() => a.allocateNext()).toThrow('range is full')
  })

  it('formats and parses', () => {
    expect(formatIPv4(parseIPv4('10.96.0.10')!)).toBe('10.96.0.10')
    expect(parseIPv4('256.1.1.1')).toBeUndefined()
  })
})

describe('NodePortAllocator', () => {
  it('30000-32767 with upstream words', () => {
    const p = new NodePortAllocator(new SeededRandom(1))
    expect(() => p.allocate(80)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767')
    expect(() => p.allocate(32768)).toThrow('not in the valid range')
    p.allocate(30000)
    expect(() => p.allocate(30000)).toThrow('provided port is already allocated')
    const n = p.allocateNext()
    expect(n).toBeGreaterThanOrEqual(30086)
    expect(n).toBeLessThanOrEqual(32767)
  })
})
