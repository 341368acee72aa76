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
import type { PodIPAllocator } from '../network/ipam'
import { containerBehaviour } from './behaviour'
import { Containers } from './containers'
import { computePodStatus } from './status'
import { ImageStore } from './imagestore'
import type { ContainerRuntime, PodRuntime } from './runtime'
import { stageDelay, type StageName } from './stages'

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
}

const HEX = '0123456789abcdef'
/** A failed sandbox is retried on the next pod sync, about 10 s later. */
const SANDBOX_RETRY_MS = 10_000

/** host-local's range set for a /24: `10.244.0.1-10.244.0.254`. */
function ipamRange(cidr: string): string {
  const [addr, bits] = cidr.split('/')
  const parts = addr.split('.').map(Number)
  const base = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]
  const size = 2 ** (32 - Number(bits))
  const ip = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
  return `${ip(base + 1)}-${ip(base + size - 2)}`
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

  constructor(private readonly o: KubeletOptions) {
    this.queue = new WorkQueue(o.clock, (key) => this.sync(key), `kubelet-${o.nodeName}`)
    this.containers = new Containers({
      o,
      images: this.images,
      latest: (uid) => this.latest.get(uid),
      later: (rt, delay, fn) => this.later(rt, delay, fn),
      event: (rt, type, reason, message, c) => this.event(rt, type, reason, message, c),
      containerID: () => this.containerID(),
      finishKill: (rt) => this.finishKill(rt),
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
    if (rt) for (const cancel of rt.timers) cancel()
    this.pods.delete(uid)
    this.latest.delete(uid)
    this.admitting.delete(uid)
    this.o.ipam.release(uid)
  }

  /** Run `fn` after a stage's delay (or `ms`), unless the pod goes away first. */
  private later(rt: PodRuntime, delay: StageName | number, fn: () => void): void {
    const ms = typeof delay === 'number' ? delay : stageDelay(delay, this.o.random)
    const cancel = this.o.clock.after(ms, () => { rt.timers.delete(cancel); fn(); this.queue.add(rt.key) })
    rt.timers.add(cancel)
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
    const runtime = (c: Container, init: boolean): ContainerRuntime => ({
      name: c.name, init, image: c.image ?? '', behaviour: containerBehaviour(c, init), state: 'waiting', waitingReason,
      imageReady: false, restartCount: 0, backoffMs: 0, backoffUpdatedAt: 0, instance: 0, changing: false,
    })
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
      timers: new Set(),
    }
  }

  private admit(pod: Pod): void {
    const rt = this.newRuntime(pod)
    this.pods.set(rt.uid, rt)
    this.later(rt, 'sandbox', () => this.createSandbox(rt, !!pod.spec?.hostNetwork))
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
    this.containers.startNext(rt)
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
    }
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
