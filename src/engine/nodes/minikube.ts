// The minikube node and the pods minikube runs on it from the start, as `kubectl get -o yaml`
// shows them on a fresh `minikube start --kubernetes-version=v1.30.0` (docker driver). Data only.
import type { Node as CoreNode, Pod as CorePod, KubeObject } from '../../api/types'
import { hex64 } from '../images/digest'

type Node = CoreNode & KubeObject
type Pod = CorePod & KubeObject

export const MINIKUBE_NODE_NAME = 'minikube'
export const MINIKUBE_NODE_IP = '192.168.49.2'
export const MINIKUBE_POD_CIDR = '10.244.0.0/24'
export const KUBERNETES_VERSION = 'v1.30.0'

/** 3912 MiB in KiB (3912 × 1024 = 4,005,888): the docker driver's default memory for 2 CPUs. */
export const MINIKUBE_MEMORY = '4005888Ki'
/** 2 CPUs, the docker driver's default. */
export const MINIKUBE_CPU = '2'
/** The kubelet's default --max-pods. */
export const MINIKUBE_MAX_PODS = '110'
/** ~58 GiB free on the docker volume. */
export const MINIKUBE_EPHEMERAL = '61202244Ki'

/**
 * What minikube's preload tarball puts on a fresh node (v1.30, docker runtime): the control plane's
 * and the system add-ons' images, so CoreDNS and kube-proxy start with `already present on machine`.
 */
export const MINIKUBE_PRELOADED_IMAGES: readonly string[] = [
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  'registry.k8s.io/etcd:3.5.12-0',
  'registry.k8s.io/coredns/coredns:v1.11.1',
  'registry.k8s.io/pause:3.9',
  'gcr.io/k8s-minikube/storage-provisioner:v5',
]

/**
 * Node i of `minikube start --nodes N`: minikube (192.168.49.2, 10.244.0.0/24), then
 * minikube-m02 (192.168.49.3, 10.244.1.0/24), minikube-m03 …
 */
export function minikubeNodeFacts(i: number): { name: string; ip: string; podCIDR: string } {
  return {
    name: i === 0 ? MINIKUBE_NODE_NAME : `${MINIKUBE_NODE_NAME}-m${String(i + 1).padStart(2, '0')}`,
    ip: `192.168.49.${2 + i}`,
    podCIDR: `10.244.${i}.0/24`,
  }
}

export function minikubeNode(name = MINIKUBE_NODE_NAME, podCIDR = MINIKUBE_POD_CIDR, primary = true): Node {
  const controlPlane: Record<string, string> = primary
    ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' }
    : {}
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'minikube.k8s.io/name': 'minikube',
        'minikube.k8s.io/primary': primary ? 'true' : 'false',
        'minikube.k8s.io/version': 'v1.33.1',
        ...controlPlane,
      },
    },
    spec: { podCIDR, podCIDRs: [podCIDR] },
  }
}

/** The status the kubelet posts once it is up. */
export function minikubeNodeStatus(name: string, ip: string, nowISO: string, maxPods = MINIKUBE_MAX_PODS): CoreNode['status'] {
  const resources = { cpu: MINIKUBE_CPU, 'ephemeral-storage': MINIKUBE_EPHEMERAL, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: MINIKUBE_MEMORY, pods: maxPods }
  const cond = (type: string, status: string, reason: string, message: string) =>
    ({ type, status, reason, message, lastHeartbeatTime: nowISO, lastTransitionTime: nowISO })
  return {
    addresses: [{ address: ip, type: 'InternalIP' }, { address: name, type: 'Hostname' }],
    allocatable: { ...resources },
    capacity: { ...resources },
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      architecture: 'amd64',
      bootID: uuidFrom(`${name}-boot`),
      containerRuntimeVersion: 'docker://26.1.1',
      kernelVersion: '5.15.0-105-generic',
      kubeProxyVersion: KUBERNETES_VERSION,
      kubeletVersion: KUBERNETES_VERSION,
      machineID: hex64(`${name}-machine`).slice(0, 32),
      operatingSystem: 'linux',
      osImage: 'Ubuntu 22.04.4 LTS',
      systemUUID: uuidFrom(`${name}-system`),
    },
  }
}

function uuidFrom(s: string): string {
  const h = hex64(s)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** system-node-critical: the priority of static control-plane pods. */
const SYSTEM_NODE_CRITICAL = 2000001000

interface StaticSpec { component: string; image: string; cpu: string; memory?: string; command: string[]; extraAnnotations?: Record<string, string> }

const CONTROL_PLANE: StaticSpec[] = [
  { component: 'etcd', image: 'registry.k8s.io/etcd:3.5.12-0', cpu: '100m', memory: '100Mi', command: ['etcd', '--advertise-client-urls=https://192.168.49.2:2379', '--data-dir=/var/lib/minikube/etcd', '--listen-client-urls=https://127.0.0.1:2379,https://192.168.49.2:2379', '--name=minikube'],
    extraAnnotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': 'https://192.168.49.2:2379' } },
  { component: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, cpu: '250m', command: ['kube-apiserver', '--advertise-address=192.168.49.2', '--secure-port=8443', '--service-cluster-ip-range=10.96.0.0/12'],
    extraAnnotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '192.168.49.2:8443' } },
  { component: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, cpu: '200m', command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--leader-elect=false'] },
  { component: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, cpu: '100m', command: ['kube-scheduler', '--leader-elect=false'] },
]

/** The kubeadm static pods as their mirror pods: owned by the Node, as the kubelet creates them. */
export function controlPlanePods(node: { name: string; uid: string }, seenISO: string): Pod[] {
  return CONTROL_PLANE.map((s) => {
    const hash = hex64(`${s.component}-${node.name}`).slice(0, 32)
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${s.component}-${node.name}`,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: {
          ...s.extraAnnotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': seenISO,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.name, uid: node.uid }],
      },
      spec: {
        containers: [{
          name: s.component,
          image: s.image,
          imagePullPolicy: 'IfNotPresent',
          command: s.command,
          resources: { requests: (s.memory ? { cpu: s.cpu, memory: s.memory } : { cpu: s.cpu }) as Record<string, string> },
        }],
        hostNetwork: true,
        nodeName: node.name,
        priority: SYSTEM_NODE_CRITICAL,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      },
    }
  })
}

/** minikube's storage-provisioner addon: a bare pod (no controller), host network. */
export function storageProvisionerPod(nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'storage-provisioner',
      namespace: 'kube-system',
      labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner' },
    },
    spec: {
      containers: [{ name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5', imagePullPolicy: 'IfNotPresent', command: ['/storage-provisioner'] }],
      hostNetwork: true,
      nodeName,
      serviceAccountName: 'storage-provisioner',
    },
  }
}
