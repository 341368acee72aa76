// ApiClient: the only way kubectl, controllers, the scheduler and the kubelet touch cluster state.
// It mirrors the REST verbs of the Kubernetes API. Calls are synchronous (the engine and its
// clients share one thread); failures throw StatusError (api/errors.ts) carrying a Status value.
import type { KubeObject, ObjectList, WatchEvent } from './types'
import type { KindInfo } from './kinds'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface ListOptions {
  /** Omit for all namespaces (or for cluster-scoped kinds). */
  namespace?: string
  /** `app=web,tier!=db,env in (a,b),!legacy` */
  labelSelector?: string
  /** `metadata.name=web,status.phase!=Running,spec.nodeName=minikube` */
  fieldSelector?: string
}

export interface WatchOptions extends ListOptions {
  /** Send events after this resourceVersion; omitted = start with ADDED for every current object. */
  resourceVersion?: string
}

export interface WriteOptions {
  /** 'All' = server-side dry run: admission runs, nothing is stored. */
  dryRun?: 'All'
  /** Who wrote it (managedFields-lite; also used for event sources). */
  fieldManager?: string
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy
  gracePeriodSeconds?: number
  /** Only delete if the stored object still has this uid / resourceVersion. */
  preconditions?: { uid?: string; resourceVersion?: string }
}

export type PatchType = 'merge' | 'strategic' | 'json'

export interface ApiClient extends PodSubresources {
  /** The kind table as discovery serves it (kubectl api-resources). */
  discovery(): readonly KindInfo[]
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T
  list<T extends KubeObject = KubeObject>(resource: string, opts?: ListOptions): ObjectList<T>
  create<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T
  /** Replace; metadata.resourceVersion, when set, must match the stored one (else Conflict). */
  update<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T
  /** The status subresource: only .status changes (and it does not bump generation). */
  updateStatus<T extends KubeObject = KubeObject>(resource: string, obj: T, opts?: WriteOptions): T
  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions & { subresource?: 'status' }): T
  /** Returns the object as it is after the call (with deletionTimestamp when finalizers or grace hold it). */
  delete<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): T
  deleteCollection(resource: string, opts?: ListOptions & DeleteOptions): KubeObject[]
  /**
   * Events are delivered synchronously, in write order, after the write that caused them.
   * Returns a function that stops the watch.
   */
  watch<T extends KubeObject = KubeObject>(resource: string, opts: WatchOptions, handler: (ev: WatchEvent<T>) => void): () => void
}

// ── Pod subresources served by the node's kubelet (pods/log, pods/exec, pods/portforward) ───────
// Structural twins of the shell's Writer/Reader/CancelSignal/HttpRequest (api/ imports nothing),
// so kubectl can hand its CommandContext streams straight through.

export interface ChunkWriter { write(chunk: string): void }
export interface ChunkReader { read(): Promise<string | null> }
export interface AbortSignalLike {
  readonly aborted: boolean
  onAbort(fn: () => void): () => void
}

/** PodLogOptions (core/v1): what `kubectl logs` sends. */
export interface PodLogOptions {
  container?: string
  /** Keep streaming new lines until the signal aborts or the container stops. */
  follow?: boolean
  /** The previous (terminated) instance of the container. */
  previous?: boolean
  sinceSeconds?: number
  /** RFC 3339. */
  sinceTime?: string
  /** Prefix each line with its RFC 3339 nanosecond timestamp. */
  timestamps?: boolean
  tailLines?: number
  limitBytes?: number
}

export interface PodExecOptions {
  /** Defaults to the pod's first container. */
  container?: string
  command: string[]
  /** Pass stdin through (`-i`). */
  stdin?: boolean
  /** Allocate a TTY (`-t`). */
  tty?: boolean
}

export interface ExecIO {
  stdout: ChunkWriter
  stderr: ChunkWriter
  stdin?: ChunkReader
  signal: AbortSignalLike
}

/** One HTTP exchange through a port-forward (same shape as shell/types.ts HttpRequest/HttpResult). */
export interface ForwardedRequest {
  host: string
  port: number
  scheme?: 'http' | 'https'
  method: string
  path: string
  headers: [string, string][]
  body?: string
  timeoutMs?: number
}
export type ForwardedResult =
  | { kind: 'response'; ip: string; status: number; reason: string; headers: [string, string][]; body: string }
  | { kind: 'error'; code: 'resolve' | 'refused' | 'timeout' | 'unreachable' | 'reset'; ip?: string; message?: string }

/** A tunnel to one port of one pod (pods/portforward). */
export interface PortForwardTunnel {
  /** Sends a request to the pod's port. An error result means the pod refused or went away. */
  http(req: ForwardedRequest, signal: AbortSignalLike): Promise<ForwardedResult>
}

/** A TTY shell in a container (`kubectl exec -it … -- sh`), shaped as shell/types.ts InteractiveSession. */
export interface ExecSession {
  run(line: string, io: { stdout: ChunkWriter; stderr: ChunkWriter; signal: AbortSignalLike; columns?: number }): Promise<number>
  prompt(): string
  complete?(line: string, cursor: number): { word: string; items: string[] }
  readonly exited: boolean
  readonly exitCode: number
  close?(): void
}

/**
 * The pod subresources: the API server finds the pod's node and proxies to its kubelet, as the
 * real one does. Failures throw StatusError with the server's words (`container "web" in pod
 * "web" is waiting to start: ContainerCreating`, BadRequest).
 */
export interface PodSubresources {
  /** pods/log: resolves when the log is written (or, following, when the signal aborts or the container ends). */
  podLogs(namespace: string, name: string, opts: PodLogOptions, out: ChunkWriter, signal: AbortSignalLike): Promise<void>
  /** pods/exec without a TTY shell: runs the command, resolves with its exit code. */
  podExec(namespace: string, name: string, opts: PodExecOptions, io: ExecIO): Promise<number>
  /** pods/exec with `-it` and a shell: an interactive session the terminal hands lines to. */
  podExecSession(namespace: string, name: string, opts: PodExecOptions): ExecSession
  /** pods/portforward: a tunnel to `port` on the pod. */
  podPortForward(namespace: string, name: string, port: number): PortForwardTunnel
}
