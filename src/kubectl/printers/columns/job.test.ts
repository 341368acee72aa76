import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { jobColumns, jobCompletions, jobDuration, jobStatus } from './job'

const NOW = Date.UTC(2026, 0, 1, 0, 10)
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString()
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const j = (spec: any = {}, status: any = {}, metadata: any = {}): KubeObject => ({ metadata: { name: 'pi', creationTimestamp: at(0), ...metadata }, spec, status } as unknown as KubeObject)
const cond = (type: string) => ({ conditions: [{ type, status: 'True' }] })

describe('job columns (printJob)', () => {
  it.each<[string, KubeObject, string]>([
    ['complete', j({}, cond('Complete')), 'Complete'],
    ['failed', j({}, cond('Failed')), 'Failed'],
    ['terminating', j({}, {}, { deletionTimestamp: at(5) }), 'Terminating'],
    ['suspended', j({}, cond('Suspended')), 'Suspended'],
    ['running', j(), 'Running'],
  ])('STATUS %s', (_n, obj, want) => expect(jobStatus(obj)).toBe(want))

  it('COMPLETIONS: succeeded/completions, or /1 (of parallelism) for work queues', () => {
    expect(jobCompletions(j({ completions: 3 }, { succeeded: 2 }))).toBe('2/3')
    expect(jobCompletions(j({ parallelism: 1 }))).toBe('0/1')
    expect(jobCompletions(j({ parallelism: 3 }, { succeeded: 1 }))).toBe('1/1 of 3')
  })

  it('DURATION: empty before start, running time, then completion − start', () => {
    expect(jobDuration(j(), NOW)).toBe('')
    expect(jobDuration(j({}, { startTime: at(0) }), NOW)).toBe('10m')
    expect(jobDuration(j({}, { startTime: at(0), completionTime: at(7) }), NOW)).toBe('7s')
  })

  it('row and wide row', () => {
    const obj = j({ completions: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } },
      { succeeded: 1, startTime: at(0), completionTime: at(9), conditions: [{ type: 'Complete', status: 'True' }] })
    expect(jobColumns.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector'])
    expect(jobColumns.cells(obj, { now: NOW, wide: false } as never)).toEqual(['pi', 'Complete', '1/1', '9s', '10m'])
    expect(jobColumns.cells(obj, { now: NOW, wide: true } as never)).toEqual(['pi', 'Complete', '1/1', '9s', '10m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u'])
  })
})
