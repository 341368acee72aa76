// kubectl describe node (describeNode and describeNodeResource in describe.go).

import type { Node, Pod, KubeObject } from '../../../api/types'
import { translateTimestampSince } from '../age'
import { findNodeRoles } from '../columns/core'
import { PrefixWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, printTaintsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'
import { parseQuantity, addQuantity, formatQuantity, canonical, ZERO, type Quantity } from './quantity'

/** Resource names kubectl treats as standard (not listed as extended resources). */
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods'])

type ResourceList = Record<string, Quantity>

/** PodRequestsAndLimits: sum over containers, then max with each init container. */
function podRequestsAndLimits(pod: Pod): [ResourceList, ResourceList] {
  const sum = (key: 'requests' | 'limits') => {
    const total: ResourceList = {}
    for (const c of pod.spec?.containers ?? []) {
      for (const [name, v] of Object.entries(c.resources?.[key] ?? {})) {
        const q = parseQuantity(v as string)
        if (q) total[name] = total[name] ? addQuantity(total[name], q) : q
      }
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [name, v] of Object.entries(c.resources?.[key] ?? {})) {
        const q = parseQuantity(v as string)
        if (q && (!total[name] || q.milli > total[name].milli)) total[name] = q
      }
    }
    return total
  }
  return [sum('requests'), sum('limits')]
}

/** int64(fraction * 100) of allocatable, 0 when allocatable is 0. */
function percent(q: Quantity, alloc: Quantity | undefined, milli: boolean): number {
  if (!alloc || alloc.milli === 0n) return 0
  const a = milli ? Number(q.milli) : Number(q.milli / 1000n)
  const b = milli ? Number(alloc.milli) : Number(alloc.milli / 1000n)
  return Math.trunc((a / b) * 100)
}

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocSrc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : node.status?.capacity ?? {}
  const alloc: ResourceList = {}
  for (const [k, v] of Object.entries(allocSrc)) { const q = parseQuantity(v as string); if (q) alloc[k] = q }
  const reqs: ResourceList = {}
  const limits: ResourceList = {}
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod)
    for (const [k, q] of Object.entries(req)) reqs[k] = reqs[k] ? addQuantity(reqs[k], q) : q
    for (const [k, q] of Object.entries(lim)) limits[k] = limits[k] ? addQuantity(limits[k], q) : q
    const cell = (l: ResourceList, r: string, milli: boolean) => `${formatQuantity(l[r] ?? ZERO)} (${percent(l[r] ?? ZERO, alloc[r], milli)}%)`
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(req, 'cpu', true)}\t${cell(lim, 'cpu', true)}\t` +
      `${cell(req, 'memory', false)}\t${cell(lim, 'memory', false)}\t${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`)
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const row = (r: string, milli: boolean) => {
    const q = reqs[r] ?? ZERO
    const l = limits[r] ?? ZERO
    w.write(LEVEL_1, `${r}\t${formatQuantity(q)} (${percent(q, alloc[r], milli)}%)\t${formatQuantity(l)} (${percent(l, alloc[r], milli)}%)\n`)
  }
  row('cpu', true)
  row('memory', false)
  row('ephemeral-storage', false)
  const names = Object.keys(alloc).sort()
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) row(r, false)
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && !n.startsWith('requests.'))) {
    w.write(LEVEL_1, `${r}\t${formatQuantity(reqs[r] ?? ZERO)}\t${formatQuantity(limits[r] ?? ZERO)}\n`)
  }
}

export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as unknown as Node
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  const roles = findNodeRoles(node)
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  printTaintsMultiline(w, 'Taints', node.spec?.taints)
  w.write(LEVEL_0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`)
  describeLease(obj.metadata.name ?? '', ctx, w)
  const conditions = node.status?.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length === 0) continue
    w.write(LEVEL_0, `${title}:\n`)
    for (const n of names) w.write(LEVEL_0, `  ${n}:\t${canonical(list![n] as string)}\n`)
  }
  const info = node.status?.nodeInfo
  w.write(LEVEL_0, 'System Info:\n')
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`)
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
  describeNodeResource(nonTerminatedPods(ctx, obj.metadata.name ?? ''), node, w, ctx.now)
  // The kubelet reports node events with the node's name as the involvedObject uid.
  describeEvents(searchEvents(ctx, obj, [obj.metadata.name ?? '']), w, ctx.now)
  return w.toString()
}

/** Pods on the node that are not Succeeded/Failed (the describer's field selector). */
function nonTerminatedPods(ctx: DescribeContext, nodeName: string): Pod[] {
  let items: KubeObject[]
  try {
    items = ctx.api.list('pods', { fieldSelector: `spec.nodeName=${nodeName},status.phase!=Succeeded,status.phase!=Failed` }).items
  } catch {
    try { items = ctx.api.list('pods').items } catch { items = [] }
  }
  return (items as unknown as Pod[]).filter((p) => p.spec?.nodeName === nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
}

/** The node's Lease in kube-node-lease, when the cluster has leases. */
function describeLease(name: string, ctx: DescribeContext, w: PrefixWriter): void {
  let lease: KubeObject
  try {
    if (!ctx.api.discovery().some((k) => k.plural === 'leases')) return
    lease = ctx.api.get('leases', 'kube-node-lease', name)
  } catch {
    return
  }
  const spec = (lease.spec ?? {}) as { holderIdentity?: string; acquireTime?: string; renewTime?: string }
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`)
}
