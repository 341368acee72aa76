// The admission chain: for each kind, defaulting then validation (metadata first, then the kind's
// own rules). Errors are collected into one list and thrown as `invalid(kind, name, causes)`:
//   Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain ...
import type { KubeObject } from '../../../api/types'
import type { KindInfo } from '../../../api/kinds'
import { invalid, StatusError, type FieldError } from '../../../api/errors'
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/metadata'
import { nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from '../validation/names'
import type { AdmissionContext, Defaulter, Validator } from './types'
import { defaultPod } from './defaults/pod'
import { defaultNamespace } from './defaults/namespace'
import { validatePod } from './validation/pod'
import { validateNamespace } from './validation/namespace'
import { validateNode } from './validation/node'
import { validateEvent } from './validation/event'
import { validateConfigMap } from './validation/configmap'
import { defaultSecret } from './defaults/secret'
import { validateSecret } from './validation/secret'
import { defaultDeployment, defaultReplicaSet } from './defaults/apps'
import { validateDeployment } from './validation/deployment'
import { validateReplicaSet } from './validation/replicaset'
import { defaultJob } from './defaults/job'
import { validateJob } from './validation/job'

export type { AdmissionContext } from './types'

interface KindAdmission {
  nameFn: NameValidator
  defaults?: Defaulter
  validate?: Validator
}

/** Per kind; a kind missing here gets DNS-subdomain names and metadata checks only. */
const ADMISSION: Record<string, KindAdmission> = {
  Pod: { nameFn: nameIsDNSSubdomain, defaults: defaultPod, validate: validatePod },
  Namespace: { nameFn: nameIsDNSLabel, defaults: defaultNamespace, validate: validateNamespace },
  Node: { nameFn: nameIsDNSSubdomain, validate: validateNode },
  Event: { nameFn: nameIsDNSSubdomain, validate: validateEvent },
  ConfigMap: { nameFn: nameIsDNSSubdomain, validate: validateConfigMap },
  Secret: { nameFn: nameIsDNSSubdomain, defaults: defaultSecret, validate: validateSecret },
  Deployment: { nameFn: nameIsDNSSubdomain, defaults: defaultDeployment, validate: validateDeployment },
  ReplicaSet: { nameFn: nameIsDNSSubdomain, defaults: defaultReplicaSet, validate: validateReplicaSet },
  Job: { nameFn: nameIsDNSSubdomain, defaults: defaultJob, validate: validateJob },
}

/** Register admission for a kind added later (one line per kind, from its own files). */
export function registerAdmission(kind: string, a: KindAdmission): void {
  ADMISSION[kind] = a
}

export function applyDefaults(info: KindInfo, obj: KubeObject, ctx: AdmissionContext): void {
  ADMISSION[info.kind]?.defaults?.(obj, ctx)
}

export function validate(info: KindInfo, obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const a = ADMISSION[info.kind] ?? { nameFn: nameIsDNSSubdomain }
  const meta = ctx.op === 'update' && ctx.old
    ? validateObjectMetaUpdate(obj.metadata, ctx.old.metadata, info.namespaced, a.nameFn)
    : validateObjectMeta(obj.metadata, info.namespaced, a.nameFn)
  return [...meta, ...(a.validate?.(obj, ctx) ?? [])]
}

/** Default, validate, and throw Invalid with every cause when anything is wrong. */
export function admit(info: KindInfo, obj: KubeObject, ctx: AdmissionContext): void {
  applyDefaults(info, obj, ctx)
  const errs = validate(info, obj, ctx)
  if (!errs.length) return
  const err = invalid(info.kind, obj.metadata.name || obj.metadata.generateName || '', errs)
  if (!info.group) throw err
  // errors.NewInvalid names a grouped kind by GroupKind.String(): `Deployment.apps "web" is invalid`
  // (kubectl still prints `The Deployment "web" is invalid`, from details.kind).
  throw new StatusError({ ...err.status, message: `${info.kind}.${info.group}${err.status.message.slice(info.kind.length)}`, details: { ...err.status.details, group: info.group } })
}
