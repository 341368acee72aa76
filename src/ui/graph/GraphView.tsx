// The only file that touches cytoscape (loaded lazily). It diffs elements in: new ones are added
// at the Placer's position (beside their anchor), changed ones get new data in place, removed ones
// fade out. No layout algorithm ever runs, so nothing jumps when one pod changes.
import { useEffect, useRef } from 'react'
import cytoscape from 'cytoscape'
import type { GraphElement, GraphNodeData } from './toElements'
import { Placer, anchorsFirst } from './placement'

/** Tone → fill colour; the same hues as the legend in styles.css. */
export const TONE_COLORS: Record<string, string> = {
  pending: '#e3b341',
  ready: '#3fb950',
  notready: '#f0883e',
  failed: '#f85149',
  succeeded: '#8b949e',
  terminating: '#8b949e',
  neutral: '#58a6ff',
  idle: '#8b949e',
}

/**
 * Workload controllers are drawn unlike pods (filled circles) and nodes (grey boxes): a dark fill
 * in their own hue with a thick border in the tone colour, so "2/3 ready" reads from the border.
 */
const WORKLOAD_FILL: Record<string, string> = {
  Deployment: '#3b2a63', // violet
  ReplicaSet: '#16384f', // teal-blue
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#d8dee9',
      'text-outline-color': '#0f1419',
      'text-outline-width': 2,
      width: 34,
      height: 34,
      'background-color': '#58a6ff',
      'border-width': 2,
      'border-color': '#0f1419',
      'transition-property': 'background-color, opacity, border-color',
      'transition-duration': 300,
    },
  },
  ...Object.entries(TONE_COLORS).map(([tone, color]) => ({
    selector: `node[tone = "${tone}"]`,
    style: { 'background-color': color },
  })),
  { selector: 'node[tone = "terminating"]', style: { opacity: 0.45, 'border-style': 'dashed', 'border-color': '#d8dee9' } },
  {
    selector: 'node[kind = "Node"]',
    style: {
      shape: 'round-rectangle', width: 120, height: 44, 'background-color': '#1f2933', 'border-width': 2,
      'text-valign': 'center', 'text-margin-y': 0, 'font-size': 12, 'font-weight': 'bold',
    },
  },
  { selector: 'node[kind = "Node"][tone = "ready"]', style: { 'border-color': '#3fb950', 'background-color': '#1f2933' } },
  { selector: 'node[kind = "Node"][tone = "failed"]', style: { 'border-color': '#f85149', 'background-color': '#1f2933' } },
  { selector: 'node[kind = "Deployment"], node[kind = "StatefulSet"], node[kind = "DaemonSet"]', style: { shape: 'round-hexagon', width: 46, height: 40 } },
  { selector: 'node[kind = "ReplicaSet"]', style: { shape: 'round-diamond', width: 40, height: 40 } },
  ...Object.entries(WORKLOAD_FILL).flatMap(([kind, fill]) => [
    { selector: `node[kind = "${kind}"]`, style: { 'background-color': fill, 'border-width': 3, 'border-color': TONE_COLORS.neutral } },
    ...Object.entries(TONE_COLORS).map(([tone, color]) => ({
      selector: `node[kind = "${kind}"][tone = "${tone}"]`,
      style: { 'background-color': fill, 'border-color': color },
    })),
  ]),
  // An old revision scaled to 0 stays drawn (it is still an object: rollout undo scales it back).
  { selector: 'node[tone = "idle"]', style: { opacity: 0.45, 'border-style': 'dashed' } },
  { selector: 'node[kind = "Service"]', style: { shape: 'round-triangle', width: 40, height: 36 } },
  { selector: 'node[kind = "Ingress"]', style: { shape: 'round-tag', width: 40, height: 36 } },
  { selector: 'node:selected', style: { 'border-color': '#ffffff', 'border-width': 3 } },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#3b4654', 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', 'target-arrow-color': '#3b4654', 'arrow-scale': 0.8,
    },
  },
  // Faint: with pods drawn under their ReplicaSet these lines cross the picture; ownership is the story.
  { selector: 'edge[relation = "runs-on"]', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', 'curve-style': 'straight', opacity: 0.35 } },
  { selector: 'edge[relation = "selects"]', style: { 'line-color': '#1f6feb', 'target-arrow-color': '#1f6feb', 'line-style': 'dashed' } },
  // Behind a Service: a ready address is a solid line, a not-ready one dashed, dimmed and orange
  // (the pod is selected but gets no traffic).
  { selector: 'edge[relation = "endpoint"]', style: { 'line-color': '#1f6feb', 'target-arrow-color': '#1f6feb', width: 2 } },
  { selector: 'edge[relation = "endpoint"][state = "notready"]', style: { 'line-style': 'dashed', 'line-color': TONE_COLORS.notready, 'target-arrow-color': TONE_COLORS.notready, opacity: 0.5, width: 1.5 } },
  {
    selector: 'edge[relation = "routes"]',
    style: {
      'line-color': '#a371f7', 'target-arrow-color': '#a371f7', label: 'data(label)', 'font-size': 10,
      'font-family': 'system-ui, sans-serif', color: '#d8dee9', 'text-outline-color': '#0f1419', 'text-outline-width': 2,
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[relation = "serves"]', style: { 'line-color': '#a371f7', 'target-arrow-color': '#a371f7', 'line-style': 'dotted' } },
]

export interface GraphViewProps {
  elements: GraphElement[]
  selected: string | null
  onSelect(id: string | null): void
  /** Changes whenever the user asks to fit the view. */
  fitRequest: number
}

const FIT_PADDING = 40
/** Zoom bounds: 0.3× still shows 30 pods readable as dots; 2.5× is enough to read any label. */
const MIN_ZOOM = 0.3
const MAX_ZOOM = 2.5

export default function GraphView({ elements, selected, onSelect, fitRequest }: GraphViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const cyRef = useRef<cytoscape.Core | null>(null)
  const placer = useRef(new Placer())
  const userMoved = useRef(false)
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect

  useEffect(() => {
    if (!host.current) return
    const cy = cytoscape({
      container: host.current, style: STYLE, layout: { name: 'preset' },
      minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, boxSelectionEnabled: false, autoungrabify: false,
    })
    cyRef.current = cy
    placer.current = new Placer()
    cy.on('tap', 'node', (e) => onSelectRef.current(e.target.id()))
    cy.on('tap', (e) => { if (e.target === cy) onSelectRef.current(null) })
    // Any pan/zoom/drag by the learner stops automatic fitting.
    const markMoved = () => { userMoved.current = true }
    host.current.addEventListener('wheel', markMoved, { passive: true })
    cy.on('dragfree', 'node', markMoved)
    cy.on('tapstart', (e) => { if (e.target === cy) markMoved() })
    const observer = new ResizeObserver(() => cy.resize())
    observer.observe(host.current)
    const el = host.current
    return () => {
      observer.disconnect()
      el.removeEventListener('wheel', markMoved)
      cy.destroy()
      cyRef.current = null
    }
  }, [])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    const wanted = new Map(elements.map((e) => [e.data.id, e]))
    let added = false
    cy.batch(() => {
      // Removed: edges first (removing a node removes its edges anyway), then nodes.
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) {
          if (ele.isNode()) placer.current.remove(ele.id())
          ele.remove()
        }
      })
      // Anchors first, so a new pod finds its Node (or ReplicaSet) already placed.
      const nodes = anchorsFirst(elements.filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData))
      for (const d of nodes) {
        const existing = cy.getElementById(d.id)
        const anchorPos = d.anchor ? placer.current.positionOf(d.anchor) : undefined
        const before = placer.current.positionOf(d.id)
        const pos = placer.current.place(d.id, d.kind, d.anchor, anchorPos)
        if (existing.nonempty()) {
          if (!sameData(existing.data(), d)) existing.data(d)
          if (before && (before.x !== pos.x || before.y !== pos.y)) existing.animate({ position: pos }, { duration: 300 })
        } else {
          cy.add({ group: 'nodes', data: { ...d }, position: { ...pos } })
          added = true
        }
      }
      for (const e of elements) {
        if (e.group !== 'edges' || cy.getElementById(e.data.id).nonempty()) continue
        cy.add({ group: 'edges', data: { ...e.data } })
      }
    })
    if (added && !userMoved.current) cy.fit(undefined, FIT_PADDING)
  }, [elements])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.$(':selected').unselect()
    if (selected) cy.getElementById(selected).select()
  }, [selected])

  useEffect(() => {
    if (fitRequest === 0) return
    userMoved.current = false
    cyRef.current?.fit(undefined, FIT_PADDING)
  }, [fitRequest])

  // The canvas is decorative for assistive technology: the object list in GraphPanel is the
  // accessible equivalent.
  return <div className="graph-canvas" ref={host} aria-hidden="true" />
}

function sameData(a: Record<string, unknown>, b: GraphNodeData): boolean {
  return a.label === b.label && a.tone === b.tone && a.status === b.status && a.anchor === b.anchor
}
