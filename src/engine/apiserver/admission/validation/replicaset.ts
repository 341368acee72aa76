// ReplicaSet validation: ValidateReplicaSet / ValidateReplicaSetUpdate
// (pkg/apis/apps/validation/validation.go) + the apps/v1 strategy's immutable selector.
import type { FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'
import { nonNegative, selectorImmutable, validateSelectorAndTemplate } from './workload'

export function validateReplicaSet(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec ?? {}
  const errs: FieldError[] = [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
  ]
  if (ctx.op === 'update' && ctx.old) errs.push(...selectorImmutable(spec, (ctx.old as Loose).spec))
  return errs
}
