// Deployment validation: ValidateDeploymentSpec, ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment (pkg/apis/apps/validation/validation.go) + the apps/v1
// strategy's immutable selector. maxSurge/maxUnavailable are IntOrString: 2 or "25%".
import { fieldForbidden, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { regexError } from '../../validation/strings'
import type { AdmissionContext, Loose } from '../types'
import { nonNegative, selectorImmutable, validateSelectorAndTemplate, NONNEGATIVE } from './workload'
import { goIntOrString, invalidRendered } from './goformat'

const PERCENT_FMT = '[0-9]+%'
const percentRe = new RegExp(`^${PERCENT_FMT}$`)
/** validation.IsValidPercent's words. */
export const PERCENT_ERROR = regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return percentRe.test(v) ? [] : [invalidRendered(path, goIntOrString(v), PERCENT_ERROR)]
  if (typeof v === 'number') return v < 0 ? [invalidRendered(path, String(v), NONNEGATIVE)] : []
  return []
}

/** getIntOrPercentValue: "30%" → 30, 2 → 2, "7" → 7 (IntValue parses a string), junk → 0. */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v !== 'string') return 0
  if (percentRe.test(v)) return Number(v.slice(0, -1))
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0
}

function validateRollingUpdate(ru: Loose, path: string): FieldError[] {
  const errs = [
    ...positiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...positiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ]
  // 0 and 0 would never make progress: nothing may be added and nothing taken away.
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidRendered(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'))
  }
  // IsNotMoreThan100Percent: only a valid percentage can be over 100 (an int 110 is allowed).
  const mu = ru.maxUnavailable
  if (typeof mu === 'string' && percentRe.test(mu) && Number(mu.slice(0, -1)) > 100) {
    errs.push(invalidRendered(`${path}.maxUnavailable`, goIntOrString(mu), 'must not be greater than 100%'))
  }
  return errs
}

function validateStrategy(strategy: Loose): FieldError[] {
  const path = 'spec.strategy'
  switch (strategy?.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [fieldForbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : []
    case 'RollingUpdate':
      return strategy.rollingUpdate
        ? validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
        : [fieldRequired(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')]
    default:
      return [fieldNotSupported(path, strategy?.type ?? '', ['Recreate', 'RollingUpdate'])]
  }
}

export function validateDeployment(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec ?? {}
  const errs: FieldError[] = [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
    ...validateStrategy(spec.strategy),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ]
  const pds = spec.progressDeadlineSeconds
  if (typeof pds === 'number') {
    errs.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'))
    // 600 with minReadySeconds 600 is refused: a pod could never be available before the deadline.
    if (pds <= (spec.minReadySeconds ?? 0)) errs.push(invalidRendered('spec.progressDeadlineSeconds', String(pds), 'must be greater than minReadySeconds'))
  }
  if (ctx.op === 'update' && ctx.old) errs.push(...selectorImmutable(spec, (ctx.old as Loose).spec))
  return errs
}
