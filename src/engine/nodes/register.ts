// Node registration as the kubelet does it on start: create the Node, post its status (Ready),
// and record the start-up events `kubectl describe node minikube` lists.
import type { ApiClient } from '../../api/client'
import type { Node as CoreNode, KubeObject } from '../../api/types'
import type { VirtualClock } from '../runtime/clock'
import type { EventRecorder } from '../events/recorder'
import { minikubeNode, minikubeNodeStatus } from './minikube'

type Node = CoreNode & KubeObject

export interface RegisterNodeOptions {
  api: ApiClient
  clock: VirtualClock
  name: string
  ip: string
  podCIDR: string
  /** The control-plane node (labels node-role.kubernetes.io/control-plane). */
  primary?: boolean
  /** --max-pods (default 110). */
  maxPods?: number
  /** source {component: kubelet, host: name} */
  kubelet: EventRecorder
  /** source {component: node-controller} */
  nodeController: EventRecorder
}

export function registerNode(o: RegisterNodeOptions): Node {
  const created = o.api.create<Node>('nodes', minikubeNode(o.name, o.podCIDR, o.primary ?? true))
  const node = o.api.updateStatus<Node>('nodes', { ...created, status: minikubeNodeStatus(o.name, o.ip, o.clock.nowISO(), o.maxPods === undefined ? undefined : String(o.maxPods)) })
  // The kubelet refers to its node with the node name as uid (kubelet.go: nodeRef).
  const ref = { apiVersion: 'v1', kind: 'Node', name: o.name, uid: o.name }
  o.kubelet.event(ref, 'Normal', 'Starting', 'Starting kubelet.')
  o.kubelet.event(ref, 'Normal', 'NodeHasSufficientMemory', `Node ${o.name} status is now: NodeHasSufficientMemory`)
  o.kubelet.event(ref, 'Normal', 'NodeHasNoDiskPressure', `Node ${o.name} status is now: NodeHasNoDiskPressure`)
  o.kubelet.event(ref, 'Normal', 'NodeHasSufficientPID', `Node ${o.name} status is now: NodeHasSufficientPID`)
  o.kubelet.event(ref, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods')
  o.nodeController.event({ apiVersion: 'v1', kind: 'Node', name: o.name, uid: node.metadata.uid }, 'Normal', 'RegisteredNode', `Node ${o.name} event: Registered Node ${o.name} in Controller`)
  return node
}
