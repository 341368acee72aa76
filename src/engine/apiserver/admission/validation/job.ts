// batch/v1 Job validation: ValidateJob / ValidateJobSpecUpdate (pkg/apis/batch/validation/validation.go).
// The template must restart OnFailure or Never: a Job's pod ends, and the Job counts how it ended.
//   restartPolicy unset  → spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
//   restartPolicy Always → spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import { deepEqual } from '../../../../api/objects'
import { fromLabelSelector, matchSelector } from '../../../../api/labels'
import type { KubeObject } from '../../../../api/types'
import { validateAnnotations, validateLabels } from '../../validation/metadata'
import type { AdmissionContext, Loose } from '../types'
import { validatePodSpec } from './pod'
import { goStringMap, invalidRendered } from './goformat'
import { nonNegative, selectorImmutable, validateLabelSelector } from './workload'

export const JOB_RESTART_POLICIES = ['OnFailure', 'Never']
const IMMUTABLE = 'field is immutable'

export function validateJob(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec ?? {}
  const errs: FieldError[] = [
    ...nonNegative(spec.parallelism, 'spec.parallelism'),
    ...nonNegative(spec.completions, 'spec.completions'),
    ...nonNegative(spec.activeDeadlineSeconds, 'spec.activeDeadlineSeconds'),
    ...nonNegative(spec.backoffLimit, 'spec.backoffLimit'),
    ...nonNegative(spec.ttlSecondsAfterFinished, 'spec.ttlSecondsAfterFinished'),
  ]
  if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    errs.push(fieldNotSupported('spec.completionMode', spec.completionMode ?? '', ['NonIndexed', 'Indexed']))
  }
  if (spec.completionMode === 'Indexed' && spec.completions == null) {
    errs.push(fieldRequired('spec.completions', 'when completion mode is Indexed'))
  }
  errs.push(...validateTemplate(spec))
  if (ctx.op === 'update' && ctx.old) errs.push(...validateUpdate(spec, (ctx.old as Loose).spec ?? {}))
  return errs
}

function validateTemplate(spec: Loose): FieldError[] {
  const errs: FieldError[] = []
  const sel = spec.selector
  const labels = spec.template?.metadata?.labels
  if (sel == null) errs.push(fieldRequired('spec.selector'))
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'))
    if (!matchSelector(fromLabelSelector(sel), labels)) {
      errs.push(invalidRendered('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'))
    }
  }
  errs.push(...validateLabels(labels, 'spec.template.labels'))
  errs.push(...validateAnnotations(spec.template?.metadata?.annotations, 'spec.template.annotations'))
  // Pod validation's own restartPolicy rule (Always allowed) is replaced by the Job's.
  const podErrs = validatePodSpec(spec.template?.spec ?? {}).filter((e) => e.field !== 'spec.restartPolicy')
  errs.push(...podErrs.map((e) => ({ ...e, field: `spec.template.${e.field}`, message: `spec.template.${e.message}` })))
  const rp = spec.template?.spec?.restartPolicy
  const path = 'spec.template.spec.restartPolicy'
  if (!rp) errs.push(fieldRequired(path, `valid values: ${JOB_RESTART_POLICIES.map((p) => JSON.stringify(p)).join(', ')}`))
  else if (!JOB_RESTART_POLICIES.includes(rp)) errs.push(fieldNotSupported(path, rp, JOB_RESTART_POLICIES))
  return errs
}

/** ValidateJobSpecUpdate: selector, template and (NonIndexed) completions never change. */
function validateUpdate(spec: Loose, old: Loose): FieldError[] {
  const errs: FieldError[] = [...selectorImmutable(spec, old)]
  if (spec.completions !== old.completions) errs.push(fieldInvalid('spec.completions', spec.completions ?? null, IMMUTABLE))
  if (spec.completionMode !== old.completionMode) errs.push(fieldInvalid('spec.completionMode', spec.completionMode, IMMUTABLE))
  // Upstream prints the whole core.PodTemplateSpec with %#v; the struct dump is abbreviated here.
  if (!deepEqual(spec.template, old.template)) errs.push(invalidRendered('spec.template', 'core.PodTemplateSpec{...}', IMMUTABLE))
  return errs
}
