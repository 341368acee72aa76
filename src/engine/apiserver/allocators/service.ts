// Allocation for Services, as the Service REST storage does it (pkg/registry/core/service/storage
// alloc.go + storage.go beginCreate/beginUpdate, v1.30, single-stack IPv4 cluster):
//   create: NormalizeClusterIPs → initIPFamilyFields → ClusterIPs → NodePorts
//   update: patchAllocatedValues → NormalizeClusterIPs → the same, releasing what a type change
//           frees (ExternalName frees the ClusterIP; ClusterIP/ExternalName free NodePorts)
// Each step returns a Transaction: the API server commits it once the object is stored and
// reverts it when anything later refuses the write (validation, AlreadyExists, dry run).
import { invalid, internalError, type FieldError } from '../../../api/errors'
import type { SeededRandom } from '../../runtime/random'
import { AllocationError, SERVICE_CIDR, ServiceIPAllocator } from './ipallocator'
import { NodePortAllocator } from './portallocator'
import { goStrings, validateClusterIPsRelatedFields } from './servicefields'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

export interface Transaction {
  commit(): void
  revert(): void
}

const NOOP: Transaction = { commit: () => {}, revert: () => {} }

/** The cluster runs IPv4 only (--service-cluster-ip-range=10.96.0.0/12). */
const DEFAULT_FAMILY = 'IPv4'

const isExternalName = (s: Loose) => s.spec?.type === 'ExternalName'
const needsNodePort = (s: Loose) => s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer'
/** shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
const shouldAllocateNodePorts = (s: Loose) => s.spec?.type === 'NodePort' || (s.spec?.type === 'LoadBalancer' && s.spec?.allocateLoadBalancerNodePorts !== false)
/** apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
const needsHealthCheck = (s: Loose) => s?.spec?.type === 'LoadBalancer' && s?.spec?.externalTrafficPolicy === 'Local'
const sameList = (a: unknown[] | undefined, b: unknown[] | undefined) => (a ?? []).length === (b ?? []).length && (a ?? []).every((v, i) => v === (b ?? [])[i])

/** One operation's NodePort bookkeeping (portallocator.PortAllocationOperation). */
class PortOp {
  readonly allocated: number[] = []
  private readonly deferred: number[] = []
  constructor(private readonly ports: NodePortAllocator, private readonly dryRun: boolean) {}

  allocate(port: number): void {
    if (this.dryRun) {
      if (this.allocated.includes(port)) throw new AllocationError('provided port is already allocated')
      this.ports.check(port)
    } else this.ports.allocate(port)
    this.allocated.push(port)
  }

  /** A dry run invents a port above the range (upstream: 32769, then one more each time). */
  allocateNext(): number {
    if (this.dryRun) {
      const port = (this.allocated.length ? Math.max(...this.allocated) : 32768) + 1
      this.allocated.push(port)
      return port
    }
    const port = this.ports.allocateNext()
    this.allocated.push(port)
    return port
  }

  releaseDeferred(port: number): void {
    this.deferred.push(port)
  }

  txn(): Transaction {
    return {
      commit: () => { if (!this.dryRun) for (const p of this.deferred) this.ports.release(p) },
      revert: () => { if (!this.dryRun) for (const p of this.allocated) this.ports.release(p) },
    }
  }
}

function both(a: Transaction, b: Transaction): Transaction {
  return { commit: () => { a.commit(); b.commit() }, revert: () => { a.revert(); b.revert() } }
}

export class ServiceAllocators {
  readonly ips: ServiceIPAllocator
  readonly ports: NodePortAllocator

  constructor(random: SeededRandom, cidr = SERVICE_CIDR) {
    this.ips = new ServiceIPAllocator(cidr, random)
    this.ports = new NodePortAllocator(random)
  }

  /** beginCreate. Mutates `svc` (clusterIP(s), ipFamilies, ipFamilyPolicy, nodePorts); throws Invalid. */
  allocateCreate(svc: Loose, dryRun: boolean): Transaction {
    normalizeClusterIPs(svc, undefined)
    this.initIPFamilyFields(svc, undefined)
    const ip = this.allocClusterIPs(svc, dryRun)
    try {
      return both(ip, this.allocNodePorts(svc, undefined, dryRun))
    } catch (e) {
      ip.revert()
      throw e
    }
  }

  /** beginUpdate (after the strategy dropped the fields the new type does not use). */
  allocateUpdate(svc: Loose, old: Loose, dryRun: boolean): Transaction {
    patchAllocatedValues(svc, old)
    normalizeClusterIPs(svc, old)
    this.initIPFamilyFields(svc, old)
    const ip = this.updateClusterIPs(svc, old, dryRun)
    try {
      return both(ip, this.allocNodePorts(svc, old, dryRun))
    } catch (e) {
      ip.revert()
      throw e
    }
  }

  /** The Service is gone: free its ClusterIP and NodePorts (storage.go afterDelete). */
  release(svc: Loose): void {
    if (!isExternalName(svc)) for (const ip of svc.spec?.clusterIPs ?? []) if (ip !== 'None') this.ips.release(ip)
    for (const p of nodePortsOf(svc)) this.ports.release(p)
  }

  /** Take what a stored Service holds (the repair loop's job upstream), e.g. after a restore. */
  claim(svc: Loose): void {
    if (!isExternalName(svc)) for (const ip of svc.spec?.clusterIPs ?? []) if (ip !== 'None' && !this.ips.has(ip)) { try { this.ips.allocate(ip) } catch { /* outside the range */ } }
    for (const p of nodePortsOf(svc)) if (!this.ports.has(p)) { try { this.ports.allocate(p) } catch { /* outside the range */ } }
  }

  /** initIPFamilyFields for a single-stack IPv4 cluster. */
  private initIPFamilyFields(svc: Loose, old: Loose | undefined): void {
    if (isExternalName(svc)) return
    const spec = svc.spec
    if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
      if (old?.spec?.ipFamilyPolicy) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy
      // Headless without a selector defaults to RequireDualStack (its endpoints may be of either family).
      else if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) spec.ipFamilyPolicy = 'RequireDualStack'
      else spec.ipFamilyPolicy = 'SingleStack'
    }
    const pre = validateClusterIPsRelatedFields(svc)
    if (pre.length) throw invalid('Service', svc.metadata?.name ?? '', pre)
    const errs: FieldError[] = []
    if (spec.ipFamilyPolicy === 'SingleStack') {
      if (old && sameList(old.spec?.clusterIPs, spec.clusterIPs) && (spec.clusterIPs ?? []).length > 1) spec.clusterIPs = spec.clusterIPs.slice(0, 1)
      if (old && sameList(old.spec?.ipFamilies, spec.ipFamilies) && (spec.ipFamilies ?? []).length > 1) spec.ipFamilies = spec.ipFamilies.slice(0, 1)
      if ((spec.clusterIPs ?? []).length === 2) errs.push(policyInvalid(spec, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"))
      if ((spec.ipFamilies ?? []).length === 2) errs.push(policyInvalid(spec, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"))
    }
    const clusterIPs: string[] = spec.clusterIPs ?? []
    for (let i = 0; i < clusterIPs.length; i++) {
      if (clusterIPs[i] === 'None') break
      const fam = clusterIPs[i].includes(':') ? 'IPv6' : 'IPv4'
      if (i >= (spec.ipFamilies ?? []).length) {
        if (fam !== DEFAULT_FAMILY) errs.push({ type: 'FieldValueInvalid', field: `spec.clusterIPs[${i}]`, message: `spec.clusterIPs[${i}]: Invalid value: ${goStrings(clusterIPs)}: ${fam} is not configured on this cluster` })
        else spec.ipFamilies = [...(spec.ipFamilies ?? []), fam]
      }
    }
    if (errs.length) throw invalid('Service', svc.metadata?.name ?? '', errs)
    if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) {
      if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = [DEFAULT_FAMILY]
      if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4']
      return
    }
    if (spec.ipFamilyPolicy === 'RequireDualStack') errs.push(policyInvalid(spec, 'this cluster is not configured for dual-stack services'))
    ;(spec.ipFamilies ?? []).forEach((f: string, i: number) => {
      if (f !== DEFAULT_FAMILY) errs.push({ type: 'FieldValueInvalid', field: `spec.ipFamilies[${i}]`, message: `spec.ipFamilies[${i}]: Invalid value: ${JSON.stringify(f)}: not configured on this cluster` })
    })
    if (errs.length) throw invalid('Service', svc.metadata?.name ?? '', errs)
    if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = [DEFAULT_FAMILY]
  }

  /** allocClusterIPs: none for ExternalName or headless; the requested IP or the next free one. */
  private allocClusterIPs(svc: Loose, dryRun: boolean): Transaction {
    const spec = svc.spec
    if (isExternalName(svc)) return NOOP
    if ((spec.clusterIPs ?? [])[0] === 'None') return NOOP
    const want: string = (spec.clusterIPs ?? [])[0] ?? ''
    let ip: string
    if (want === '') {
      try {
        ip = this.ips.allocateNext(dryRun)
      } catch (e) {
        throw internalError(`failed to allocate a serviceIP: ${(e as Error).message}`)
      }
    } else {
      try {
        if (dryRun) this.ips.check(want)
        else this.ips.allocate(want)
      } catch (e) {
        if (!(e instanceof AllocationError)) throw e
        throw invalid('Service', svc.metadata?.name ?? '', [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `spec.clusterIPs: Invalid value: ${goStrings(spec.clusterIPs)}: failed to allocate IP ${want}: ${e.message}` }])
      }
      ip = want
    }
    spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)]
    spec.clusterIP = ip
    return { commit: () => {}, revert: () => { if (!dryRun) this.ips.release(ip) } }
  }

  /** updateClusterIPs: ExternalName → other allocates; other → ExternalName releases (at commit). */
  private updateClusterIPs(svc: Loose, old: Loose, dryRun: boolean): Transaction {
    if (isExternalName(old) && !isExternalName(svc)) return this.allocClusterIPs(svc, dryRun)
    if ((old.spec?.clusterIPs ?? [])[0] === 'None') return NOOP
    if (!isExternalName(old) && isExternalName(svc)) {
      const ips: string[] = old.spec?.clusterIPs ?? []
      return { commit: () => { if (!dryRun) for (const ip of ips) this.ips.release(ip) }, revert: () => {} }
    }
    return NOOP
  }

  /** txnAllocNodePorts / txnUpdateNodePorts. */
  private allocNodePorts(svc: Loose, old: Loose | undefined, dryRun: boolean): Transaction {
    const op = new PortOp(this.ports, dryRun)
    const name = svc.metadata?.name ?? ''
    const fail = (i: number, port: number, e: unknown): never => {
      if (!(e instanceof AllocationError)) throw e
      op.txn().revert()
      throw invalid('Service', name, [{ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `spec.ports[${i}].nodePort: Invalid value: ${port}: ${e.message}` }])
    }
    const next = (): number => {
      try {
        return op.allocateNext()
      } catch (e) {
        op.txn().revert()
        throw internalError(`failed to allocate a nodePort: ${(e as Error).message}`)
      }
    }
    const ports: Loose[] = svc.spec?.ports ?? []
    if (!old) {
      if (!needsNodePort(svc)) return op.txn()
      // initNodePorts: ports sharing a port number (TCP 53 + UDP 53) share one NodePort.
      const byPort = new Map<number, number>()
      ports.forEach((p, i) => {
        if (!p.nodePort && !shouldAllocateNodePorts(svc)) return
        const have = byPort.get(p.port)
        if (have === undefined) {
          const requested = ports.find((q) => q.port === p.port && q.nodePort)?.nodePort
          if (requested) {
            try { op.allocate(requested) } catch (e) { fail(i, requested, e) }
            p.nodePort = requested
          } else p.nodePort = next()
          byPort.set(p.port, p.nodePort)
        } else if (p.nodePort !== have) {
          if (!p.nodePort) p.nodePort = have
          else try { op.allocate(p.nodePort) } catch (e) { fail(i, p.nodePort, e) }
        }
      })
      if (needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, op)
      return op.txn()
    }
    if (needsNodePort(old) && !needsNodePort(svc)) for (const p of nodePortsOf(old)) op.releaseDeferred(p)
    if (needsNodePort(svc)) {
      const oldPorts = nodePortsOf(old)
      const taken = new Set<number>()
      ports.forEach((p, i) => {
        if (!p.nodePort && !shouldAllocateNodePorts(svc)) return
        if (p.nodePort) {
          if (!oldPorts.includes(p.nodePort) && !taken.has(p.nodePort)) {
            try { op.allocate(p.nodePort) } catch (e) { fail(i, p.nodePort, e) }
            taken.add(p.nodePort)
          }
        } else p.nodePort = next()
      })
      const now = nodePortsOf(svc)
      for (const p of oldPorts) if (!now.includes(p)) op.releaseDeferred(p)
    }
    // updateHealthCheckNodePort: allocate on the way into LoadBalancer+Local, release on the way out.
    if (!needsHealthCheck(old) && needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, op)
    else if (needsHealthCheck(old) && !needsHealthCheck(svc) && old.spec?.healthCheckNodePort) {
      op.releaseDeferred(old.spec.healthCheckNodePort)
      delete svc.spec.healthCheckNodePort
    }
    return op.txn()
  }

  /** allocHealthCheckNodePort: the requested port or the next free one; failures are InternalErrors. */
  private allocHealthCheckNodePort(svc: Loose, op: PortOp): void {
    const want = svc.spec.healthCheckNodePort
    try {
      if (want) op.allocate(want)
      else svc.spec.healthCheckNodePort = op.allocateNext()
    } catch (e) {
      op.txn().revert()
      if (want) throw internalError(`failed to allocate requested HealthCheck NodePort ${want}: ${(e as Error).message}`)
      throw internalError(`failed to allocate a HealthCheck NodePort 0: ${(e as Error).message}`)
    }
  }
}

function policyInvalid(spec: Loose, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: 'spec.ipFamilyPolicy', message: `spec.ipFamilyPolicy: Invalid value: ${JSON.stringify(spec.ipFamilyPolicy)}: ${detail}` }
}

/** collectServiceNodePorts: every nodePort of the ports (and healthCheckNodePort), deduplicated. */
export function nodePortsOf(svc: Loose): number[] {
  const out = new Set<number>()
  for (const p of svc?.spec?.ports ?? []) if (p.nodePort) out.add(p.nodePort)
  if (svc?.spec?.healthCheckNodePort) out.add(svc.spec.healthCheckNodePort)
  return [...out]
}

/** NormalizeClusterIPs (pkg/api/service/util): keep clusterIP and clusterIPs in step. */
export function normalizeClusterIPs(svc: Loose, old: Loose | undefined): void {
  const spec = svc.spec
  if (!old) {
    if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP]
    return
  }
  const o = old.spec ?? {}
  if ((o.clusterIPs ?? []).length && !(spec.clusterIPs ?? []).length && o.clusterIP === spec.clusterIP) spec.clusterIPs = [...o.clusterIPs]
  if (o.clusterIP !== spec.clusterIP) {
    if (o.clusterIP && !spec.clusterIP && sameList(o.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs
    if (spec.clusterIP && sameList(o.clusterIPs, spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP]
  }
}

/** patchAllocatedValues: a PUT without clusterIP / nodePorts keeps the allocated ones. */
export function patchAllocatedValues(svc: Loose, old: Loose): void {
  const spec = svc.spec
  if (!isExternalName(old) && !isExternalName(svc)) {
    if (!spec.clusterIP && old.spec?.clusterIP) spec.clusterIP = old.spec.clusterIP
    if (!(spec.clusterIPs ?? []).length && (old.spec?.clusterIPs ?? []).length) spec.clusterIPs = [...old.spec.clusterIPs]
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const newUsed = new Set(nodePortsOf(svc))
    const used = new Set(nodePortsOf(old).filter((p) => newUsed.has(p)))
    const byName = new Map<string, number>()
    for (const p of old.spec?.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0)
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue
      const v = byName.get(p.name ?? '') ?? 0
      if (v && !used.has(v)) p.nodePort = v
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.spec.healthCheckNodePort
}
