// The admission chain: for each kind, defaulting then validation (metadata first, then the kind's
// own rules). Errors are collected into one list and thrown as `invalid(kind, name, causes)`:
//   Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain ...
import type { KubeObject } from '../../../api/types'
import type { KindInfo } from '../../../api/kinds'
import { invalid, StatusError, type FieldError } from '../../../api/errors'
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/metadata'
import { nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from '../validation/names'
import type { AdmissionContext, Allocator, Defaulter, Releaser, Validator } from './types'
import type { ServiceAllocators, Transaction } from '../allocators'
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
import { allocateService, defaultService, defaultServiceStatus, releaseService } from './defaults/service'
import { nameIsDNS1035Label, validateService, validateServiceStatus } from './validation/service'
import { defaultEndpoints } from './defaults/endpoints'
import { validateEndpoints } from './validation/endpoints'
import { defaultEndpointSlice } from './defaults/endpointslice'
import { validateEndpointSlice } from './validation/endpointslice'
import { defaultDaemonSet } from './defaults/daemonset'
import { validateDaemonSet } from './validation/daemonset'
import { defaultIPAddressPool } from './defaults/metallb'
import { validateIPAddressPool, validateL2Advertisement } from './validation/metallb'
import { defaultIngress, defaultIngressClass } from './defaults/ingress'
import { validateIngress, validateIngressClass } from './validation/ingress'

export type { AdmissionContext } from './types'

interface KindAdmission {
  nameFn: NameValidator
  defaults?: Defaulter
  validate?: Validator
  /** Between defaulting and validation: take allocated values (ClusterIPs, NodePorts). */
  allocate?: Allocator
  /** When the object is removed from storage: give them back. */
  release?: Releaser
  /** The status subresource: defaulting of the status, then its own validation (ValidateXStatusUpdate). */
  status?: { defaults?: (obj: KubeObject) => void; validate?: (obj: KubeObject) => FieldError[] }
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
  Service: {
    nameFn: nameIsDNS1035Label, defaults: defaultService, validate: validateService, allocate: allocateService, release: releaseService,
    status: { defaults: defaultServiceStatus, validate: validateServiceStatus },
  },
  Endpoints: { nameFn: nameIsDNSSubdomain, defaults: defaultEndpoints, validate: validateEndpoints },
  EndpointSlice: { nameFn: nameIsDNSSubdomain, defaults: defaultEndpointSlice, validate: validateEndpointSlice },
  DaemonSet: { nameFn: nameIsDNSSubdomain, defaults: defaultDaemonSet, validate: validateDaemonSet },
  IPAddressPool: { nameFn: nameIsDNSSubdomain, defaults: defaultIPAddressPool, validate: validateIPAddressPool },
  L2Advertisement: { nameFn: nameIsDNSSubdomain, validate: validateL2Advertisement },
  Ingress: { nameFn: nameIsDNSSubdomain, defaults: defaultIngress, validate: validateIngress },
  IngressClass: { nameFn: nameIsDNSSubdomain, defaults: defaultIngressClass, validate: validateIngressClass },
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

/**
 * Default, allocate, validate, and throw Invalid with every cause when anything is wrong. Returns
 * the allocation to commit after the object is stored (or revert if the write goes no further).
 */
export function admit(info: KindInfo, obj: KubeObject, ctx: AdmissionContext): Transaction | undefined {
  applyDefaults(info, obj, ctx)
  const txn = ADMISSION[info.kind]?.allocate?.(obj, ctx)
  const errs = validate(info, obj, ctx)
  if (!errs.length) return txn
  txn?.revert()
  const err = invalid(info.kind, obj.metadata.name || obj.metadata.generateName || '', errs)
  if (!info.group) throw err
  // errors.NewInvalid names a grouped kind by GroupKind.String(): `Deployment.apps "web" is invalid`
  // (kubectl still prints `The Deployment "web" is invalid`, from details.kind).
  throw new StatusError({ ...err.status, message: `${info.kind}.${info.group}${err.status.message.slice(info.kind.length)}`, details: { ...err.status.details, group: info.group } })
}

/** An object left storage: release what admission allocated for it. */
export function releaseAllocated(info: KindInfo, obj: KubeObject, allocators: ServiceAllocators): void {
  ADMISSION[info.kind]?.release?.(obj, allocators)
}

/** A status write: the kind's status defaults, then its status validation (Invalid on failure). */
export function admitStatus(info: KindInfo, obj: KubeObject, _old: KubeObject): void {
  const st = ADMISSION[info.kind]?.status
  if (!st) return
  st.defaults?.(obj)
  const errs = st.validate?.(obj) ?? []
  if (errs.length) throw invalid(info.kind, obj.metadata.name ?? '', errs)
}
