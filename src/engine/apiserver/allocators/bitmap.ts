// The allocation bitmap behind both service allocators (k8s.io/kubernetes
// pkg/registry/core/service/allocator/bitmap.go, randomScanStrategyWithOffset): a dynamic pick
// starts at a random index of the UPPER band [offset, max) and scans forward (wrapping inside the
// band); only when the upper band is full does it try the lower band [0, offset), which is kept
// for addresses people ask for by value (10.96.0.10 for kube-dns, a chosen NodePort).
// Worked numbers: ClusterIPs 10.96.0.0/12 → max 1,048,574, offset 256, so a Service created
// without clusterIP gets 10.96.1.1 or above; NodePorts 30000-32767 → max 2768, offset 86, so an
// allocated NodePort is 30086 or above.
import type { SeededRandom } from '../../runtime/random'

export class AllocationBitmap {
  private readonly used = new Set<number>()

  constructor(readonly max: number, readonly offset: number, private readonly random: SeededRandom) {}

  get count(): number {
    return this.used.size
  }

  has(i: number): boolean {
    return this.used.has(i)
  }

  /** Allocate index `i`; false when it was taken already. */
  allocate(i: number): boolean {
    if (this.used.has(i)) return false
    this.used.add(i)
    return true
  }

  release(i: number): void {
    this.used.delete(i)
  }

  /** randomScanStrategyWithOffset.AllocateBit: the index to take next, or undefined when full (nothing is taken). */
  next(): number | undefined {
    if (this.used.size >= this.max) return undefined
    const upper = this.max - this.offset
    if (upper > 0) {
      const start = this.random.int(upper)
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper)
        if (!this.used.has(at)) return at
      }
    }
    if (this.offset > 0) {
      const start = this.random.int(this.offset)
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset
        if (!this.used.has(at)) return at
      }
    }
    return undefined
  }
}
