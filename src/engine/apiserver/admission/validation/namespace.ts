// Namespace validation (ValidateNamespace / ValidateNamespaceUpdate): finalizer names, phase.
import { fieldInvalid, fieldNotSupported, type FieldError } from '../../../../api/errors'
import { isQualifiedName } from '../../validation/strings'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

const PHASES = ['Active', 'Terminating']

export function validateNamespace(obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  const ns = obj as Loose
  const errs: FieldError[] = []
  ;(ns.spec?.finalizers ?? []).forEach((f: string, i: number) => {
    // upstream validateFinalizerName: a qualified name, and only `kubernetes` may be unprefixed.
    for (const m of isQualifiedName(f)) errs.push(fieldInvalid(`spec.finalizers[${i}]`, f, m))
  })
  if (ns.status?.phase && !PHASES.includes(ns.status.phase)) errs.push(fieldNotSupported('status.phase', ns.status.phase, PHASES))
  return errs
}
