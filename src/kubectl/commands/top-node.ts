// kubectl top node [NAME | -l label]: NodeMetrics from metrics.k8s.io against each node's
// allocatable (or capacity with --show-capacity).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top/top_node.go (RunTopNode) and
// metricsutil/metrics_printer.go (PrintNodeMetrics, printAllResourceUsages).
import type { KubeObject } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { SELECTOR_FLAG } from './common'
import { NODE_METRICS, NO_HEADERS_FLAG, PROTOBUF_FLAG, SORT_BY_CPU, SORT_BY_MEMORY, cpuMillis, memoryBytes, printRows, requireMetricsApi, usageCells, usageOf, validateSortBy, type Usage } from './top-common'

const UNKNOWN = '<unknown>'

/** `%d%%` of int64(usage milli / available milli * 100): truncated, `0%` when nothing is available. */
function percent(used: bigint, available: bigint): string {
  const usedMilli = Number(used / 1_000_000n) + (used % 1_000_000n === 0n ? 0 : 1)
  const availMilli = Number(available / 1_000_000n) + (available % 1_000_000n === 0n ? 0 : 1)
  return `${availMilli === 0 ? 0 : Math.trunc((usedMilli / availMilli) * 100)}%`
}

function run(inv: Invocation): number {
  const p = inv.args
  if (p.positional.length > 1) throw new CmdError("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples")
  const name = p.positional[0] ?? ''
  const selector = flagStr(p, 'selector') || undefined
  const sortBy = flagStr(p, 'sort-by') ?? ''
  inv.target()
  validateSortBy(sortBy)
  if (name !== '' && selector) throw fail('only one of NAME or --selector can be provided')
  requireMetricsApi(inv)
  const metrics = name !== '' ? [inv.api.get(NODE_METRICS, undefined, name)] : inv.api.list(NODE_METRICS, { labelSelector: selector }).items
  if (metrics.length === 0) throw fail('metrics not available yet')
  const nodes: KubeObject[] = name !== '' ? [inv.api.get('nodes', undefined, name)] : inv.api.list('nodes', { labelSelector: selector }).items
  const field = flagBool(p, 'show-capacity') ? 'capacity' : 'allocatable'
  const available = new Map(nodes.map((n) => [n.metadata.name ?? '', usageOf((n.status as Record<string, Record<string, string>> | undefined)?.[field])]))
  const rows: string[][] = []
  if (!flagBool(p, 'no-headers')) rows.push(['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'])
  const measured = metrics.map((m) => ({ name: m.metadata.name ?? '', usage: usageOf((m as { usage?: Record<string, string> }).usage) }))
  const cmp = (a: { name: string; usage: Usage }, b: { name: string; usage: Usage }): number =>
    sortBy === SORT_BY_CPU ? cpuMillis(b.usage) - cpuMillis(a.usage)
      : sortBy === SORT_BY_MEMORY ? memoryBytes(b.usage) - memoryBytes(a.usage)
        : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  for (const m of measured.sort(cmp)) {
    const [cpu, mem] = usageCells(m.usage)
    const avail = available.get(m.name)
    rows.push([m.name, cpu, ...(avail ? [percent(m.usage.cpu, avail.cpu)] : []), mem, ...(avail ? [percent(m.usage.memory, avail.memory)] : [])])
    available.delete(m.name)
  }
  // Nodes the metrics do not cover (their kubelet unreachable): `<unknown>` in every cell.
  for (const node of [...available.keys()].sort()) rows.push([node, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN])
  printRows(inv, rows)
  return 0
}

export const topNodeCommand: Cmd = {
  name: 'node',
  aliases: ['nodes', 'no'],
  help: {
    short: 'Display resource (CPU/memory) usage of nodes',
    long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
    examples: `  # Show metrics for all nodes
  kubectl top node

  # Show metrics for a given node
  kubectl top node NODE_NAME`,
    usage: 'kubectl top node [NAME | -l label] [options]',
  },
  flags: [
    NO_HEADERS_FLAG,
    SELECTOR_FLAG,
    { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    PROTOBUF_FLAG,
  ],
  run,
}
