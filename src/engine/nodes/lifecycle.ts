// The node lifecycle controller's TaintNodesByCondition part, for cordon: a node with
// spec.unschedulable gets the `node.kubernetes.io/unschedulable:NoSchedule` taint (and loses it
// when uncordoned), and the kubelet reports `NodeNotSchedulable` / `NodeSchedulable`, as
// `kubectl describe node` shows after `kubectl cordon minikube`.
import type { ApiClient } from '../../api/client'
import type { Node as CoreNode, KubeObject } from '../../api/types'
import { isStatusError } from '../../api/errors'
import type { VirtualClock } from '../runtime/clock'
import { WorkQueue, keyOf } from '../runtime/workqueue'
import type { EventRecorder } from '../events/recorder'

type Node = CoreNode & KubeObject

/** The taint the lifecycle controller mirrors from spec.unschedulable. */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable'

export function startNodeLifecycle(api: ApiClient, clock: VirtualClock, kubeletRecorder: (node: string) => EventRecorder): () => void {
  const known = new Map<string, boolean>() // node → unschedulable as last seen (for events)
  const queue = new WorkQueue(clock, (name) => {
    let node: Node
    try {
      node = api.get<Node>('nodes', undefined, name)
    } catch (e) {
      if (isStatusError(e) && e.status.reason === 'NotFound') { known.delete(name); return }
      throw e
    }
    const cordoned = !!node.spec?.unschedulable
    const before = known.get(name)
    known.set(name, cordoned)
    if (before !== undefined && before !== cordoned) {
      const ref = { apiVersion: 'v1', kind: 'Node', name, uid: name }
      const reason = cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable'
      kubeletRecorder(name).event(ref, 'Normal', reason, `Node ${name} status is now: ${reason}`)
    }
    const taints = node.spec?.taints ?? []
    const has = taints.some((t) => t.key === UNSCHEDULABLE_TAINT_KEY && t.effect === 'NoSchedule')
    if (has === cordoned) return
    const next = cordoned
      ? [...taints, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: clock.nowISO() }]
      : taints.filter((t) => !(t.key === UNSCHEDULABLE_TAINT_KEY && t.effect === 'NoSchedule'))
    api.update<Node>('nodes', { ...node, spec: { ...node.spec, taints: next.length ? next : undefined } })
  }, 'node-lifecycle')
  return api.watch<Node>('nodes', {}, (ev) => { if (ev.type !== 'DELETED') queue.add(keyOf(ev.object)) })
}
