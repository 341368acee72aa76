// A kind's table columns, as printers.go declares them (TableColumnDefinition) plus the function
// that fills a row. Priority 1 columns appear only with -o wide.

import type { KubeObject } from '../../../api/types'

export interface Column {
  /** As upstream spells it ("Nominated Node"); the header is its upper-case form. */
  name: string
  /** 1 = only with -o wide. */
  priority?: 0 | 1
}

export interface RowContext {
  now: number
  wide: boolean
}

export interface KindColumns {
  columns: readonly Column[]
  /** Cells in the order of the visible columns (wide or not). */
  cells(obj: KubeObject, ctx: RowContext): string[]
}
