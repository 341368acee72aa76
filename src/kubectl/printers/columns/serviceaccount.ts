// ServiceAccount columns (printServiceAccount in pkg/printers/internalversion/printers.go):
// NAME SECRETS AGE, SECRETS being the length of .secrets (0 for v1.24+ accounts, which get no
// token Secret).
import { translateTimestampSince } from '../age'
import type { KindColumns } from './types'

export const serviceAccountColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Secrets' }, { name: 'Age' }],
  cells(obj, ctx) {
    const n = ((obj.secrets as unknown[] | undefined) ?? []).length
    return [obj.metadata.name ?? '', String(n), translateTimestampSince(obj.metadata.creationTimestamp, ctx.now)]
  },
}
