// Hand-built objects shaped like the engine's: a minikube node, namespaces, nginx pods in several
// states, a ConfigMap and events. Times are offsets from T0 (the lab's start, 2026-01-01T00:00:00Z);
// tests print them at NOW = T0 + 10 minutes.

import type { KubeObject } from '../../../api/types'

export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0)
export const NOW = T0 + 10 * 60_000
export const at = (secondsAfterT0: number) => new Date(T0 + secondsAfterT0 * 1000).toISOString().replace('.000Z', 'Z')

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '500', creationTimestamp: at(0), ...extra,
})

const nginxSpec = (extra: Record<string, unknown> = {}) => ({
  containers: [{
    name: 'nginx', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent',
    ports: [{ containerPort: 80, protocol: 'TCP' }],
    resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    volumeMounts: [{ name: 'kube-api-access-7xk2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
  }],
  dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: 'minikube', preemptionPolicy: 'PreemptLowerPriority',
  priority: 0, restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {},
  serviceAccount: 'default', serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
  tolerations: [
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
  ],
  volumes: [{
    name: 'kube-api-access-7xk2p',
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  }],
  ...extra,
})

const conditions = (ready: boolean) => [
  { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: at(3) },
  { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(1) },
  { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at(5), ...(ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' }) },
  { type: 'ContainersReady', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at(5), ...(ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' }) },
  { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(1) },
]

const nginxStatus = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'nginx', image: 'nginx:1.25', imageID: 'docker-pullable://nginx@sha256:a484819eb60211f5299034ac80f6a681b06f89e65866ce91f356ed7c72af059c',
  containerID: 'docker://3f4e1b2c9d8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e', started: true, ready: true, restartCount: 0,
  state, lastState: {}, ...extra,
})

const pod = (name: string, status: Record<string, unknown>, opts: { spec?: Record<string, unknown>; meta?: Record<string, unknown> } = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta(name, { labels: { app: name }, ...opts.meta }),
  spec: nginxSpec(opts.spec),
  status: { hostIP: '192.168.49.2', hostIPs: [{ ip: '192.168.49.2' }], qosClass: 'BestEffort', startTime: at(1), ...status },
})

export const runningPod = pod('web', {
  phase: 'Running', conditions: conditions(true), podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }],
  containerStatuses: [nginxStatus({ running: { startedAt: at(4) } })],
})

export const creatingPod = pod('creating', {
  phase: 'Pending', conditions: conditions(false),
  containerStatuses: [nginxStatus({ waiting: { reason: 'ContainerCreating' } }, { started: false, ready: false, containerID: undefined, imageID: '' })],
})

export const crashPod = pod('crash', {
  phase: 'Running', conditions: conditions(false), podIP: '10.244.0.6', podIPs: [{ ip: '10.244.0.6' }],
  containerStatuses: [nginxStatus(
    { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=nginx pod=crash_default(uid-crash)' } },
    { started: false, ready: false, restartCount: 3, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(555), finishedAt: at(558), containerID: 'docker://abc' } } },
  )],
})

export const initPod = pod('init', {
  phase: 'Pending',
  conditions: [{ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait-db migrate]', lastProbeTime: null, lastTransitionTime: at(1) }],
  initContainerStatuses: [
    { name: 'wait-db', image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, started: true, state: { running: { startedAt: at(3) } }, lastState: {} },
    { name: 'migrate', image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } }, lastState: {} },
  ],
  containerStatuses: [nginxStatus({ waiting: { reason: 'PodInitializing' } }, { started: false, ready: false, containerID: undefined, imageID: '' })],
}, {
  spec: {
    initContainers: [
      { name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nslookup db; do sleep 2; done'] },
      { name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', 'echo migrated'] },
    ],
  },
})

export const completedPod = pod('job-x7k2p', {
  phase: 'Succeeded', conditions: conditions(false), podIP: '10.244.0.7', podIPs: [{ ip: '10.244.0.7' }],
  containerStatuses: [nginxStatus({ terminated: { exitCode: 0, reason: 'Completed', startedAt: at(4), finishedAt: at(9), containerID: 'docker://def' } }, { started: false, ready: false })],
}, { spec: { restartPolicy: 'Never' } })

export const terminatingPod = pod('old', {
  phase: 'Running', conditions: conditions(true), podIP: '10.244.0.8', podIPs: [{ ip: '10.244.0.8' }],
  containerStatuses: [nginxStatus({ running: { startedAt: at(4) } })],
}, { meta: { deletionTimestamp: at(620), deletionGracePeriodSeconds: 30 } })

export const errImagePullPod = pod('typo', {
  phase: 'Pending', conditions: conditions(false), podIP: '10.244.0.9', podIPs: [{ ip: '10.244.0.9' }],
  containerStatuses: [{ ...nginxStatus({ waiting: { reason: 'ErrImagePull', message: 'rpc error: code = Unknown desc = Error response from daemon: manifest for nginx:1.255 not found: manifest unknown' } }, { started: false, ready: false, containerID: undefined, imageID: '' }), image: 'nginx:1.255' }],
}, { spec: { containers: [{ name: 'nginx', image: 'nginx:1.255' }] } })

export const minikubeNode: KubeObject = {
  apiVersion: 'v1', kind: 'Node',
  metadata: {
    name: 'minikube', uid: 'uid-minikube', resourceVersion: '400', creationTimestamp: at(-3600),
    labels: {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'minikube', 'kubernetes.io/os': 'linux', 'minikube.k8s.io/name': 'minikube',
      'minikube.k8s.io/primary': 'true', 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
  },
  spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
  status: {
    capacity: { cpu: '2', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '4015360Ki', pods: '110' },
    allocatable: { cpu: '2', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '4015360Ki', pods: '110' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: at(590), lastTransitionTime: at(-3600), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: at(590), lastTransitionTime: at(-3600), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: at(590), lastTransitionTime: at(-3600), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: at(590), lastTransitionTime: at(-3590), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [{ type: 'InternalIP', address: '192.168.49.2' }, { type: 'Hostname', address: 'minikube' }],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', systemUUID: 'f1e2d3c4-b5a6-4798-8a7b-6c5d4e3f2a1b', bootID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      kernelVersion: '5.15.0', osImage: 'Ubuntu 22.04.4 LTS', containerRuntimeVersion: 'docker://26.1.1',
      kubeletVersion: 'v1.30.0', kubeProxyVersion: 'v1.30.0', operatingSystem: 'linux', architecture: 'amd64',
    },
  },
}

export const defaultNamespace: KubeObject = {
  apiVersion: 'v1', kind: 'Namespace',
  metadata: { name: 'default', uid: 'uid-ns-default', resourceVersion: '10', creationTimestamp: at(-3600), labels: { 'kubernetes.io/metadata.name': 'default' } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
}

export const appConfig: KubeObject = {
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: meta('app-config', { labels: { app: 'web' } }),
  data: { 'game.properties': 'enemies=aliens\nlives=3\n', mode: 'debug' },
}

export const event = (name: string, reason: string, message: string, first: number, last: number, count: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Event',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '600', creationTimestamp: at(first) },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-web', apiVersion: 'v1', resourceVersion: '480', fieldPath: 'spec.containers{nginx}' },
  reason, message, source: { component: 'kubelet', host: 'minikube' },
  firstTimestamp: at(first), lastTimestamp: at(last), count, type: 'Normal', eventTime: null, reportingComponent: 'kubelet', reportingInstance: 'minikube',
  ...extra,
})

export const webEvents: KubeObject[] = [
  event('web.1', 'Scheduled', 'Successfully assigned default/web to minikube', 1, 1, 1,
    { source: { component: 'default-scheduler' }, reportingComponent: 'default-scheduler', reportingInstance: '', involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-web', apiVersion: 'v1', resourceVersion: '470' } }),
  event('web.2', 'Pulling', 'Pulling image "nginx:1.25"', 2, 2, 1),
  event('web.3', 'Pulled', 'Successfully pulled image "nginx:1.25" in 1.2s (1.2s including waiting). Image size: 187694648 bytes.', 3, 3, 1),
  event('web.4', 'Created', 'Created container nginx', 3, 3, 1),
  event('web.5', 'Started', 'Started container nginx', 4, 4, 1),
  event('web.6', 'BackOff', 'Back-off restarting failed container nginx in pod web_default(uid-web)', 300, 477, 3, { type: 'Warning' }),
]
