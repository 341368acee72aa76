// kube-proxy as kubeadm v1.30 installs it (cmd/kubeadm/app/phases/addons/proxy): the ConfigMap
// `kube-proxy` (config.conf: the full KubeProxyConfiguration with mode "" and ipvs.strictARP false;
// kubeconfig.conf: in-cluster credentials) and the DaemonSet `kube-proxy` (hostNetwork, privileged,
// the ConfigMap at /var/lib/kube-proxy, system-node-critical, tolerating every taint). Applied at
// boot by cluster.ts. The learner's lesson (the notes): edit `mode: ""` to `mode: "ipvs"`, delete the
// pods, and the new pod programs IPVS. (kubeadm also creates the kube-proxy ServiceAccount and RBAC;
// those kinds are not served by the lab.)
import { serviceAccount } from './serviceaccount'
import type { ConfigMap, DaemonSet, KubeObject } from '../../api/types'
import { hex64 } from '../images/digest'
import type { Addon, AddonContext } from './types'

export const KUBE_PROXY_IMAGE = 'registry.k8s.io/kube-proxy:v1.30.0'

/** config.conf exactly as kubeadm v1.30 marshals the defaulted KubeProxyConfiguration (minikube: clusterCIDR 10.244.0.0/16). */
export function kubeProxyConfigConf(clusterCIDR = '10.244.0.0/16'): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${clusterCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: 0
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: 0s
  tcpEstablishedTimeout: 0s
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: 0.0.0.0:10249
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForAlpha: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`
}

/** kubeconfig.conf: the pod's service-account token against the control-plane endpoint. */
export const KUBE_PROXY_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://control-plane.minikube.internal:8443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`

export function kubeProxyConfigMap(): ConfigMap {
  const conf = kubeProxyConfigConf()
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-proxy',
      namespace: 'kube-system',
      labels: { app: 'kube-proxy' },
      // kubeadm records the component config's hash to detect user edits on upgrade.
      annotations: { 'kubeadm.kubernetes.io/component-config.hash': `sha256:${hex64(conf)}` },
    },
    data: { 'config.conf': conf, 'kubeconfig.conf': KUBE_PROXY_KUBECONFIG },
  }
}

export function kubeProxyDaemonSet(): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          containers: [{
            name: 'kube-proxy',
            image: KUBE_PROXY_IMAGE,
            imagePullPolicy: 'IfNotPresent',
            command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            securityContext: { privileged: true },
            volumeMounts: [
              { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
              { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
              { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
            ],
          }],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ operator: 'Exists' }],
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  }
}

/** The objects, in creation order (the ConfigMap before the pods that mount it). */
export function kubeProxyManifests(_ctx?: AddonContext): KubeObject[] {
  return [serviceAccount('kube-proxy', 'kube-system'), kubeProxyConfigMap() as KubeObject, kubeProxyDaemonSet() as KubeObject]
}

/** kube-proxy as an Addon value (a system component: applied at boot, not listed by `minikube addons`). */
export const KUBE_PROXY_ADDON: Addon = {
  name: 'kube-proxy',
  maintainer: 'Kubernetes',
  manifests: kubeProxyManifests,
}
