// Secret columns (printSecret in pkg/printers/internalversion/printers.go): NAME TYPE DATA AGE,
// DATA being the number of keys.
import { translateTimestampSince } from '../age'
import type { KindColumns } from './types'

export const secretColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  cells(obj, ctx) {
    const n = Object.keys((obj.data as object | undefined) ?? {}).length
    return [obj.metadata.name ?? '', String(obj.type ?? ''), String(n), translateTimestampSince(obj.metadata.creationTimestamp, ctx.now)]
  },
}
