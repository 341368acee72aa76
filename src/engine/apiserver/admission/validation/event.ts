// Event validation (ValidateEventCreate for core/v1 events): the involved object's namespace must
// match the event's, and an event must say which object it is about.
import { fieldInvalid, fieldRequired, type FieldError } from '../../../../api/errors'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

export function validateEvent(obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  const ev = obj as Loose
  const errs: FieldError[] = []
  const io = ev.involvedObject
  if (!io) return [fieldRequired('involvedObject')]
  if (io.namespace && io.namespace !== ev.metadata.namespace) {
    errs.push(fieldInvalid('involvedObject.namespace', io.namespace, 'does not match event.namespace'))
  }
  return errs
}
