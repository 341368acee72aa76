// kubectl top pod [NAME | -l label]: PodMetrics from metrics.k8s.io, printed by TopCmdPrinter.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top/top_pod.go (RunTopPod, verifyEmptyMetrics,
// checkPodAge) and metricsutil/metrics_printer.go (PrintPodMetrics, PodMetricsSorter).
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from './common'
import { NO_HEADERS_FLAG, POD_METRICS, PROTOBUF_FLAG, SORT_BY_CPU, SORT_BY_MEMORY, addUsage, cpuMillis, goDuration, memoryBytes, printRows, requireMetricsApi, usageCells, usageOf, validateSortBy, type Usage } from './top-common'

/** metricsCreationDelay: a pod older than 2 minutes without metrics is a real problem, not a delay. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000

interface ContainerRow { name: string; usage: Usage }
interface PodRow { namespace: string; name: string; containers: ContainerRow[]; total: Usage }

const ZERO: Usage = { cpu: 0n, memory: 0n }

function rowOf(m: KubeObject): PodRow {
  const containers = ((m as { containers?: Array<{ name: string; usage?: Record<string, string> }> }).containers ?? [])
    .map((c) => ({ name: c.name, usage: usageOf(c.usage) }))
  return { namespace: m.metadata.namespace ?? '', name: m.metadata.name ?? '', containers, total: containers.reduce((a, c) => addUsage(a, c.usage), ZERO) }
}

/** Biggest first for cpu/memory (stable, as the list came), else by namespace (with -A) and name. */
function compare(sortBy: string, withNamespace: boolean) {
  return (a: { name: string; namespace?: string; usage: Usage }, b: { name: string; namespace?: string; usage: Usage }): number => {
    if (sortBy === SORT_BY_CPU) return cpuMillis(b.usage) - cpuMillis(a.usage)
    if (sortBy === SORT_BY_MEMORY) return memoryBytes(b.usage) - memoryBytes(a.usage)
    if (withNamespace && a.namespace !== b.namespace) return (a.namespace ?? '') < (b.namespace ?? '') ? -1 : 1
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  }
}

/** checkPodAge: an old pod without metrics is an error in its own words. */
function checkPodAge(inv: Invocation, pod: KubeObject): void {
  const age = inv.ctx.clock.now() - Date.parse(pod.metadata.creationTimestamp ?? '')
  if (age > METRICS_CREATION_DELAY_MS) throw fail(`Metrics not available for pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}, age: ${goDuration(age)}`)
}

/** verifyEmptyMetrics: why nothing came back (always an error unless there are no pods at all). */
function verifyEmptyMetrics(inv: Invocation, ns: string, name: string, labelSelector?: string, fieldSelector?: string): void {
  if (name !== '') {
    checkPodAge(inv, inv.api.get('pods', ns, name))
  } else {
    const pods = inv.api.list('pods', { namespace: ns, labelSelector, fieldSelector }).items
    if (pods.length === 0) return
    for (const pod of pods) checkPodAge(inv, pod)
  }
  throw fail('metrics not available yet')
}

function run(inv: Invocation): number {
  const p = inv.args
  if (p.positional.length > 1) throw new CmdError("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples")
  const name = p.positional[0] ?? ''
  const ns = inv.target().namespace
  const selector = flagStr(p, 'selector') || undefined
  const fieldSelector = flagStr(p, 'field-selector') || undefined
  const sortBy = flagStr(p, 'sort-by') ?? ''
  const all = flagBool(p, 'all-namespaces')
  validateSortBy(sortBy)
  if (name !== '' && (selector || fieldSelector)) throw fail('only one of NAME or selector can be provided')
  requireMetricsApi(inv)
  const metrics = name !== ''
    ? [inv.api.get(POD_METRICS, ns, name)]
    : inv.api.list(POD_METRICS, { namespace: all ? undefined : ns, labelSelector: selector, fieldSelector }).items
  if (metrics.length === 0) {
    verifyEmptyMetrics(inv, ns, name, selector, fieldSelector)
    inv.err(all ? 'No resources found' : `No resources found in ${ns} namespace.`)
    return 0
  }
  const containers = flagBool(p, 'containers')
  const rows: string[][] = []
  if (!flagBool(p, 'no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'])
  const pods = metrics.map(rowOf).sort((a, b) => compare(sortBy, all)({ ...a, usage: a.total }, { ...b, usage: b.total }))
  for (const pod of pods) {
    const lead = all ? [pod.namespace] : []
    if (!containers) { rows.push([...lead, pod.name, ...usageCells(pod.total)]); continue }
    for (const c of [...pod.containers].sort(compare(sortBy, false))) rows.push([...lead, pod.name, c.name, ...usageCells(c.usage)])
  }
  if (flagBool(p, 'sum')) {
    // printPodResourcesSum: underlines under the two usage columns, then the totals.
    const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0)
    const total = pods.reduce((a, pod) => addUsage(a, pod.total), ZERO)
    rows.push([...Array<string>(width - 2).fill(''), '________', '________'])
    rows.push([...Array<string>(width - 3).fill(''), '', ...usageCells(total)])
  }
  printRows(inv, rows)
  return 0
}

export const topPodCommand: Cmd = {
  name: 'pod',
  aliases: ['pods', 'po'],
  help: {
    short: 'Display resource (CPU/memory) usage of pods',
    long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
    examples: `  # Show metrics for all pods in the default namespace
  kubectl top pod

  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE

  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers

  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
    usage: 'kubectl top pod [NAME | -l label] [options]',
  },
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
    FIELD_SELECTOR_FLAG,
    NO_HEADERS_FLAG,
    SELECTOR_FLAG,
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
    PROTOBUF_FLAG,
  ],
  run,
}
