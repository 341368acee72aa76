// kubectl describe secret (describeSecret): the sizes of the values, never the values — except a
// service-account token, which upstream prints in full.
import type { KubeObject } from '../../../api/types'
import { PrefixWriter, LEVEL_0 } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, type DescribeContext } from './common'

/** Decoded length in bytes of a base64 value: `czNjcjN0` (s3cr3t) → 6. */
export function base64Bytes(b64: string): number {
  const clean = b64.replace(/[\r\n]/g, '')
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - pad
}

/** The service-account token's bytes, decoded (it is printed in full). */
function decode(b64: string): string {
  try {
    const bin = atob(b64)
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
  } catch {
    return ''
  }
}

export function describeSecret(obj: KubeObject, _ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const type = String(obj.type ?? '')
  w.write(LEVEL_0, `\nType:\t${type}\n`)
  w.write(LEVEL_0, '\nData\n====\n')
  const data = (obj.data ?? {}) as Record<string, string>
  for (const k of Object.keys(data).sort()) {
    if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decode(data[k])}\n`)
    else w.write(LEVEL_0, `${k}:\t${base64Bytes(data[k] ?? '')} bytes\n`)
  }
  return w.toString()
}
