// MetalLB kinds: only what the API server itself checks from the CRD schema (required fields):
//   IPAddressPool.metallb.io "pool" is invalid: spec.addresses: Required value
// Address syntax is MetalLB's webhook's business (its controller logs what it cannot parse);
// `isPoolAddress` is exported for the MetalLB programs to share.
import { fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { parseIPv4 } from '../../allocators'
import type { AdmissionContext, Loose } from '../types'

/** A pool entry: `172.17.255.0/24`, `172.17.255.1-172.17.255.250`, or an IPv6 form (accepted as is). */
export function isPoolAddress(s: string): boolean {
  if (s.includes(':')) return true
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(s)
  if (cidr) return parseIPv4(cidr[1]) !== undefined && Number(cidr[2]) <= 32
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(s)
  if (range) {
    const a = parseIPv4(range[1])
    const b = parseIPv4(range[2])
    return a !== undefined && b !== undefined && a <= b
  }
  return false
}

export function validateIPAddressPool(obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec
  if (!spec) return [fieldRequired('spec')]
  if (!Array.isArray(spec.addresses)) return [fieldRequired('spec.addresses')]
  return []
}

/** L2Advertisement's schema requires nothing. */
export function validateL2Advertisement(_obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  return []
}
