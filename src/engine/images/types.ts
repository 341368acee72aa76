// What an image is, as data a reader can scan: its tags, size, default command, files, tools, and
// the programs it ships (nginx, redis-server, postgres…) whose behaviour — log lines, ports, HTTP
// routes, required environment, memory, SIGTERM handling — is modelled. One file per image (or
// family) under images/library/; catalog.ts indexes them.
import type { CancelSignal, CommandContext } from '../../shell'
import type { Listener } from '../network/types'
import type { ApiClient } from '../../api/client'
import type { NodeKernel } from '../network/kernel/types'

/**
 * What an in-cluster program (kube-proxy, CoreDNS, MetalLB, ingress-nginx) reaches beyond its
 * container: the API server, with the pod's service-account token, and — for hostNetwork pods
 * only — the node it runs on (kube-proxy writes the node's netfilter; MetalLB's speaker answers ARP).
 */
export interface InCluster {
  api: ApiClient
  node?: NodeHost
}

/** The node as a privileged hostNetwork pod sees it. */
export interface NodeHost {
  name: string
  ip: string
  kernel: NodeKernel
  /** Answer ARP for `ip` on this node's network (MetalLB L2). Returns a withdraw. */
  announce(ip: string): () => void
}

/** What the container runtime gives a program beyond its CommandContext (argv, env, fs, clock…). */
export interface ProcessHost {
  readonly pod: { name: string; namespace: string; uid: string; ip: string; nodeName: string; labels: Record<string, string> }
  readonly container: string
  /** Listen on 0.0.0.0:port in the pod's network namespace. Returns a close; throws when taken. */
  listen(port: number, listener: Listener): () => void
  /** The process's working set now; above the container's memory limit the runtime OOM-kills it (137). */
  setMemoryBytes(bytes: number): void
  /** CPU in use now (millicores), for `kubectl top`. */
  setCpuMillicores(millicores: number): void
  /**
   * SIGTERM. Fires only for the container's PID 1 when the program is PID 1 (a program started by
   * a shell script never sees it: the shell, as PID 1, ignores SIGTERM). After the grace period
   * the runtime SIGKILLs regardless (ctx.signal aborts).
   */
  readonly term: CancelSignal
  /**
   * Optional (added by IMAGES): replace this program with argv, as an entrypoint script's
   * `exec "$@"` does, resolving argv[0] through the image (its programs, then its shell). Absent:
   * the library resolves argv[0] among the image's programs only.
   */
  exec?(argv: string[]): Promise<number>
  /** Added by SERVICES: the API server and (hostNetwork pods) the node. Absent in bare unit tests. */
  readonly cluster?: InCluster
}

/** A program shipped in an image: runs until it returns its exit code or ctx.signal aborts (SIGKILL). */
export type Program = (ctx: CommandContext, host: ProcessHost) => Promise<number>

export interface ImageSpec {
  /** Normalised repository: `docker.io/library/nginx`, `docker.io/mhausenblas/simpleservice`. */
  repository: string
  /** Other repositories with the same content (`registry.k8s.io/busybox`, a course's mirror). */
  aliases?: string[]
  /** Tags that exist, newest first; a RegExp covers a version family (`/^1\.2[0-7](\.\d+)?$/`). */
  tags: readonly (string | RegExp)[]
  /** Uncompressed size in bytes (the `Pulled` event's "Image size"). */
  sizeBytes: number
  /** One line for the catalog's documentation. */
  description: string
  /** ENTRYPOINT and CMD as `docker inspect` shows them. */
  entrypoint: string[]
  cmd: string[]
  /** The image's ENV (PATH, NGINX_VERSION…), under the pod's env. */
  env?: Record<string, string>
  workingDir?: string
  /** USER: `root` (default) or a uid like `1001`. */
  user?: string
  /** EXPOSE. */
  exposedPorts?: number[]
  /** The image's own files (an nginx welcome page, /etc/os-release…), path → content. */
  files?: Record<string, string>
  /** What /bin/sh is: `bash` (debian-based), `sh` (busybox/alpine), `none` (distroless/scratch). */
  shell: 'bash' | 'sh' | 'none'
  /** Extra executables present beyond the shell's POSIX tools (`curl`, `wget`, `nslookup`, `ps`…). */
  tools?: string[]
  /** The programs the image ships, by executable name (`nginx`, `redis-server`, `docker-entrypoint.sh`). */
  programs?: Record<string, Program>
  /** Idle working set of the default process, for `kubectl top` and OOM decisions. */
  memoryBytes: number
  /**
   * Sizes of tags that differ from `sizeBytes` (nginx:1.7.9 is 91.7 MB, nginx:1.25 187.7 MB); the
   * first entry whose tag matches wins. Added by IMAGES (compatible: optional).
   */
  tagSizes?: readonly { tag: string | RegExp; sizeBytes: number }[]
  /**
   * The default command ends by itself (hello-world prints and exits; a bare `sh` with no TTY reads
   * end-of-input and exits 0). Feeds the legacy `keepsRunning` of lookupImage. Optional.
   */
  oneShot?: boolean
  /** How long the default process takes to stop after SIGTERM, for the legacy timing table. Optional. */
  stopMs?: number
  /** Environment the default command cannot start without (documentation; the program enforces it). Optional. */
  requiredEnv?: string[]
  /** docker-library style family name used in docs/IMAGES.md (`Online Boutique`). Optional. */
  family?: string
}

/** The outcome of resolving a reference against the catalog (what a registry would answer). */
export type ImageResolution =
  | { kind: 'found'; spec: ImageSpec; tag: string }
  /** The repository exists, the tag does not (`manifest unknown`). */
  | { kind: 'manifest-unknown'; spec: ImageSpec; tag: string }
  /** Docker Hub: no such repository, or a private one (`pull access denied`). */
  | { kind: 'denied' }
  /** Another registry answering 401 (`unauthorized: access to the requested resource is not authorized`). */
  | { kind: 'unauthorized' }
