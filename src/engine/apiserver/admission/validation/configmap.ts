// ConfigMap validation (ValidateConfigMap / ValidateConfigMapUpdate).
import { fieldForbidden, fieldInvalid, fieldTooLong, type FieldError } from '../../../../api/errors'
import { isConfigMapKey } from '../../validation/strings'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { deepEqual } from '../../../../api/objects'

/** 1 MiB: MaxSecretSize, shared by ConfigMaps (etcd's value limit with headroom). */
export const MAX_CONFIGMAP_SIZE = 1024 * 1024
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set'

export function validateConfigMap(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const cm = obj as Loose
  const errs: FieldError[] = []
  const data: Record<string, string> = cm.data ?? {}
  const bin: Record<string, string> = cm.binaryData ?? {}
  let total = 0
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(fieldInvalid(`data[${key}]`, key, m))
    if (key in bin) errs.push(fieldInvalid(`data[${key}]`, key, 'duplicate of key present in binaryData'))
    total += String(data[key]).length
  }
  for (const key of Object.keys(bin).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(fieldInvalid(`binaryData[${key}]`, key, m))
    total += String(bin[key]).length
  }
  // The whole object is at fault: upstream passes field.NewPath(""), printed as `[]`.
  if (total > MAX_CONFIGMAP_SIZE) errs.push(fieldTooLong('[]', MAX_CONFIGMAP_SIZE))
  const old = ctx.old as Loose
  if (ctx.op === 'update' && old?.immutable === true) {
    if (cm.immutable !== true) errs.push(fieldForbidden('immutable', IMMUTABLE_WHEN_SET))
    if (!deepEqual(cm.data ?? {}, old.data ?? {})) errs.push(fieldForbidden('data', IMMUTABLE_WHEN_SET))
    if (!deepEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errs.push(fieldForbidden('binaryData', IMMUTABLE_WHEN_SET))
  }
  return errs
}
