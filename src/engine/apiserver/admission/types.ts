// One kind's admission: defaulting (SetDefaults_* plus the default admission plugins) and
// validation (pkg/apis/core/validation). Each kind lives in defaults/<kind>.ts + validation/<kind>.ts.
import type { KubeObject } from '../../../api/types'
import type { FieldError } from '../../../api/errors'
import type { ServiceAllocators, Transaction } from '../allocators'

export interface AdmissionContext {
  op: 'create' | 'update'
  /** The stored object, on update. */
  old?: KubeObject
  /** clock.nowISO() at the time of the request. */
  now: string
  /** `n` characters of the generateName alphabet (bcdfghjklmnpqrstvwxz2456789), from the server's seeded stream. */
  randomSuffix?: (n: number) => string
  /** The server's ClusterIP and NodePort allocators (Service admission allocates from them). */
  allocators?: ServiceAllocators
  /** dryRun=All: allocators check without taking anything. */
  dryRun?: boolean
  /**
   * Added by INGRESS: the stored objects of a resource (`ingressclasses`), for admission plugins
   * that read other objects (DefaultIngressClass). Absent: those plugins do nothing.
   */
  list?: (plural: string) => KubeObject[]
}

/**
 * BeginCreate/BeginUpdate of a kind with allocated fields (Services): runs after defaulting and
 * before validation, may throw a StatusError, and returns what to commit once the object is
 * stored or to revert when the write is refused.
 */
export type Allocator = (obj: KubeObject, ctx: AdmissionContext) => Transaction | undefined
/** What a removed object held goes back to the allocators. */
export type Releaser = (obj: KubeObject, allocators: ServiceAllocators) => void

/** Mutates `obj` in place (it is already the server's private copy). */
export type Defaulter = (obj: KubeObject, ctx: AdmissionContext) => void
export type Validator = (obj: KubeObject, ctx: AdmissionContext) => FieldError[]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any
