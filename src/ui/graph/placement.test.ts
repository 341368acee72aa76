import { describe, it, expect } from 'vitest'
import { Placer, anchorsFirst } from './placement'

describe('Placer', () => {
  it('places pods in a grid below their node and keeps positions stable', () => {
    const p = new Placer()
    const node = p.place('n1', 'Node', null, undefined)
    expect(node).toEqual({ x: 0, y: 0 })
    const a = p.place('a', 'Pod', 'n1', node)
    const b = p.place('b', 'Pod', 'n1', node)
    expect(a.y).toBeGreaterThan(node.y)
    expect(b.x).toBeGreaterThan(a.x)
    expect(p.place('a', 'Pod', 'n1', node)).toEqual(a) // an update does not move it
  })

  it('reuses a freed slot: a replacement pod appears where the old one was', () => {
    const p = new Placer()
    const node = p.place('n1', 'Node', null, undefined)
    const a = p.place('a', 'Pod', 'n1', node)
    p.place('b', 'Pod', 'n1', node)
    p.remove('a')
    expect(p.place('c', 'Pod', 'n1', node)).toEqual(a)
  })

  it('moves a pod once when it gets an anchor (scheduled)', () => {
    const p = new Placer()
    const node = p.place('n1', 'Node', null, undefined)
    const pending = p.place('a', 'Pod', null, undefined)
    const scheduled = p.place('a', 'Pod', 'n1', node)
    expect(scheduled).not.toEqual(pending)
    expect(p.anchorOf('a')).toBe('n1')
  })
})

describe('anchorsFirst', () => {
  it('puts anchors before their dependants', () => {
    const order = anchorsFirst([
      { id: 'pod', anchor: 'rs' }, { id: 'rs', anchor: 'dep' }, { id: 'dep', anchor: null }, { id: 'x', anchor: 'gone' },
    ]).map((n) => n.id)
    expect(order).toEqual(['dep', 'x', 'rs', 'pod'])
  })
})
