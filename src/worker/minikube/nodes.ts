// The minikube nodes as the `minikube` and `docker` commands see them: one docker container per
// node (docker driver), named after the node (minikube, minikube-m02, …), each with the node's
// filesystem (the kubelet's, which hostPath volumes share), its IP on the docker network
// (192.168.49.2, .3, …) and its kernel (netfilter, IPVS).
import type { Cluster } from '../../engine/cluster'
import type { NodeKernel } from '../../engine/network/kernel/types'
import type { FileSystem } from '../../shell'

export interface MinikubeNode {
  name: string
  ip: string
  /** The first node is the control plane (`type: Control Plane` in `minikube status`). */
  primary: boolean
  fs: FileSystem
  kernel?: NodeKernel
}

/** The node's kernel (`cluster.kernels`, one per node). */
export function nodeKernel(cluster: Cluster, name: string): NodeKernel | undefined {
  return cluster.kernels.get(name)
}

/** Every node, in `minikube start --nodes N` order (minikube, minikube-m02, …). */
export function minikubeNodes(cluster: Cluster): MinikubeNode[] {
  return cluster.kubelets.map((k, i) => ({
    name: k.nodeName,
    ip: k.netns.kind === 'node' ? k.netns.ip : '',
    primary: i === 0,
    fs: k.hostFs,
    kernel: nodeKernel(cluster, k.nodeName),
  }))
}

export function findNode(cluster: Cluster, name: string): MinikubeNode | undefined {
  return minikubeNodes(cluster).find((n) => n.name === name)
}
