// The ingress-nginx controller's control loop (internal/ingress/controller: store.go informers,
// controller.go syncIngress, status.go): informers on IngressClasses, Ingresses, Services and
// EndpointSlices feed a cache; each change schedules one sync that rebuilds the nginx model
// (reloading — a log line and a RELOAD event — only when servers/locations changed: endpoint
// changes reach the Lua balancer without a reload); the leader writes Ingress status at start and
// every 60 s. Watch handlers only record and wake the loop: every API write happens in sync().
import type { ApiClient } from '../../../api/client'
import type { EndpointSlice, Ingress, IngressClass, KubeObject, Service } from '../../../api/types'
import type { CancelSignal, ShellClock } from '../../../shell'
import { ingressClassOf, isOurIngress } from './class'
import { createRecorder, type Recorder } from './events'
import type { ControllerFlags } from './flags'
import { buildModel, type NginxModel } from './model'

/** status.go UpdateInterval: the leader re-syncs Ingress addresses this often. */
export const STATUS_UPDATE_INTERVAL_MS = 60_000
/** The label that ties an EndpointSlice to its Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

export interface ControllerHost {
  api: ApiClient
  clock: ShellClock
  signal: CancelSignal
  /** One klog line: severity, file:line, message. */
  klog(severity: 'I' | 'W' | 'E', file: string, msg: string): void
  pod: { name: string; namespace: string; uid: string; nodeName: string }
  flags: ControllerFlags
}

const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

export class IngressController {
  private ingresses = new Map<string, Ingress>()
  private classes = new Map<string, IngressClass>()
  private services = new Map<string, Service>()
  private slices = new Map<string, EndpointSlice>()
  private scheduled = new Set<string>()
  private dirty = true
  private pending = false
  private statusDue = true
  private wake: (() => void) | undefined
  private unwatch: (() => void)[] = []
  private model: NginxModel | undefined
  private signature = ''
  private warned = new Set<string>()
  private recorder: Recorder

  constructor(private readonly h: ControllerHost) {
    this.recorder = createRecorder(h.api, () => h.clock.now(), h.pod.name, (m) => h.klog('I', 'event.go:364', m))
  }

  /** The configuration requests are routed by (rebuilt lazily after a change). */
  current(): NginxModel {
    if (!this.model || this.dirty) this.rebuild()
    return this.model!
  }

  async run(): Promise<void> {
    const { api } = this.h
    const watch = (plural: string, into: Map<string, unknown>, onChange?: (type: string, o: KubeObject) => void) =>
      this.unwatch.push(api.watch(plural, {}, (ev) => {
        if (ev.type === 'DELETED') into.delete(key(ev.object))
        else into.set(key(ev.object), ev.object)
        onChange?.(ev.type, ev.object)
        this.kick()
      }))
    watch('ingressclasses', this.classes)
    watch('ingresses', this.ingresses, (type, ing) => { if (type !== 'DELETED') this.scheduled.add(key(ing)) })
    watch('services', this.services)
    watch('endpointslices', this.slices)
    this.h.klog('I', 'leaderelection.go:250', `attempting to acquire leader lease ${this.h.pod.namespace}/${this.h.flags.electionId}...`)
    this.h.klog('I', 'leaderelection.go:260', `successfully acquired lease ${this.h.pod.namespace}/${this.h.flags.electionId}`)
    this.h.klog('I', 'status.go:85', `"New leader elected" identity="${this.h.pod.name}"`)
    const ticker = this.statusTicker()
    while (!this.h.signal.aborted) {
      this.pending = false
      this.sync()
      // A change that arrived during sync (our own status write) needs another pass.
      if (!this.pending) await new Promise<void>((resolve) => { this.wake = resolve; this.h.signal.onAbort(resolve) })
    }
    await ticker
    for (const u of this.unwatch) u()
  }

  private kick(): void {
    this.dirty = true
    this.pending = true
    const w = this.wake
    this.wake = undefined
    w?.()
  }

  private async statusTicker(): Promise<void> {
    while (!this.h.signal.aborted) {
      try { await this.h.clock.sleep(STATUS_UPDATE_INTERVAL_MS, this.h.signal) } catch { return }
      if (this.h.signal.aborted) return
      this.statusDue = true
      this.kick()
    }
  }

  private ours(): Ingress[] {
    const classes = [...this.classes.values()]
    return [...this.ingresses.values()].filter((i) => !i.metadata?.deletionTimestamp && isOurIngress(i, classes, this.h.flags.classes))
  }

  private rebuild(): void {
    // One pass over the slices per rebuild (not one per backend): ns/service → its slices.
    const bySvc = new Map<string, EndpointSlice[]>()
    for (const s of this.slices.values()) {
      const svc = s.metadata?.labels?.[SERVICE_NAME_LABEL]
      if (!svc) continue
      const k = `${s.metadata?.namespace}/${svc}`
      bySvc.set(k, [...(bySvc.get(k) ?? []), s])
    }
    const lookup = {
      service: (ns: string, name: string) => this.services.get(`${ns}/${name}`),
      slices: (ns: string, name: string) => bySvc.get(`${ns}/${name}`) ?? [],
    }
    this.model = buildModel(this.ours(), lookup)
    this.dirty = false
  }

  private sync(): void {
    const classes = [...this.classes.values()]
    for (const k of this.scheduled) {
      const ing = this.ingresses.get(k)
      if (!ing) continue
      const verdict = ingressClassOf(ing, classes, this.h.flags.classes)
      if (!verdict.ok) {
        this.h.klog('I', 'store.go:432', `"Ignoring ingress because of error while validating ingress class" ingress="${k}" error="${verdict.error.replace(/"/g, '\\"')}"`)
        continue
      }
      this.h.klog('I', 'store.go:440', `"Found valid IngressClass" ingress="${k}" ingressclass="${verdict.className}"`)
      this.recorder.event(ing as unknown as KubeObject, 'Normal', 'Sync', 'Scheduled for sync')
    }
    this.scheduled.clear()
    const model = this.current()
    const fresh = model.warnings.filter((w) => !this.warned.has(w.text))
    this.warned = new Set(model.warnings.map((w) => w.text))
    for (const w of fresh) this.h.klog(w.severity, w.file, w.text)
    const sig = signatureOf(model)
    if (sig !== this.signature) {
      const initial = this.signature === ''
      this.signature = sig
      this.h.klog('I', 'controller.go:190', '"Configuration changes detected, backend reload required"')
      this.h.klog('I', 'controller.go:210', '"Backend successfully reloaded"')
      if (initial) this.h.klog('I', 'controller.go:221', '"Initial sync, sleeping for 1 second"')
      try {
        const pod = this.h.api.get('pods', this.h.pod.namespace, this.h.pod.name)
        this.recorder.event(pod, 'Normal', 'RELOAD', 'NGINX reload triggered due to a change in configuration')
      } catch { /* the pod is gone: nothing to record on */ }
    }
    if (this.statusDue) { this.statusDue = false; this.updateStatus() }
  }

  /** status.go runningAddresses: the published Service's address, or the node's (InternalIP when asked or no ExternalIP). */
  addresses(): { ip?: string; hostname?: string }[] {
    const { api, flags } = this.h
    if (flags.publishService) {
      const [ns, name] = flags.publishService.split('/')
      let svc: Service | undefined
      try { svc = api.get('services', ns, name) as unknown as Service } catch { return [] }
      const ext = (svc.spec?.externalIPs ?? []).map((ip) => ({ ip }))
      switch (svc.spec?.type) {
        case 'ExternalName': return [{ hostname: svc.spec.externalName }]
        case 'LoadBalancer': return [...(svc.status?.loadBalancer?.ingress ?? []).map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname })), ...ext]
        case 'NodePort': return ext.length ? ext : [{ ip: svc.spec.clusterIP }]
        default: return [{ ip: svc.spec?.clusterIP }]
      }
    }
    try {
      const node = api.get<KubeObject & { status?: { addresses?: { type: string; address: string }[] } }>('nodes', undefined, this.h.pod.nodeName)
      const addrs = node.status?.addresses ?? []
      const internal = addrs.find((a) => a.type === 'InternalIP')?.address
      const external = addrs.find((a) => a.type === 'ExternalIP')?.address
      const ip = flags.reportNodeInternalIP ? internal : external ?? internal
      return ip ? [{ ip }] : []
    } catch { return [] }
  }

  private updateStatus(): void {
    const want = this.addresses().sort((a, b) => (a.ip ?? a.hostname ?? '').localeCompare(b.ip ?? b.hostname ?? ''))
    for (const ing of this.ours()) {
      const current = ing.status?.loadBalancer?.ingress ?? []
      if (JSON.stringify(current) === JSON.stringify(want)) continue
      this.h.klog('I', 'status.go:304', `"updating Ingress status" namespace="${ing.metadata?.namespace}" ingress="${ing.metadata?.name}" currentValue=${current.length ? JSON.stringify(current) : 'null'} newValue=${JSON.stringify(want)}`)
      try {
        this.h.api.patch('ingresses', ing.metadata?.namespace, ing.metadata?.name ?? '', 'merge', { status: { loadBalancer: { ingress: want } } }, { subresource: 'status', fieldManager: 'nginx-ingress-controller' })
      } catch { /* deleted meanwhile: the next round sees it gone */ }
    }
  }
}

/** What nginx.conf depends on (not endpoints: the Lua balancer gets those without a reload). */
function signatureOf(m: NginxModel): string {
  return JSON.stringify({
    servers: m.servers.map((s) => [s.hostname, s.tls, s.locations.map((l) => [l.path, l.pathType, l.backend, l.annotations])]),
    upstreams: [...m.upstreams.values()].map((u) => [u.name, u.alternatives, u.trafficShaping]).sort(),
  })
}
