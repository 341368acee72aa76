import { describe, it, expect } from 'vitest'
import { applyCompletion, commonPrefix, formatColumns } from './completion'

describe('completion', () => {
  it('inserts a single match with a space, a directory without', () => {
    expect(applyCompletion({ text: 'kubectl ge', cursor: 10 }, 'ge', ['get']).line).toEqual({ text: 'kubectl get ', cursor: 12 })
    expect(applyCompletion({ text: 'cat ma', cursor: 6 }, 'ma', ['manifests/']).line).toEqual({ text: 'cat manifests/', cursor: 14 })
  })

  it('inserts the common prefix of several matches and lists them', () => {
    const r = applyCompletion({ text: 'kubectl get d', cursor: 13 }, 'd', ['deployments', 'daemonsets', 'deployment'])
    expect(r.line.text).toBe('kubectl get d')
    expect(r.list).toHaveLength(3)
    const r2 = applyCompletion({ text: 'kubectl get dep x', cursor: 15 }, 'dep', ['deployments', 'deployment'])
    expect(r2.line).toEqual({ text: 'kubectl get deployment x', cursor: 22 })
  })

  it('computes common prefixes', () => {
    expect(commonPrefix(['apply', 'api-resources', 'api-versions'])).toBe('ap')
    expect(commonPrefix([])).toBe('')
  })

  it('lays out columns down first, like readline', () => {
    expect(formatColumns(['e', 'a', 'b', 'c', 'd'], 7)).toEqual(['a  d', 'b  e', 'c'])
    expect(formatColumns(['dir/x.yaml', 'dir/y.yaml'], 80)).toEqual(['x.yaml  y.yaml'])
  })
})
