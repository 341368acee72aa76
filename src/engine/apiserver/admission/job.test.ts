import { describe, it, expect } from 'vitest'
import { newServer, errorOf } from '../testutil'
import type { KubeObject } from '../../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

function job(spec: Loose = {}, podSpec: Loose = { restartPolicy: 'Never' }): KubeObject {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], ...podSpec } }, ...spec },
  }
}

describe('batch/v1 Job admission', () => {
  it('defaults completions, parallelism, backoffLimit, mode, suspend and generates the selector from the uid', () => {
    const { api } = newServer()
    const j = api.create('jobs', job()) as Loose
    const uid = j.metadata.uid
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' })
    expect(j.spec.manualSelector).toBeUndefined()
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } })
    expect(j.spec.template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' })
    expect(j.metadata.labels).toEqual(j.spec.template.metadata.labels)
    expect(j.spec.template.spec.restartPolicy).toBe('Never')
    expect(j.spec.template.spec.terminationGracePeriodSeconds).toBe(30)
  })

  it('leaves completions unset when only parallelism is given (a work queue)', () => {
    const { api } = newServer()
    const j = api.create('jobs', job({ parallelism: 3 })) as Loose
    expect(j.spec.parallelism).toBe(3)
    expect(j.spec.completions).toBeUndefined()
  })

  it('rejects restartPolicy Always and a missing restartPolicy in upstream words', () => {
    const { api } = newServer()
    expect(msg(() => api.create('jobs', job({}, { restartPolicy: 'Always' })))).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"')
    expect(msg(() => api.create('jobs', job({}, {})))).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"')
  })

  it('rejects negative counts and a manual selector that does not match', () => {
    const { api } = newServer()
    expect(msg(() => api.create('jobs', job({ backoffLimit: -1 })))).toBe('Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0')
    expect(msg(() => api.create('jobs', job({ manualSelector: true, selector: { matchLabels: { a: 'b' } } })))).toBe('Job.batch "pi" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`')
  })

  it('keeps the template immutable on update', () => {
    const { api } = newServer()
    const j = api.create('jobs', job()) as Loose
    j.spec.template.spec.containers[0].image = 'perl:5.34'
    expect(msg(() => api.update('jobs', j))).toMatch(/^Job\.batch "pi" is invalid: spec\.template: Invalid value: .*: field is immutable$/)
  })
})
