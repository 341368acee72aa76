// MetalLB's address pools and allocator (go.universe.tf/metallb internal/config + internal/allocator),
// pure. Pools come from the legacy ConfigMap (`config` key, YAML `address-pools:`, MetalLB ≤ v0.12)
// or from IPAddressPool objects (metallb.io/v1beta1, v0.13+). Addresses are CIDRs or ranges:
//   "172.17.255.1-172.17.255.255" → 255 addresses, first 172.17.255.1
//   "172.17.255.0/24"             → 256 addresses (avoid-buggy-ips skips .0 and .255)
// Sharing: services may hold one IP together when they carry the same
// `metallb.universe.tf/allow-shared-ip` key and their ports differ (TCP/53 beside UDP/53).
import { parseIPv4, formatIPv4 } from '../../network/ipam'
import { parse as parseYaml } from 'yaml'

export interface Pool {
  name: string
  protocol: string
  /** Inclusive [first, last] as unsigned 32-bit numbers. */
  ranges: [number, number][]
  autoAssign: boolean
  avoidBuggyIPs: boolean
}

export interface SvcPort { proto: string; port: number }

/** Addresses as MetalLB's config gives them (YAML strings may carry spaces). */
export const ipToNum = (ip: string): number | undefined => parseIPv4(ip.trim())
export const numToIP = formatIPv4

/** parseCIDR as MetalLB's config does: a CIDR or a `start-end` range; Error with upstream's words. */
export function parseAddressRange(cidr: string): [number, number] {
  if (!cidr.includes('-')) {
    const m = /^([^/]+)\/(\d{1,2})$/.exec(cidr.trim())
    const base = m ? ipToNum(m[1]) : undefined
    if (!m || base === undefined || Number(m[2]) > 32) throw new Error(`invalid CIDR "${cidr}"`)
    const bits = Number(m[2])
    const size = 2 ** (32 - bits)
    const first = base - (base % size)
    return [first, first + size - 1]
  }
  const [a, b] = cidr.split('-', 2)
  const start = ipToNum(a)
  if (start === undefined) throw new Error(`invalid IP range "${cidr}": invalid start IP "${a}"`)
  const end = ipToNum(b)
  if (end === undefined) throw new Error(`invalid IP range "${cidr}": invalid end IP "${b}"`)
  if (end < start) throw new Error(`invalid IP range "${cidr}": start IP "${a}" is after the end IP "${b}"`)
  return [start, end]
}

/** config.Parse of the legacy ConfigMap's `config` text. */
export function parseLegacyConfig(text: string): Pool[] {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (e) {
    throw new Error(`could not parse config: ${(e as Error).message.split('\n')[0]}`)
  }
  const pools: Pool[] = []
  const list = (raw as { 'address-pools'?: unknown } | null)?.['address-pools']
  if (list === undefined || list === null) return pools
  if (!Array.isArray(list)) throw new Error('could not parse config: yaml: unmarshal errors: cannot unmarshal into []config.addressPool')
  const seen = new Set<string>()
  for (const p of list as Record<string, unknown>[]) {
    const name = String(p?.name ?? '')
    if (!name) throw new Error('parsing address pool #' + (pools.length + 1) + ': missing pool name')
    if (seen.has(name)) throw new Error(`duplicate definition of pool "${name}"`)
    seen.add(name)
    const protocol = String(p.protocol ?? '')
    if (protocol !== 'layer2' && protocol !== 'bgp') throw new Error(`parsing address pool #${pools.length + 1}: unknown protocol "${protocol}"`)
    const addrs = p.addresses
    if (!Array.isArray(addrs) || addrs.some((a) => typeof a !== 'string')) throw new Error('could not parse config: yaml: unmarshal errors: cannot unmarshal !!seq into string')
    const ranges: [number, number][] = []
    for (const a of addrs as string[]) {
      try { ranges.push(parseAddressRange(a)) } catch (e) { throw new Error(`parsing address pool #${pools.length + 1}: invalid CIDR "${a}" in pool "${name}": ${(e as Error).message}`) }
    }
    pools.push({ name, protocol, ranges, autoAssign: p['auto-assign'] !== false, avoidBuggyIPs: p['avoid-buggy-ips'] === true })
  }
  return pools
}

/** Pools from IPAddressPool objects (v0.13+): every pool is layer2-capable here. */
export function poolsFromObjects(objs: readonly { metadata?: { name?: string }; spec?: { addresses?: string[]; autoAssign?: boolean; avoidBuggyIPs?: boolean } }[]): { pools: Pool[]; errors: string[] } {
  const pools: Pool[] = []
  const errors: string[] = []
  for (const o of [...objs].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    const name = o.metadata?.name ?? ''
    try {
      pools.push({ name, protocol: 'layer2', ranges: (o.spec?.addresses ?? []).map(parseAddressRange), autoAssign: o.spec?.autoAssign !== false, avoidBuggyIPs: !!o.spec?.avoidBuggyIPs })
    } catch (e) {
      errors.push(`invalid CIDR in pool ${name}: ${(e as Error).message}`)
    }
  }
  return { pools, errors }
}

interface Assignment { ip: number; pool: string; ports: SvcPort[]; sharing: string; backend: string }

/** allocator.Allocator: which service holds which IP, with sharing rules. */
export class Allocator {
  private byService = new Map<string, Assignment>()

  constructor(private pools: Pool[]) {}

  setPools(pools: Pool[]): void { this.pools = pools }
  poolOf(svc: string): string | undefined { return this.byService.get(svc)?.pool }
  ipOf(svc: string): string | undefined { const a = this.byService.get(svc); return a ? numToIP(a.ip) : undefined }
  /** Unassign: true when the service held an IP. */
  unassign(svc: string): boolean { return this.byService.delete(svc) }
  hasPools(): boolean { return this.pools.length > 0 }

  /** The pool containing `ip`, if any. */
  poolFor(ip: number): Pool | undefined {
    return this.pools.find((p) => p.ranges.some(([a, b]) => ip >= a && ip <= b))
  }

  /** Assign a specific IP; Error with MetalLB's words when the config or another service forbids it. */
  assign(svc: string, ipText: string, ports: SvcPort[], sharing: string, backend: string): void {
    const ip = ipToNum(ipText)
    const pool = ip === undefined ? undefined : this.poolFor(ip)
    if (ip === undefined || !pool) throw new Error(`"${ipText}" is not allowed in config`)
    this.checkSharing(svc, ip, ports, sharing, backend)
    this.byService.set(svc, { ip, pool: pool.name, ports, sharing, backend })
  }

  /** AllocateFromPool: the first usable address of `poolName`. */
  allocateFromPool(svc: string, poolName: string, ports: SvcPort[], sharing: string, backend: string): string {
    const cur = this.byService.get(svc)
    if (cur && cur.pool === poolName) return numToIP(cur.ip)
    const pool = this.pools.find((p) => p.name === poolName)
    if (!pool) throw new Error(`unknown pool "${poolName}"`)
    for (const [a, b] of pool.ranges) {
      for (let ip = a; ip <= b; ip++) {
        if (pool.avoidBuggyIPs && ((ip & 255) === 0 || (ip & 255) === 255)) continue
        try { this.checkSharing(svc, ip, ports, sharing, backend) } catch { continue }
        this.byService.set(svc, { ip, pool: pool.name, ports, sharing, backend })
        return numToIP(ip)
      }
    }
    throw new Error(`no available IPs in pool "${poolName}"`)
  }

  /** Allocate: try every auto-assign pool (by name). */
  allocate(svc: string, ports: SvcPort[], sharing: string, backend: string): string {
    const cur = this.byService.get(svc)
    if (cur) return numToIP(cur.ip)
    for (const p of [...this.pools].sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (!p.autoAssign) continue
      try { return this.allocateFromPool(svc, p.name, ports, sharing, backend) } catch { /* next pool */ }
    }
    throw new Error('no available IPs')
  }

  private checkSharing(svc: string, ip: number, ports: SvcPort[], sharing: string, backend: string): void {
    const others = [...this.byService].filter(([k, a]) => k !== svc && a.ip === ip)
    if (!others.length) return
    const existing = others[0][1]
    const why = !existing.sharing ? 'existing service does not allow sharing'
      : !sharing ? 'new service does not allow sharing'
        : existing.sharing !== sharing ? `sharing key "${sharing}" does not match existing sharing key "${existing.sharing}"`
          : existing.backend !== backend ? `backend key "${backend}" does not match existing sharing key "${existing.backend}"` : undefined
    if (why) throw new Error(`can't change sharing key for "${svc}", address also in use by ${others.map(([k]) => k).sort().join(',')}`)
    for (const [, a] of others) {
      for (const p of a.ports) {
        if (ports.some((q) => q.proto === p.proto && q.port === p.port)) throw new Error(`port ${p.proto}/${p.port} is already in use on "${numToIP(ip)}"`)
      }
    }
  }
}
