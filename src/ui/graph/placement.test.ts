import { describe, it, expect } from 'vitest'
import { Placer, anchorsFirst, type Point } from './placement'
import { toElements, type GraphNodeData } from './toElements'
import { DEPLOYMENT_UID, LAST_STEP, NEW_PODS, NEW_RS, OLD_PODS, OLD_RS, rolloutState } from './rollout.fixture'

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

describe('Placer through a rolling update', () => {
  /** What GraphView does on each mirror change: drop the gone, place the rest anchors first. */
  function frame(p: Placer, step: number, seen: Set<string>): Map<string, Point> {
    const nodes = toElements(rolloutState(step), { showSystemPods: false })
      .filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData)
    const ids = new Set(nodes.map((n) => n.id))
    for (const id of seen) if (!ids.has(id)) { p.remove(id); seen.delete(id) }
    const out = new Map<string, Point>()
    for (const n of anchorsFirst(nodes)) {
      out.set(n.id, p.place(n.id, n.kind, n.anchor, n.anchor ? p.positionOf(n.anchor) : undefined))
      seen.add(n.id)
    }
    return out
  }
  const pod = (name: string) => `p-${name}`

  it('puts the new ReplicaSet beside the old one and each pod under its own ReplicaSet', () => {
    const p = new Placer()
    const at = frame(p, 3, new Set()) // old 2 pods, new 2 pods
    const dep = at.get(DEPLOYMENT_UID)!
    const oldRs = at.get(OLD_RS.uid)!
    const newRs = at.get(NEW_RS.uid)!
    expect(oldRs.y).toBeGreaterThan(dep.y)
    expect(newRs.y).toBe(oldRs.y) // side by side…
    expect(newRs.x).toBeGreaterThan(oldRs.x) // …the new revision to the right
    const oldPods = [OLD_PODS[1], OLD_PODS[2]].map((n) => at.get(pod(n))!)
    const newPods = [NEW_PODS[0], NEW_PODS[1]].map((n) => at.get(pod(n))!)
    for (const q of oldPods) expect(q.y).toBeGreaterThan(oldRs.y)
    // Nearer its own ReplicaSet than the other one, and a label's width (~125 px) clear of the other group.
    for (const q of oldPods) expect(Math.abs(q.x - oldRs.x)).toBeLessThan(Math.abs(q.x - newRs.x))
    for (const q of newPods) expect(Math.abs(q.x - newRs.x)).toBeLessThan(Math.abs(q.x - oldRs.x))
    expect(Math.min(...newPods.map((q) => q.x)) - Math.max(...oldPods.map((q) => q.x))).toBeGreaterThan(125)
  })

  it('never moves an object that stays from one step to the next (old RS kept at 0 in place)', () => {
    const p = new Placer()
    const seen = new Set<string>()
    let before = frame(p, 0, seen)
    for (let step = 1; step <= LAST_STEP; step++) {
      const now = frame(p, step, seen)
      for (const [id, pos] of now) if (before.has(id)) expect(pos, `${id} at step ${step}`).toEqual(before.get(id))
      before = now
    }
    expect(before.has(OLD_RS.uid)).toBe(true)
    expect(before.size).toBe(7) // node, deployment, 2 ReplicaSets, 3 new pods
  })

  it('does not move a ReplicaSet pod when it is scheduled (its anchor is the ReplicaSet)', () => {
    const p = new Placer()
    const rs = p.place(OLD_RS.uid, 'ReplicaSet', null, undefined)
    const pending = p.place('a', 'Pod', OLD_RS.uid, rs)
    expect(p.place('a', 'Pod', OLD_RS.uid, rs)).toEqual(pending)
  })
})
