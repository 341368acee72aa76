// What Deployment and ReplicaSet validation share (pkg/apis/apps/validation/validation.go):
// ValidateNonnegativeField, ValidateLabelSelector, ValidatePodTemplateSpecForReplicaSet and the
// selector immutability the registry strategies add for apps/v1.
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import { deepEqual } from '../../../../api/objects'
import { fromLabelSelector, matchSelector } from '../../../../api/labels'
import { validateAnnotations, validateLabels } from '../../validation/metadata'
import { isQualifiedName, isValidLabelValue } from '../../validation/strings'
import type { Loose } from '../types'
import { validatePodSpec } from './pod'
import { goLabelSelector, goStringMap, invalidRendered } from './goformat'

export const NONNEGATIVE = 'must be greater than or equal to 0'
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist']

/** ValidateNonnegativeField: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function nonNegative(v: unknown, path: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fieldInvalid(path, v, NONNEGATIVE)] : []
}

/** unversionedvalidation.ValidateLabelSelector (strict label values). */
export function validateLabelSelector(sel: Loose, path: string): FieldError[] {
  const errs: FieldError[] = []
  ;(sel.matchExpressions ?? []).forEach((e: Loose, i: number) => {
    const p = `${path}.matchExpressions[${i}]`
    const values: unknown[] = e.values ?? []
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) errs.push(fieldRequired(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''))
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldForbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''))
    } else {
      errs.push(fieldInvalid(`${p}.operator`, e.operator, 'not a valid selector operator'))
    }
    for (const m of isQualifiedName(String(e.key ?? ''))) errs.push(fieldInvalid(`${p}.key`, e.key ?? '', m))
    values.forEach((v, j) => { for (const m of isValidLabelValue(String(v))) errs.push(fieldInvalid(`${p}.values[${j}]`, v, m)) })
  })
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`))
  return errs
}

/** Whether the selector is one LabelSelectorAsSelector accepts (known operators only). */
function selectorParses(sel: Loose): boolean {
  return (sel?.matchExpressions ?? []).every((e: Loose) => SELECTOR_OPERATORS.includes(e.operator))
}

/**
 * The selector block of ValidateDeploymentSpec / ValidateReplicaSetSpec, then the template.
 * A missing selector is Nothing (matches no labels), so it also fails the label match — upstream
 * prints both: `[spec.selector: Required value, spec.template.metadata.labels: Invalid value: …]`.
 */
export function validateSelectorAndTemplate(spec: Loose, kindWord: string): FieldError[] {
  const errs: FieldError[] = []
  const sel = spec.selector
  if (sel === undefined || sel === null) errs.push(fieldRequired('spec.selector'))
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'))
    const n = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length
    // Upstream's ReplicaSet check reuses the Deployment words ("invalid for deployment").
    if (n === 0) errs.push(invalidRendered('spec.selector', goLabelSelector(sel), 'empty selector is invalid for deployment'))
  }
  if (sel && !selectorParses(sel)) {
    errs.push(invalidRendered('spec.selector', goLabelSelector(sel), 'invalid label selector'))
    return errs
  }
  errs.push(...validatePodTemplateForReplicaSet(spec.template, sel, kindWord))
  return errs
}

/** ValidatePodTemplateSpecForReplicaSet with ValidatePodTemplateSpec's paths (`spec.template.labels`, sic). */
export function validatePodTemplateForReplicaSet(template: Loose, sel: Loose, kindWord: string): FieldError[] {
  const errs: FieldError[] = []
  if (!template) return [fieldRequired('spec.template')]
  const labels = template.metadata?.labels
  const empty = sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0
  if (!empty && (!sel || !matchSelector(fromLabelSelector(sel), labels))) {
    errs.push(invalidRendered('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validateLabels(labels, 'spec.template.labels'))
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.annotations'))
  errs.push(...underTemplate(validatePodSpec(template.spec ?? {})))
  const rp = template.spec?.restartPolicy
  if (rp !== 'Always') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']))
  if (template.spec?.activeDeadlineSeconds !== undefined && template.spec?.activeDeadlineSeconds !== null) {
    errs.push(fieldForbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord} is not Supported`))
  }
  return errs
}

/** Pod validation speaks of `spec.…`; in a template the same field is `spec.template.spec.…`. */
function underTemplate(errs: FieldError[]): FieldError[] {
  return errs.map((e) => ({ ...e, field: `spec.template.${e.field}`, message: `spec.template.${e.message}` }))
}

/** apps/v1 strategies: `spec.selector: Invalid value: v1.LabelSelector{…}: field is immutable`. */
export function selectorImmutable(spec: Loose, oldSpec: Loose): FieldError[] {
  if (deepEqual(semantic(spec?.selector), semantic(oldSpec?.selector))) return []
  return [invalidRendered('spec.selector', goLabelSelector(spec?.selector), 'field is immutable')]
}

/** apiequality.Semantic: an empty map or list equals a missing one. */
function semantic(sel: Loose): Loose {
  if (!sel) return null
  return {
    matchLabels: Object.keys(sel.matchLabels ?? {}).length ? sel.matchLabels : null,
    matchExpressions: (sel.matchExpressions ?? []).length ? sel.matchExpressions : null,
  }
}
