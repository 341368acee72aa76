// metrics.k8s.io/v1beta1 (PodMetrics, NodeMetrics): what metrics-server serves through the
// aggregation layer, computed live from each node's kubelet (NodeServer.podUsage / nodeUsage).
// Nothing is stored: get and list only (watch, create... are 405 MethodNotAllowed, as upstream).
// Requests name the resources group-qualified (`pods.metrics.k8s.io`) so they never collide
// with core pods and nodes, whose plurals they share.
import type { ListOptions } from '../../api/client'
import type { KubeObject, ObjectList } from '../../api/types'
import { methodNotAllowed, notFound } from '../../api/errors'
import { toRFC3339 } from '../runtime/clock'
import type { ApiServer } from './server'

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1'
export const POD_METRICS_RESOURCE = 'pods.metrics.k8s.io'
export const NODE_METRICS_RESOURCE = 'nodes.metrics.k8s.io'

/**
 * metrics-server's --metric-resolution (15 s in its deployment manifest): usage is a rate between
 * two scrapes, so a container has metrics only once it has run one resolution (started at 0:00 →
 * first metrics at 0:15), and the timestamp advances in 15 s steps.
 */
export const METRIC_RESOLUTION_MS = 15_000
const WINDOW = '15s'

type Loose = any // eslint-disable-line @typescript-eslint/no-explicit-any

export function isMetricsResource(resource: string): boolean {
  return resource === POD_METRICS_RESOURCE || resource === NODE_METRICS_RESOURCE
}

/** Any verb but get/list on a metrics resource (the server's kind lookup calls this). */
export function metricsMethodNotAllowed(): never {
  throw methodNotAllowed('the server does not allow this method on the requested resource')
}

/** CPU as metrics-server writes it: nanocores (`1500000n` = 1.5m). */
const cpuQuantity = (millicores: number): string => `${Math.round(millicores * 1_000_000)}n`
/** Memory as metrics-server writes it: the working set in KiB (`12288Ki` = 12Mi). */
const memoryQuantity = (bytes: number): string => `${Math.round(bytes / 1024)}Ki`

function stamp(now: number): string {
  return toRFC3339(now - (now % METRIC_RESOLUTION_MS))
}

/** When the pod's longest-running container started (ms), or undefined if none runs. */
function runningSince(pod: Loose): number | undefined {
  const starts = (pod.status?.containerStatuses ?? [])
    .map((c: Loose) => c.state?.running?.startedAt)
    .filter((s: unknown): s is string => typeof s === 'string')
    .map((s: string) => Date.parse(s))
  return starts.length ? Math.min(...starts) : undefined
}

/** The PodMetrics of one pod, or undefined while it has none (not running, or not for one resolution yet). */
function podMetrics(api: ApiServer, pod: KubeObject, now: number): KubeObject | undefined {
  const p = pod as Loose
  const node = p.spec?.nodeName ? api.nodeConnections.get(p.spec.nodeName) : undefined
  if (!node || p.status?.phase !== 'Running') return undefined
  const since = runningSince(p)
  if (since === undefined || now - since < METRIC_RESOLUTION_MS) return undefined
  const usage = node.podUsage(pod.metadata.uid ?? '')
  if (!usage) return undefined
  return {
    apiVersion: METRICS_API_VERSION,
    kind: 'PodMetrics',
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: toRFC3339(now), labels: { ...(pod.metadata.labels ?? {}) } },
    timestamp: stamp(now),
    window: WINDOW,
    containers: usage.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuMillicores), memory: memoryQuantity(c.memoryBytes) } })),
  } as KubeObject
}

function nodeMetrics(api: ApiServer, node: KubeObject, now: number): KubeObject | undefined {
  const server = api.nodeConnections.get(node.metadata.name ?? '')
  if (!server) return undefined
  const u = server.nodeUsage()
  return {
    apiVersion: METRICS_API_VERSION,
    kind: 'NodeMetrics',
    metadata: { name: node.metadata.name, creationTimestamp: toRFC3339(now), labels: { ...(node.metadata.labels ?? {}) } },
    timestamp: stamp(now),
    window: WINDOW,
    usage: { cpu: cpuQuantity(u.cpuMillicores), memory: memoryQuantity(u.memoryBytes) },
  } as KubeObject
}

export function metricsGet(api: ApiServer, resource: string, namespace: string | undefined, name: string): KubeObject {
  const now = api.clock.now()
  if (resource === POD_METRICS_RESOURCE) {
    const ns = namespace || 'default'
    const pod = api.list('pods', { namespace: ns, fieldSelector: `metadata.name=${name}` }).items[0]
    const m = pod && podMetrics(api, pod, now)
    if (!m) throw notFound('podmetrics.metrics.k8s.io', `${ns}/${name}`)
    return m
  }
  const node = api.list('nodes', { fieldSelector: `metadata.name=${name}` }).items[0]
  const m = node && nodeMetrics(api, node, now)
  if (!m) throw notFound('nodemetrics.metrics.k8s.io', name)
  return m
}

/** Selectors apply to the pods' and nodes' own labels (the core list validates them). */
export function metricsList(api: ApiServer, resource: string, opts: ListOptions = {}): ObjectList<KubeObject> {
  const now = api.clock.now()
  const pods = resource === POD_METRICS_RESOURCE
  const source = api.list(pods ? 'pods' : 'nodes', pods ? opts : { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector }).items
  const items = source.map((o) => (pods ? podMetrics(api, o, now) : nodeMetrics(api, o, now))).filter((m): m is KubeObject => m !== undefined)
  return { apiVersion: METRICS_API_VERSION, kind: pods ? 'PodMetricsList' : 'NodeMetricsList', metadata: {}, items }
}
