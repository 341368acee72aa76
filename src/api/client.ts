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

export interface ApiClient {
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
