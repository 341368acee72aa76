// ValidateObjectMeta / ValidateObjectMetaUpdate (apimachinery/pkg/api/validation/objectmeta.go).
import type { ObjectMeta } from '../../../api/types'
import { fieldInvalid, fieldRequired, fieldTooLong, type FieldError } from '../../../api/errors'
import { isQualifiedName, isValidLabelValue } from './strings'
import { nameIsDNSLabel, type NameValidator } from './names'

/** 256 KiB: the total size of all annotation keys and values (TotalAnnotationSizeLimitB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10)

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(fieldInvalid(path, k, m))
    for (const m of isValidLabelValue(String(v))) errs.push(fieldInvalid(path, v, m))
  }
  return errs
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  let total = 0
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldInvalid(path, k, m))
    total += k.length + String(v).length
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldTooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B))
  return errs
}

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const errs: FieldError[] = []
  if (meta.generateName) {
    for (const m of nameFn(meta.generateName, true)) errs.push(fieldInvalid('metadata.generateName', meta.generateName, m))
  }
  if (!meta.name) errs.push(fieldRequired('metadata.name', 'name or generateName is required'))
  else for (const m of nameFn(meta.name, false)) errs.push(fieldInvalid('metadata.name', meta.name, m))
  if (namespaced) {
    if (!meta.namespace) errs.push(fieldRequired('metadata.namespace', ''))
    else for (const m of nameIsDNSLabel(meta.namespace, false)) errs.push(fieldInvalid('metadata.namespace', meta.namespace, m))
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  for (const [i, f] of (meta.finalizers ?? []).entries()) {
    for (const m of isQualifiedName(f)) errs.push(fieldInvalid(`metadata.finalizers[${i}]`, f, m))
  }
  for (const [i, r] of (meta.ownerReferences ?? []).entries()) {
    const p = `metadata.ownerReferences[${i}]`
    if (!r.apiVersion) errs.push(fieldInvalid(`${p}.apiVersion`, r.apiVersion ?? '', 'version must not be empty'))
    if (!r.kind) errs.push(fieldInvalid(`${p}.kind`, r.kind ?? '', 'kind must not be empty'))
    if (!r.name) errs.push(fieldInvalid(`${p}.name`, r.name ?? '', 'name must not be empty'))
    if (!r.uid) errs.push(fieldInvalid(`${p}.uid`, r.uid ?? '', 'uid must not be empty'))
  }
  const controllers = (meta.ownerReferences ?? []).filter((r) => r.controller)
  if (controllers.length > 1) {
    errs.push(fieldInvalid('metadata.ownerReferences', meta.ownerReferences, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.map((r) => `${r.kind}/${r.name}`).join(' and ')}`))
  }
  return errs
}

const IMMUTABLE = 'field is immutable'

export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const errs = validateObjectMeta(meta, namespaced, nameFn)
  if (meta.name !== old.name) errs.push(fieldInvalid('metadata.name', meta.name, IMMUTABLE))
  if (namespaced && meta.namespace !== old.namespace) errs.push(fieldInvalid('metadata.namespace', meta.namespace, IMMUTABLE))
  if (meta.uid !== old.uid) errs.push(fieldInvalid('metadata.uid', meta.uid, IMMUTABLE))
  return errs
}
