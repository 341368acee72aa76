// Human-readable tables: the server-side columns plus kubectl's client-side additions
// (NAMESPACE for -A, kind/ prefix for --show-kind, -L label columns, LABELS for --show-labels),
// as cli-runtime/pkg/printers/tableprinter.go adds them, aligned by the tabwriter.

import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { columnsFor } from './columns'
import { tabwrite, GET_TABWRITER } from './tabwriter'
import { formatLabels, kindPrefix } from './util'
import { sortObjects } from './output/sort'

export interface PrintOptions {
  /** -o value: '', 'wide', 'yaml', 'json', 'name', 'jsonpath=...', 'custom-columns=...'. */
  output?: string
  noHeaders?: boolean
  showLabels?: boolean
  /** -L keys, in order. */
  labelColumns?: string[]
  /** -A: prepend NAMESPACE. */
  withNamespace?: boolean
  /** --show-kind (or several kinds at once): NAME as `pod/web`. */
  withKind?: boolean
  /** Virtual time now, ms. */
  now: number
  /** --sort-by JSONPath, e.g. `.metadata.name` or `{.status.startTime}`. */
  sortBy?: string
}

export interface TableRows {
  headers: string[]
  rows: string[][]
}

/** formatLabelHeaders: `-L app.kubernetes.io/name` gives the header NAME. */
export function labelHeader(key: string): string {
  const parts = key.split('/')
  return parts[parts.length - 1].toUpperCase()
}

/** Rows in the order given, or by opts.sortBy (an invalid sortBy leaves the order: call sortObjects to report it). */
export function tableFor(kind: KindInfo, objs: KubeObject[], opts: PrintOptions): TableRows {
  if (opts.sortBy) {
    const sorted = sortObjects(objs, opts.sortBy)
    if ('objs' in sorted) objs = sorted.objs
  }
  const cols = columnsFor(kind.kind)
  const wide = opts.output === 'wide'
  const visible = cols.columns.filter((c) => wide || !c.priority)
  const labelCols = opts.labelColumns ?? []
  const headers = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...visible.map((c) => c.name.toUpperCase()),
    ...labelCols.map(labelHeader),
    ...(opts.showLabels ? ['LABELS'] : []),
  ]
  const rows = objs.map((obj) => {
    const cells = cols.cells(obj, { now: opts.now, wide })
    if (opts.withKind) cells[0] = `${kindPrefix(kind)}/${cells[0]}`
    const labels = obj.metadata.labels ?? {}
    return [
      ...(opts.withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelCols.map((k) => labels[k] ?? ''),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ]
  })
  return { headers, rows }
}

/** Tab-separated rows through kubectl's tabwriter; every row ends with '\n'. */
export function formatTable(t: TableRows, opts: { noHeaders?: boolean } = {}): string {
  const lines = [...(opts.noHeaders ? [] : [t.headers]), ...t.rows]
  if (lines.length === 0) return ''
  return tabwrite(lines.map((cells) => cells.join('\t') + '\n').join(''), GET_TABWRITER)
}

/**
 * `kubectl get -w`: tables printed piece by piece (headers and first rows, then one row per
 * event) through one tabwriter that remembers column widths, so later rows line up.
 */
export class TableStream {
  private readonly widths: number[] = []

  format(t: TableRows, opts: { noHeaders?: boolean } = {}): string {
    const lines = [...(opts.noHeaders ? [] : [t.headers]), ...t.rows]
    if (lines.length === 0) return ''
    return tabwrite(lines.map((cells) => cells.join('\t') + '\n').join(''), GET_TABWRITER, this.widths)
  }
}
