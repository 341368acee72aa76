// One PodVolumeManager per pod on a node: sets up the pod's volumes (the kubelet retries setUp
// until it returns nothing, emitting FailedMount with the problem's message meanwhile), builds
// each container instance's filesystem, refreshes configMap/secret/downwardAPI contents, and tears
// everything down when the pod goes. Upstream: pkg/kubelet/volumemanager + the volume plugins.
//
// Storage: one MemoryFileSystem per pod holds every pod-level volume under /volumes/<name>, the
// kubelet's files under /kubelet and termination logs under /containers/<name>. An emptyDir
// therefore outlives container restarts (it lives as long as the pod), while each containerFs()
// call gives a fresh root from the image.
import type { ApiClient } from '../../../api/client'
import type { Container, KubeObject, Pod } from '../../../api/types'
import type { Volume } from 'kubernetes-types/core/v1'
import { MemoryFileSystem, resolvePath, type FileSystem } from '../../../shell'
import type { ImageSpec } from '../../images/types'
import { imageRoot, MountedFileSystem, type Mount } from './containerfs'
import type { Allocatable } from './downward'
import { expandVars } from '../env'
import { hostnameFile, hostsFile, resolvConf, TERMINATION_LOG_PATH } from './kubeletfiles'
import { configMapPayload, downwardPayload, projectedPayload, secretPayload, type Payload, type PayloadResult, type SourceContext } from './sources'
import type { ContainerFileSystem, MountInfo, VolumeProblem } from './types'
import { DEFAULT_TOKEN_SECONDS } from './token'

export interface PodVolumeManagerOptions {
  api: ApiClient
  pod: Pod & KubeObject
  nodeName: string
  nodeIP: string
  /** The node's own filesystem (hostPath volumes), one per node, shared by its pods. */
  hostFs: FileSystem
  /** Virtual epoch ms (token iat/exp, the `..2026_01_01_…` directory names). Defaults to 0. */
  now?: () => number
}

/** The volume types a container reads through the atomic writer: always mounted read-only. */
const ATOMIC_TYPES = new Set(['configMap', 'secret', 'downwardAPI', 'projected'])
/** Held in memory (the plugins wrap an emptyDir with medium Memory). */
const TMPFS_TYPES = new Set(['secret', 'downwardAPI', 'projected'])
/** A projected token is reissued once this share of its lifetime has passed (token manager). */
const TOKEN_REFRESH_FRACTION = 0.8
/** The atomic writer's pointer to the current payload directory (`key -> ..data/key`). */
const DATA_DIR = '..data'

interface VolumeState {
  volume: Volume
  type: string
  tmpfs: boolean
  store: FileSystem
  base: string
  ready: boolean
  /** The last payload written (atomic types), to skip rewrites that change nothing. */
  written?: string
  /** When the projected token was issued (virtual ms): reissued after 80 % of its lifetime. */
  tokenIssuedMs?: number
}

/** Which of the Volume's source fields is set: `emptyDir`, `configMap`… (`emptyDir` when none we know). */
export function volumeType(v: Volume): string {
  for (const t of ['emptyDir', 'configMap', 'secret', 'downwardAPI', 'projected', 'hostPath', 'persistentVolumeClaim', 'ephemeral', 'nfs', 'csi']) {
    if ((v as unknown as Record<string, unknown>)[t] !== undefined) return t
  }
  return 'emptyDir'
}

/**
 * `..2026_01_01_00_00_00.1767225600`: the atomic writer's payload directory (os.MkdirTemp with the
 * UTC time as the pattern; the random tail here is the epoch second, to stay deterministic).
 */
export function payloadDirName(ms: number): string {
  const iso = new Date(ms).toISOString() // 2026-01-01T00:00:00.000Z
  return `..${iso.slice(0, 19).replace(/[-T:]/g, '_')}.${Math.floor(ms / 1000)}`
}

export class PodVolumeManager {
  private pod: Pod & KubeObject
  private readonly store = new MemoryFileSystem()
  private readonly volumes = new Map<string, VolumeState>()
  private readonly now: () => number
  private tornDown = false

  constructor(private readonly o: PodVolumeManagerOptions) {
    this.pod = o.pod
    this.now = o.now ?? (() => 0)
  }

  /** The pod changed (labels, annotations): downwardAPI files follow at the next refresh(). */
  updatePod(pod: Pod & KubeObject): void {
    this.pod = pod
  }

  /**
   * Mount whatever is not mounted yet. Returns the first failure, worded as the FailedMount event:
   * `MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found`. Idempotent.
   */
  setUp(): VolumeProblem | undefined {
    let first: VolumeProblem | undefined
    for (const v of this.pod.spec?.volumes ?? []) {
      const st = this.stateFor(v)
      if (st.ready) continue
      const err = this.mount(st)
      if (err !== undefined && !first) first = { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : ${err}` }
    }
    return first
  }

  /** Volumes not mounted yet (for `Unable to attach or mount volumes: unmounted volumes=[cfg] …`). */
  unmountedVolumes(): string[] {
    return (this.pod.spec?.volumes ?? []).filter((v) => !this.volumes.get(v.name)?.ready).map((v) => v.name)
  }

  /** Re-read configMaps, secrets and the pod for mounted atomic volumes (a failed read keeps the old files). */
  refresh(): void {
    for (const st of this.volumes.values()) {
      if (!st.ready || !ATOMIC_TYPES.has(st.type)) continue
      const r = this.payload(st)
      if (r && 'files' in r) this.writePayload(st, r.files)
    }
  }

  /**
   * A fresh filesystem for a new container instance: the image's root plus every mount.
   * `facts.env` (the container's environment) expands `subPathExpr: $(POD_NAME)`.
   */
  containerFs(container: Container, image: ImageSpec, facts: { hostname: string; podIP: string; env?: Record<string, string> }): ContainerFileSystem {
    const root = imageRoot(image.files)
    const mounts: Mount[] = []
    const bind = (path: string, volume: string, base: string, content: string) => {
      this.store.writeFile(base, content)
      mounts.push({ info: { path, volume, type: 'bind', readOnly: false, tmpfs: false }, store: this.store, base })
    }
    for (const vm of container.volumeMounts ?? []) {
      const st = this.volumes.get(vm.name)
      if (!st) continue
      let base = st.base
      const sub = vm.subPath || (vm.subPathExpr ? expandVars(vm.subPathExpr, (n) => facts.env?.[n]) : '')
      if (sub) {
        base = resolvePath(st.base, sub)
        // The kubelet creates a missing subPath directory in a writable volume.
        if (!st.store.exists(base) && !ATOMIC_TYPES.has(st.type)) st.store.mkdir(base, { recursive: true })
      }
      const readOnly = vm.readOnly === true || ATOMIC_TYPES.has(st.type)
      const info: MountInfo = { path: resolvePath('/', vm.mountPath), volume: vm.name, type: st.type, readOnly, tmpfs: st.tmpfs }
      mounts.push({ info, store: st.store, base })
    }
    // The kubelet's own files come after the pod's volumes (kubelet makeMounts, then the runtime).
    const ips = facts.podIP ? [facts.podIP] : []
    bind('/etc/hosts', 'etc-hosts', '/kubelet/etc-hosts', hostsFile(this.pod, ips, facts.hostname))
    bind(container.terminationMessagePath || TERMINATION_LOG_PATH, 'termination-log', `/containers/${container.name}/termination-log`, '')
    bind('/etc/hostname', 'etc-hostname', '/kubelet/etc-hostname', hostnameFile(facts.hostname))
    bind('/etc/resolv.conf', 'etc-resolv-conf', '/kubelet/resolv.conf', resolvConf(this.pod))
    const rootInfo: MountInfo = { path: '/', volume: 'overlay', type: 'overlay', readOnly: container.securityContext?.readOnlyRootFilesystem === true, tmpfs: false }
    return new MountedFileSystem(root, mounts, rootInfo)
  }

  /** What the container wrote to its terminationMessagePath (the kubelet's termination message). */
  terminationMessage(containerName: string): string | undefined {
    return this.store.readFile(`/containers/${containerName}/termination-log`)
  }

  /** The pod is gone: emptyDirs and projections go with it (hostPath files stay on the node). */
  tearDown(): void {
    if (this.tornDown) return
    this.tornDown = true
    if (this.store.exists('/volumes')) this.store.remove('/volumes', { recursive: true })
    if (this.store.exists('/kubelet')) this.store.remove('/kubelet', { recursive: true })
    if (this.store.exists('/containers')) this.store.remove('/containers', { recursive: true })
    this.volumes.clear()
  }

  private stateFor(v: Volume): VolumeState {
    let st = this.volumes.get(v.name)
    if (!st) {
      const type = volumeType(v)
      const tmpfs = TMPFS_TYPES.has(type) || (type === 'emptyDir' && v.emptyDir?.medium === 'Memory')
      st = type === 'hostPath'
        ? { volume: v, type, tmpfs, store: this.o.hostFs, base: resolvePath('/', v.hostPath!.path), ready: false }
        : { volume: v, type, tmpfs, store: this.store, base: `/volumes/${v.name}`, ready: false }
      this.volumes.set(v.name, st)
    }
    return st
  }

  /** SetUp for one volume: undefined when mounted, else the plugin's error text. */
  private mount(st: VolumeState): string | undefined {
    if (st.type === 'hostPath') {
      const err = checkHostPath(st.store, st.base, st.volume.hostPath?.type ?? '')
      if (err) return err
      st.ready = true
      return undefined
    }
    if (!ATOMIC_TYPES.has(st.type)) {
      st.store.mkdir(st.base, { recursive: true })
      st.ready = true
      return undefined
    }
    const r = this.payload(st)!
    if ('error' in r) return r.error
    this.writePayload(st, r.files)
    st.ready = true
    return undefined
  }

  private sourceContext(st: VolumeState): SourceContext {
    return {
      api: this.o.api,
      pod: this.pod,
      nodeName: this.o.nodeName,
      allocatable: () => this.allocatable(),
      nowMs: () => this.tokenTime(st),
    }
  }

  /**
   * The kubelet's token manager keeps a token until 80 % of its lifetime has passed (3607 s →
   * reissued after 2885.6 s), so a refresh() every minute does not rewrite the token each time.
   */
  private tokenTime(st: VolumeState): number {
    const now = this.now()
    const seconds = Math.max(...(st.volume.projected?.sources ?? []).map((s) => s.serviceAccountToken?.expirationSeconds ?? DEFAULT_TOKEN_SECONDS))
    if (st.tokenIssuedMs === undefined || now - st.tokenIssuedMs >= TOKEN_REFRESH_FRACTION * seconds * 1000) st.tokenIssuedMs = now
    return st.tokenIssuedMs
  }

  private allocatable(): Allocatable {
    try {
      const node = this.o.api.get('nodes', undefined, this.o.nodeName)
      return ((node.status as { allocatable?: Allocatable } | undefined)?.allocatable) ?? {}
    } catch {
      return {}
    }
  }

  private payload(st: VolumeState): PayloadResult | undefined {
    const v = st.volume
    const ctx = this.sourceContext(st)
    if (v.configMap) return configMapPayload(ctx, v.configMap)
    if (v.secret) return secretPayload(ctx, v.secret)
    if (v.downwardAPI) return downwardPayload(ctx, v.downwardAPI.items)
    if (v.projected) return projectedPayload(ctx, v.projected)
    return undefined
  }

  /**
   * The atomic writer's layout: files in `..2026_01_01_00_00_00.000000000/`, `..data` pointing at
   * it, and each key at the top (symlinks upstream; copies here, so `cat /etc/config/color` and
   * `ls -a` both look right).
   */
  private writePayload(st: VolumeState, files: Payload): void {
    const key = JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (st.written === key) return
    if (st.store.exists(st.base)) st.store.remove(st.base, { recursive: true })
    st.store.mkdir(st.base, { recursive: true })
    const stamp = payloadDirName(this.now())
    for (const [path, content] of Object.entries(files)) {
      st.store.writeFile(`${st.base}/${stamp}/${path}`, content)
      st.store.writeFile(`${st.base}/${DATA_DIR}/${path}`, content)
      st.store.writeFile(`${st.base}/${path}`, content)
    }
    st.written = key
  }
}

/**
 * hostPath type checks (pkg/volume/hostpath checkType): `Directory` on a missing path →
 * `hostPath type check failed: /data is not a directory`; `DirectoryOrCreate` makes it.
 */
export function checkHostPath(fs: FileSystem, path: string, type: string): string | undefined {
  switch (type) {
    case '':
      // No check: the runtime creates a missing path as a directory.
      if (!fs.exists(path)) fs.mkdir(path, { recursive: true })
      return undefined
    case 'DirectoryOrCreate':
      if (!fs.exists(path)) fs.mkdir(path, { recursive: true })
      else if (!fs.isDir(path)) return `hostPath type check failed: ${path} is not a directory`
      return undefined
    case 'Directory':
      return fs.isDir(path) ? undefined : `hostPath type check failed: ${path} is not a directory`
    case 'FileOrCreate':
      if (!fs.exists(path)) fs.writeFile(path, '')
      else if (fs.isDir(path)) return `hostPath type check failed: ${path} is not a file`
      return undefined
    case 'File':
      return fs.exists(path) && !fs.isDir(path) ? undefined : `hostPath type check failed: ${path} is not a file`
    case 'Socket':
      return `hostPath type check failed: ${path} is not a socket file`
    case 'CharDevice':
      return `hostPath type check failed: ${path} is not a character device`
    case 'BlockDevice':
      return `hostPath type check failed: ${path} is not a block device`
  }
  return undefined
}
