// The NodePort allocator (pkg/registry/core/service/portallocator): ports 30000-32767
// (--service-node-port-range), dynamic picks from 30086 up first (bitmap.ts). Upstream's words:
//   provided port is not in the valid range. The range of valid ports is 30000-32767
//   provided port is already allocated
import type { SeededRandom } from '../../runtime/random'
import { AllocationBitmap } from './bitmap'
import { AllocationError, ERR_RANGE_FULL } from './ipallocator'

export const NODE_PORT_BASE = 30000
/** 30000-32767 is 2768 ports. */
export const NODE_PORT_SIZE = 2768
export const ERR_PORT_ALLOCATED = 'provided port is already allocated'

/** calculateRangeOffset for ports: min(max(16, size/32), 128) — 86 for 2768 ports. */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0
  return Math.min(Math.max(16, Math.floor(size / 32)), 128)
}

export class NodePortAllocator {
  private readonly bits: AllocationBitmap

  constructor(random: SeededRandom, readonly base = NODE_PORT_BASE, readonly size = NODE_PORT_SIZE) {
    this.bits = new AllocationBitmap(size, portRangeOffset(size), random)
  }

  /** PortRange.String(): `30000-32767`. */
  get range(): string {
    return `${this.base}-${this.base + this.size - 1}`
  }

  private index(port: number): number | undefined {
    const i = port - this.base
    return Number.isInteger(i) && i >= 0 && i < this.size ? i : undefined
  }

  has(port: number): boolean {
    const i = this.index(port)
    return i !== undefined && this.bits.has(i)
  }

  check(port: number): void {
    const i = this.index(port)
    if (i === undefined) throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.range}`)
    if (this.bits.has(i)) throw new AllocationError(ERR_PORT_ALLOCATED)
  }

  allocate(port: number): void {
    this.check(port)
    this.bits.allocate(this.index(port)!)
  }

  /** AllocateNext: a free port, taken. Throws AllocationError(range is full). */
  allocateNext(): number {
    const i = this.bits.next()
    if (i === undefined) throw new AllocationError(ERR_RANGE_FULL)
    this.bits.allocate(i)
    return this.base + i
  }

  release(port: number): void {
    const i = this.index(port)
    if (i !== undefined) this.bits.release(i)
  }

  get used(): number {
    return this.bits.count
  }
}
