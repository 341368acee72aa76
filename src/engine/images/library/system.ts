// The images minikube's own pods run: control plane (etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler) and the storage-provisioner addon (CoreDNS: coredns.ts; kube-proxy: kubeproxy.ts). They must resolve (a
// cluster without them cannot start) and answer their health endpoints; their logs are a few
// representative klog lines, not the full start-up chatter.
import type { ImageSpec, Program } from '../types'
import { DISTROLESS_12, MiB } from './osrelease'
import type { LogStep, Port } from './server'
import { pathOf, serverProgram, text } from './server'
import { klogLine } from './timefmt'

const KUBE_VERSION = 'v1.30.0'

/** klog's header: `I0101 00:00:05.123456       1 server.go:148] message`. */
function klog(file: string, msg: string): LogStep {
  return { stderr: true, text: (c) => klogLine(c.nowMs, file, msg) }
}

const health = (port: number, paths: Record<string, string>): Port => ({
  port,
  http: (req) => {
    const body = paths[pathOf(req)]
    return body === undefined ? text(404, '404 page not found\n') : text(200, body)
  },
})

function component(lines: LogStep[], ports: Port[], memoryBytes: number): Program {
  return serverProgram({ startup: lines, listen: ports, memoryBytes, cpuMillicores: 20, onTerm: { lines: [], exitCode: 0 } })
}

const OK = { '/healthz': 'ok', '/livez': 'ok', '/readyz': 'ok' }

function systemImage(repository: string, tags: string[], sizeBytes: number, description: string, name: string, program: Program, memoryBytes: number, ports: number[]): ImageSpec {
  return {
    repository,
    aliases: [repository.replace('registry.k8s.io', 'k8s.gcr.io')],
    family: 'Kubernetes system',
    tags,
    sizeBytes,
    description,
    entrypoint: [],
    cmd: [name],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    exposedPorts: ports,
    files: { '/etc/os-release': DISTROLESS_12 },
    shell: 'none',
    programs: { [name]: program, [`/usr/local/bin/${name}`]: program },
    memoryBytes,
    stopMs: 300,
  }
}

const K8S_TAGS = ['v1.30.0', 'v1.30.1', 'v1.30.2', 'v1.29.4', 'v1.29.0', 'v1.28.3', 'v1.28.0']

export const SYSTEM_IMAGES: ImageSpec[] = [
  systemImage('registry.k8s.io/etcd', ['3.5.12-0', '3.5.10-0', '3.5.9-0', '3.5.15-0'], 149_000_000, 'etcd, the cluster\'s key-value store (client port 2379).', 'etcd',
    component([{ stderr: true, text: (c) => `{"level":"info","ts":"${new Date(c.nowMs).toISOString()}","caller":"embed/etcd.go:127","msg":"configuring peer listeners","listen-peer-urls":["https://192.168.49.2:2380"]}` }, { stderr: true, text: (c) => `{"level":"info","ts":"${new Date(c.nowMs).toISOString()}","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"192.168.49.2:2379"}` }],
      [{ port: 2379 }, { port: 2380 }, health(2381, { '/health': '{"health":"true","reason":""}', '/readyz': 'ok', '/livez': 'ok' })], 35 * MiB), 35 * MiB, [2379, 2380, 2381]),
  systemImage('registry.k8s.io/kube-apiserver', K8S_TAGS, 117_000_000, 'The Kubernetes API server (8443 on minikube: /livez, /readyz).', 'kube-apiserver',
    component([klog('options.go:221', 'external host was not specified, using 192.168.49.2'), klog('server.go:148', `Version: ${KUBE_VERSION}`), klog('secure_serving.go:213', 'Serving securely on [::]:8443')], [health(8443, OK)], 250 * MiB), 250 * MiB, [8443]),
  systemImage('registry.k8s.io/kube-controller-manager', K8S_TAGS, 111_000_000, 'The controller manager (health on 10257).', 'kube-controller-manager',
    component([klog('serving.go:380', 'Generated self-signed cert in-memory'), klog('controllermanager.go:189', `Version: ${KUBE_VERSION}`), klog('secure_serving.go:213', 'Serving securely on 127.0.0.1:10257')], [health(10257, OK)], 45 * MiB), 45 * MiB, [10257]),
  systemImage('registry.k8s.io/kube-scheduler', K8S_TAGS, 62_000_000, 'The scheduler (health on 10259).', 'kube-scheduler',
    component([klog('serving.go:380', 'Generated self-signed cert in-memory'), klog('server.go:154', `"Starting Kubernetes Scheduler" version="${KUBE_VERSION}"`), klog('secure_serving.go:213', 'Serving securely on 127.0.0.1:10259')], [health(10259, OK)], 20 * MiB), 20 * MiB, [10259]),
  {
    ...systemImage('gcr.io/k8s-minikube/storage-provisioner', ['v5'], 31_500_000, 'minikube\'s hostPath storage provisioner (no port).', 'storage-provisioner',
      component([klog('storage_provisioner.go:116', 'Initializing the minikube storage provisioner...'), klog('storage_provisioner.go:141', 'Storage provisioner initialized, now starting service!'), klog('leaderelection.go:243', 'attempting to acquire leader lease kube-system/k8s.io-minikube-hostpath...')], [], 10 * MiB), 10 * MiB, []),
    aliases: [],
    programs: {},
  },
]

// The storage provisioner's command is `/storage-provisioner`.
const sp = SYSTEM_IMAGES[SYSTEM_IMAGES.length - 1]
sp.programs = {
  '/storage-provisioner': component([klog('storage_provisioner.go:116', 'Initializing the minikube storage provisioner...'), klog('storage_provisioner.go:141', 'Storage provisioner initialized, now starting service!')], [], 10 * MiB),
}
sp.entrypoint = ['/storage-provisioner']
sp.cmd = []
