// What a pod contributes to a Service's endpoints, shared by the Endpoints and EndpointSlice
// controllers: upstream's pkg/controller/util/endpointslice (ShouldPodBeInEndpoints,
// ShouldSetHostname), pkg/api/v1/pod.FindPort and endpoints_controller.go's
// podToEndpointAddressForService / endpointPortFromServicePort. Pure functions over plain objects.
import type { EndpointAddress, EndpointPort, Pod, Service, ServicePort } from '../../../api/types'

/** Upstream's label on Endpoints/EndpointSlices of a Service without a cluster IP (v1.IsHeadlessService). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless'
/** v1.EndpointsLastChangeTriggerTime: when the change that produced this object happened. */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'

/** Succeeded or Failed (podutil.IsPodTerminal). */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are wanted) not
 * being deleted. The Endpoints controller passes publishNotReadyAddresses; the EndpointSlice
 * controller always includes terminating pods (they carry terminating=true there).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false
  return true
}

/** ShouldSetHostname: the pod names this Service as its subdomain (`web-0.nginx` of a StatefulSet). */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace
}

/** The pod's IPv4 address (the only family this cluster runs). */
export function podIPv4(pod: Pod): string | undefined {
  const ips = [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)]
  return ips.find((ip): ip is string => !!ip && !ip.includes(':'))
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is looked up among the pod's
 * containers (and restartable init containers) with the same protocol. Undefined = the pod does
 * not offer it, and the pod is left out of that port (not out of the others).
 *   targetPort "http", container port {name: http, containerPort: 8080} → 8080.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  const proto = sp.protocol ?? 'TCP'
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')]
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort
    }
  }
  return undefined
}

/** podToEndpointAddressForService: ip, nodeName and the Pod targetRef (hostname added by the caller). */
export function podToEndpointAddress(pod: Pod): EndpointAddress | undefined {
  const ip = podIPv4(pod)
  if (!ip) return undefined
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  }
}

/** endpointPortFromServicePort: name (only when set), port, protocol, appProtocol. */
export function endpointPort(sp: ServicePort, port: number): EndpointPort {
  const out: EndpointPort = sp.name ? { name: sp.name, port } : { port }
  out.protocol = sp.protocol ?? 'TCP'
  if (sp.appProtocol) out.appProtocol = sp.appProtocol
  return out
}

/** The selector the controllers use: a nil or empty spec.selector means "no selector" (the map is omitempty). */
export function serviceSelector(svc: Service): Record<string, string> | undefined {
  const sel = svc.spec?.selector
  return sel && Object.keys(sel).length ? sel : undefined
}

/** labels.Set(selector).AsSelector().Matches(podLabels): every key equal. */
export function selectorSelects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  if (!labels) return false
  for (const k in selector) if (labels[k] !== selector[k]) return false
  return true
}

/** helper.IsServiceIPSet: a cluster IP other than None. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP
  return !!ip && ip !== 'None'
}
