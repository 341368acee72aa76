// One kind's admission: defaulting (SetDefaults_* plus the default admission plugins) and
// validation (pkg/apis/core/validation). Each kind lives in defaults/<kind>.ts + validation/<kind>.ts.
import type { KubeObject } from '../../../api/types'
import type { FieldError } from '../../../api/errors'

export interface AdmissionContext {
  op: 'create' | 'update'
  /** The stored object, on update. */
  old?: KubeObject
  /** clock.nowISO() at the time of the request. */
  now: string
  /** `n` characters of the generateName alphabet (bcdfghjklmnpqrstvwxz2456789), from the server's seeded stream. */
  randomSuffix?: (n: number) => string
}

/** Mutates `obj` in place (it is already the server's private copy). */
export type Defaulter = (obj: KubeObject, ctx: AdmissionContext) => void
export type Validator = (obj: KubeObject, ctx: AdmissionContext) => FieldError[]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any
