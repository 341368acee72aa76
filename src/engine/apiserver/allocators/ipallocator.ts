// The ClusterIP allocator (pkg/registry/core/service/ipallocator, the bitmap Range of v1.30):
// the service CIDR minus its network address and (IPv4) broadcast address; dynamic picks come
// from above the reserved lower band (bitmap.ts). Errors carry upstream's exact words, e.g.
//   the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12
import type { SeededRandom } from '../../runtime/random'
import { AllocationBitmap } from './bitmap'

/** --service-cluster-ip-range of minikube (and kubeadm's default). */
export const SERVICE_CIDR = '10.96.0.0/12'
export const ERR_IP_ALLOCATED = 'provided IP is already allocated'
export const ERR_RANGE_FULL = 'range is full'

/** Thrown by allocate(): `message` is the allocator's error text. */
export class AllocationError extends Error {}

import { parseIPv4, formatIPv4 } from '../../network/ipam'

export { parseIPv4, formatIPv4 }

/** calculateRangeOffset: min(max(16, size/16), 256) — 256 for a /12 (size 1,048,576). */
export function ipRangeOffset(size: number): number {
  if (size < 16) return 0
  return Math.min(Math.max(16, Math.floor(size / 16)), 256)
}

export class ServiceIPAllocator {
  /** First usable address (network + 1): 10.96.0.1. */
  private readonly base: number
  private readonly bits: AllocationBitmap

  constructor(readonly cidr: string, random: SeededRandom) {
    const [addr, len] = cidr.split('/')
    const size = 2 ** (32 - Number(len))
    this.base = parseIPv4(addr)! + 1
    // Neither the network address nor the broadcast address is ever handed out: 2^20 - 2.
    this.bits = new AllocationBitmap(size - 2, ipRangeOffset(size), random)
  }

  private index(ip: string): number | undefined {
    const n = parseIPv4(ip)
    if (n === undefined) return undefined
    const i = n - this.base
    return i >= 0 && i < this.bits.max ? i : undefined
  }

  /** Whether `ip` is allocated now. */
  has(ip: string): boolean {
    const i = this.index(ip)
    return i !== undefined && this.bits.has(i)
  }

  /** Check that `ip` could be allocated (a dry run): throws the error Allocate would. */
  check(ip: string): void {
    const i = this.index(ip)
    if (i === undefined) throw new AllocationError(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`)
    if (this.bits.has(i)) throw new AllocationError(ERR_IP_ALLOCATED)
  }

  allocate(ip: string): void {
    this.check(ip)
    this.bits.allocate(this.index(ip)!)
  }

  /** AllocateNext (dryRun: pick without taking). Throws AllocationError(range is full). */
  allocateNext(dryRun = false): string {
    const i = this.bits.next()
    if (i === undefined) throw new AllocationError(ERR_RANGE_FULL)
    if (!dryRun) this.bits.allocate(i)
    return formatIPv4(this.base + i)
  }

  /** Release: an address outside the range or not allocated is ignored, as upstream. */
  release(ip: string): void {
    const i = this.index(ip)
    if (i !== undefined) this.bits.release(i)
  }

  get used(): number {
    return this.bits.count
  }
}
