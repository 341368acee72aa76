// Where graph nodes go, decided once per node so nothing jumps: a node keeps its position until
// it is removed or its anchor changes (a pending pod gets scheduled). New pods take the first free
// slot in a grid below their anchor; anchor-less objects take the first free slot in their kind's
// lane. Pure: the component asks and applies.
export interface Point { x: number; y: number }

interface Grid {
  /** Offset of slot 0 from the anchor. */
  dy: number
  /** Horizontal distance between slots, and slots per row. */
  dx: number
  perRow: number
  rowGap: number
  /** Slot 0 straight below the anchor and the rest to its right (else the row is centred). */
  fromLeft?: boolean
}

/** Bare pods under a Node: 5 per row, 140 px apart (a 20-character label is ~125 px at 11 px). */
const UNDER_NODE: Grid = { dy: 120, dx: 140, perRow: 5, rowGap: 80 }
/** Pods under their ReplicaSet (or Job, StatefulSet…): 3 per row, centred, 170 px apart (a
 * Deployment's pod name, `web-7d4bcbbf5b-9k8pw`, is 20 characters: ~150 px as drawn). */
const UNDER_OWNER: Grid = { dy: 110, dx: 170, perRow: 3, rowGap: 80 }
/**
 * ReplicaSets under their Deployment, side by side in one row: the first below it, each new
 * revision to the right of the last (a rollout reads left → right). 520 px apart: a ReplicaSet's
 * pod rows are 2 × 170 = 340 px wide plus ~150 px of label, so neighbours' pods never overlap.
 * One row however many (revisionHistoryLimit 10 keeps at most 11), so nothing below is hit.
 */
const BESIDE_SIBLINGS: Grid = { dy: 110, dx: 520, perRow: Number.MAX_SAFE_INTEGER, rowGap: 0, fromLeft: true }

/** Which grid a dependant takes, by the kind of its anchor. */
function gridFor(anchorKind: string | undefined): Grid {
  if (anchorKind === 'Node') return UNDER_NODE
  if (anchorKind === 'Deployment') return BESIDE_SIBLINGS
  return UNDER_OWNER
}

/**
 * Lanes for objects without an anchor: a start point and a step per slot. Nodes across the top with
 * their bare pods below (5 × 140 = 700 px wide, so x ±350). Deployments level with the first Node,
 * 700 px to its right, their ReplicaSets growing further right: the picture stays wide and short
 * like the panel. Deployments stack 520 px apart: Deployment → ReplicaSet (110) → 4 rows of pods
 * (110 + 3 × 80) ≈ 460 px, so a 12-replica ReplicaSet still clears the next one. Other workloads
 * and Services in lanes to the left.
 */
const LANES: Record<string, { x: number; y: number; dx: number; dy: number }> = {
  Node: { x: 0, y: 0, dx: 760, dy: 0 },
  Deployment: { x: 700, y: 0, dx: 0, dy: 520 },
  StatefulSet: { x: -560, y: 480, dx: 0, dy: 420 },
  DaemonSet: { x: -560, y: 900, dx: 0, dy: 420 },
  Job: { x: -560, y: 1320, dx: 0, dy: 420 },
  ReplicaSet: { x: -1000, y: 480, dx: 0, dy: 420 },
  Service: { x: -560, y: -120, dx: -160, dy: 0 },
  Ingress: { x: -560, y: -260, dx: -160, dy: 0 },
  Pod: { x: -160, y: -200, dx: 100, dy: 0 },
}
const DEFAULT_LANE = { x: 0, y: -360, dx: 140, dy: 0 }

interface Placed { point: Point; kind: string; anchor: string | null; slotKey: string; slot: number }

export class Placer {
  private readonly placed = new Map<string, Placed>()
  private readonly slots = new Map<string, (string | null)[]>()

  has(id: string): boolean { return this.placed.has(id) }
  anchorOf(id: string): string | null | undefined { return this.placed.get(id)?.anchor }
  positionOf(id: string): Point | undefined { return this.placed.get(id)?.point }

  /**
   * The position for `id`; the same as before unless the anchor changed. `anchorPos` is where the
   * anchor is drawn now (undefined: not drawn, use the lane).
   */
  place(id: string, kind: string, anchor: string | null, anchorPos: Point | undefined): Point {
    const prev = this.placed.get(id)
    if (prev && prev.anchor === anchor) return prev.point
    if (prev) this.free(id)
    const effective = anchor && anchorPos ? anchor : null
    const slotKey = effective ? `anchor:${effective}` : `lane:${kind}`
    const list = this.slots.get(slotKey) ?? []
    let slot = list.indexOf(null)
    if (slot < 0) slot = list.length
    list[slot] = id
    this.slots.set(slotKey, list)
    let point: Point
    if (effective && anchorPos) {
      const grid = gridFor(this.placed.get(effective)?.kind)
      const col = slot % grid.perRow
      const row = Math.floor(slot / grid.perRow)
      const x = grid.fromLeft ? col * grid.dx : (col - (grid.perRow - 1) / 2) * grid.dx
      point = { x: anchorPos.x + x, y: anchorPos.y + grid.dy + row * grid.rowGap }
    } else {
      const lane = LANES[kind] ?? DEFAULT_LANE
      point = { x: lane.x + slot * lane.dx, y: lane.y + slot * lane.dy }
    }
    // Anchor recorded as given: a pod whose anchor is not drawn yet is re-placed once it is.
    this.placed.set(id, { point, kind, anchor: effective ? anchor : null, slotKey, slot })
    return point
  }

  remove(id: string): void {
    this.free(id)
  }

  private free(id: string): void {
    const p = this.placed.get(id)
    if (!p) return
    const list = this.slots.get(p.slotKey)
    if (list && list[p.slot] === id) list[p.slot] = null
    this.placed.delete(id)
  }
}

/**
 * Orders nodes so that every anchor comes before what is anchored to it (Node before its pods,
 * Deployment before ReplicaSet before Pod); keeps the given order otherwise.
 */
export function anchorsFirst<T extends { id: string; anchor: string | null }>(nodes: readonly T[]): T[] {
  const ids = new Set(nodes.map((n) => n.id))
  const done = new Set<string>()
  const out: T[] = []
  let rest = [...nodes]
  while (rest.length) {
    const next: T[] = []
    for (const n of rest) {
      if (!n.anchor || !ids.has(n.anchor) || done.has(n.anchor)) { out.push(n); done.add(n.id) } else next.push(n)
    }
    if (next.length === rest.length) { out.push(...next); break } // a cycle: cannot happen with owners, but never loop
    rest = next
  }
  return out
}
