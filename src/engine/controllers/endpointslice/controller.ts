// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go, v1.30).
// Handlers only enqueue Service keys; syncService groups the selected pods' endpoints by their
// port list and lets reconciler.ts decide which slices to create, update or delete. Slices are
// named by the API server's generateName (`web-x7k2p`), owned by the Service (the garbage
// collector removes them with it) and labelled kubernetes.io/service-name and
// endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io.
import type { EndpointSlice, KubeObject, Pod, SliceEndpoint } from '../../../api/types'
import { deepEqual } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, splitKey } from '../../runtime/workqueue'
import type { EventRecorder } from '../../events/recorder'
import { PodCache } from '../replicaset/podcache'
import { ServiceCache, type CachedService } from '../endpoints/servicecache'
import { HEADLESS_LABEL, isServiceIPSet, LAST_CHANGE_TRIGGER_TIME, selectorSelects, serviceSelector, shouldPodBeInEndpoints } from '../endpoints/podendpoints'
import { SyncBatcher } from '../endpoints/batch'
import { TriggerTimeTracker, formatRFC3339Nano } from '../endpoints/triggertime'
import { podEndpointsSignature } from '../endpoints/podsignature'
import { endpointPorts, podToEndpoint, portsKey } from './podendpoint'
import { reconcileSlices, type DesiredGroup } from './reconciler'

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller'
/** discovery.LabelServiceName. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name'
/** discovery.LabelManagedBy and the controller's value (controllerName). */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
export const MANAGED_BY = 'endpointslice-controller.k8s.io'

type OnError = (name: string, key: string, err: unknown) => void
type Slice = EndpointSlice & KubeObject

export function startEndpointSliceController(api: ApiServer, clock: VirtualClock, recorder: EventRecorder, onError?: OnError): () => void {
  return new EndpointSliceController(api, clock, recorder, onError).start()
}

export class EndpointSliceController {
  private readonly queue: WorkQueue
  private readonly services = new ServiceCache()
  private readonly triggers = new TriggerTimeTracker()
  /** Managed slices by Service key, then slice name. */
  private readonly slices = new Map<string, Map<string, Slice>>()
  private readonly batch: SyncBatcher
  private pods: PodCache | undefined

  constructor(private readonly api: ApiServer, clock: VirtualClock, private readonly recorder: EventRecorder, onError?: OnError) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'endpointslice', onError)
    this.batch = new SyncBatcher(clock, this.queue)
  }

  start(): () => void {
    this.pods = new PodCache(this.api)
    for (const s of this.api.list<CachedService>('services').items) this.services.apply({ type: 'ADDED', object: s, resource: 'services' } as AnyChangeEvent)
    for (const s of this.api.list<Slice>('endpointslices').items) this.onSlice({ type: 'ADDED', object: s, resource: 'endpointslices' } as AnyChangeEvent)
    const stop = this.api.onAnyChange((ev) => {
      if (ev.resource === 'services') { this.services.apply(ev); this.queue.add(keyOf(ev.object)) }
      else if (ev.resource === 'pods') { this.pods?.apply(ev); this.onPod(ev) }
      else if (ev.resource === 'endpointslices') this.onSlice(ev)
    }, (resource) => resource === 'services' || resource === 'pods' || resource === 'endpointslices')
    for (const s of this.services.all()) this.queue.add(keyOf(s))
    return stop
  }

  private onSlice(ev: AnyChangeEvent): void {
    const slice = ev.object as Slice
    const old = ev.old as Slice | undefined
    for (const s of old && old !== slice ? [old, slice] : [slice]) {
      const svcKey = managedServiceKey(s)
      if (svcKey) this.slices.get(svcKey)?.delete(s.metadata.name!)
    }
    const svcKey = managedServiceKey(slice)
    if (!svcKey) return
    if (ev.type === 'DELETED') {
      // Someone deleted a slice we manage (or the GC did): look again.
      if (this.services.get(slice.metadata.namespace, slice.metadata.labels![LABEL_SERVICE_NAME])) this.queue.add(svcKey)
      return
    }
    let m = this.slices.get(svcKey)
    if (!m) this.slices.set(svcKey, (m = new Map()))
    m.set(slice.metadata.name!, slice)
  }

  private onPod(ev: AnyChangeEvent): void {
    const pod = ev.object as Pod & KubeObject
    const ns = pod.metadata.namespace
    const old = ev.old as (Pod & KubeObject) | undefined
    if (ev.type === 'MODIFIED' && old) {
      const labelsChanged = !deepEqual(old.metadata.labels ?? {}, pod.metadata.labels ?? {})
      if (!labelsChanged && podEndpointsSignature(old) === podEndpointsSignature(pod)) return
      if (labelsChanged) for (const k of this.services.selecting(ns, old.metadata.labels)) this.batch.add(k)
    }
    for (const k of this.services.selecting(ns, pod.metadata.labels)) this.batch.add(k)
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const svc = this.services.get(namespace, name)
    this.batch.synced(key)
    if (!svc) { this.triggers.delete(key); this.batch.forget(key); return } // the GC removes its slices (ownerReferences)
    if (svc.spec?.type === 'ExternalName') return
    const selector = serviceSelector(svc)
    if (!selector) return
    if (svc.metadata.deletionTimestamp) return
    const pods = (this.pods ? this.pods.list(namespace) : this.api.list<Pod & KubeObject>('pods', { namespace }).items)
      .filter((p) => selectorSelects(selector, p.metadata.labels))
    const trigger = this.triggers.compute(key, svc, pods)
    const desired = new Map<string, DesiredGroup>()
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue
      const ep = podToEndpoint(pod, svc)
      if (!ep) continue
      const ports = endpointPorts(pod, svc)
      const gk = portsKey(ports)
      let g = desired.get(gk)
      if (!g) desired.set(gk, (g = { ports, endpoints: new Map() }))
      g.endpoints.set(pod.metadata.uid!, ep)
    }
    const existing = [...(this.slices.get(key)?.values() ?? [])].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    const plan = reconcileSlices(desired, existing)
    const labels = sliceLabels(svc)
    const annotate = (a: Record<string, string> | undefined) => {
      const out = { ...(a ?? {}) }
      if (trigger !== undefined) out[LAST_CHANGE_TRIGGER_TIME] = formatRFC3339Nano(trigger)
      return out
    }
    for (const s of plan.delete) this.tryWrite(key, () => this.api.delete('endpointslices', namespace, s.metadata.name!))
    for (const u of plan.update) {
      this.tryWrite(key, () => this.api.update('endpointslices', { ...u.slice, metadata: { ...u.slice.metadata, labels, annotations: annotate(u.slice.metadata.annotations) }, endpoints: u.endpoints }, { fieldManager: ENDPOINTSLICE_CONTROLLER }))
    }
    for (const s of plan.unchanged) {
      if (deepEqual(s.metadata.labels ?? {}, labels)) continue
      this.tryWrite(key, () => this.api.update('endpointslices', { ...s, metadata: { ...s.metadata, labels } }, { fieldManager: ENDPOINTSLICE_CONTROLLER }))
    }
    for (const c of plan.create) this.tryWrite(key, () => this.api.create('endpointslices', this.newSlice(svc, labels, annotate(undefined), c.ports, c.endpoints), { fieldManager: ENDPOINTSLICE_CONTROLLER }), true)
  }

  /** newEndpointSlice: generateName `<svc>-`, owned by the Service, addressType IPv4. */
  private newSlice(svc: CachedService, labels: Record<string, string>, annotations: Record<string, string>, ports: EndpointSlice['ports'], endpoints: SliceEndpoint[]): Slice {
    const slice: Slice = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels, annotations,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints,
    }
    if (ports?.length) slice.ports = ports
    return slice
  }

  private tryWrite(key: string, fn: () => unknown, create = false): void {
    try {
      fn()
    } catch (e) {
      if (!isStatusError(e)) throw e
      // A terminating namespace refuses new slices for good.
      if (create && e.status.reason === 'Forbidden') return
      if (e.status.reason === 'Conflict' || e.status.reason === 'NotFound' || e.status.reason === 'AlreadyExists') { this.queue.add(key); return }
      const { namespace, name } = splitKey(key)
      const svc = this.services.get(namespace, name)
      if (svc) this.recorder.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${e.message}`)
      throw e
    }
  }
}

/** setEndpointSliceLabels: the Service's labels plus service-name, managed-by and (headless) the headless label. */
export function sliceLabels(svc: CachedService): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === HEADLESS_LABEL) continue
    labels[k] = v
  }
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = ''
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!
  labels[LABEL_MANAGED_BY] = MANAGED_BY
  return labels
}

/** `ns/service` for a slice this controller manages, else undefined. */
function managedServiceKey(slice: Slice): string | undefined {
  const l = slice.metadata.labels ?? {}
  if (l[LABEL_MANAGED_BY] !== MANAGED_BY || !l[LABEL_SERVICE_NAME]) return undefined
  return `${slice.metadata.namespace}/${l[LABEL_SERVICE_NAME]}`
}

function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`
}
