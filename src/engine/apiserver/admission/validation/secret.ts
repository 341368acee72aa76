// Secret validation (ValidateSecret / ValidateSecretUpdate in pkg/apis/core/validation): keys as
// ConfigMap keys, 1 MiB in total, the keys each built-in type requires, type and (when immutable)
// data fixed after creation. Data is already decoded from base64 by now (decode-secret.ts).
import { fieldForbidden, fieldInvalid, fieldRequired, fieldTooLong, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { deepEqual } from '../../../../api/objects'
import { isConfigMapKey } from '../../validation/strings'
import { decodeBase64 } from '../../../kubelet/volumes/base64'
import type { AdmissionContext, Loose } from '../types'
import { MAX_CONFIGMAP_SIZE } from './configmap'

const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set'
const IMMUTABLE = 'field is immutable'

/** Keys each built-in type must carry (core.SecretType* constants and their *Key names). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
}

/** Decoded length in bytes of a base64 value (what the API server counts toward MaxSecretSize). */
function byteLength(b64: string): number {
  const text = decodeBase64(b64)
  return text === undefined ? 0 : new TextEncoder().encode(text).length
}

export function validateSecret(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const s = obj as Loose
  const errs: FieldError[] = []
  const data: Record<string, string> = s.data ?? {}
  let total = 0
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(fieldInvalid(`data[${key}]`, key, m))
    total += byteLength(String(data[key]))
  }
  if (total > MAX_CONFIGMAP_SIZE) errs.push(fieldTooLong('data', MAX_CONFIGMAP_SIZE))
  const type: string = s.type ?? ''
  if (type === 'kubernetes.io/service-account-token' && !s.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(fieldRequired('metadata.annotations[kubernetes.io/service-account.name]'))
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(fieldRequired('data[username]'), fieldRequired('data[password]'))
  }
  for (const k of REQUIRED_KEYS[type] ?? []) {
    if (type === 'kubernetes.io/ssh-auth' ? !data[k] : !(k in data)) errs.push(fieldRequired(`data[${k}]`))
    else if (type === 'kubernetes.io/dockercfg' || type === 'kubernetes.io/dockerconfigjson') {
      try {
        JSON.parse(decodeBase64(String(data[k])) ?? '')
      } catch {
        errs.push(fieldInvalid(`data[${k}]`, '<secret contents redacted>', 'unexpected end of JSON input'))
      }
    }
  }
  const old = ctx.old as Loose
  if (ctx.op === 'update' && old) {
    if ((s.type ?? '') !== (old.type ?? '')) errs.unshift(fieldInvalid('type', s.type ?? '', IMMUTABLE))
    if (old.immutable === true) {
      if (s.immutable !== true) errs.push(fieldForbidden('immutable', IMMUTABLE_WHEN_SET))
      if (!deepEqual(s.data ?? {}, old.data ?? {})) errs.push(fieldForbidden('data', IMMUTABLE_WHEN_SET))
    }
  }
  return errs
}
