// Networking objects shaped like the engine's for the notes' walk-through: a `web` Deployment's
// three pods (10.244.0.5-7, port 8000) behind Services of every type, their Endpoints and
// EndpointSlice, an ingress-nginx Ingress and IngressClass, the kube-proxy DaemonSet and MetalLB's
// pool. Times are offsets from T0 (see fixtures.ts); tests print them at NOW = T0 + 10 minutes.

import type { KubeObject } from '../../../api/types'
import { at } from './fixtures'

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '700', creationTimestamp: at(60), ...extra,
})

const svcPort = (port: number, targetPort: number | string, extra: Record<string, unknown> = {}) =>
  ({ protocol: 'TCP', port, targetPort, ...extra })

export const webSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('web-svc', { labels: { app: 'web' } }),
  spec: {
    clusterIP: '10.96.45.12', clusterIPs: ['10.96.45.12'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack', ports: [svcPort(8000, 8000)], selector: { app: 'web' }, sessionAffinity: 'None', type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
}

export const nodePortSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('web-np', { labels: { app: 'web' } }),
  spec: {
    clusterIP: '10.101.7.200', clusterIPs: ['10.101.7.200'], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [svcPort(80, 8000, { nodePort: 30552 })], selector: { app: 'web' },
    sessionAffinity: 'None', type: 'NodePort',
  },
  status: { loadBalancer: {} },
}

export const pendingLbSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('web-lb', { labels: { app: 'web' } }),
  spec: {
    allocateLoadBalancerNodePorts: true, clusterIP: '10.104.22.9', clusterIPs: ['10.104.22.9'], externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    ports: [svcPort(80, 8000, { name: 'http', nodePort: 31234 }), svcPort(443, 8443, { name: 'https', nodePort: 32001 })],
    selector: { app: 'web' }, sessionAffinity: 'None', type: 'LoadBalancer',
  },
  status: { loadBalancer: {} },
}

export const metallbLbSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('dns-tcp', { annotations: { 'metallb.universe.tf/allow-shared-ip': 'dns', 'metallb.universe.tf/ip-allocated-from-pool': 'default' } }),
  spec: {
    allocateLoadBalancerNodePorts: true, clusterIP: '10.98.160.5', clusterIPs: ['10.98.160.5'], externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', loadBalancerIP: '172.17.255.10',
    ports: [svcPort(53, 53, { name: 'dns-tcp', nodePort: 30053 })], selector: { app: 'dns' }, sessionAffinity: 'None', type: 'LoadBalancer',
  },
  status: { loadBalancer: { ingress: [{ ip: '172.17.255.10', ipMode: 'VIP' }] } },
}

export const headlessSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('web-headless'),
  spec: {
    clusterIP: 'None', clusterIPs: ['None'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    ports: [svcPort(80, 8000)], selector: { app: 'web' }, sessionAffinity: 'None', type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
}

export const externalNameSvc: KubeObject = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('db'),
  spec: { externalName: 'db.example.com', sessionAffinity: 'None', type: 'ExternalName' },
  status: { loadBalancer: {} },
}

export const WEB_POD_IPS = ['10.244.0.5', '10.244.0.6', '10.244.0.7']

export const webEndpoints: KubeObject = {
  apiVersion: 'v1', kind: 'Endpoints',
  metadata: meta('web-svc', { labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(70) }, creationTimestamp: at(60) }),
  subsets: [{
    addresses: WEB_POD_IPS.map((ip, i) => ({ ip, nodeName: 'minikube', targetRef: { kind: 'Pod', namespace: 'default', name: `web-5d78c8b9c4-${['abcde', 'fghij', 'klmno'][i]}`, uid: `uid-web-${i}` } })),
    notReadyAddresses: [{ ip: '10.244.0.9', nodeName: 'minikube', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d78c8b9c4-pqrst', uid: 'uid-web-3' } }],
    ports: [{ port: 8000, protocol: 'TCP' }],
  }],
}

/** Five ready addresses on two ports: the listing stops at 3 with `+ 7 more...`. */
export const bigEndpoints: KubeObject = {
  apiVersion: 'v1', kind: 'Endpoints',
  metadata: meta('web-lb'),
  subsets: [{
    addresses: ['10.244.0.5', '10.244.0.6', '10.244.0.7', '10.244.0.8', '10.244.0.10'].map((ip) => ({ ip })),
    ports: [{ name: 'http', port: 8000, protocol: 'TCP' }, { name: 'https', port: 8443, protocol: 'TCP' }],
  }],
}

export const emptyEndpoints: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('web-np') }

export const webSlice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
  metadata: meta('web-svc-7xq2p', {
    labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web-svc' },
    generateName: 'web-svc-',
  }),
  addressType: 'IPv4',
  endpoints: [...WEB_POD_IPS, '10.244.0.9'].map((ip, i) => ({
    addresses: [ip], conditions: { ready: i < 3, serving: i < 3, terminating: false }, nodeName: 'minikube',
    targetRef: { kind: 'Pod', namespace: 'default', name: `web-${i}`, uid: `uid-web-${i}` },
  })),
  ports: [{ name: '', port: 8000, protocol: 'TCP' }],
}

export const emptySlice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
  metadata: meta('web-np-k2j9d', { labels: { 'kubernetes.io/service-name': 'web-np' } }),
  addressType: 'IPv4', endpoints: null, ports: null,
}

export const nginxIngressClass: KubeObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: {
    name: 'nginx', uid: 'uid-ic', resourceVersion: '400', creationTimestamp: at(30),
    labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
    annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
  },
  spec: { controller: 'k8s.io/ingress-nginx' },
}

export const paramsIngressClass: KubeObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name: 'external-lb', uid: 'uid-ic2', resourceVersion: '401', creationTimestamp: at(30) },
  spec: { controller: 'example.com/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } },
}

export const webIngress: KubeObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
  metadata: meta('web-ingress', { generation: 1, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } }),
  spec: {
    ingressClassName: 'nginx',
    rules: [
      { host: 'web.example.com', http: { paths: [
        { path: '/web(/|$)(.*)', pathType: 'ImplementationSpecific', backend: { service: { name: 'web-svc', port: { number: 8000 } } } },
        { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
      ] } },
      { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web-svc', port: { number: 8000 } } } }] } },
    ],
  },
  status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
}

export const defaultBackendIngress: KubeObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
  metadata: meta('catch-all', { generation: 1 }),
  spec: {
    defaultBackend: { service: { name: 'web-svc', port: { number: 8000 } } },
    tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }],
    rules: ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'].map((host) => ({ host })),
  },
  status: { loadBalancer: {} },
}

const template = (labels: Record<string, string>, nodeSelector?: Record<string, string>) => ({
  metadata: { labels },
  spec: {
    containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.30.0', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'] }],
    hostNetwork: true, ...(nodeSelector ? { nodeSelector } : {}), priorityClassName: 'system-node-critical', serviceAccountName: 'kube-proxy',
  },
})

export const kubeProxyDs: KubeObject = {
  apiVersion: 'apps/v1', kind: 'DaemonSet',
  metadata: { name: 'kube-proxy', namespace: 'kube-system', uid: 'uid-kube-proxy', resourceVersion: '300', creationTimestamp: at(0), generation: 1,
    labels: { 'k8s-app': 'kube-proxy' }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    template: template({ 'k8s-app': 'kube-proxy' }, { 'kubernetes.io/os': 'linux' }),
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
  },
  status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1 },
}

export const kubeProxyPod: KubeObject = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'kube-proxy-x7k2p', namespace: 'kube-system', uid: 'uid-kp-pod', creationTimestamp: at(5), labels: { 'k8s-app': 'kube-proxy' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'uid-kube-proxy', controller: true }] },
  spec: template({})['spec'] as unknown as KubeObject['spec'],
  status: { phase: 'Running', podIP: '192.168.49.2' },
}

export const speakerDs: KubeObject = {
  apiVersion: 'apps/v1', kind: 'DaemonSet',
  metadata: { name: 'speaker', namespace: 'metallb-system', uid: 'uid-speaker', resourceVersion: '800', creationTimestamp: at(120), generation: 1,
    labels: { app: 'metallb', component: 'speaker' } },
  spec: {
    selector: { matchLabels: { app: 'metallb', component: 'speaker' } },
    template: template({ app: 'metallb', component: 'speaker' }),
  },
  status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 0, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 1, observedGeneration: 1, updatedNumberScheduled: 1 },
}

export const defaultPool: KubeObject = {
  apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool',
  metadata: { name: 'default', namespace: 'metallb-system', uid: 'uid-pool', creationTimestamp: at(200) },
  spec: { addresses: ['172.17.255.1-172.17.255.250'], autoAssign: true, avoidBuggyIPs: false },
}

export const manualPool: KubeObject = {
  apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool',
  metadata: { name: 'manual', namespace: 'metallb-system', uid: 'uid-pool2', creationTimestamp: at(200) },
  spec: { addresses: ['172.17.254.0/28', '172.17.253.10/32'], autoAssign: false },
}

export const l2Adv: KubeObject = {
  apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement',
  metadata: { name: 'example', namespace: 'metallb-system', uid: 'uid-l2', creationTimestamp: at(200) },
  spec: { ipAddressPools: ['default'] },
}

export const l2AdvIfaces: KubeObject = {
  apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement',
  metadata: { name: 'eth0-only', namespace: 'metallb-system', uid: 'uid-l2b', creationTimestamp: at(200) },
  spec: { ipAddressPoolSelectors: [{ matchLabels: { zone: 'a' } }], interfaces: ['eth0'], nodeSelectors: [{ matchLabels: { 'kubernetes.io/hostname': 'minikube' } }] },
}
