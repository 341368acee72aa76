// The Secret part of decoding (before admission): `data` is []byte in Go, so each value must be
// standard base64 — a learner who writes `password: hunter2` under data (instead of stringData)
// gets the decoder's words:
//   Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4
// and `stringData` is merged into `data` (Convert_v1_Secret_To_core_Secret: stringData wins),
// base64-encoded, and dropped: it is write-only.
import type { KubeObject } from '../../api/types'
import { badRequest } from '../../api/errors'
import { encodeBase64, illegalBase64Byte } from '../kubelet/volumes/base64'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const cannotHandle = (why: string) => badRequest(`Secret in version "v1" cannot be handled as a Secret: ${why}`)

function kindOfJson(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'object' ? 'object' : typeof v
}

export function decodeSecret(obj: KubeObject): void {
  const s = obj as Loose
  for (const field of ['data', 'stringData']) {
    const m = s[field]
    if (m === undefined || m === null) continue
    if (typeof m !== 'object' || Array.isArray(m)) throw cannotHandle(`json: cannot unmarshal ${kindOfJson(m)} into Go struct field Secret.${field} of type map[string]${field === 'data' ? '[]uint8' : 'string'}`)
    for (const v of Object.values(m)) {
      if (v !== null && typeof v !== 'string') throw cannotHandle(`json: cannot unmarshal ${kindOfJson(v)} into Go struct field Secret.${field} of type ${field === 'data' ? '[]uint8' : 'string'}`)
    }
  }
  for (const v of Object.values((s.data ?? {}) as Record<string, string | null>)) {
    const at = illegalBase64Byte(v ?? '')
    if (at !== undefined) throw cannotHandle(`illegal base64 data at input byte ${at}`)
  }
  if (s.stringData && Object.keys(s.stringData).length > 0) {
    s.data = { ...(s.data ?? {}) }
    for (const [k, v] of Object.entries(s.stringData as Record<string, string | null>)) s.data[k] = encodeBase64(v ?? '')
  }
  delete s.stringData
}
