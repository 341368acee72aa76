// Deployment, ReplicaSet and Service columns (printDeployment, printReplicaSet, printService in
// pkg/printers/internalversion/printers.go). Typed loosely: these kinds arrive later in the engine.

import type { KubeObject } from '../../../api/types'
import { translateTimestampSince } from '../age'
import { NONE, field, formatLabels, formatLabelSelector, layoutContainerCells, selectorString, type LabelSelector } from '../util'
import type { KindColumns } from './types'

const age = (obj: KubeObject, now: number) => translateTimestampSince(obj.metadata.creationTimestamp, now)
const num = (v: unknown) => String(typeof v === 'number' ? v : 0)
type Containers = Array<{ name?: string; image?: string }>

const wideTemplateCells = (obj: KubeObject, selector: string): string[] => {
  const [names, images] = layoutContainerCells(field<Containers>(obj, 'spec', 'template', 'spec', 'containers'))
  return [names, images, selector]
}

export const deploymentColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Age' },
    { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 },
  ],
  cells(obj, ctx) {
    const desired = field<number>(obj, 'spec', 'replicas') ?? 0
    const ready = field<number>(obj, 'status', 'readyReplicas') ?? 0
    const row = [obj.metadata.name ?? '', `${ready}/${desired}`, num(field(obj, 'status', 'updatedReplicas')),
      num(field(obj, 'status', 'availableReplicas')), age(obj, ctx.now)]
    if (ctx.wide) row.push(...wideTemplateCells(obj, selectorString(field<LabelSelector>(obj, 'spec', 'selector'))))
    return row
  },
}

export const replicaSetColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Age' },
    { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 },
  ],
  cells(obj, ctx) {
    const row = [obj.metadata.name ?? '', num(field(obj, 'spec', 'replicas')), num(field(obj, 'status', 'replicas')),
      num(field(obj, 'status', 'readyReplicas')), age(obj, ctx.now)]
    if (ctx.wide) row.push(...wideTemplateCells(obj, formatLabelSelector(field<LabelSelector>(obj, 'spec', 'selector'))))
    return row
  },
}

interface ServicePort { port: number; nodePort?: number; protocol?: string }

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by commas. */
export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
}

/** getServiceExternalIP; the load-balancer column is clipped to 16 characters unless wide. */
export function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const externalIPs = field<string[]>(svc, 'spec', 'externalIPs') ?? []
  switch (field<string>(svc, 'spec', 'type')) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : NONE
    case 'LoadBalancer': {
      const ingress = field<Array<{ ip?: string; hostname?: string }>>(svc, 'status', 'loadBalancer', 'ingress') ?? []
      let lb = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',')
      const LOAD_BALANCER_WIDTH = 16 // printers.go loadBalancerWidth
      if (!wide && lb.length > LOAD_BALANCER_WIDTH) lb = lb.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return field<string>(svc, 'spec', 'externalName') ?? ''
  }
  return '<unknown>'
}

export const serviceColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, { name: 'Age' },
    { name: 'Selector', priority: 1 },
  ],
  cells(obj, ctx) {
    // Upstream reads clusterIPs[0]; the API server always mirrors clusterIP there.
    const clusterIP = field<string[]>(obj, 'spec', 'clusterIPs')?.[0] || field<string>(obj, 'spec', 'clusterIP') || NONE
    const row = [obj.metadata.name ?? '', field<string>(obj, 'spec', 'type') ?? '', clusterIP, serviceExternalIP(obj, ctx.wide),
      makePortString(field<ServicePort[]>(obj, 'spec', 'ports')) || NONE, age(obj, ctx.now)]
    if (ctx.wide) row.push(formatLabels(field<Record<string, string>>(obj, 'spec', 'selector')))
    return row
  },
}

/** printDaemonSet: the status counters, the template's nodeSelector, then wide containers/selector. */
export const daemonSetColumns: KindColumns = {
  columns: [
    { name: 'Name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' },
    { name: 'Node Selector' }, { name: 'Age' },
    { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 },
  ],
  cells(obj, ctx) {
    const row = [obj.metadata.name ?? '', num(field(obj, 'status', 'desiredNumberScheduled')), num(field(obj, 'status', 'currentNumberScheduled')),
      num(field(obj, 'status', 'numberReady')), num(field(obj, 'status', 'updatedNumberScheduled')), num(field(obj, 'status', 'numberAvailable')),
      formatLabels(field<Record<string, string>>(obj, 'spec', 'template', 'spec', 'nodeSelector')), age(obj, ctx.now)]
    if (ctx.wide) row.push(...wideTemplateCells(obj, formatLabelSelector(field<LabelSelector>(obj, 'spec', 'selector'))))
    return row
  },
}
