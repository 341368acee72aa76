// MetalLB's speaker in layer2 mode (speaker/main.go + layer2_controller.go): a hostNetwork pod on
// every node; for each Service with an assigned IP from a known pool, the chosen node answers ARP
// for it (host.cluster.node.announce) and withdraws when the Service or its IP goes.
import type { ApiClient } from '../../../api/client'
import type { KubeObject, Service, WatchEvent } from '../../../api/types'
import type { Program } from '../types'
import { SIGKILL_EXIT, anyOf, whenAborted } from './server'
import { ipToNum, parseLegacyConfig, poolsFromObjects, type Pool } from './metallbpool'
import { DEFAULT_VERSION, SPEAKER_MEMORY, SPEAKER_NANOS, configName, flavourOf, listenMetrics, logger, recordEvent, runLoop, versionOf, type Flavour, type Logger } from './metallbcommon'

export const metallbSpeakerProgram: Program = async (ctx, host) => {
  const api = host.cluster?.api
  const fl = flavourOf(versionOf(api, host, DEFAULT_VERSION))
  const log = logger(ctx, fl)
  const v = fl.version
  const node = host.cluster?.node
  const nodeName = ctx.env.METALLB_NODE_NAME || node?.name || host.pod.nodeName
  log('start', { branch: 'HEAD', commit: `v${v}`, goversion: 'gc / go1.15.8 / amd64', msg: `MetalLB speaker starting version ${v} (commit v${v}, branch HEAD)`, version: v })
  host.setMemoryBytes(SPEAKER_MEMORY)
  const closeMetrics = listenMetrics(host)
  const stop = anyOf(host.term, ctx.signal)
  const unwatch: (() => void)[] = []
  const sp = api ? new MetalLBSpeaker(api, fl, log, () => ctx.clock.now(), nodeName, (ip) => node?.announce(ip) ?? (() => {})) : undefined
  try {
    if (!api || !sp) { await whenAborted(stop.signal); return ctx.signal.aborted ? SIGKILL_EXIT : 0 }
    let poke = () => {}
    const watch = (resource: string, opts: { namespace?: string }, fn: (ev: WatchEvent) => void) => {
      try { unwatch.push(api.watch(resource, opts, (ev) => { fn(ev); poke() })) } catch { /* kind not served */ }
    }
    watch('services', {}, (ev) => sp.onObject('svc', ev))
    watch('endpoints', {}, (ev) => sp.onObject('ep', ev))
    watch('nodes', {}, (ev) => sp.onObject('node', ev))
    if (fl.legacyConfig) watch('configmaps', { namespace: host.pod.namespace }, (ev) => { if (ev.object.metadata.name === configName(ctx.argv)) sp.setConfig(ev.type === 'DELETED' ? undefined : ev.object) })
    else {
      watch('ipaddresspools', { namespace: host.pod.namespace }, (ev) => sp.onObject('pool', ev))
      // v0.13+ announces only pools an L2Advertisement names (when the lab serves that kind).
      const before = unwatch.length
      watch('l2advertisements', { namespace: host.pod.namespace }, (ev) => sp.onObject('l2', ev))
      if (unwatch.length > before) sp.requireL2Advertisements()
    }
    await runLoop(stop.signal, () => sp.step(), (p) => { poke = p })
  } finally {
    for (const u of unwatch) u()
    sp?.withdrawAll('speakerShutdown')
    closeMetrics()
    stop.dispose()
  }
  return ctx.signal.aborted ? SIGKILL_EXIT : 0
}

/**
 * The layer2 speaker: a Service's IP is announced by one node — among nodes with a ready endpoint
 * of the Service, the first when ordered by a hash of node name and Service (upstream sorts by
 * sha256(node + "#" + service); we use FNV-1a: which node wins may differ from a real cluster).
 */
export class MetalLBSpeaker {
  private objs = { svc: new Map<string, KubeObject>(), ep: new Map<string, KubeObject>(), node: new Map<string, KubeObject>(), pool: new Map<string, KubeObject>(), l2: new Map<string, KubeObject>() }
  private l2Required = false
  private legacyPools: Pool[] | undefined
  /** Announced services → their IP; IPs → the withdraw function (shared IPs announced once). */
  private announced = new Map<string, string>()
  private arp = new Map<string, { withdraw: () => void; users: number }>()
  private seq = 0

  constructor(private api: ApiClient, private fl: Flavour, private log: Logger, private now: () => number, private nodeName: string, private announce: (ip: string) => () => void) {}

  /** v0.13+ with the L2Advertisement kind served: no advertisement, no announcement. */
  requireL2Advertisements(): void {
    this.l2Required = true
  }

  onObject(kind: 'svc' | 'ep' | 'node' | 'pool' | 'l2', ev: WatchEvent): void {
    const key = `${ev.object.metadata.namespace ?? ''}/${ev.object.metadata.name}`
    if (ev.type === 'DELETED') this.objs[kind].delete(key)
    else this.objs[kind].set(key, ev.object)
  }

  setConfig(cm: KubeObject | undefined): void {
    try {
      this.legacyPools = cm ? parseLegacyConfig(String((cm.data as Record<string, string> | undefined)?.config ?? '')) : undefined
    } catch { /* stale: keep the previous pools */ }
  }

  private pools(): Pool[] {
    if (this.fl.legacyConfig) return this.legacyPools ?? []
    const pools = poolsFromObjects([...this.objs.pool.values()] as never).pools
    if (!this.l2Required) return pools
    // An L2Advertisement without ipAddressPools advertises every pool.
    const named = new Set<string>()
    for (const ad of this.objs.l2.values()) {
      const list = (ad.spec as { ipAddressPools?: string[] } | undefined)?.ipAddressPools ?? []
      if (!list.length) return pools
      for (const n of list) named.add(n)
    }
    return pools.filter((p) => named.has(p.name))
  }

  step(): void {
    const pools = this.pools()
    const want = new Map<string, { ip: string; pool: string }>()
    const reasons = new Map<string, string>()
    for (const [key, o] of this.objs.svc) {
      const svc = o as Service & KubeObject
      const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip
      if (svc.spec?.type !== 'LoadBalancer' || !ip) { reasons.set(key, 'noIPAllocated'); continue }
      const n = ipToNum(ip)
      const pool = n === undefined ? undefined : pools.find((p) => p.ranges.some(([a, b]) => n >= a && n <= b))
      if (!pool) { reasons.set(key, 'noPool'); continue }
      if (this.owner(key) !== this.nodeName) { reasons.set(key, 'notOwner'); continue }
      want.set(key, { ip, pool: pool.name })
    }
    for (const [svc, ip] of [...this.announced]) {
      const w = want.get(svc)
      if (w && w.ip === ip) continue
      this.withdraw(svc, ip, reasons.get(svc) ?? 'serviceDeleted')
    }
    for (const [svc, { ip, pool }] of [...want].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.announced.get(svc) === ip) continue
      this.announced.set(svc, ip)
      const cur = this.arp.get(ip)
      if (cur) cur.users++
      else this.arp.set(ip, { withdraw: this.announce(ip), users: 1 })
      this.log('announced', { event: 'serviceAnnounced', ip, msg: 'service has IP, announcing', pool, protocol: 'layer2', service: svc })
      const obj = this.objs.svc.get(svc)
      if (obj) recordEvent(this.api, this.now(), SPEAKER_NANOS + this.seq++, 'metallb-speaker', obj, 'Normal', 'nodeAssigned', `announcing from node "${this.nodeName}"`)
    }
  }

  /** The node that announces `svc`: ready endpoints' nodes, ordered by hash. */
  private owner(svcKey: string): string | undefined {
    const ep = this.objs.ep.get(svcKey)
    const nodes = new Set<string>()
    for (const s of ((ep as { subsets?: { addresses?: { nodeName?: string }[] }[] } | undefined)?.subsets ?? [])) {
      for (const a of s.addresses ?? []) if (a.nodeName) nodes.add(a.nodeName)
    }
    const ready = [...nodes].filter((n) => this.nodeReady(n))
    ready.sort((a, b) => fnv(`${a}#${svcKey}`) - fnv(`${b}#${svcKey}`) || (a < b ? -1 : 1))
    return ready[0]
  }

  private nodeReady(name: string): boolean {
    const n = this.objs.node.get(`/${name}`) as { status?: { conditions?: { type: string; status: string }[] } } | undefined
    if (!n) return true
    return n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'False'
  }

  private withdraw(svc: string, ip: string, reason: string): void {
    this.announced.delete(svc)
    const cur = this.arp.get(ip)
    if (cur && --cur.users === 0) { cur.withdraw(); this.arp.delete(ip) }
    this.log('withdrawn', { event: 'serviceWithdrawn', ip, msg: 'withdrawing service announcement', reason, service: svc })
  }

  withdrawAll(reason: string): void {
    for (const [svc, ip] of [...this.announced]) this.withdraw(svc, ip, reason)
  }
}

/** FNV-1a 32-bit. */
function fnv(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

