// The downward API's values, shared by env (valueFrom.fieldRef / resourceFieldRef) and volumes
// (downwardAPI items). Upstream: pkg/fieldpath/fieldpath.go (ExtractFieldPathAsString, FormatMap),
// pkg/api/v1/resource/helpers.go (ExtractContainerResourceValue) and the kubelet's
// podFieldSelectorRuntimeValue + defaultPodLimitsForDownwardAPI.
import type { Container, Pod } from '../../../api/types'
import { milliValue, parseQuantity, wholeValue } from '../../../api/quantity'

/** What only the kubelet knows at runtime (status is not yet written when env is computed). */
export interface RuntimeFacts {
  podIP: string
  hostIP: string
  nodeName?: string
}

/**
 * FormatMap: sorted `key="value"` lines joined by newlines, no trailing newline, values quoted as
 * Go's %q does (JSON escaping matches it for printable text): app="web"\ntier="front".
 */
export function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n')
}

const SUBSCRIPT = /^metadata\.(labels|annotations)\['(.*)'\]$/

/** ExtractFieldPathAsString; fields only the kubelet knows come from `facts` (env only). */
export function fieldRefValue(pod: Pod, fieldPath: string, facts?: RuntimeFacts): string {
  const meta = pod.metadata ?? {}
  if (facts) {
    switch (fieldPath) {
      case 'spec.nodeName': return pod.spec?.nodeName ?? facts.nodeName ?? ''
      case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? ''
      case 'status.hostIP': return facts.hostIP
      case 'status.hostIPs': return facts.hostIP
      case 'status.podIP': return facts.podIP
      case 'status.podIPs': return facts.podIP
    }
  }
  const sub = SUBSCRIPT.exec(fieldPath)
  if (sub) return (sub[1] === 'labels' ? meta.labels : meta.annotations)?.[sub[2]] ?? ''
  switch (fieldPath) {
    case 'metadata.name': return meta.name ?? ''
    case 'metadata.namespace': return meta.namespace ?? ''
    case 'metadata.uid': return meta.uid ?? ''
    case 'metadata.labels': return formatMap(meta.labels)
    case 'metadata.annotations': return formatMap(meta.annotations)
  }
  throw new Error(`unsupported fieldPath: ${fieldPath}`)
}

/** Node allocatable, for limits a container does not set (defaultPodLimitsForDownwardAPI). */
export type Allocatable = Record<string, string | number | undefined>

/**
 * ExtractContainerResourceValue after defaulting limits from the node's allocatable:
 * limits.cpu 500m with divisor 1 → "1" (ceil); divisor 1m → "500"; limits.memory 64Mi → "67108864";
 * divisor 1Mi → "64"; no limits.memory on a 3.8 GiB node → the node's allocatable bytes.
 */
export function resourceFieldValue(container: Container, resource: string, divisor: string | number | undefined, allocatable: Allocatable): string {
  const [kind, name] = resource.split(/\.(.*)/s)
  if ((kind !== 'limits' && kind !== 'requests') || !name) throw new Error(`unsupported container resource : ${resource}`)
  const res = container.resources ?? {}
  const set = (kind === 'limits' ? res.limits : res.requests) as Allocatable | undefined
  let raw = set?.[name]
  if (raw === undefined && kind === 'limits') raw = allocatable[name]
  const q = parseQuantity(raw ?? 0) ?? parseQuantity(0)!
  const d = parseQuantity(divisor === undefined || divisor === '' || divisor === 0 || divisor === '0' ? 1 : divisor) ?? parseQuantity(1)!
  if (name === 'cpu') return String(Math.ceil(milliValue(q) / milliValue(d)))
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return String(Math.ceil(wholeValue(q) / wholeValue(d)))
  throw new Error(`unsupported container resource : ${resource}`)
}
