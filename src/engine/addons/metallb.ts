// minikube's metallb addon (deploy/addons/metallb/metallb.yaml.tmpl + metallb-config.yaml.tmpl):
// namespace metallb-system, the speaker DaemonSet (hostNetwork), the controller Deployment, both
// MetalLB v0.9.6 from quay.io, and the ConfigMap `config` whose address range `minikube addons
// configure metallb` fills in — empty until then (`- -`), so LoadBalancer Services stay <pending>
// and the controller logs that the config does not parse. The PodSecurityPolicy, ServiceAccounts
// and RBAC objects of the template are left out: the lab serves none of those kinds.
import { serviceAccount } from './serviceaccount'
import type { KubeObject } from '../../api/types'
import type { Addon } from './types'

export const METALLB_NAMESPACE = 'metallb-system'
/** minikube's Images map: quay.io/metallb/{controller,speaker}:v0.9.6 (digests omitted). */
export const METALLB_CONTROLLER_IMAGE = 'quay.io/metallb/controller:v0.9.6'
export const METALLB_SPEAKER_IMAGE = 'quay.io/metallb/speaker:v0.9.6'
const APP = { app: 'metallb' }
const PROMETHEUS = { 'prometheus.io/port': '7472', 'prometheus.io/scrape': 'true' }
const MONITORING = [{ containerPort: 7472, name: 'monitoring' }]
const LIMITS = { limits: { cpu: '100m', memory: '100Mi' } }

/** metallb-config.yaml.tmpl with LoadBalancerStartIP/EndIP (empty when not configured). */
export function metallbConfigText(startIP = '', endIP = ''): string {
  return `address-pools:\n- name: default\n  protocol: layer2\n  addresses:\n  - ${startIP}-${endIP}\n`
}

export function metallbConfigMap(startIP = '', endIP = ''): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: METALLB_NAMESPACE, name: 'config' }, data: { config: metallbConfigText(startIP, endIP) } }
}

export function metallbManifests(): KubeObject[] {
  const speaker: KubeObject = {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { labels: { ...APP, component: 'speaker' }, name: 'speaker', namespace: METALLB_NAMESPACE },
    spec: {
      selector: { matchLabels: { ...APP, component: 'speaker' } },
      template: {
        metadata: { annotations: { ...PROMETHEUS }, labels: { ...APP, component: 'speaker' } },
        spec: {
          containers: [{
            args: ['--port=7472', '--config=config'],
            env: [
              { name: 'METALLB_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
              { name: 'METALLB_HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
            ],
            image: METALLB_SPEAKER_IMAGE, imagePullPolicy: 'IfNotPresent', name: 'speaker', ports: MONITORING, resources: LIMITS,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW', 'SYS_ADMIN'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
          }],
          hostNetwork: true,
          nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
          serviceAccountName: 'speaker',
          terminationGracePeriodSeconds: 0,
          tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }],
        },
      },
    },
  }
  const controller: KubeObject = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { labels: { ...APP, component: 'controller' }, name: 'controller', namespace: METALLB_NAMESPACE },
    spec: {
      revisionHistoryLimit: 3,
      selector: { matchLabels: { ...APP, component: 'controller' } },
      template: {
        metadata: { annotations: { ...PROMETHEUS }, labels: { ...APP, component: 'controller' } },
        spec: {
          containers: [{
            args: ['--port=7472', '--config=config'],
            image: METALLB_CONTROLLER_IMAGE, imagePullPolicy: 'IfNotPresent', name: 'controller', ports: MONITORING, resources: LIMITS,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['all'] }, readOnlyRootFilesystem: true },
          }],
          nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
          securityContext: { runAsNonRoot: true, runAsUser: 65534 },
          serviceAccountName: 'controller',
          terminationGracePeriodSeconds: 0,
        },
      },
    },
  }
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { ...APP }, name: METALLB_NAMESPACE } },
    serviceAccount('controller', METALLB_NAMESPACE, { ...APP }),
    serviceAccount('speaker', METALLB_NAMESPACE, { ...APP }),
    speaker,
    controller,
    metallbConfigMap(),
  ]
}

export const metallbAddon: Addon = {
  name: 'metallb',
  maintainer: '3rd party (MetalLB)',
  manifests: () => metallbManifests(),
}
