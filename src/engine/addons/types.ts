// Cluster add-ons as data: the objects a component consists of. System components (CoreDNS,
// kube-proxy) are applied when the cluster boots, as kubeadm does; minikube addons (ingress,
// metallb) when the learner runs `minikube addons enable <name>`. What the objects' pods do is
// their images' programs (engine/images/library), reaching the API through ProcessHost.cluster.
import type { KubeObject } from '../../api/types'

export interface AddonContext {
  /** The primary node's name and IP (minikube, 192.168.49.2). */
  nodeName: string
  nodeIP: string
}

export interface Addon {
  /** `minikube addons list` name: `ingress`, `metallb`. */
  name: string
  /** `minikube addons list` MAINTAINER column (`Kubernetes`, `3rd party (MetalLB)`). */
  maintainer: string
  /** The objects, in the order they are created (namespaces first). */
  manifests(ctx: AddonContext): KubeObject[]
  /** The lines `minikube addons enable` prints after its own (`💡  After the addon is enabled…`). */
  enableNotes?: string[]
}
