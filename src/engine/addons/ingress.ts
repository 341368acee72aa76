// minikube's ingress addon (deploy/addons/ingress/ingress-deploy.yaml.tmpl, the networking/v1
// branch) with the images minikube v1.33 pins: ingress-nginx controller v1.10.1 and
// kube-webhook-certgen v1.4.1. The Deployment binds hostPort 80/443 on the node and reports the
// node's InternalIP as every Ingress's address (--report-node-internal-ip-address), which is why
// `kubectl get ingress` shows 192.168.49.2. Left out because Kubelab does not serve their kinds:
// ServiceAccounts ingress-nginx and ingress-nginx-admission, ClusterRoles/ClusterRoleBindings and
// Roles/RoleBindings ingress-nginx and ingress-nginx-admission, and the
// ValidatingWebhookConfiguration ingress-nginx-admission.
import { serviceAccount } from './serviceaccount'
import type { KubeObject } from '../../api/types'
import type { Addon } from './types'

export const INGRESS_NAMESPACE = 'ingress-nginx'
export const INGRESS_CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.10.1'
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1'
/** minikube pins its addon images by digest too (the `Using image` lines print them without). */
const CONTROLLER_DIGEST = 'sha256:e24f39d3eed6bcc239a56f20098878845f62baa34b9f2be2fd2c38ce9fb0f29e'
const CERTGEN_DIGEST = 'sha256:36d05b4077fb8e3d13663702fa337f124675ba8667cbd949c03a8e8ea6fa4366'
/** The admission webhook's certificate Secret the create Job makes and the controller mounts. */
export const ADMISSION_SECRET = 'ingress-nginx-admission'

const NS = INGRESS_NAMESPACE
const BASE = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' }
const CONTROLLER = { ...BASE, 'app.kubernetes.io/component': 'controller' }
const WEBHOOK = { ...BASE, 'app.kubernetes.io/component': 'admission-webhook' }
const POD_NAMESPACE_ENV = { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }

const configMap = (name: string, data?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS, labels: { ...CONTROLLER } }, ...(data ? { data } : {}) })

const healthProbe = (failureThreshold: number) => ({
  failureThreshold, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1,
})

export function ingressControllerDeployment(image = `${INGRESS_CONTROLLER_IMAGE}@${CONTROLLER_DIGEST}`): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: NS, labels: { ...CONTROLLER } },
    spec: {
      selector: { matchLabels: { ...CONTROLLER } },
      revisionHistoryLimit: 10,
      minReadySeconds: 0,
      template: {
        metadata: { labels: { ...CONTROLLER, 'gcp-auth-skip-secret': 'true' } },
        spec: {
          dnsPolicy: 'ClusterFirst',
          containers: [{
            name: 'controller',
            image,
            imagePullPolicy: 'IfNotPresent',
            lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
            args: [
              '/nginx-ingress-controller',
              '--election-id=ingress-controller-leader',
              '--controller-class=k8s.io/ingress-nginx',
              '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
              '--report-node-internal-ip-address',
              '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
              '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
              '--validating-webhook=:8443',
              '--validating-webhook-certificate=/usr/local/certificates/cert',
              '--validating-webhook-key=/usr/local/certificates/key',
            ],
            securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, runAsUser: 101, allowPrivilegeEscalation: true },
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              POD_NAMESPACE_ENV,
              { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
            ],
            livenessProbe: healthProbe(5),
            readinessProbe: healthProbe(3),
            ports: [
              { name: 'http', containerPort: 80, protocol: 'TCP', hostPort: 80 },
              { name: 'https', containerPort: 443, protocol: 'TCP', hostPort: 443 },
              { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
            ],
            volumeMounts: [{ name: 'webhook-cert', mountPath: '/usr/local/certificates/', readOnly: true }],
            resources: { requests: { cpu: '100m', memory: '90Mi' } },
          }],
          serviceAccountName: 'ingress-nginx',
          volumes: [{ name: 'webhook-cert', secret: { secretName: ADMISSION_SECRET } }],
        },
      },
    },
  }
}

function certgenJob(name: string, container: string, args: string[], image: string): KubeObject {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: NS, labels: { ...WEBHOOK } },
    spec: {
      template: {
        metadata: { name, labels: { ...WEBHOOK } },
        spec: {
          containers: [{ name: container, image, imagePullPolicy: 'IfNotPresent', args, env: [POD_NAMESPACE_ENV] }],
          restartPolicy: 'OnFailure',
          serviceAccountName: 'ingress-nginx-admission',
          securityContext: { runAsNonRoot: true, runAsUser: 2000 },
        },
      },
    },
  }
}

export function ingressManifests(): KubeObject[] {
  const svcPort = (name: string, port: number, target: string, appProtocol: string) => ({ name, port, protocol: 'TCP', targetPort: target, appProtocol })
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: { ...BASE } } },
    serviceAccount('ingress-nginx', NS, { ...CONTROLLER }),
    serviceAccount('ingress-nginx-admission', NS, { ...BASE, 'app.kubernetes.io/component': 'admission-webhook' }),
    configMap('ingress-nginx-controller', { hsts: 'false', 'allow-snippet-annotations': 'true' }),
    configMap('tcp-services'),
    configMap('udp-services'),
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller-admission', namespace: NS, labels: { ...CONTROLLER } },
      spec: { type: 'ClusterIP', ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }], selector: { ...CONTROLLER } },
    },
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: NS, labels: { ...CONTROLLER } },
      spec: { type: 'NodePort', ports: [svcPort('http', 80, 'http', 'http'), svcPort('https', 443, 'https', 'https')], selector: { ...CONTROLLER } },
    },
    ingressControllerDeployment(),
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
      metadata: { name: 'nginx', labels: { ...CONTROLLER }, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    certgenJob('ingress-nginx-admission-create', 'create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission'], `${CERTGEN_IMAGE}@${CERTGEN_DIGEST}`),
    certgenJob('ingress-nginx-admission-patch', 'patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail'], `${CERTGEN_IMAGE}@${CERTGEN_DIGEST}`),
  ] as KubeObject[]
}

export const INGRESS_ADDON: Addon = {
  name: 'ingress',
  maintainer: 'Kubernetes',
  manifests: () => ingressManifests(),
  // What `minikube addons enable ingress` prints between its maintainer note and
  // "🌟  The 'ingress' addon is enabled" (Linux, docker driver: no `minikube tunnel` hint).
  enableNotes: [
    `    ▪ Using image ${INGRESS_CONTROLLER_IMAGE}`,
    `    ▪ Using image ${CERTGEN_IMAGE}`,
    `    ▪ Using image ${CERTGEN_IMAGE}`,
    '🔎  Verifying ingress addon...',
  ],
}
