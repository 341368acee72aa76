// Turns the cluster mirror into graph elements (plain data, no cytoscape here). What is drawn, how
// its status reads and which edges join objects are tables below, so a new kind is a new row:
//   Node → Pod (runs on), owner → owned (Deployment → ReplicaSet → Pod), Service → Pod (the pods
//   behind its endpoints, ready or not; by selector until endpoints exist), Ingress → Service (one
//   edge per rule, labelled host/path), ingress controller pod → Ingress (serves). network.ts has
//   the networking rules.
import type { KubeObject, Node } from '../../api/types'
import { getControllerOf } from '../../api/objects'
import { podSummary } from './podStatus'
import { endpointIndex, ingressClassOf, ingressRoutes, isIngressController, loadBalancerAddress, serviceStatus } from './network'

/** Colour families (styles in GraphView.tsx and the legend). */
export type Tone = 'pending' | 'ready' | 'notready' | 'failed' | 'succeeded' | 'terminating' | 'neutral' | 'idle'

export interface GraphNodeData {
  id: string
  kind: string
  name: string
  namespace: string
  /** The status word shown under the name (a pod's kubectl STATUS). */
  status: string
  tone: Tone
  label: string
  /**
   * The element a new node is placed beside: a ReplicaSet's Deployment, a pod's controller
   * (ReplicaSet, Job, …) when drawn, otherwise the Node it runs on.
   */
  anchor: string | null
}

/** `endpoint`: Service → a pod in its Endpoints/EndpointSlices; `selects`: by selector (no endpoints yet). */
export type Relation = 'runs-on' | 'owns' | 'selects' | 'endpoint' | 'routes' | 'serves'

export interface GraphEdgeData {
  id: string
  source: string
  target: string
  relation: Relation
  /** Drawn on the edge (cytoscape text): an Ingress rule's `host/path`. */
  label?: string
  /** An `endpoint` edge: the address is ready (solid) or not ready (dashed, dimmed). */
  state?: 'ready' | 'notready'
}

export type GraphElement = { group: 'nodes'; data: GraphNodeData } | { group: 'edges'; data: GraphEdgeData }

export interface ToElementsOptions {
  showSystemPods: boolean
}

export const SYSTEM_NAMESPACE = 'kube-system'
/** The IngressClass of minikube's ingress addon (ingress-nginx). */
export const NGINX_CLASS = 'nginx'

/** Reasons that mean a pod is broken (red), as kubectl prints them. */
const FAILED_WORDS = new Set([
  'Failed', 'Error', 'CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName',
  'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'OOMKilled', 'Evicted',
  'ContainerStatusUnknown', 'Unknown', 'ErrImageNeverPull', 'StartError',
])

export function podTone(obj: KubeObject, status: string): Tone {
  if (status === 'Terminating') return 'terminating'
  const bare = status.startsWith('Init:') ? status.slice('Init:'.length) : status
  if (FAILED_WORDS.has(bare) || /^(Signal|ExitCode):/.test(bare)) return 'failed'
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded'
  if (status === 'Running') {
    const conds = (obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions
    return conds?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'ready' : 'notready'
  }
  if (status === 'NotReady') return 'notready'
  return 'pending' // Pending, ContainerCreating, PodInitializing, Init:0/1, SchedulingGated
}

interface Replicas {
  metadata: { annotations?: Record<string, string> }
  spec?: { replicas?: number }
  status?: { readyReplicas?: number }
}

/** The Deployment controller's revision annotation on Deployments and their ReplicaSets. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/**
 * "ready/desired", the READY column of `kubectl get deploy` (printDeployment: readyReplicas /
 * spec.replicas; an unset spec.replicas defaults to 1). A ReplicaSet scaled to 0 (an old revision
 * after a rollout: 0/0) is `idle`: still drawn, faded.
 */
function replicasStatus(o: KubeObject): { status: string; tone: Tone } {
  const r = o as unknown as Replicas
  const want = r.spec?.replicas ?? 1
  const ready = r.status?.readyReplicas ?? 0
  const tone: Tone = want === 0 && ready === 0 ? 'idle' : ready >= want ? 'ready' : 'pending'
  return { status: `${ready}/${want}`, tone }
}

/** A ReplicaSet's label adds its revision (`web-6d4c9f8b7` / `3/3 · rev 2`): which one is new. */
function revisionOf(o: KubeObject): string | undefined {
  return (o as unknown as Replicas).metadata.annotations?.[REVISION_ANNOTATION]
}

interface KindView {
  status(o: KubeObject): { status: string; tone: Tone }
}

/** The kinds the graph draws, and what their status word is. */
const KIND_VIEWS: Record<string, KindView> = {
  Node: {
    status(o) {
      const n = o as unknown as Node
      const ready = n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      const word = (ready ? 'Ready' : 'NotReady') + (n.spec?.unschedulable ? ',SchedulingDisabled' : '')
      return { status: word, tone: ready ? 'ready' : 'failed' }
    },
  },
  Pod: {
    status(o) {
      const status = podSummary(o).status
      return { status, tone: podTone(o, status) }
    },
  },
  Deployment: { status: replicasStatus },
  ReplicaSet: { status: replicasStatus },
  StatefulSet: { status: replicasStatus },
  DaemonSet: { status: () => ({ status: '', tone: 'neutral' }) },
  Job: { status: () => ({ status: '', tone: 'neutral' }) },
  Service: {
    status(o) {
      const { status, pending } = serviceStatus(o)
      return { status, tone: pending ? 'pending' : 'neutral' }
    },
  },
  // Its ADDRESS (the controller's node or LoadBalancer IP) once the controller has written it.
  Ingress: { status: (o) => ({ status: loadBalancerAddress(o), tone: 'neutral' }) },
}

export const DRAWN_KINDS = Object.keys(KIND_VIEWS)

function nsOf(o: KubeObject): string {
  return o.metadata.namespace ?? ''
}

function uidOf(o: KubeObject): string {
  return o.metadata.uid ?? `${o.kind}/${nsOf(o)}/${o.metadata.name}`
}

function matchesSelector(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false // a selector-less Service selects nothing
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v)
}

/** Stable order: by kind (table order), namespace, name, so the hidden list and tests read well. */
function compare(a: KubeObject, b: KubeObject): number {
  return DRAWN_KINDS.indexOf(a.kind) - DRAWN_KINDS.indexOf(b.kind)
    || nsOf(a).localeCompare(nsOf(b))
    || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')
}

/** Labels longer than this are shortened in the middle (the full name is in the list and details). */
export const LABEL_MAX = 20

/**
 * `kube-controller-manager-minikube` (32) → `kube-contr…-minikube`: the start says what it is,
 * the end keeps the generated suffix that tells replicas apart (web-7d4b9c5f6-x5k2p → web-7d4b9c…6-x5k2p).
 */
export function shortLabel(name: string, max = LABEL_MAX): string {
  if (name.length <= max) return name
  const tail = Math.floor((max - 1) / 2)
  const head = max - 1 - tail
  return `${name.slice(0, head)}…${name.slice(name.length - tail)}`
}

export function toElements(objects: readonly KubeObject[], opts: ToElementsOptions): GraphElement[] {
  const drawn = objects
    .filter((o) => KIND_VIEWS[o.kind] && (opts.showSystemPods || nsOf(o) !== SYSTEM_NAMESPACE))
    .sort(compare)
  const byUid = new Map(drawn.map((o) => [uidOf(o), o]))
  const nodeByName = new Map(drawn.filter((o) => o.kind === 'Node').map((o) => [o.metadata.name, uidOf(o)]))
  const byKindNsName = new Map(drawn.map((o) => [`${o.kind}/${nsOf(o)}/${o.metadata.name}`, uidOf(o)]))

  const nodes: GraphElement[] = []
  const edges: GraphElement[] = []
  const edge = (source: string, target: string, relation: Relation, extra: Pick<GraphEdgeData, 'label' | 'state'> = {}) => {
    // State and label are part of the id: a pod turning ready replaces its edge (the view adds new ids).
    const suffix = (extra.state ? `:${extra.state}` : '') + (extra.label !== undefined ? `:${extra.label}` : '')
    edges.push({ group: 'edges', data: { id: `${relation}:${source}->${target}${suffix}`, source, target, relation, ...extra } })
  }
  const backends = endpointIndex(objects)
  const podByKey = new Map(drawn.filter((o) => o.kind === 'Pod').map((o) => [`${nsOf(o)}/${o.metadata.name}`, uidOf(o)]))
  const controllers = drawn.filter(isIngressController)
  const controllerAddress = new Map<string, string>()

  for (const o of drawn) {
    const id = uidOf(o)
    const { status, tone } = KIND_VIEWS[o.kind].status(o)
    let anchor: string | null = null

    const owner = getControllerOf(o)
    const nodeName = o.kind === 'Pod' ? (o.spec as { nodeName?: string } | undefined)?.nodeName : undefined
    const nodeId = nodeName ? nodeByName.get(nodeName) : undefined
    // A static pod's controller is its Node: one "runs on" edge says it, not two.
    if (owner?.uid && byUid.has(owner.uid) && owner.uid !== nodeId) {
      edge(owner.uid, id, 'owns')
      anchor = owner.uid
    }
    if (nodeId) {
      edge(nodeId, id, 'runs-on')
      // Pods sit beside their controller (a ReplicaSet's pods under it, so a rollout reads as
      // pods moving from the old ReplicaSet to the new); bare pods beside the node they run on.
      if (!anchor) anchor = nodeId
    }
    if (o.kind === 'Service') {
      const behind = backends.get(`${nsOf(o)}/${o.metadata.name}`)
      if (behind) {
        for (const b of behind) {
          const pod = b.uid && byUid.has(b.uid) ? b.uid : podByKey.get(b.key)
          if (pod) edge(id, pod, 'endpoint', { state: b.state })
        }
      } else {
        const selector = (o.spec as { selector?: Record<string, string> } | undefined)?.selector
        for (const p of drawn) {
          if (p.kind === 'Pod' && nsOf(p) === nsOf(o) && matchesSelector(selector, p.metadata.labels)) edge(id, uidOf(p), 'selects')
        }
      }
    }
    if (o.kind === 'Ingress') {
      for (const r of ingressRoutes(o)) {
        const svc = byKindNsName.get(`Service/${nsOf(o)}/${r.service}`)
        if (svc) edge(id, svc, 'routes', { label: r.label })
      }
      // ingress-nginx serves its class (`nginx`) and, as minikube's default class, Ingresses naming none.
      const cls = ingressClassOf(o)
      if (cls === undefined || cls === NGINX_CLASS) {
        const address = loadBalancerAddress(o)
        for (const c of controllers) {
          edge(uidOf(c), id, 'serves')
          if (address && !controllerAddress.has(uidOf(c))) controllerAddress.set(uidOf(c), address)
        }
      }
    }
    const name = o.metadata.name ?? ''
    const revision = o.kind === 'ReplicaSet' ? revisionOf(o) : undefined
    const second = revision ? `${status} · rev ${revision}` : status
    nodes.push({
      group: 'nodes',
      data: { id, kind: o.kind, name, namespace: nsOf(o), status, tone, anchor, label: second ? `${shortLabel(name)}\n${second}` : shortLabel(name) },
    })
  }
  // A controller pod's label ends with the address its Ingresses got (`192.168.49.2` on minikube).
  for (const n of nodes) {
    const address = controllerAddress.get(n.data.id)
    if (address && n.group === 'nodes') (n.data as GraphNodeData).label += `\n${address}`
  }
  return [...nodes, ...edges]
}
