// What one pod is in an EndpointSlice (pkg/controller/util/endpointslice/utils.go podToEndpoint,
// getEndpointPorts). Unlike the Endpoints controller, terminating pods are kept, with
// conditions.terminating=true, serving=its readiness and ready=false (unless the Service publishes
// not-ready addresses):
//   ready pod           → {ready: true,  serving: true,  terminating: false}
//   unready pod         → {ready: false, serving: false, terminating: false}
//   ready, terminating  → {ready: false, serving: true,  terminating: true}
import type { Pod, Service, SliceEndpoint, SlicePort } from '../../../api/types'
import { isPodReady } from '../podutil'
import { findPort, podIPv4, shouldSetHostname } from '../endpoints/podendpoints'

export function podToEndpoint(pod: Pod, svc: Service): SliceEndpoint | undefined {
  const ip = podIPv4(pod)
  if (!ip) return undefined
  const serving = isPodReady(pod)
  const terminating = !!pod.metadata?.deletionTimestamp
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating)
  const ep: SliceEndpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
  }
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid }
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName
  return ep
}

/** getEndpointPorts: every service port the pod offers (name always present, "" when unnamed). */
export function endpointPorts(pod: Pod, svc: Service): SlicePort[] {
  const ports = svc.spec?.ports ?? []
  const out: SlicePort[] = []
  if (!ports.length && svc.spec?.clusterIP === 'None') return out
  for (const sp of ports) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' }
    if (sp.appProtocol) p.appProtocol = sp.appProtocol
    out.push(p)
  }
  return out
}

/** A stable key for a port list (slices hold endpoints that share exactly these ports). */
export function portsKey(ports: readonly SlicePort[] | undefined): string {
  return (ports ?? []).map((p) => `${p.name ?? ''}:${p.port ?? ''}/${p.protocol ?? ''}/${p.appProtocol ?? ''}`).join(',')
}
