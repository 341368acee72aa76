// One kubelet per node: watches the pods bound to its node and takes each through its life —
// admit → sandbox → (pull → create → start) per container → running; exits, crash-loop back-off,
// and graceful termination. Timings are data (stages.ts); status is computed (status.ts) and
// written through updateStatus only when it changed.
import type { ApiClient } from '../../api/client'
import type { Pod as CorePod, KubeObject, WatchEvent, Container } from '../../api/types'
import { isStatusError } from '../../api/errors'
import { deepEqual } from '../../api/objects'
import type { VirtualClock } from '../runtime/clock'
import type { SeededRandom } from '../runtime/random'
import { WorkQueue, keyOf, splitKey } from '../runtime/workqueue'
import type { EventRecorder } from '../events/recorder'
import { ipToInt, intToIp, type PodIPAllocator } from '../network/ipam'
import type { Fabric, Netns } from '../network/types'
import type { ImageResolution, ImageSpec, NodeHost } from '../images/types'
import { MemoryFileSystem, createCancel, type FileSystem } from '../../shell'
import { parseQuantity, wholeValue } from '../../api/quantity'
import { Containers, type Launch } from './containers'
import { computePodStatus } from './status'
import { ImageStore } from './imagestore'
import { newContainerRuntime, type ContainerRuntime, type PodRuntime } from './runtime'
import { stageDelay, nextBackoff, type StageName } from './stages'
import type { SpawnContainer } from './process/types'
import { hasProbes } from './prober/prober'
import type { PodProberFactory, ProbeHost } from './prober/types'
import { PodVolumeManager } from './volumes/manager'
import { LogStore, type InstanceSink } from './logs'
import type { containerEnv } from './env'
import { createNodeServer } from './server'
import type { NodeServer } from '../apiserver/nodeproxy'

type Pod = CorePod & KubeObject

export interface KubeletOptions {
  api: ApiClient
  clock: VirtualClock
  random: SeededRandom
  /** A recorder with source {component: kubelet, host: nodeName}. */
  recorder: EventRecorder
  nodeName: string
  nodeIP: string
  ipam: PodIPAllocator
  /** The cluster's network; pods' namespaces attach to it. */
  fabric: Fabric
  /** The node's own filesystem, for hostPath volumes. */
  hostFs: FileSystem
  /** What a registry answers for an image reference (images/catalog.ts resolveImage). */
  resolveImage: (image: string) => ImageResolution
  /** Starts a container's PID 1 (process/spawn.ts spawnContainer). */
  spawn: SpawnContainer
  /** Liveness/readiness/startup probes per pod (prober/ createPodProber). */
  prober: PodProberFactory
  /** Where container output goes (default: a store of this kubelet's own). */
  logs?: LogStore
  /** The container's environment (env.ts containerEnv). */
  env: typeof containerEnv
  /** Images on the node before any pull (minikube's preload: the system components' images). */
  preloadedImages?: readonly string[]
  /** The node as hostNetwork programs see it (its kernel, ARP announcements); absent in bare tests. */
  nodeHost?: NodeHost
}

/** The volume reconciler's back-off for a failing mount: 500 ms doubling to 2m2s (nestedpendingoperations). */
/**
 * 60 s: how often mounted configMap, secret, downwardAPI and projected volumes are re-read (the
 * kubelet's sync period; upstream adds the configMap cache TTL, so an edit shows up within about
 * a minute, never at once).
 */
export const VOLUME_REFRESH_MS = 60_000
const MOUNT_RETRY_INITIAL_MS = 500
const MOUNT_RETRY_MAX_MS = 122_000

const HEX = '0123456789abcdef'
/** A failed sandbox is retried on the next pod sync, about 10 s later. */
const SANDBOX_RETRY_MS = 10_000

/** host-local's range set for a /24: `10.244.0.1-10.244.0.254`. */
function ipamRange(cidr: string): string {
  const [addr, bits] = cidr.split('/')
  const base = ipToInt(addr)
  const size = 2 ** (32 - Number(bits))
  return `${intToIp(base + 1)}-${intToIp(base + size - 2)}`
}

/** kubelet's IsMirrorPod: the API copy of a static pod carries this annotation. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'
const isMirrorPod = (pod: Pod) => !!pod.metadata.annotations?.[MIRROR_POD_ANNOTATION]

const fieldPath = (c: ContainerRuntime) => `spec.containers{${c.name}}`

export class Kubelet {
  readonly images = new ImageStore()
  private pods = new Map<string, PodRuntime>() // uid → runtime
  private latest = new Map<string, Pod>() // uid → last pod seen (for event references)
  private admitting = new Set<string>()
  private queue: WorkQueue
  private stopWatch?: () => void
  private readonly containers: Containers
  private readonly volumes = new Map<string, PodVolumeManager>() // uid → the pod's volumes
  readonly fabric: Fabric
  readonly hostFs: FileSystem
  /** The node's network namespace (probes come from here). */
  readonly netns: Netns
  /** Container logs on this node (current and previous instance per container). */
  readonly logs: LogStore
  /** What this kubelet serves the API server (logs, exec, port-forward, usage). */
  readonly server: NodeServer
  private readonly sinks = new Map<ContainerRuntime, InstanceSink>()

  constructor(private readonly o: KubeletOptions) {
    this.fabric = o.fabric
    this.hostFs = o.hostFs
    this.netns = { kind: 'node', ip: o.nodeIP, name: o.nodeName }
    this.logs = o.logs ?? new LogStore(o.clock)
    for (const image of o.preloadedImages ?? []) this.images.add(image)
    this.server = createNodeServer({
      clock: o.clock,
      fabric: this.fabric,
      logs: this.logs,
      process: (uid, name) => {
        const rt = this.pods.get(uid)
        const c = rt && [...rt.containers, ...rt.initContainers].find((x) => x.name === name)
        return c?.state === 'running' ? c.process : undefined
      },
      podStatus: (uid) => {
        const rt = this.pods.get(uid)
        const pod = this.latest.get(uid)
        return rt && pod ? computePodStatus(pod, rt, { hostIP: o.nodeIP }, o.clock.nowISO()) : undefined
      },
      pods: () => [...this.pods.values()].map((rt) => ({ uid: rt.uid, containers: [...rt.initContainers, ...rt.containers].map((c) => c.name) })),
    })
    this.queue = new WorkQueue(o.clock, (key) => this.sync(key), `kubelet-${o.nodeName}`)
    this.containers = new Containers({
      o,
      images: this.images,
      latest: (uid) => this.latest.get(uid),
      later: (rt, delay, fn) => this.later(rt, delay, fn),
      event: (rt, type, reason, message, c) => this.event(rt, type, reason, message, c),
      containerID: () => this.containerID(),
      finishKill: (rt) => this.finishKill(rt),
      resolve: (image) => o.resolveImage(image),
      launch: (rt, c, spec, image) => this.launch(rt, c, spec, image),
      resync: (rt) => this.queue.add(rt.key),
      exited: (c) => { this.sinks.get(c)?.end(); this.sinks.delete(c) },
    })
  }

  get nodeName(): string { return this.o.nodeName }

  /** Watch this node's pods. Pass `shared: true` when a shared informer calls onPodEvent instead. */
  start(opts: { shared?: boolean } = {}): this {
    // Only this node's pods (a pod starts matching, and arrives as ADDED, when it is bound here).
    if (!opts.shared) this.stopWatch = this.o.api.watch<Pod>('pods', { fieldSelector: `spec.nodeName=${this.o.nodeName}` }, (ev) => this.onPodEvent(ev))
    return this
  }

  stop(): void { this.stopWatch?.() }

  /** A pod watch event (from this kubelet's watch or a shared informer); ignores other nodes' pods. */
  onPodEvent(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    if (pod.spec?.nodeName !== this.o.nodeName) return
    const uid = pod.metadata.uid!
    if (ev.type === 'DELETED') return this.forget(uid)
    this.latest.set(uid, pod)
    this.queue.add(keyOf(pod))
  }

  private forget(uid: string): void {
    const rt = this.pods.get(uid)
    if (rt) {
      for (const cancel of rt.timers) cancel()
      this.containers.killAll(rt)
      this.teardown(rt)
    }
    this.pods.delete(uid)
    this.latest.delete(uid)
    this.admitting.delete(uid)
    this.logs.forget(uid)
    this.o.ipam.release(uid)
  }

  /** Run `fn` after a stage's delay (or `ms`), unless the pod goes away first. Returns a cancel. */
  private later(rt: PodRuntime, delay: StageName | number, fn: () => void): () => void {
    const ms = typeof delay === 'number' ? delay : stageDelay(delay, this.o.random)
    const timer = this.o.clock.after(ms, () => { rt.timers.delete(cancel); fn(); this.queue.add(rt.key) })
    const cancel = () => { timer(); rt.timers.delete(cancel) }
    rt.timers.add(cancel)
    return cancel
  }

  /** The sandbox and volumes go: the pod IP leaves the network, emptyDirs are deleted. */
  private teardown(rt: PodRuntime): void {
    rt.prober?.stop()
    rt.prober = undefined
    if (rt.netns?.kind === 'pod') {
      this.fabric.detach(rt.netns)
      this.o.nodeHost?.kernel.cni?.del(rt.uid) // CNI DEL: the bridge's masquerade and portmap's hostPort rules go
    }
    rt.netns = undefined
    this.volumes.get(rt.uid)?.tearDown()
    this.volumes.delete(rt.uid)
    for (const c of [...rt.initContainers, ...rt.containers]) { this.sinks.get(c)?.end(); this.sinks.delete(c) }
  }

  private event(rt: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string, c?: ContainerRuntime): void {
    const pod = this.latest.get(rt.uid)
    if (pod) this.o.recorder.event(pod, type, reason, message, c ? fieldPath(c) : undefined)
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key)
    let pod: Pod
    try {
      pod = this.o.api.get<Pod>('pods', namespace, name)
    } catch (e) {
      if (isStatusError(e) && e.status.reason === 'NotFound') return
      throw e
    }
    if (pod.spec?.nodeName !== this.o.nodeName) return
    const uid = pod.metadata.uid!
    this.latest.set(uid, pod)
    const rt = this.pods.get(uid)
    if (!rt) {
      if (pod.metadata.deletionTimestamp) return this.deleteNow(pod)
      if (!this.admitting.has(uid)) {
        this.admitting.add(uid)
        this.o.clock.after(stageDelay('admit', this.o.random), () => {
          if (!this.admitting.delete(uid)) return
          this.admit(pod)
          this.queue.add(key)
        })
      }
      return
    }
    if (pod.metadata.deletionTimestamp && isMirrorPod(pod)) return this.recreateMirrorPod(pod, rt)
    if (pod.metadata.deletionTimestamp && !rt.killing) this.containers.beginKill(pod, rt)
    if (!rt.killing) this.containers.applySpecChanges(pod, rt)
    this.writeStatus(pod, rt)
  }

  private newRuntime(pod: Pod): PodRuntime {
    const inits = pod.spec?.initContainers ?? []
    // While init containers run, app containers wait with reason PodInitializing.
    const waitingReason = inits.length ? 'PodInitializing' : 'ContainerCreating'
    const runtime = (c: Container, init: boolean): ContainerRuntime => newContainerRuntime(c.name, c.image ?? '', init, init ? 'PodInitializing' : waitingReason)
    return {
      uid: pod.metadata.uid!,
      key: keyOf(pod),
      startTime: this.o.clock.nowISO(),
      sandboxReady: false,
      containers: (pod.spec?.containers ?? []).map((c) => runtime(c, false)),
      initContainers: inits.map((c) => runtime(c, true)),
      nextInit: 0,
      nextToStart: 0,
      killing: false,
      volumesReady: false,
      timers: new Set(),
    }
  }

  private admit(pod: Pod): void {
    const rt = this.newRuntime(pod)
    this.pods.set(rt.uid, rt)
    this.volumes.set(rt.uid, new PodVolumeManager({ api: this.o.api, pod, nodeName: this.o.nodeName, nodeIP: this.o.nodeIP, hostFs: this.hostFs, now: () => this.o.clock.now() }))
    this.mountVolumes(rt, !!pod.spec?.hostNetwork, 0)
  }

  /**
   * syncPod waits for the pod's volumes before the sandbox: a missing configMap keeps the pod in
   * ContainerCreating, without an IP, with a Warning `FailedMount` each time the reconciler retries.
   */
  private mountVolumes(rt: PodRuntime, hostNetwork: boolean, retryMs: number): void {
    const vm = this.volumes.get(rt.uid)
    const pod = this.latest.get(rt.uid)
    if (vm && pod) vm.updatePod(pod)
    const problem = vm?.setUp()
    if (problem) {
      this.event(rt, 'Warning', 'FailedMount', problem.message)
      const wait = nextBackoff(retryMs, 0, 0, MOUNT_RETRY_INITIAL_MS, MOUNT_RETRY_MAX_MS)
      this.later(rt, wait, () => this.mountVolumes(rt, hostNetwork, wait))
      return
    }
    rt.volumesReady = true
    this.later(rt, 'sandbox', () => this.createSandbox(rt, hostNetwork))
    this.later(rt, VOLUME_REFRESH_MS, () => this.refreshVolumes(rt))
  }

  /** Mounted atomic volumes follow their ConfigMaps, Secrets and the pod's labels, once a sync period. */
  private refreshVolumes(rt: PodRuntime): void {
    if (rt.killing) return
    const vm = this.volumes.get(rt.uid)
    const pod = this.latest.get(rt.uid)
    if (!vm) return
    if (pod) vm.updatePod(pod)
    vm.refresh()
    this.later(rt, VOLUME_REFRESH_MS, () => this.refreshVolumes(rt))
  }

  /** The pause container and its network; with the pod CIDR exhausted, retry as the pod worker does. */
  private createSandbox(rt: PodRuntime, hostNetwork: boolean): void {
    const ip = hostNetwork ? this.o.nodeIP : this.o.ipam.allocate(rt.uid)
    if (ip === undefined) {
      const id = this.o.random.string(64, HEX)
      const range = ipamRange(this.o.ipam.cidr)
      this.event(rt, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${range}`)
      this.later(rt, SANDBOX_RETRY_MS, () => this.createSandbox(rt, hostNetwork))
      return
    }
    rt.sandboxReady = true
    rt.podIP = ip
    const pod = this.latest.get(rt.uid)
    rt.netns = hostNetwork ? this.netns : { kind: 'pod', ip, namespace: pod?.metadata.namespace ?? 'default', podName: pod?.metadata.name ?? '', node: this.o.nodeName }
    if (!hostNetwork) {
      this.fabric.attach(rt.netns)
      // CNI ADD (bridge + portmap): hostPorts become DNAT rules in the node's nat table.
      type Port = { containerPort: number; hostPort?: number; protocol?: string; hostIP?: string }
      const ports = (pod?.spec?.containers ?? []).flatMap((c) => ((c as { ports?: Port[] }).ports ?? []))
      const hostPorts = ports.filter((p) => p.hostPort).map((p) => ({ hostPort: p.hostPort!, containerPort: p.containerPort, protocol: p.protocol, hostIP: p.hostIP }))
      this.o.nodeHost?.kernel.cni?.add({ key: rt.uid, ip, hostPorts })
    }
    if (pod && (pod.spec?.containers ?? []).some(hasProbes)) rt.prober = this.o.prober(pod, this.probeHost(rt))
    this.containers.startNext(rt)
  }

  private probeHost(rt: PodRuntime): ProbeHost {
    return {
      clock: this.o.clock,
      random: this.o.random,
      net: this.fabric.access(this.netns),
      exec: async (name, argv, timeoutMs) => {
        const c = rt.containers.find((x) => x.name === name)
        if (!c?.process) return { exitCode: 126, output: '' }
        let output = ''
        const w = { write: (s: string) => { output += s } }
        const cancel = createCancel()
        const stopTimer = this.o.clock.after(timeoutMs, () => cancel.abort())
        try {
          const exitCode = await c.process.exec(argv, { stdout: w, stderr: w, signal: cancel.signal })
          return { exitCode, output }
        } finally {
          stopTimer()
        }
      },
      event: (type, reason, message, name) => {
        const c = [...rt.containers, ...rt.initContainers].find((x) => x.name === name)
        this.event(rt, type, reason, message, c)
      },
      onResult: (kind, name, success) => {
        const c = rt.containers.find((x) => x.name === name)
        if (!c || rt.killing) return
        if (kind === 'readiness') c.probeReady = success
        else if (kind === 'startup' && success) c.startupDone = true
        else if (!success) this.containers.probeFailed(rt, name, kind === 'startup' ? 'startup' : 'liveness')
        this.queue.add(rt.key)
      },
    }
  }

  /** A container's env and filesystem, then PID 1 (or why it cannot be configured). */
  private launch(rt: PodRuntime, c: ContainerRuntime, spec: Container, image: ImageSpec): Launch {
    const pod = this.latest.get(rt.uid)!
    const hostname = (pod.spec?.hostname ?? pod.metadata.name ?? '').slice(0, 63)
    const r = this.o.env(this.o.api, pod, spec, image, { podIP: rt.podIP ?? '', hostIP: this.o.nodeIP, nodeName: this.o.nodeName })
    if ('problem' in r) return { problem: r.problem.message }
    for (const w of r.warnings ?? []) this.event(rt, 'Warning', w.reason, w.message, c)
    const env = r.env
    const vm = this.volumes.get(rt.uid)
    const fs = vm
      ? vm.containerFs(spec, image, { hostname, podIP: rt.podIP ?? '' })
      : Object.assign(new MemoryFileSystem(), { mounts: () => [] })
    const limit = spec.resources?.limits?.memory
    const containerId = c.containerID
    const start = () => {
      this.sinks.get(c)?.end()
      const log = this.logs.open(rt.uid, c.name, { containerId })
      this.sinks.set(c, log)
      return this.o.spawn({
        pod, container: spec, image, init: c.init, podIP: rt.podIP ?? '', nodeName: this.o.nodeName, nodeIP: this.o.nodeIP,
        fs, env, log, fabric: this.fabric, netns: rt.netns ?? this.netns, clock: this.o.clock,
        memoryLimitBytes: memoryLimitBytes(limit),
        cluster: { api: this.o.api, ...(pod.spec?.hostNetwork && this.o.nodeHost ? { node: this.o.nodeHost } : {}) },
      })
    }
    return { start }
  }

  /** Static pods (kubeadm manifests): the mirror pod is created Running, its images present. */
  runStaticPod(manifest: Pod): Pod {
    const created = this.o.api.create<Pod>('pods', manifest)
    const rt = this.newRuntime(created)
    rt.sandboxReady = true
    rt.podIP = created.spec?.hostNetwork ? this.o.nodeIP : this.o.ipam.allocate(rt.uid)
    for (const c of rt.containers) {
      this.images.add(c.image)
      c.imageReady = true
      c.containerID = this.containerID()
      c.state = 'running'
      c.startedAt = rt.startTime
      c.probeReady = true
      c.startupDone = true
    }
    rt.volumesReady = true
    rt.nextToStart = rt.containers.length
    this.pods.set(rt.uid, rt)
    this.latest.set(rt.uid, created)
    this.writeStatus(created, rt)
    return created
  }

  /**
   * Deleting a mirror pod does not stop its static pod: the kubelet removes the mirror and posts a
   * fresh one (new uid and age) for the same running containers, as `kubectl delete pod
   * kube-apiserver-minikube -n kube-system` shows.
   */
  private recreateMirrorPod(pod: Pod, rt: PodRuntime): void {
    const { name, namespace, labels, annotations, ownerReferences } = pod.metadata
    try {
      this.o.api.delete('pods', namespace, name!, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } })
    } catch (e) {
      if (!isStatusError(e)) throw e
      return
    }
    this.forget(rt.uid) // usually done already by our DELETED event
    const created = this.o.api.create<Pod>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, annotations, ownerReferences }, spec: pod.spec })
    const moved: PodRuntime = { ...rt, uid: created.metadata.uid!, timers: new Set() }
    this.pods.set(moved.uid, moved)
    this.latest.set(moved.uid, created)
    this.writeStatus(created, moved)
  }

  private containerID(): string {
    return `docker://${this.o.random.string(64, HEX)}`
  }

  private finishKill(rt: PodRuntime): void {
    const { namespace, name } = splitKey(rt.key)
    this.teardown(rt)
    try {
      const pod = this.o.api.get<Pod>('pods', namespace, name)
      this.writeStatus(pod, rt)
      this.o.api.delete('pods', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } })
    } catch (e) {
      if (!isStatusError(e)) throw e // NotFound / Conflict: someone else finished it
    }
  }

  /** A pod marked for deletion before it ever started: nothing to stop. */
  private deleteNow(pod: Pod): void {
    try {
      this.o.api.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid! } })
    } catch (e) {
      if (!isStatusError(e)) throw e
    }
  }

  private writeStatus(pod: Pod, rt: PodRuntime): void {
    const status = computePodStatus(pod, rt, { hostIP: this.o.nodeIP }, this.o.clock.nowISO())
    if (deepEqual(status, pod.status)) return
    const updated = this.o.api.updateStatus<Pod>('pods', { ...pod, status })
    this.latest.set(rt.uid, updated)
  }
}

/** resources.limits.memory in bytes (Quantity.Value(), rounded up: `128Mi` → 134217728). */
function memoryLimitBytes(q: string | number | undefined): number | undefined {
  const parsed = q === undefined ? undefined : parseQuantity(q)
  return parsed && wholeValue(parsed)
}
