// Pod IP allocation from a node's podCIDR (host-local IPAM, as minikube's bridge CNI uses it).
// 10.244.0.0/24: .0 is the network, .1 the bridge gateway, so pods get 10.244.0.2 upwards; an IP is
// reused only after it is released (like host-local, we hand out the lowest free address after the
// last one given, wrapping around, so a just-freed IP is not immediately handed out again).

/** First host offset handed to pods: .1 is the cni0 bridge. */
const FIRST_POD_OFFSET = 2

export class PodIPAllocator {
  private readonly base: number
  private readonly size: number
  private readonly used = new Map<number, string>() // offset → owner (pod uid)
  private readonly byOwner = new Map<string, number>()
  private last = FIRST_POD_OFFSET - 1

  constructor(readonly cidr: string) {
    const [addr, bitsText] = cidr.split('/')
    const bits = Number(bitsText)
    this.base = ipToInt(addr)
    this.size = 2 ** (32 - bits)
  }

  /** The IP of `owner` (allocating one if needed); undefined when the range is exhausted. */
  allocate(owner: string): string | undefined {
    const had = this.byOwner.get(owner)
    if (had !== undefined) return intToIp(this.base + had)
    // Usable offsets: 2 .. size-2 (size-1 is broadcast). 10.244.0.0/24 → .2 to .254, 253 pods.
    const lo = FIRST_POD_OFFSET
    const hi = this.size - 2
    const span = hi - lo + 1
    for (let i = 1; i <= span; i++) {
      const off = lo + ((this.last - lo + i) % span + span) % span
      if (!this.used.has(off)) {
        this.used.set(off, owner)
        this.byOwner.set(owner, off)
        this.last = off
        return intToIp(this.base + off)
      }
    }
    return undefined
  }

  release(owner: string): void {
    const off = this.byOwner.get(owner)
    if (off === undefined) return
    this.byOwner.delete(owner)
    this.used.delete(off)
  }

  get(owner: string): string | undefined {
    const off = this.byOwner.get(owner)
    return off === undefined ? undefined : intToIp(this.base + off)
  }

  get allocated(): number {
    return this.used.size
  }
}

/** Dotted quad → 32-bit unsigned number; undefined when it is not an IPv4 address (net.ParseIP's IPv4 part). */
export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]
}

/** 32-bit unsigned number → dotted quad. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** For addresses already known to be valid (pod and node IPs): no checks. */
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

/** Whether `ip` lies inside `cidr` (e.g. a pod IP inside the cluster's 10.244.0.0/16). */
export function inCidr(ip: string, cidr: string): boolean {
  const [addr, bits] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  const start = ipToInt(addr)
  const x = ipToInt(ip)
  return x >= start && x < start + size
}
