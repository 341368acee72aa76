// DaemonSet validation (pkg/apis/apps/validation ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy,
// ValidateRollingUpdateDaemonSet, v1.30) + the apps/v1 strategy's immutable selector.
//   spec.selector: Invalid value: v1.LabelSelector{…}: empty selector is invalid for daemonset
//   spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0
import { fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'
import { nonNegative, selectorImmutable, validateLabelSelector, validatePodTemplateForReplicaSet } from './workload'
import { goIntOrString, goLabelSelector, invalidRendered } from './goformat'
import { intOrPercentValue, PERCENT_ERROR } from './deployment'

const percentRe = /^[0-9]+%$/

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function intOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return []
  if (typeof v === 'string') {
    if (!percentRe.test(v)) return [invalidRendered(path, goIntOrString(v), PERCENT_ERROR)]
    return Number(v.slice(0, -1)) > 100 ? [invalidRendered(path, goIntOrString(v), 'must not be greater than 100%')] : []
  }
  if (typeof v === 'number' && v < 0) return [invalidRendered(path, String(v), 'must be greater than or equal to 0')]
  return []
}

function validateUpdateStrategy(strategy: Loose): FieldError[] {
  const path = 'spec.updateStrategy'
  switch (strategy?.type) {
    case 'OnDelete':
      return []
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate
      if (!ru) return [fieldRequired(`${path}.rollingUpdate`)]
      const p = `${path}.rollingUpdate`
      const errs = [...intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${p}.maxSurge`)]
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0
      if (hasUnavailable && hasSurge) errs.push(invalidRendered(`${p}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'))
      if (!hasUnavailable && !hasSurge) errs.push(fieldRequired(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'))
      return errs
    }
    default:
      return [fieldNotSupported(path, strategy?.type ?? '', ['RollingUpdate', 'OnDelete'])]
  }
}

export function validateDaemonSet(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec ?? {}
  const sel = spec.selector
  const errs: FieldError[] = []
  if (sel) errs.push(...validateLabelSelector(sel, 'spec.selector'))
  const template = spec.template ?? {}
  // The template checks shared with ReplicaSet, except that DaemonSet words activeDeadlineSeconds as Invalid.
  const ads = template.spec?.activeDeadlineSeconds
  const withoutAds = ads === undefined || ads === null ? template : { ...template, spec: { ...template.spec, activeDeadlineSeconds: undefined } }
  const tmpl = validatePodTemplateForReplicaSet(withoutAds, sel, 'DaemonSet')
  const isLabels = (e: FieldError) => e.field === 'spec.template.metadata.labels'
  errs.push(...tmpl.filter(isLabels))
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalidRendered('spec.selector', goLabelSelector(sel), 'empty selector is invalid for daemonset'))
  }
  errs.push(...tmpl.filter((e) => !isLabels(e)))
  if (ads !== undefined && ads !== null) errs.push(invalidRendered('spec.template.spec.activeDeadlineSeconds', String(ads), 'activeDeadlineSeconds in DaemonSet is not Supported'))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...validateUpdateStrategy(spec.updateStrategy))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (ctx.op === 'update' && ctx.old) errs.push(...selectorImmutable(spec, (ctx.old as Loose).spec))
  return errs
}
