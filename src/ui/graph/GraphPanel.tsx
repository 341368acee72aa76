// The cluster graph panel: header (system pods toggle, fit), the lazily loaded cytoscape view,
// a details card for the selected object, and a visually hidden list of every drawn object —
// the accessible (and testable) twin of the canvas.
import { lazy, Suspense, useMemo, useState, type CSSProperties } from 'react'
import { useStore } from 'zustand'
import type { KubeObject } from '../../api/types'
import { clusterStore } from '../../state/clusterMirror'
import { settingsStore, updateSettings } from '../../state/settings'
import { REVISION_ANNOTATION, toElements, type GraphEdgeData, type GraphNodeData } from './toElements'
import { ingressRoutes, loadBalancerAddress } from './network'
import { podSummary } from './podStatus'

const GraphView = lazy(() => import('./GraphView'))

export function GraphPanel() {
  const objects = useStore(clusterStore, (s) => s.objects)
  const ready = useStore(clusterStore, (s) => s.ready)
  const showSystemPods = useStore(settingsStore, (s) => s.showSystemPods)
  const [selected, setSelected] = useState<string | null>(null)
  const [fitRequest, setFitRequest] = useState(0)

  const elements = useMemo(() => toElements(Object.values(objects), { showSystemPods }), [objects, showSystemPods])
  const drawn = useMemo(() => elements.filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData), [elements])
  const selectedObj = selected ? objects[selected] : undefined
  // The drawn edges with both ends named, for the hidden list (Service → its pods, Ingress → Services…).
  const links = useMemo(() => {
    const byId = new Map(drawn.map((d) => [d.id, d]))
    return elements.flatMap((e) => {
      if (e.group !== 'edges') return []
      const edge = e.data as GraphEdgeData
      const from = byId.get(edge.source)
      const to = byId.get(edge.target)
      return from && to ? [{ edge, from, to }] : []
    })
  }, [elements, drawn])

  return (
    <section className="panel graph-panel" data-testid="graph" aria-label="Cluster graph">
      <header className="panel-header">
        <h2 className="panel-title">Cluster</h2>
        <div className="panel-actions">
          <label className="toggle">
            <input
              type="checkbox"
              checked={showSystemPods}
              onChange={(e) => updateSettings({ showSystemPods: e.target.checked })}
            />
            Show system pods
          </label>
          <button type="button" className="btn btn-small" onClick={() => setFitRequest((n) => n + 1)}>Fit</button>
        </div>
      </header>
      <div className="graph-body">
        <Suspense fallback={<div className="graph-loading">Loading graph…</div>}>
          <GraphView elements={elements} selected={selected} onSelect={setSelected} fitRequest={fitRequest} />
        </Suspense>
        {ready && drawn.length === 0 && <p className="graph-empty">No objects yet.</p>}
        {selectedObj && <Details obj={selectedObj} onClose={() => setSelected(null)} />}
        <Legend />
      </div>
      <ul className="visually-hidden" data-testid="graph-objects" aria-label="Cluster objects">
        {drawn.map((d) => (
          <li key={d.id} data-kind={d.kind} data-name={d.name} data-namespace={d.namespace} data-status={d.status}>
            <button type="button" onClick={() => setSelected(d.id)}>
              {`${d.kind} ${d.name}${d.status ? ` ${d.status}` : ''}`}
            </button>
          </li>
        ))}
      </ul>
      <ul className="visually-hidden" data-testid="graph-edges" aria-label="Connections">
        {links.map(({ edge, from, to }) => (
          <li key={edge.id} data-relation={edge.relation} data-from={`${from.kind}/${from.name}`} data-to={`${to.kind}/${to.name}`} data-state={edge.state}>
            {`${from.kind} ${from.name} → ${to.kind} ${to.name}${edge.state === 'notready' ? ' (not ready)' : ''}${edge.label ? ` ${edge.label}` : ''}`}
          </li>
        ))}
      </ul>
    </section>
  )
}

function Details({ obj, onClose }: { obj: KubeObject; onClose(): void }) {
  const rows: [string, string][] = [['Kind', obj.kind], ['Name', obj.metadata.name ?? '']]
  if (obj.metadata.namespace) rows.push(['Namespace', obj.metadata.namespace])
  if (obj.kind === 'Pod') {
    const s = podSummary(obj)
    const spec = obj.spec as { nodeName?: string } | undefined
    const status = obj.status as { podIP?: string } | undefined
    rows.push(['Status', s.status], ['Ready', `${s.ready}/${s.total}`], ['Restarts', String(s.restarts)],
      ['Node', spec?.nodeName ?? '<none>'], ['IP', status?.podIP ?? '<none>'])
  }
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
    const spec = obj.spec as { replicas?: number } | undefined
    const status = obj.status as { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number } | undefined
    rows.push(['Desired', String(spec?.replicas ?? 1)], ['Current', String(status?.replicas ?? 0)],
      ['Ready', String(status?.readyReplicas ?? 0)], ['Available', String(status?.availableReplicas ?? 0)])
    if (obj.kind === 'Deployment') rows.push(['Up-to-date', String(status?.updatedReplicas ?? 0)])
    const revision = obj.metadata.annotations?.[REVISION_ANNOTATION]
    if (revision) rows.push(['Revision', revision])
  }
  if (obj.kind === 'Service') {
    const spec = obj.spec as { type?: string; clusterIP?: string; ports?: { port: number; nodePort?: number; protocol?: string }[] } | undefined
    rows.push(['Type', spec?.type ?? 'ClusterIP'], ['Cluster IP', spec?.clusterIP ?? '<none>'])
    if (spec?.type === 'LoadBalancer') rows.push(['External IP', loadBalancerAddress(obj) || '<pending>'])
    const ports = (spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',')
    if (ports) rows.push(['Ports', ports])
  }
  if (obj.kind === 'Ingress') {
    rows.push(['Address', loadBalancerAddress(obj) || '<none>'])
    for (const r of ingressRoutes(obj)) rows.push([r.label, r.service])
  }
  return (
    <div className="graph-details" role="dialog" aria-label={`Details of ${obj.kind} ${obj.metadata.name ?? ''}`}>
      <button type="button" className="icon-btn" aria-label="Close details" onClick={onClose}>×</button>
      <dl>
        {rows.map(([k, v], i) => (
          <div key={`${i}:${k}`} className="detail-row"><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
    </div>
  )
}

const LEGEND: [string, string][] = [
  ['ready', 'Running, ready'],
  ['notready', 'Running, not ready'],
  ['pending', 'Pending / creating'],
  ['failed', 'Failed / crashing'],
  ['succeeded', 'Completed'],
]

/** Shapes of the workload objects (GraphView draws them; the swatches mirror its styles). */
const SHAPES: [string, string][] = [
  ['deployment', 'Deployment'],
  ['replicaset', 'ReplicaSet'],
  ['idle', 'scaled to 0'],
]

/** Service → pod edges (GraphView's endpoint styles): a line swatch each. */
const LINE_SWATCH = { width: 14, height: 0, borderRadius: 0, verticalAlign: 'middle' } as const
/** The same colours as GraphView's edge styles (not imported: GraphView is the lazy cytoscape chunk). */
const ENDPOINT_READY = '#1f6feb'
const ENDPOINT_NOT_READY = '#f0883e'
const LINES: [CSSProperties, string][] = [
  [{ ...LINE_SWATCH, borderTop: `2px solid ${ENDPOINT_READY}` }, 'Service → ready endpoint'],
  [{ ...LINE_SWATCH, borderTop: `2px dashed ${ENDPOINT_NOT_READY}`, opacity: 0.6 }, 'not-ready endpoint'],
]

function Legend() {
  return (
    <ul className="graph-legend" aria-label="Colour legend">
      {LEGEND.map(([tone, text]) => (
        <li key={tone}><span className={`swatch tone-${tone}`} aria-hidden="true" />{text}</li>
      ))}
      {SHAPES.map(([shape, text]) => (
        <li key={shape}><span className={`swatch shape-${shape}`} aria-hidden="true" />{text}</li>
      ))}
      {LINES.map(([style, text]) => (
        <li key={text}><span className="swatch" style={style} aria-hidden="true" />{text}</li>
      ))}
    </ul>
  )
}
