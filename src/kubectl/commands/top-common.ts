// What `kubectl top pod` and `kubectl top node` share: the metrics.k8s.io resources, the Metrics
// API check, and metricsutil's TopCmdPrinter cell formats.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top/top.go, pkg/metricsutil/metrics_printer.go.
import { milliValue, parseQuantity, wholeValue } from '../../api/quantity'
import type { FlagSpec } from '../argv'
import type { Invocation } from '../command'
import { fail } from '../errors'
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter'

/** The group-qualified resources (their plurals repeat core `pods` and `nodes`). */
export const POD_METRICS = 'pods.metrics.k8s.io'
export const NODE_METRICS = 'nodes.metrics.k8s.io'
const METRICS_GROUP = 'metrics.k8s.io'
/** The metrics API versions this kubectl speaks (supportedMetricsAPIVersions). */
const SUPPORTED_VERSIONS = ['v1beta1']

export const SORT_BY_CPU = 'cpu'
export const SORT_BY_MEMORY = 'memory'

export const NO_HEADERS_FLAG: FlagSpec = { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' }
export const PROTOBUF_FLAG: FlagSpec = { name: 'use-protocol-buffers', type: 'bool', default: 'true', usage: 'Enables using protocol-buffers to access Metrics API.' }

/** One usage: exact nano-units of CPU cores and of bytes. */
export interface Usage { cpu: bigint; memory: bigint }

export function usageOf(list: Record<string, string> | undefined): Usage {
  return { cpu: parseQuantity(list?.cpu ?? '0')?.nano ?? 0n, memory: parseQuantity(list?.memory ?? '0')?.nano ?? 0n }
}

export const addUsage = (a: Usage, b: Usage): Usage => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory })

/** MilliValue (rounded up): 1500000n nanocores → 2m. */
export const cpuMillis = (u: Usage): number => milliValue({ nano: u.cpu, format: 'DecimalSI' })
/** Value in bytes (rounded up). */
export const memoryBytes = (u: Usage): number => wholeValue({ nano: u.memory, format: 'BinarySI' })

/** printSingleResourceUsage: CPU as `%vm` of its MilliValue, memory as whole MiB (Value / 1024²). */
export function usageCells(u: Usage): string[] {
  return [`${cpuMillis(u)}m`, `${Math.floor(memoryBytes(u) / (1024 * 1024))}Mi`]
}

/** SupportedMetricsAPIVersionAvailable, else `Metrics API not available` (no metrics-server). */
export function requireMetricsApi(inv: Invocation): void {
  const served = inv.api.discovery().some((k) => k.group === METRICS_GROUP && SUPPORTED_VERSIONS.includes(k.version))
  if (!served) throw fail('Metrics API not available')
}

export function validateSortBy(sortBy: string): void {
  if (sortBy !== '' && sortBy !== SORT_BY_CPU && sortBy !== SORT_BY_MEMORY) throw fail('--sort-by accepts only cpu or memory')
}

/** Rows of tab-terminated cells (printValue writes `%v\t`) through printers.GetNewTabWriter. */
export function printRows(inv: Invocation, rows: string[][]): void {
  const text = rows.map((r) => r.map((c) => `${c}\t`).join('') + '\n').join('')
  inv.ctx.stdout.write(tabwrite(text, GET_TABWRITER))
}

/** Go's time.Duration.String() for a non-negative number of milliseconds: `2m30.5s`, `1h0m5s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = (ms % 60_000) / 1000
  const secs = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`
  if (h > 0) return `${h}h${m}m${secs}`
  if (m > 0) return `${m}m${secs}`
  return secs
}
