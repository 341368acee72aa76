// podEndpointsChanged (pkg/controller/util/endpointslice): whether a pod update can change any
// endpoint it contributes to — IP, readiness, deletion, phase, hostname/subdomain, node, ports.
// A status write that only bumps a container's restartCount or a probe's time returns the same
// signature, so 1,000 pods' routine status updates enqueue nothing.
import type { Pod } from '../../../api/types'
import { isPodReady } from '../podutil'

export function podEndpointsSignature(pod: Pod): string {
  const ports = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
    .map((c) => (c.ports ?? []).map((p) => `${p.name ?? ''}:${p.containerPort}/${p.protocol ?? 'TCP'}`).join(',')).join(';')
  return [
    pod.status?.podIP ?? '', isPodReady(pod) ? 'R' : '-', pod.metadata?.deletionTimestamp ? 'D' : '-', pod.status?.phase ?? '',
    pod.spec?.hostname ?? '', pod.spec?.subdomain ?? '', pod.spec?.nodeName ?? '', ports,
  ].join('|')
}
