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
}

/** Pods under a Node: 5 per row, 140 px apart (a 20-character label is ~125 px at 11 px). */
const UNDER_NODE: Grid = { dy: 120, dx: 140, perRow: 5, rowGap: 80 }
/** ReplicaSets under their Deployment, Pods under their ReplicaSet (when not yet on a node). */
const UNDER_OWNER: Grid = { dy: 100, dx: 110, perRow: 3, rowGap: 80 }

/** Lanes for objects without an anchor: a start point and a step per slot. */
const LANES: Record<string, { x: number; y: number; dx: number; dy: number }> = {
  Node: { x: 0, y: 0, dx: 760, dy: 0 },
  Deployment: { x: -420, y: -220, dx: 0, dy: 260 },
  StatefulSet: { x: -420, y: 300, dx: 0, dy: 200 },
  DaemonSet: { x: -420, y: 500, dx: 0, dy: 200 },
  Job: { x: -420, y: 700, dx: 0, dy: 200 },
  ReplicaSet: { x: -420, y: -100, dx: 0, dy: 260 },
  Service: { x: 420, y: -120, dx: 0, dy: 110 },
  Ingress: { x: 640, y: -120, dx: 0, dy: 110 },
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
      const grid = this.placed.get(effective)?.kind === 'Node' ? UNDER_NODE : UNDER_OWNER
      const col = slot % grid.perRow
      const row = Math.floor(slot / grid.perRow)
      point = { x: anchorPos.x + (col - (grid.perRow - 1) / 2) * grid.dx, y: anchorPos.y + grid.dy + row * grid.rowGap }
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
