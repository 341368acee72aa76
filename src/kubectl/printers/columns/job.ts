// Job columns (printJob in pkg/printers/internalversion/printers.go, v1.30):
// NAME STATUS COMPLETIONS DURATION AGE, and with -o wide CONTAINERS IMAGES SELECTOR.
//   completions 1, 1 succeeded → `1/1`; completions unset, parallelism 3 → `0/1 of 3`.
//   DURATION: completionTime − startTime once finished, else now − startTime; empty before start.
import type { KubeObject } from '../../../api/types'
import { formatAge, parseTime, translateTimestampSince } from '../age'
import { field, formatLabelSelector, layoutContainerCells, type LabelSelector } from '../util'
import type { KindColumns } from './types'

type Condition = { type?: string; status?: string }
type Containers = Array<{ name?: string; image?: string }>

const hasCondition = (obj: KubeObject, type: string) =>
  (field<Condition[]>(obj, 'status', 'conditions') ?? []).some((c) => c.type === type && c.status === 'True')

/** The STATUS cell, first match wins. */
export function jobStatus(obj: KubeObject): string {
  if (hasCondition(obj, 'Complete')) return 'Complete'
  if (hasCondition(obj, 'Failed')) return 'Failed'
  if (obj.metadata.deletionTimestamp) return 'Terminating'
  if (hasCondition(obj, 'Suspended')) return 'Suspended'
  if (hasCondition(obj, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

export function jobCompletions(obj: KubeObject): string {
  const succeeded = field<number>(obj, 'status', 'succeeded') ?? 0
  const completions = field<number>(obj, 'spec', 'completions')
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`
  const parallelism = field<number>(obj, 'spec', 'parallelism') ?? 0
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
}

export function jobDuration(obj: KubeObject, now: number): string {
  const start = parseTime(field<string>(obj, 'status', 'startTime'))
  if (start === undefined) return ''
  const done = parseTime(field<string>(obj, 'status', 'completionTime'))
  return formatAge((done ?? now) - start)
}

export const jobColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Status' }, { name: 'Completions' }, { name: 'Duration' }, { name: 'Age' },
    { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 },
  ],
  cells(obj, ctx) {
    const row = [obj.metadata.name ?? '', jobStatus(obj), jobCompletions(obj), jobDuration(obj, ctx.now),
      translateTimestampSince(obj.metadata.creationTimestamp, ctx.now)]
    if (ctx.wide) {
      const [names, images] = layoutContainerCells(field<Containers>(obj, 'spec', 'template', 'spec', 'containers'))
      row.push(names, images, formatLabelSelector(field<LabelSelector>(obj, 'spec', 'selector')))
    }
    return row
  },
}
