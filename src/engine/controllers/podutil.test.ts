import { describe, it, expect } from 'vitest'
import type { Pod } from '../../api/types'
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable, podKey, selectorMatches } from './podutil'

const readyPod = (since: string, status = 'True'): Pod => ({ metadata: { name: 'p', namespace: 'default' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status, lastTransitionTime: since }] } })

describe('podutil', () => {
  it('isPodReady / isPodAvailable with minReadySeconds (strictly after)', () => {
    const p = readyPod('2026-01-01T00:00:10Z')
    expect(isPodReady(p)).toBe(true)
    expect(isPodAvailable(p, 0, '2026-01-01T00:00:10Z')).toBe(true)
    expect(isPodAvailable(p, 5, '2026-01-01T00:00:15Z')).toBe(false)
    expect(isPodAvailable(p, 5, Date.parse('2026-01-01T00:00:15Z') + 1)).toBe(true)
    expect(msUntilAvailable(p, 5, '2026-01-01T00:00:12Z')).toBe(3001)
    expect(isPodReady(readyPod('2026-01-01T00:00:10Z', 'False'))).toBe(false)
    expect(msUntilAvailable(readyPod('2026-01-01T00:00:10Z', 'False'), 5, 0)).toBeUndefined()
  })

  it('isPodActive: not terminal, not terminating', () => {
    expect(isPodActive({ status: { phase: 'Running' } })).toBe(true)
    expect(isPodActive({ status: { phase: 'Succeeded' } })).toBe(false)
    expect(isPodActive({ status: { phase: 'Failed' } })).toBe(false)
    expect(isPodActive({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Running' } })).toBe(false)
  })

  it('podKey and selectorMatches (nil selects nothing, {} everything)', () => {
    expect(podKey({ metadata: { namespace: 'default', name: 'web-abcde' } })).toBe('default/web-abcde')
    expect(selectorMatches(undefined, { app: 'web' })).toBe(false)
    expect(selectorMatches({}, { app: 'web' })).toBe(true)
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'web', x: 'y' })).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] }, { app: 'web' })).toBe(false)
  })
})
