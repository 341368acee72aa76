import { describe, it, expect } from 'vitest'
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from './expectations'

describe('ControllerExpectations', () => {
  it('no record is satisfied; expecting 3 creations waits for 3 observations', () => {
    let now = 0
    const e = new ControllerExpectations(() => now)
    expect(e.satisfied('default/web')).toBe(true)
    e.expectCreations('default/web', 3)
    expect(e.satisfied('default/web')).toBe(false)
    e.creationObserved('default/web')
    e.creationObserved('default/web')
    expect(e.satisfied('default/web')).toBe(false)
    e.creationObserved('default/web')
    expect(e.satisfied('default/web')).toBe(true)
    expect(e.pending('default/web')).toEqual({ add: 0, del: 0 })
  })

  it('deletions count once per pod key, unknown keys are ignored', () => {
    const e = new ControllerExpectations(() => 0)
    e.expectDeletions('default/web', ['default/web-a', 'default/web-b'])
    e.deletionObserved('default/web', 'default/web-a')
    e.deletionObserved('default/web', 'default/web-a') // graceful update then DELETED: once
    e.deletionObserved('default/web', 'default/other')
    expect(e.satisfied('default/web')).toBe(false)
    e.deletionObserved('default/web', 'default/web-b')
    expect(e.satisfied('default/web')).toBe(true)
  })

  it('a record older than 5 minutes is treated as satisfied (a lost event heals)', () => {
    let now = 1000
    const e = new ControllerExpectations(() => now)
    e.expectCreations('k', 2)
    now += EXPECTATIONS_TIMEOUT_MS
    expect(e.satisfied('k')).toBe(false)
    now += 1
    expect(e.satisfied('k')).toBe(true)
  })

  it('delete drops the record', () => {
    const e = new ControllerExpectations(() => 0)
    e.expectCreations('k', 1)
    e.delete('k')
    expect(e.satisfied('k')).toBe(true)
    expect(e.pending('k')).toBeUndefined()
  })
})
