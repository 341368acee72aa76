// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go, v1.30). Handlers only
// enqueue Service keys; syncService reads the Service and its selected pods from the watch-fed
// caches, builds one subset per (pod, port) — ready pods in addresses, others in
// notReadyAddresses, publishNotReadyAddresses counting every pod as ready — repacks them
// (repack.ts), and writes the Endpoints only when subsets or labels changed.
//   svc web (selector app=web, port 80 → targetPort 8080), pods 10.244.0.5 ready, 10.244.0.6 not
//   → subsets: [{addresses: [10.244.0.5], notReadyAddresses: [10.244.0.6], ports: [{port: 8080, protocol: TCP}]}]
// Services without a selector (and ExternalName ones) are left alone: their Endpoints are the user's.
import type { EndpointAddress, EndpointSubset, Endpoints, KubeObject, Pod } from '../../../api/types'
import { deepEqual } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { ApiServer, AnyChangeEvent } from '../../apiserver'
import { tryGet } from '../../apiserver'
import type { VirtualClock } from '../../runtime/clock'
import { WorkQueue, splitKey } from '../../runtime/workqueue'
import type { EventRecorder } from '../../events/recorder'
import { isPodReady } from '../podutil'
import { PodCache } from '../replicaset/podcache'
import { ServiceCache, type CachedService } from './servicecache'
import { endpointPort, findPort, HEADLESS_LABEL, isServiceIPSet, LAST_CHANGE_TRIGGER_TIME, podToEndpointAddress, selectorSelects, serviceSelector, shouldPodBeInEndpoints, shouldSetHostname } from './podendpoints'
import { repackSubsets } from './repack'
import { SyncBatcher } from './batch'
import { TriggerTimeTracker, formatRFC3339Nano } from './triggertime'
import { podEndpointsSignature } from './podsignature'

export const ENDPOINT_CONTROLLER = 'endpoint-controller'
/** v1.EndpointsOverCapacity: set when more than maxCapacity addresses had to be dropped. */
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity'
/** maxCapacity: an Endpoints object holds at most 1000 addresses (the rest live only in EndpointSlices). */
export const MAX_CAPACITY = 1000

type OnError = (name: string, key: string, err: unknown) => void

export function startEndpointsController(api: ApiServer, clock: VirtualClock, recorder: EventRecorder, onError?: OnError): () => void {
  return new EndpointsController(api, clock, recorder, onError).start()
}

export class EndpointsController {
  private readonly queue: WorkQueue
  private readonly services = new ServiceCache()
  private readonly triggers = new TriggerTimeTracker()
  private readonly batch: SyncBatcher
  private pods: PodCache | undefined

  constructor(private readonly api: ApiServer, clock: VirtualClock, private readonly recorder: EventRecorder, onError?: OnError) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key), 'endpoint', onError)
    this.batch = new SyncBatcher(clock, this.queue)
  }

  start(): () => void {
    this.pods = new PodCache(this.api)
    for (const svc of this.api.list<CachedService>('services').items) this.services.apply({ type: 'ADDED', object: svc, resource: 'services' } as AnyChangeEvent)
    const stop = this.api.onAnyChange((ev) => {
      if (ev.resource === 'services') { this.services.apply(ev); this.queue.add(keyOf(ev.object)) }
      else if (ev.resource === 'pods') { this.pods?.apply(ev); this.onPod(ev) }
      else if (ev.resource === 'endpoints' && ev.type === 'DELETED') {
        // onEndpointsDelete: recreate the Endpoints of a Service that still exists.
        if (this.services.get(ev.object.metadata.namespace, ev.object.metadata.name!)) this.queue.add(keyOf(ev.object))
      }
    }, (resource) => resource === 'services' || resource === 'pods' || resource === 'endpoints')
    for (const svc of this.services.all()) this.queue.add(keyOf(svc))
    return stop
  }

  /** addPod / updatePod / deletePod: the Services selecting the pod, when something that matters changed. */
  private onPod(ev: AnyChangeEvent): void {
    const pod = ev.object as Pod & KubeObject
    const ns = pod.metadata.namespace
    if (ev.type !== 'MODIFIED') {
      for (const k of this.services.selecting(ns, pod.metadata.labels)) this.batch.add(k)
      return
    }
    const old = ev.old as (Pod & KubeObject) | undefined
    const labelsChanged = !deepEqual(old?.metadata.labels ?? {}, pod.metadata.labels ?? {})
    const podChanged = !old || podEndpointsSignature(old) !== podEndpointsSignature(pod)
    if (!labelsChanged && !podChanged) return
    const now = this.services.selecting(ns, pod.metadata.labels)
    if (!labelsChanged) { for (const k of now) this.batch.add(k); return }
    // determineNeededServiceUpdates: services gained or lost, and all of them if the pod changed too.
    const before = this.services.selecting(ns, old?.metadata.labels)
    const nowSet = new Set(now)
    const beforeSet = new Set(before)
    for (const k of now) if (podChanged || !beforeSet.has(k)) this.batch.add(k)
    for (const k of before) if (!nowSet.has(k)) this.batch.add(k)
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const svc = this.services.get(namespace, name)
    this.batch.synced(key)
    if (!svc) {
      // The Service is gone: delete its Endpoints (a selector-less Service's too, as upstream).
      try { this.api.delete('endpoints', namespace, name) } catch (e) { if (!(isStatusError(e) && e.status.reason === 'NotFound')) throw e }
      this.triggers.delete(key); this.batch.forget(key)
      return
    }
    if (svc.spec?.type === 'ExternalName') return
    const selector = serviceSelector(svc)
    if (!selector) return
    const pods = (this.pods ? this.pods.list(namespace) : this.api.list<Pod & KubeObject>('pods', { namespace }).items)
      .filter((p) => selectorSelects(selector, p.metadata.labels))
    const trigger = this.triggers.compute(key, svc, pods)
    const subsets = computeSubsets(svc, pods)
    const current = tryGet(this.api, { resource: 'endpoints', namespace, name }) as (Endpoints & KubeObject) | undefined
    const svcLabels = svc.metadata.labels ?? {}
    if (current) {
      const labels = { ...(current.metadata.labels ?? {}) }
      delete labels[HEADLESS_LABEL]
      const overCapacitySet = (current.metadata.annotations ?? {})[OVER_CAPACITY] !== undefined
      if (deepEqual(current.subsets ?? [], subsets) && deepEqual(labels, svcLabels) && !overCapacitySet) return
    }
    const annotations = { ...(current?.metadata.annotations ?? {}) }
    if (trigger !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatRFC3339Nano(trigger)
    else delete annotations[LAST_CHANGE_TRIGGER_TIME]
    const labels: Record<string, string> = { ...svcLabels }
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = ''
    const next: Endpoints & KubeObject = {
      ...(current ?? { apiVersion: 'v1', kind: 'Endpoints' }),
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { ...(current?.metadata ?? { name, namespace }), labels, annotations },
    }
    if (subsets.length) next.subsets = subsets
    else delete next.subsets
    this.write(svc, next, !current)
  }

  private write(svc: CachedService, ep: Endpoints & KubeObject, create: boolean): void {
    try {
      if (create) this.api.create('endpoints', ep, { fieldManager: ENDPOINT_CONTROLLER })
      else this.api.update('endpoints', ep, { fieldManager: ENDPOINT_CONTROLLER })
    } catch (e) {
      if (!isStatusError(e)) throw e
      // A terminating namespace refuses creations for good: drop the key (NamespaceTerminatingCause).
      if (create && e.status.reason === 'Forbidden') return
      // Someone else wrote first, or the Service went: the watch brings us back.
      if (e.status.reason === 'Conflict' || e.status.reason === 'AlreadyExists' || e.status.reason === 'NotFound') { this.queue.add(keyOf(svc)); return }
      const ref = `${svc.metadata.namespace}/${svc.metadata.name}`
      if (create) this.recorder.event(ep, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${ref}: ${e.message}`)
      else this.recorder.event(ep, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${ref}: ${e.message}`)
      throw e
    }
  }
}

/**
 * The subsets syncService computes: per pod that should be in endpoints, one subset per service
 * port the pod offers (or one port-less subset for a headless Service without ports), repacked.
 */
export function computeSubsets(svc: CachedService, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses
  const ports = svc.spec?.ports ?? []
  const raw: EndpointSubset[] = []
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue
    const addr = podToEndpointAddress(pod)
    if (!addr) continue
    const epa: EndpointAddress = shouldSetHostname(pod, svc) ? { ip: addr.ip, hostname: pod.spec!.hostname, nodeName: addr.nodeName, targetRef: addr.targetRef } : addr
    const ready = publishNotReady || isPodReady(pod)
    const add = (portList: EndpointSubset['ports']) => raw.push(ready ? { addresses: [epa], ports: portList } : { notReadyAddresses: [epa], ports: portList })
    if (!ports.length) {
      if (svc.spec?.clusterIP === 'None') add([])
      continue
    }
    for (const sp of ports) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      add([endpointPort(sp, port)])
    }
  }
  return truncate(repackSubsets(raw))
}

/** truncateEndpoints: keep at most MAX_CAPACITY addresses (ready first) — rarely reached here. */
function truncate(subsets: EndpointSubset[]): EndpointSubset[] {
  let total = 0
  for (const s of subsets) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0)
  if (total <= MAX_CAPACITY) return subsets
  let room = MAX_CAPACITY
  return subsets.map((s) => {
    const a = (s.addresses ?? []).slice(0, room)
    room -= a.length
    const n = (s.notReadyAddresses ?? []).slice(0, room)
    room -= n.length
    const out: EndpointSubset = { ...s }
    if (a.length) out.addresses = a
    else delete out.addresses
    if (n.length) out.notReadyAddresses = n
    else delete out.notReadyAddresses
    return out
  }).filter((s) => s.addresses || s.notReadyAddresses)
}

function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`
}
