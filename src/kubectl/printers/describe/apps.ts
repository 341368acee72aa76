// kubectl describe deployment / replicaset (describeDeployment, describeReplicaSet and
// DescribePodTemplate in describe.go). Typed loosely: apps kinds arrive later in the engine.

import type { KubeObject, Pod } from '../../../api/types'
import { PrefixWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer'
import { describeContainers } from './containers'
import { describeVolumes } from './pod'
import { printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'
import { field, formatLabels, formatLabelSelector, selectorString, type LabelSelector } from '../util'
import { goJSON } from '../jsonpath/gojson'

/** The label the deployment controller adds to tell ReplicaSets of one Deployment apart. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'

type PodTemplate = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Pod['spec'] }

/** DescribePodTemplate: the template's labels, containers, volumes, node selectors, tolerations. */
export function describePodTemplate(template: PodTemplate | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) { w.write(LEVEL_1, '<unset>'); return }
  const spec = template.spec ?? { containers: [] }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, undefined, w, '  ')
  describeContainers('Containers', spec.containers ?? [], undefined, w, '  ')
  describeVolumes(spec.volumes, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}

/** Objects of a kind in the namespace whose controller owner has this uid. */
function owned(ctx: DescribeContext, plural: string, namespace: string | undefined, uid: string | undefined): KubeObject[] {
  try {
    return ctx.api.list(plural, { namespace }).items.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid))
  } catch {
    return []
  }
}

/** getPodStatusForController: pods controlled by the object, counted by phase. */
export function podsStatus(ctx: DescribeContext, obj: KubeObject): string {
  const pods = owned(ctx, 'pods', obj.metadata.namespace, obj.metadata.uid) as unknown as Pod[]
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`
}

function describeConditions(obj: KubeObject, w: PrefixWriter): void {
  const conditions = field<Array<{ type: string; status: string; reason?: string }>>(obj, 'status', 'conditions') ?? []
  if (conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(field<LabelSelector>(obj, 'spec', 'selector'))}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const controller = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  w.write(LEVEL_0, `Replicas:\t${field<number>(obj, 'status', 'replicas') ?? 0} current / ${field<number>(obj, 'spec', 'replicas') ?? 0} desired\n`)
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ctx, obj)}\n`)
  describePodTemplate(field<PodTemplate>(obj, 'spec', 'template'), w)
  describeConditions(obj, w)
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

/** EqualIgnoreHash: pod templates equal once the pod-template-hash label is removed. */
function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  const strip = (t: PodTemplate | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) }
    delete labels[POD_TEMPLATE_HASH_LABEL]
    return goJSON({ ...t, metadata: { ...t?.metadata, labels } })
  }
  return strip(a) === strip(b)
}

/** printReplicaSetsByLabels: `web-7d9f8b6c5d (3/3 replicas created)`, or `<none>`. */
function replicaSetList(list: KubeObject[]): string {
  return list.map((rs) => `${rs.metadata.name} (${field<number>(rs, 'status', 'replicas') ?? 0}/${field<number>(rs, 'spec', 'replicas') ?? 0} replicas created)`).join(', ') || '<none>'
}

export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const n = (...path: string[]) => field<number>(obj, ...path) ?? 0
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${selectorString(field<LabelSelector>(obj, 'spec', 'selector'))}\n`)
  w.write(LEVEL_0, `Replicas:\t${n('spec', 'replicas')} desired | ${n('status', 'updatedReplicas')} updated | ${n('status', 'replicas')} total | ` +
    `${n('status', 'availableReplicas')} available | ${n('status', 'unavailableReplicas')} unavailable\n`)
  w.write(LEVEL_0, `StrategyType:\t${field<string>(obj, 'spec', 'strategy', 'type') ?? ''}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${n('spec', 'minReadySeconds')}\n`)
  const ru = field<{ maxUnavailable?: string | number; maxSurge?: string | number }>(obj, 'spec', 'strategy', 'rollingUpdate')
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`)
  const template = field<PodTemplate>(obj, 'spec', 'template')
  describePodTemplate(template, w)
  describeConditions(obj, w)
  const rss = owned(ctx, 'replicasets', obj.metadata.namespace, obj.metadata.uid)
    // ReplicaSetsByCreationTimestamp: oldest first, ties broken by name.
    .sort((a, b) => (Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '')) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0))
  const newRS = rss.find((rs) => equalIgnoreHash(field<PodTemplate>(rs, 'spec', 'template'), template))
  const oldRSs = rss.filter((rs) => rs !== newRS && (field<number>(rs, 'spec', 'replicas') ?? 0) !== 0)
  w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`)
  w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`)
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

/**
 * describeDaemonSet (no Namespace line upstream). The `Desired Number...` lines carry no tab,
 * so they end the aligned block: `Pods Status:` aligns on its own (`Pods Status:  1 Running`).
 */
export function describeDaemonSet(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const n = (...path: string[]) => field<number>(obj, ...path) ?? 0
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(field<LabelSelector>(obj, 'spec', 'selector'))}\n`)
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(field<Record<string, string>>(obj, 'spec', 'template', 'spec', 'nodeSelector'))}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n('status', 'desiredNumberScheduled')}\n`)
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n('status', 'currentNumberScheduled')}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n('status', 'updatedNumberScheduled')}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n('status', 'numberAvailable')}\n`)
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n('status', 'numberMisscheduled')}\n`)
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ctx, obj)}\n`)
  describePodTemplate(field<PodTemplate>(obj, 'spec', 'template'), w)
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}
