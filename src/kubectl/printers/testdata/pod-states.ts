// Pods in the states learners meet, shaped as a v1.30 kubelet (cri-dockerd on minikube) writes
// their status, with the events it and the scheduler record: Running (a rich spec), CrashLoopBackOff
// after an Error and after a Completed exit, Init:0/2, ErrImagePull and ImagePullBackOff.
// Times are seconds after T0 (the lab's start); describe prints them at NOW = T0 + 10 minutes.

import type { KubeObject } from '../../../api/types'
import { at } from './fixtures'

type Loose = Record<string, unknown>

const API_ACCESS = 'kube-api-access-r8kxm'

/** What admission adds to every pod: the service account token volume and its mount, the two tolerations. */
const apiAccessVolume = {
  name: API_ACCESS,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
}
const apiAccessMount = { name: API_ACCESS, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }

const container = (name: string, image: string, extra: Loose = {}): Loose => ({
  name, image, imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
  ...extra, volumeMounts: [...((extra.volumeMounts as Loose[] | undefined) ?? []), apiAccessMount],
})

const podSpec = (containers: Loose[], extra: Loose = {}): Loose => ({
  containers, dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: 'minikube', preemptionPolicy: 'PreemptLowerPriority',
  priority: 0, restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'default',
  serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
  tolerations: [
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
  ],
  ...extra, volumes: [...((extra.volumes as Loose[] | undefined) ?? []), apiAccessVolume],
})

const cond = (type: string, ok: boolean, t: number, why?: [string, string]): Loose =>
  ({ type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at(t), ...(why ? { reason: why[0], message: why[1] } : {}) })

/** The kubelet's five conditions in its order; `unready` names containers keeping Ready False. */
function conditions(t: number, opts: { initialized?: string[]; unready?: string[] } = {}): Loose[] {
  const notReady = opts.unready?.length ? ['ContainersNotReady', `containers with unready status: [${opts.unready.join(' ')}]`] as [string, string] : undefined
  const notInit = opts.initialized?.length ? ['ContainersNotInitialized', `containers with incomplete status: [${opts.initialized.join(' ')}]`] as [string, string] : undefined
  return [
    cond('PodReadyToStartContainers', true, t + 2), cond('Initialized', !notInit, t + 1, notInit),
    cond('Ready', !notReady, t + 5, notReady), cond('ContainersReady', !notReady, t + 5, notReady), cond('PodScheduled', true, t),
  ]
}

const imageID = (repo: string, digest: string) => `docker-pullable://${repo}@sha256:${digest}`
const NGINX_ID = imageID('nginx', 'a484819eb60211f5299034ac80f6a681b06f89e65866ce91f356ed7c72af059c')
const BUSYBOX_ID = imageID('busybox', '9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7')
const ECHO_ID = imageID('registry.k8s.io/echoserver', 'cb5c1bddd1b5665e1867a7fa1b5fa843a47ee433bbb75d4293888b71def53229')
const cid = (n: number) => `docker://${String(n).repeat(64).slice(0, 64)}`

function pod(name: string, uid: string, t: number, spec: Loose, status: Loose, meta: Loose = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid, resourceVersion: '900', creationTimestamp: at(t), ...meta },
    spec,
    status: { hostIP: '192.168.49.2', hostIPs: [{ ip: '192.168.49.2' }], qosClass: 'BestEffort', startTime: at(t), ...status },
  } as KubeObject
}

/** An event as the kubelet records it (core/v1, counted); `scheduler` ones are events.k8s.io (eventTime, no count). */
export function podEvent(p: KubeObject, n: number, type: string, reason: string, message: string, first: number, last = first, count = 1, field?: string): KubeObject {
  const scheduler = reason === 'Scheduled'
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: `${p.metadata.name}.18a${n}`, namespace: 'default', uid: `${p.metadata.uid}-ev${n}`, resourceVersion: '901', creationTimestamp: at(first) },
    involvedObject: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid, apiVersion: 'v1', resourceVersion: '800', ...(field ? { fieldPath: field } : {}) },
    reason, message, type,
    ...(scheduler
      ? { source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: `${at(first).replace('Z', '')}.000000Z`, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-minikube', action: 'Binding' }
      : { source: { component: 'kubelet', host: 'minikube' }, firstTimestamp: at(first), lastTimestamp: at(last), count, eventTime: null, reportingComponent: 'kubelet', reportingInstance: 'minikube' }),
  } as KubeObject
}

// ── Running: a Deployment's pod with probes, env of every kind, volumes of every kind ─────────

const apiSpec = podSpec([container('api', 'registry.k8s.io/echoserver:1.10', {
  command: ['/usr/local/bin/run.sh'], args: ['--port=8080', '--verbose'],
  ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }, { containerPort: 9555, name: 'grpc', protocol: 'TCP' }],
  resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
  livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 },
  readinessProbe: { tcpSocket: { port: 8000 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  startupProbe: { exec: { command: ['cat', '/tmp/healthy'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 30 },
  env: [
    { name: 'FOO', value: 'bar' },
    { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'greeting' } } },
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: true } } },
    { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    { name: 'MEM_LIMIT_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
  ],
  envFrom: [{ configMapRef: { name: 'app-config' } }, { secretRef: { name: 'db' }, prefix: 'DB_' }],
  volumeMounts: [
    { name: 'app', mountPath: '/app' }, { name: 'config', mountPath: '/etc/app', readOnly: true },
    { name: 'tls', mountPath: '/etc/tls', readOnly: true }, { name: 'logs', mountPath: '/var/log/app', subPath: 'api' },
    { name: 'podinfo', mountPath: '/etc/podinfo' },
  ],
})], {
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  volumes: [
    { name: 'app', emptyDir: {} },
    { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    { name: 'config', configMap: { name: 'app-config', defaultMode: 420 } },
    { name: 'tls', secret: { secretName: 'api-tls', defaultMode: 420 } },
    { name: 'logs', hostPath: { path: '/var/log/pods-shared', type: '' } },
    { name: 'podinfo', downwardAPI: { defaultMode: 420, items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }, { path: 'cpu_limit', resourceFieldRef: { containerName: 'api', resource: 'limits.cpu', divisor: '1m' } }] } },
  ],
})

export const runningApiPod = pod('api-7c5d8f9b4-x2x9k', 'uid-api', 30, apiSpec, {
  phase: 'Running', qosClass: 'Burstable', conditions: conditions(30), podIP: '10.244.0.12', podIPs: [{ ip: '10.244.0.12' }],
  containerStatuses: [{ name: 'api', image: 'registry.k8s.io/echoserver:1.10', imageID: ECHO_ID, containerID: cid(1), started: true, ready: true, restartCount: 0, state: { running: { startedAt: at(32) } }, lastState: {} }],
}, {
  generateName: 'api-7c5d8f9b4-', labels: { app: 'api', 'pod-template-hash': '7c5d8f9b4' },
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7c5d8f9b4', uid: 'uid-rs-api', controller: true, blockOwnerDeletion: true }],
})
const api = runningApiPod
const apiField = 'spec.containers{api}'
export const runningApiEvents = [
  podEvent(api, 1, 'Normal', 'Scheduled', 'Successfully assigned default/api-7c5d8f9b4-x2x9k to minikube', 30),
  podEvent(api, 2, 'Normal', 'Pulled', 'Container image "registry.k8s.io/echoserver:1.10" already present on machine', 31, 31, 1, apiField),
  podEvent(api, 3, 'Normal', 'Created', 'Created container api', 31, 31, 1, apiField),
  podEvent(api, 4, 'Normal', 'Started', 'Started container api', 32, 32, 1, apiField),
]

// ── CrashLoopBackOff: a command that fails (Error, exit 1) and one that finishes (Completed, 0) ──

function crashPod(name: string, uid: string, command: string[], last: Loose): KubeObject {
  return pod(name, uid, 0, podSpec([container('app', 'busybox:1.36', { command })]), {
    phase: 'Running', conditions: conditions(0, { unready: ['app'] }), podIP: '10.244.0.13', podIPs: [{ ip: '10.244.0.13' }],
    containerStatuses: [{
      name: 'app', image: 'busybox:1.36', imageID: BUSYBOX_ID, containerID: cid(2), started: false, ready: false, restartCount: 5,
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 2m40s restarting failed container=app pod=${name}_default(${uid})` } },
      lastState: { terminated: { containerID: cid(2), ...last } },
    }],
  }, { labels: { run: name } })
}

export const crashErrorPod = crashPod('crash', 'uid-crash', ['sh', '-c', 'echo starting; exit 1'], { exitCode: 1, reason: 'Error', startedAt: at(530), finishedAt: at(530) })
export const crashCompletedPod = crashPod('oneshot', 'uid-oneshot', ['sh', '-c', 'echo done'], { exitCode: 0, reason: 'Completed', startedAt: at(530), finishedAt: at(530) })

function crashEvents(p: KubeObject): KubeObject[] {
  const f = 'spec.containers{app}'
  return [
    podEvent(p, 1, 'Normal', 'Scheduled', `Successfully assigned default/${p.metadata.name} to minikube`, 0),
    podEvent(p, 2, 'Normal', 'Pulling', 'Pulling image "busybox:1.36"', 1, 1, 1, f),
    podEvent(p, 3, 'Normal', 'Pulled', 'Successfully pulled image "busybox:1.36" in 1.1s (1.1s including waiting). Image size: 4261574 bytes.', 2, 2, 1, f),
    podEvent(p, 4, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine', 3, 530, 5, f),
    podEvent(p, 5, 'Normal', 'Created', 'Created container app', 2, 530, 6, f),
    podEvent(p, 6, 'Normal', 'Started', 'Started container app', 2, 530, 6, f),
    podEvent(p, 7, 'Warning', 'BackOff', `Back-off restarting failed container app in pod ${p.metadata.name}_default(${p.metadata.uid})`, 3, 590, 25, f),
  ]
}
export const crashErrorEvents = crashEvents(crashErrorPod)
export const crashCompletedEvents = crashEvents(crashCompletedPod)

// ── Init:0/2: the first init container running, the second and the app waiting ───────────────

export const initRunningPod = pod('web-init', 'uid-web-init', 570, podSpec([container('web', 'nginx:1.25', { ports: [{ containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] })], {
  initContainers: [
    container('wait-db', 'busybox:1.36', { command: ['sh', '-c', 'until nslookup db; do echo waiting for db; sleep 2; done'] }),
    container('prepare', 'busybox:1.36', { command: ['sh', '-c', 'echo hello > /work/index.html'], volumeMounts: [{ name: 'html', mountPath: '/work' }] }),
  ],
  volumes: [{ name: 'html', emptyDir: {} }],
}), {
  phase: 'Pending', conditions: conditions(570, { initialized: ['wait-db', 'prepare'], unready: ['web'] }), podIP: '10.244.0.14', podIPs: [{ ip: '10.244.0.14' }],
  initContainerStatuses: [
    { name: 'wait-db', image: 'busybox:1.36', imageID: BUSYBOX_ID, containerID: cid(3), started: true, ready: false, restartCount: 0, state: { running: { startedAt: at(572) } }, lastState: {} },
    { name: 'prepare', image: 'busybox:1.36', imageID: '', started: false, ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } }, lastState: {} },
  ],
  containerStatuses: [{ name: 'web', image: 'nginx:1.25', imageID: '', started: false, ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } }, lastState: {} }],
}, { labels: { app: 'web-init' } })
const ip = initRunningPod
export const initRunningEvents = [
  podEvent(ip, 1, 'Normal', 'Scheduled', 'Successfully assigned default/web-init to minikube', 570),
  podEvent(ip, 2, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine', 571, 571, 1, 'spec.initContainers{wait-db}'),
  podEvent(ip, 3, 'Normal', 'Created', 'Created container wait-db', 571, 571, 1, 'spec.initContainers{wait-db}'),
  podEvent(ip, 4, 'Normal', 'Started', 'Started container wait-db', 572, 572, 1, 'spec.initContainers{wait-db}'),
]

// ── A tag that does not exist: ErrImagePull, then ImagePullBackOff ────────────────────────────

const PULL_FAILURE = 'Error response from daemon: manifest for nginx:1.999 not found: manifest unknown: manifest unknown'

function typoPod(reason: 'ErrImagePull' | 'ImagePullBackOff'): KubeObject {
  const message = reason === 'ErrImagePull' ? PULL_FAILURE : 'Back-off pulling image "nginx:1.999"'
  return pod('typo', 'uid-typo', 480, podSpec([container('nginx', 'nginx:1.999', { ports: [{ containerPort: 80, protocol: 'TCP' }] })]), {
    phase: 'Pending', conditions: conditions(480, { unready: ['nginx'] }), podIP: '10.244.0.15', podIPs: [{ ip: '10.244.0.15' }],
    containerStatuses: [{ name: 'nginx', image: 'nginx:1.999', imageID: '', started: false, ready: false, restartCount: 0, state: { waiting: { reason, message } }, lastState: {} }],
  }, { labels: { run: 'typo' } })
}
export const errImagePullPod = typoPod('ErrImagePull')
export const imagePullBackOffPod = typoPod('ImagePullBackOff')

const pullField = 'spec.containers{nginx}'
export const errImagePullEvents = [
  podEvent(errImagePullPod, 1, 'Normal', 'Scheduled', 'Successfully assigned default/typo to minikube', 480),
  podEvent(errImagePullPod, 2, 'Normal', 'Pulling', 'Pulling image "nginx:1.999"', 481, 481, 1, pullField),
  podEvent(errImagePullPod, 3, 'Warning', 'Failed', `Failed to pull image "nginx:1.999": ${PULL_FAILURE}`, 483, 483, 1, pullField),
  podEvent(errImagePullPod, 4, 'Warning', 'Failed', 'Error: ErrImagePull', 483, 483, 1, pullField),
]
export const imagePullBackOffEvents = [
  podEvent(imagePullBackOffPod, 1, 'Normal', 'Scheduled', 'Successfully assigned default/typo to minikube', 480),
  podEvent(imagePullBackOffPod, 2, 'Normal', 'Pulling', 'Pulling image "nginx:1.999"', 481, 562, 4, pullField),
  podEvent(imagePullBackOffPod, 3, 'Warning', 'Failed', `Failed to pull image "nginx:1.999": ${PULL_FAILURE}`, 483, 564, 4, pullField),
  podEvent(imagePullBackOffPod, 4, 'Warning', 'Failed', 'Error: ErrImagePull', 483, 564, 4, pullField),
  podEvent(imagePullBackOffPod, 5, 'Normal', 'BackOff', 'Back-off pulling image "nginx:1.999"', 484, 598, 6, pullField),
  podEvent(imagePullBackOffPod, 6, 'Warning', 'Failed', 'Error: ImagePullBackOff', 484, 598, 6, pullField),
]
