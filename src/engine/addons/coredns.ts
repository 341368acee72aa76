// CoreDNS as kubeadm installs it (cmd/kubeadm/app/phases/addons/dns/manifests.go, v1.30) with
// minikube's changes: the Corefile gains `log` and a `hosts` block for host.minikube.internal,
// and the Deployment is scaled to 1 replica. Applied at boot by cluster.ts (a system component,
// not a `minikube addons` entry). The ServiceAccount and RBAC objects kubeadm also creates are
// left out: the lab serves neither kind, and the program reads the API with the pod's access.
import { serviceAccount } from './serviceaccount'
import type { KubeObject } from '../../api/types'
import { minikubeCorefile } from '../network/dns/corefile'
import { CLUSTER_DNS_IP } from '../network/dns/constants'
import type { AddonContext } from './types'

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.1'
/** minikube runs one CoreDNS replica (kubeadm creates 2; `minikube start` scales it down). */
export const COREDNS_REPLICAS = 1
const NS = 'kube-system'
const LABELS = { 'k8s-app': 'kube-dns' }

export function corednsConfigMap(hostIP = '192.168.49.1'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: NS }, data: { Corefile: minikubeCorefile(hostIP) } }
}

export function corednsDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: NS, labels: { ...LABELS } },
    spec: {
      replicas: COREDNS_REPLICAS,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { ...LABELS } },
      template: {
        metadata: { labels: { ...LABELS } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100,
                podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' },
              }],
            },
          },
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{
            name: 'coredns',
            image: COREDNS_IMAGE,
            imagePullPolicy: 'IfNotPresent',
            resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            args: ['-conf', '/etc/coredns/Corefile'],
            volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
            livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
            readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
          }],
          // CoreDNS itself resolves upstream names with the node's resolver, not with itself.
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  }
}

export function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: NS,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: CLUSTER_DNS_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { ...LABELS },
    },
  }
}

/** The objects in creation order (ConfigMap before the Deployment that mounts it). For applyObjects. */
export function corednsManifests(ctx?: Partial<AddonContext>): KubeObject[] {
  void ctx
  return [serviceAccount('coredns', NS), corednsConfigMap(), corednsDeployment(), kubeDnsService()]
}
