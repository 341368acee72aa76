// createCluster: the engine composed — API server, namespaces, controllers, scheduler, one
// kubelet per node, the event recorder — on one virtual clock and one seed. Same seed + same
// commands = same cluster (every actor draws from seeded streams and runs on the clock).
import { ApiServer, bootstrapNamespaces } from './apiserver'
import { startGarbageCollector } from './controllers/garbagecollector'
import { startNamespaceController } from './controllers/namespace'
import { startRootCACertPublisher } from './controllers/rootcacert'
import { startServiceAccountController } from './controllers/serviceaccount'
import { startReplicaSetController, REPLICASET_CONTROLLER } from './controllers/replicaset/replicaset'
import { startDeploymentController } from './controllers/deployment'
import { startJobController, JOB_CONTROLLER } from './controllers/job/job'
import { startDaemonSetController, DAEMONSET_CONTROLLER } from './controllers/daemonset/daemonset'
import { startKubernetesServiceReconciler } from './apiserver/bootstrap'
import { startEndpointsController, ENDPOINT_CONTROLLER } from './controllers/endpoints'
import { startEndpointSliceController, ENDPOINTSLICE_CONTROLLER } from './controllers/endpointslice'
import { VirtualClock, DEFAULT_START_MS } from './runtime/clock'
import { SeededRandom } from './runtime/random'
import { EventBroadcaster } from './events/recorder'
import { Scheduler, DEFAULT_SCHEDULER_NAME } from './scheduler/scheduler'
import { Kubelet, type KubeletOptions } from './kubelet/kubelet'
import { PodIPAllocator } from './network/ipam'
import { createFabric } from './network/fabric'
import type { NetworkFabric } from './network/types'
import { createNodeKernel } from './network/kernel/kernel'
import { kubeletMonitor, KUBELET_MONITOR_MS } from './network/kernel/baseline'
import type { NodeKernel } from './network/kernel/types'
import { spawnContainer } from './kubelet/process/spawn'
import { createPodProber } from './kubelet/prober/prober'
import { containerEnv } from './kubelet/env'
import { createNodeFileSystem } from './kubelet/volumes'
import { resolveImage } from './images/catalog'
import { registerNode } from './nodes/register'
import { startNodeLifecycle } from './nodes/lifecycle'
import { controlPlanePods, storageProvisionerPod, minikubeNodeFacts, MINIKUBE_NODE_NAME, MINIKUBE_PRELOADED_IMAGES } from './nodes/minikube'
import { applyObjects } from './addons'
import { kubeProxyManifests } from './addons/kubeproxy'
import { corednsManifests } from './addons/coredns'
import { serviceAccount } from './addons/serviceaccount'
import { installClusterDns } from './network/dns'

export interface ClusterOptions {
  seed?: number
  startMs?: number
  topology?: {
    flavour?: 'minikube'
    /** `minikube start --nodes N`: minikube, minikube-m02, … (default 1). */
    nodes?: number
    /** The kubelets' --max-pods (default 110). */
    maxPods?: number
  }
  /**
   * A controller's sync that threw (a bug: syncs turn cluster problems into status and events).
   * The key is retried either way; tests pass a collector and assert it stays empty.
   */
  onControllerError?: (controller: string, key: string, err: unknown) => void
  /**
   * One turn of the host's event loop (every promise continuation queued so far runs), used by
   * advanceAsync between timers. Default: setImmediate or a MessageChannel when the host has one
   * (not a time source: virtual time stays the only clock), else 1,024 microtask turns.
   */
  drain?: () => Promise<void>
  /** Replace a kubelet dependency (tests: a registry that knows a made-up image, a scripted process). */
  kubelet?: Partial<Pick<KubeletOptions, 'resolveImage' | 'spawn' | 'prober' | 'env'>>
}

export interface Cluster {
  api: ApiServer
  clock: VirtualClock
  /** The API server's random stream (uids, generated names). */
  random: SeededRandom
  events: EventBroadcaster
  scheduler: Scheduler
  kubelets: Kubelet[]
  /** The cluster's network: pods, nodes and the learner's laptop (kubectl port-forward, curl). */
  fabric: NetworkFabric
  /** Each node's kernel networking (netfilter, IPVS, ipsets, links) by node name. */
  kernels: Map<string, NodeKernel>
  /** Run everything due within `ms` of virtual time. */
  advance(ms: number): void
  /** Like advance, letting promise continuations (shell sleeps, async commands) run between timers. */
  advanceAsync(ms: number): Promise<void>
  nodeNames(): string[]
  /** Stop every watch (for tests that create many clusters). */
  stop(): void
}

/** The seed used when none is given: every fresh lab starts from the same cluster. */
export const DEFAULT_SEED = 1
/** Actors draw from their own stream, so adding a jitter somewhere does not change pod names. */
const ACTOR_STREAM = 0x9e3779b9
/** Each node kernel's stream (iptables `statistic` draws, MACs), apart from the actors' and per node. */
const KERNEL_STREAM = 0x85ebca6b

export function createCluster(opts: ClusterOptions = {}): Cluster {
  const seed = opts.seed ?? DEFAULT_SEED
  const clock = new VirtualClock(opts.startMs ?? DEFAULT_START_MS)
  const random = new SeededRandom(seed)
  const actorRandom = new SeededRandom((seed ^ ACTOR_STREAM) >>> 0)
  const api = new ApiServer({ clock, random })
  const events = new EventBroadcaster(api, clock)
  const stops: (() => void)[] = []

  bootstrapNamespaces(api)
  const onError = opts.onControllerError
  stops.push(startGarbageCollector(api, clock, onError))
  stops.push(startNamespaceController(api, clock, onError))
  stops.push(startRootCACertPublisher(api, clock, onError))
  stops.push(startServiceAccountController(api, clock, onError))
  stops.push(startReplicaSetController(api, clock, events.recorder({ component: REPLICASET_CONTROLLER }), onError))
  stops.push(startDeploymentController(api, clock, events, actorRandom, onError))
  stops.push(startJobController(api, clock, events.recorder({ component: JOB_CONTROLLER }), onError))
  stops.push(startDaemonSetController(api, clock, events.recorder({ component: DAEMONSET_CONTROLLER }), onError))
  stops.push(startKubernetesServiceReconciler(api, clock))
  stops.push(startEndpointsController(api, clock, events.recorder({ component: ENDPOINT_CONTROLLER }), onError))
  stops.push(startEndpointSliceController(api, clock, events.recorder({ component: ENDPOINTSLICE_CONTROLLER }), onError))

  const scheduler = new Scheduler(api, clock, actorRandom, events.recorder({ component: DEFAULT_SCHEDULER_NAME }, `${DEFAULT_SCHEDULER_NAME}-${MINIKUBE_NODE_NAME}`)).start()
  stops.push(() => scheduler.stop())

  // minikube: the first node is also the control plane; `--nodes N` adds workers minikube-m02…
  const kubelets: Kubelet[] = []
  const nodeCount = Math.max(1, Math.floor(opts.topology?.nodes ?? 1))
  const facts = Array.from({ length: nodeCount }, (_, i) => minikubeNodeFacts(i))
  const fabric = createFabric({ clock, podCidrs: facts.map((f) => f.podCIDR), nodePodCidrs: Object.fromEntries(facts.map((f) => [f.name, f.podCIDR])) })
  // One kernel per node; the fabric asks the kernel of the node that sees a packet first.
  const kernels = new Map<string, NodeKernel>()
  stops.push(fabric.addTranslator((q) => (q.node ? kernels.get(q.node)?.translate(q) : undefined)))
  const nodeController = events.recorder({ component: 'node-controller' })
  // One shared pod informer for every kubelet (client-go's SharedInformerFactory): a pod event is
  // copied once and handed to the kubelet of its node, not filtered N times by N watches.
  const byNode = new Map<string, Kubelet>()
  stops.push(api.watch('pods', {}, (ev) => {
    const node = (ev.object.spec as { nodeName?: string } | undefined)?.nodeName
    if (node) byNode.get(node)?.onPodEvent(ev as never)
  }))
  for (let i = 0; i < nodeCount; i++) {
    const n = facts[i]
    fabric.attach({ kind: 'node', ip: n.ip, name: n.name })
    const kernel = createNodeKernel({ nodeName: n.name, nodeIP: n.ip, podCIDR: n.podCIDR, random: new SeededRandom((seed ^ KERNEL_STREAM ^ i) >>> 0), clock })
    kernels.set(n.name, kernel)
    // kubelet's iptables Monitor: puts its chains back a minute after a learner flushes them.
    let stopMonitor = () => {}
    const monitor = () => { kubeletMonitor(kernel); stopMonitor = clock.after(KUBELET_MONITOR_MS, monitor) }
    stopMonitor = clock.after(KUBELET_MONITOR_MS, monitor)
    stops.push(() => stopMonitor())
    const nodeName = n.name
    const kubeletEvents = events.recorder({ component: 'kubelet', host: n.name })
    const node = registerNode({ api, clock, name: n.name, ip: n.ip, podCIDR: n.podCIDR, primary: i === 0, maxPods: opts.topology?.maxPods, kubelet: kubeletEvents, nodeController })
    const kubelet = new Kubelet({
      api, clock, random: actorRandom, recorder: kubeletEvents, nodeName: n.name, nodeIP: n.ip, ipam: new PodIPAllocator(n.podCIDR),
      fabric, hostFs: createNodeFileSystem(n.name), prober: createPodProber, env: containerEnv, resolveImage, spawn: spawnContainer,
      nodeHost: { name: n.name, ip: n.ip, kernel, announce: (ip) => fabric.announce(ip, nodeName) },
      preloadedImages: MINIKUBE_PRELOADED_IMAGES,
      ...opts.kubelet,
    }).start({ shared: true })
    stops.push(api.nodeConnections.register(n.name, kubelet.server))
    kubelets.push(kubelet)
    byNode.set(n.name, kubelet)
    if (i === 0) {
      for (const pod of controlPlanePods({ name: n.name, uid: node.metadata.uid! }, clock.nowISO())) kubelet.runStaticPod(pod)
      kubelet.runStaticPod(storageProvisionerPod(n.name))
    }
  }
  stops.push(startNodeLifecycle(api, clock, (name) => events.recorder({ component: 'kubelet', host: name })))
  // kubeadm's add-ons: kube-proxy (a DaemonSet writing each node's rules) and CoreDNS (behind the
  // kube-dns Service at 10.96.0.10). Pods ask it through the resolver, so names stop resolving
  // when CoreDNS is down, as on a real cluster.
  const ctx = { nodeName: facts[0].name, nodeIP: facts[0].ip }
  // minikube's storage-provisioner addon brings its ServiceAccount along with the pod above.
  applyObjects(api, [...kubeProxyManifests(ctx), ...corednsManifests(ctx), serviceAccount('storage-provisioner', 'kube-system', { 'addonmanager.kubernetes.io/mode': 'Reconcile' })])
  stops.push(installClusterDns(fabric))
  // Let the queues settle so the cluster is complete before the first command.
  clock.advance(0)

  return {
    api, clock, random, events, scheduler, kubelets, fabric, kernels,
    advance: (ms) => clock.advance(ms),
    advanceAsync: (ms) => stepAsync(clock, ms, opts.drain ?? hostDrain()),
    nodeNames: () => api.list('nodes').items.map((n) => n.metadata.name!).sort(),
    stop: () => { for (const s of stops) s() },
  }
}

/** Microtask turns the fallback drain waits: a container shell's `date | tee; sleep 1` needs a few hundred. */
const FALLBACK_DRAIN_TURNS = 1024

let sharedDrain: (() => Promise<void>) | undefined

/** The host's cheapest event-loop turn (setImmediate in Node, a MessageChannel in a worker). */
function hostDrain(): () => Promise<void> {
  if (sharedDrain) return sharedDrain
  const g = globalThis as { setImmediate?: (fn: () => void) => void; MessageChannel?: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } } }
  if (g.setImmediate) {
    const si = g.setImmediate
    sharedDrain = () => new Promise<void>((resolve) => si(resolve))
  } else if (g.MessageChannel) {
    const ch = new g.MessageChannel()
    const waiting: (() => void)[] = []
    ch.port1.onmessage = () => waiting.shift()?.()
    sharedDrain = () => new Promise<void>((resolve) => { waiting.push(resolve); ch.port2.postMessage(0) })
  } else {
    sharedDrain = async () => { for (let i = 0; i < FALLBACK_DRAIN_TURNS; i++) await Promise.resolve() }
  }
  return sharedDrain
}

/**
 * advance(ms) one instant at a time, draining promise continuations after each, so a container's
 * shell loop registers its next `sleep` before the clock moves on (VirtualClock.advanceAsync's 64
 * microtask turns are too few for a `while true; do date; sleep 1; done` iteration).
 */
async function stepAsync(clock: VirtualClock, ms: number, drain: () => Promise<void>): Promise<void> {
  const target = clock.now() + Math.max(0, ms)
  await drain()
  for (let next = clock.nextAt(); next !== undefined && next <= target; next = clock.nextAt()) {
    clock.advance(next - clock.now())
    await drain()
  }
  clock.advance(target - clock.now())
  await drain()
}
