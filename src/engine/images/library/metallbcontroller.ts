// MetalLB's controller (controller/main.go + service.go): assigns status.loadBalancer.ingress to
// Services of type LoadBalancer from the pools, honouring spec.loadBalancerIP, the loadBalancerIPs
// and address-pool annotations and allow-shared-ip; releases addresses when Services go.
import type { ApiClient } from '../../../api/client'
import type { KubeObject, Service, WatchEvent } from '../../../api/types'
import { isStatusError } from '../../../api/errors'
import type { Program } from '../types'
import { SIGKILL_EXIT, anyOf, whenAborted } from './server'
import { Allocator, ipToNum, parseLegacyConfig, poolsFromObjects, type Pool, type SvcPort } from './metallbpool'
import { ANN_IPS, ANN_POOL, ANN_SHARED, CONTROLLER_MEMORY, DEFAULT_VERSION, annotation, backendKey, configName, flavourOf, listenMetrics, logger, recordEvent, runLoop, servicePorts, versionOf, type Flavour, type Logger } from './metallbcommon'

export const metallbControllerProgram: Program = async (ctx, host) => {
  const api = host.cluster?.api
  const fl = flavourOf(versionOf(api, host, DEFAULT_VERSION))
  const log = logger(ctx, fl)
  const v = fl.version
  log('start', { branch: 'HEAD', commit: `v${v}`, goversion: 'gc / go1.15.8 / amd64', msg: `MetalLB controller starting version ${v} (commit v${v}, branch HEAD)`, version: v })
  host.setMemoryBytes(CONTROLLER_MEMORY)
  const closeMetrics = listenMetrics(host)
  const stop = anyOf(host.term, ctx.signal)
  const unwatch: (() => void)[] = []
  try {
    if (!api) { await whenAborted(stop.signal); return ctx.signal.aborted ? SIGKILL_EXIT : 0 }
    const ctl = new MetalLBController(api, fl, log, () => ctx.clock.now(), host.pod.namespace, configName(ctx.argv))
    let poke = () => {}
    const watch = (resource: string, opts: { namespace?: string }, fn: (ev: WatchEvent) => void) => {
      try { unwatch.push(api.watch(resource, opts, (ev) => { fn(ev); poke() })) } catch { /* kind not served */ }
    }
    watch('services', {}, (ev) => ctl.onService(ev))
    if (fl.legacyConfig) watch('configmaps', { namespace: host.pod.namespace }, (ev) => ctl.onConfigMap(ev))
    else watch('ipaddresspools', { namespace: host.pod.namespace }, (ev) => ctl.onPool(ev))
    await runLoop(stop.signal, () => ctl.step(), (p) => { poke = p })
  } finally {
    for (const u of unwatch) u()
    closeMetrics()
    stop.dispose()
  }
  return ctx.signal.aborted ? SIGKILL_EXIT : 0
}


/** The controller's state machine (controller/main.go + service.go), driven by runLoop. */
export class MetalLBController {
  private services = new Map<string, Service & KubeObject>()
  private dirty = new Set<string>()
  private pools: Pool[] | undefined
  private poolObjects = new Map<string, KubeObject>()
  private configDirty = true
  /** Events written (their names' sub-millisecond part). */
  private seq = 0
  private synced = false
  readonly alloc = new Allocator([])

  constructor(private api: ApiClient, private fl: Flavour, private log: Logger, private now: () => number, private namespace: string, private cmName: string) {}

  onService(ev: WatchEvent): void {
    const key = `${ev.object.metadata.namespace}/${ev.object.metadata.name}`
    if (ev.type === 'DELETED') this.services.delete(key)
    else this.services.set(key, ev.object as Service & KubeObject)
    this.dirty.add(key)
  }

  onConfigMap(ev: WatchEvent): void {
    if (ev.object.metadata.name !== this.cmName) return
    this.configDirty = true
  }

  onPool(ev: WatchEvent): void {
    if (ev.type === 'DELETED') this.poolObjects.delete(ev.object.metadata.name!)
    else this.poolObjects.set(ev.object.metadata.name!, ev.object)
    this.configDirty = true
  }

  step(): void {
    if (this.configDirty) this.loadConfig()
    if (!this.synced) {
      // Existing assignments first, so a restart keeps every Service's IP.
      for (const [key, svc] of this.services) {
        const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip
        if (ip && svc.spec?.type === 'LoadBalancer') { try { this.alloc.assign(key, ip, servicePorts(svc), annotation(svc, ANN_SHARED), backendKey(svc)) } catch { /* converge clears it */ } }
      }
      this.synced = true
      this.log('synced', { event: 'stateSynced', msg: 'controller synced, can allocate IPs now' })
    }
    // Sorted: deterministic allocation order (the first Service created gets .1).
    const keys = [...this.dirty].sort((a, b) => this.older(a, b))
    this.dirty.clear()
    let reprocess = false
    for (const key of keys) reprocess = this.setBalancer(key) || reprocess
    if (reprocess) {
      // A Service went and freed an address: Services still pending may fit now.
      for (const [key, svc] of this.services) if (svc.spec?.type === 'LoadBalancer' && !svc.status?.loadBalancer?.ingress?.length) this.dirty.add(key)
      if (this.dirty.size) this.step()
    }
  }

  /** Creation order: creationTimestamp (seconds), then resourceVersion (the write order within a second). */
  private older(a: string, b: string): number {
    const ma = this.services.get(a)?.metadata
    const mb = this.services.get(b)?.metadata
    const t = (m: typeof ma) => (m?.creationTimestamp ? Date.parse(m.creationTimestamp) : 0)
    return t(ma) - t(mb) || Number(ma?.resourceVersion ?? 0) - Number(mb?.resourceVersion ?? 0) || (a < b ? -1 : 1)
  }

  private loadConfig(): void {
    this.configDirty = false
    let pools: Pool[] | undefined
    if (this.fl.legacyConfig) {
      let cm: KubeObject | undefined
      try { cm = this.api.get('configmaps', this.namespace, this.cmName) } catch { cm = undefined }
      const configmap = `${this.namespace}/${this.cmName}`
      if (!cm) {
        this.log('config', { error: 'no MetalLB configuration in cluster', msg: 'configuration is missing, MetalLB will not function', op: 'setConfig' }, 'error')
      } else {
        try {
          pools = parseLegacyConfig(String((cm.data as Record<string, string> | undefined)?.config ?? ''))
        } catch (e) {
          this.log('config', { configmap, error: (e as Error).message, event: 'configStale', msg: 'config (re)load failed, config marked stale' }, 'error')
          return
        }
        this.log('config', { configmap, event: 'configLoaded', msg: 'config (re)loaded' })
      }
    } else {
      const { pools: p, errors } = poolsFromObjects([...this.poolObjects.values()] as never)
      for (const error of errors) this.log('config', { error, msg: 'failed to parse the configuration' }, 'error')
      pools = p
    }
    this.pools = pools
    this.alloc.setPools(pools ?? [])
    for (const key of this.services.keys()) this.dirty.add(key)
  }

  /** SetBalancer: returns true when every Service should be looked at again (one went). */
  private setBalancer(key: string): boolean {
    const svc = this.services.get(key)
    const l = (caller: string, f: Record<string, unknown>, level?: 'info' | 'error') => this.log(caller, { ...f, service: key }, level)
    if (!svc) {
      if (this.alloc.unassign(key)) l('deleted', { event: 'serviceDeleted', msg: 'service deleted' })
      return true
    }
    if (svc.spec?.type !== 'LoadBalancer' && !this.alloc.ipOf(key) && !svc.status?.loadBalancer?.ingress?.length) return false
    l('startUpdate', { event: 'startUpdate', msg: 'start of service update' })
    try {
      if (!this.pools || (!this.fl.legacyConfig && this.pools.length === 0)) {
        l('noConfig', { event: 'noConfig', msg: 'not processing, still waiting for config' })
        return false
      }
      const want = this.converge(key, svc, l)
      const have = svc.status?.loadBalancer?.ingress ?? []
      const next = want ? [{ ip: want }] : []
      if (have.length === next.length && have.every((h, i) => h.ip === next[i].ip)) return false
      this.writeStatus(svc, next)
      l('updated', { event: 'serviceUpdated', msg: 'updated service object' })
      return false
    } finally {
      l('endUpdate', { event: 'endUpdate', msg: 'end of service update' })
    }
  }

  /** convergeBalancer: the IP the Service should have, or undefined. */
  private converge(key: string, svc: Service & KubeObject, l: (caller: string, f: Record<string, unknown>, level?: 'info' | 'error') => void): string | undefined {
    if (svc.spec?.type !== 'LoadBalancer') { this.alloc.unassign(key); return undefined }
    if (!svc.spec.clusterIP) { this.alloc.unassign(key); return undefined }
    const ports = servicePorts(svc)
    const sharing = annotation(svc, ANN_SHARED)
    const backend = backendKey(svc)
    const desiredPool = annotation(svc, ANN_POOL)
    const desiredIPs = annotation(svc, ANN_IPS).split(',').map((s) => s.trim()).filter(Boolean)
    const desired = svc.spec.loadBalancerIP ? [svc.spec.loadBalancerIP] : desiredIPs
    let ip: string | undefined = svc.status?.loadBalancer?.ingress?.[0]?.ip
    if (ip) {
      try { this.alloc.assign(key, ip, ports, sharing, backend) } catch { this.alloc.unassign(key); ip = undefined }
      if (ip && desiredPool && this.alloc.poolOf(key) !== desiredPool) { this.alloc.unassign(key); ip = undefined }
      if (ip && desired.length && desired[0] !== ip) { this.alloc.unassign(key); ip = undefined }
    } else {
      this.alloc.unassign(key)
    }
    if (ip) return ip
    try {
      ip = this.allocate(key, ports, sharing, backend, desired, desiredPool)
    } catch (e) {
      const err = (e as Error).message
      l('failed', { error: err, msg: 'IP allocation failed', op: 'allocateIP' }, 'error')
      recordEvent(this.api, this.now(), this.seq++, 'metallb-controller', svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": ${err}`)
      return undefined
    }
    l('allocated', { event: 'ipAllocated', ip: this.fl.legacyConfig ? ip : [ip], msg: 'IP address assigned by controller' })
    recordEvent(this.api, this.now(), this.seq++, 'metallb-controller', svc, 'Normal', 'IPAllocated', this.fl.legacyConfig ? `Assigned IP "${ip}"` : `Assigned IP ["${ip}"]`)
    return ip
  }

  private allocate(key: string, ports: SvcPort[], sharing: string, backend: string, desired: string[], desiredPool: string): string {
    if (desired.length) {
      if (ipToNum(desired[0]) === undefined) throw new Error(`invalid spec.loadBalancerIP "${desired[0]}"`)
      this.alloc.assign(key, desired[0], ports, sharing, backend)
      if (desiredPool && this.alloc.poolOf(key) !== desiredPool) {
        this.alloc.unassign(key)
        throw new Error(`requested loadBalancer IP "${desired[0]}" is not compatible with requested address pool ${desiredPool}`)
      }
      return desired[0]
    }
    if (desiredPool) return this.alloc.allocateFromPool(key, desiredPool, ports, sharing, backend)
    return this.alloc.allocate(key, ports, sharing, backend)
  }

  private writeStatus(svc: Service & KubeObject, ingress: { ip: string }[]): void {
    try {
      const fresh = this.api.get<Service & KubeObject>('services', svc.metadata.namespace, svc.metadata.name!)
      this.api.updateStatus('services', { ...fresh, status: { ...(fresh.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} } }, { fieldManager: 'metallb-controller' })
    } catch (e) {
      if (!isStatusError(e)) throw e
      // Gone or changed under us: the watch brings the Service back to the loop.
    }
  }
}

