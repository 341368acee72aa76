// ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation, v1.30): the clusterIP /
// clusterIPs / ipFamilies / ipFamilyPolicy checks that run both before allocation (alloc.go's
// initIPFamilyFields) and in ValidateService. Lives here so the allocator does not import admission.
import { fieldDuplicate, fieldNotSupported, fieldRequired, type FieldError } from '../../../api/errors'
import { parseIPv4 } from './ipallocator'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** validation.IsValidIP's words (v1.30). */
export const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'
const FAMILIES = ['IPv4', 'IPv6']
const POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack']

/** Go's %#v of a []string: `[]string{"10.96.0.1"}`, nil → `[]string(nil)`. */
export function goStrings(v: unknown[] | undefined | null): string {
  return v ? `[]string{${v.map((s) => JSON.stringify(String(s))).join(', ')}}` : '[]string(nil)'
}

/** An IPv4 or (loosely) IPv6 address. */
export function isIP(s: string): boolean {
  return parseIPv4(s) !== undefined || (/^[0-9a-fA-F:.]+$/.test(s) && s.includes(':') && s.split('::').length <= 2)
}

const inv = (field: string, rendered: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, message: `${field}: Invalid value: ${rendered}: ${detail}` })

export function validateClusterIPsRelatedFields(svc: Loose): FieldError[] {
  const spec = svc.spec ?? {}
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips: string[] = spec.clusterIPs ?? []
  if (spec.clusterIP) {
    if (!ips.length) errs.push(fieldRequired('spec.clusterIPs'))
    else if (ips[0] !== spec.clusterIP) errs.push(inv('spec.clusterIPs', goStrings(ips), 'first value must match `clusterIP`'))
  } else if (ips.length) errs.push(inv('spec.clusterIPs', goStrings(ips), 'must be empty when `clusterIP` is not specified'))
  const seen = new Set<string>()
  ;(spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (!FAMILIES.includes(f)) errs.push(fieldNotSupported(`spec.ipFamilies[${i}]`, f, FAMILIES))
    if (seen.has(f)) errs.push(fieldDuplicate(`spec.ipFamilies[${i}]`, f))
    seen.add(f)
  })
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(fieldNotSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, POLICIES))
  }
  let bad = false
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) { bad = true; errs.push(inv('spec.clusterIPs', goStrings(ips), "'None' must be the first and only value")) }
      return
    }
    if (!isIP(ip)) { bad = true; errs.push(inv(`spec.clusterIPs[${i}]`, JSON.stringify(ip), INVALID_IP)) }
  })
  if (ips.length > 2) errs.push(inv('spec.clusterIPs', goStrings(ips), 'may only hold up to 2 values'))
  if ((spec.ipFamilies ?? []).length > 2) errs.push(inv('spec.ipFamilies', goStrings(spec.ipFamilies), 'may only hold up to 2 values'))
  if (bad) return errs
  if (ips.length > 1 && ips.every((ip) => ip.includes(':') === ips[0].includes(':'))) {
    errs.push(inv('spec.clusterIPs', goStrings(ips), 'may specify no more than one IP for each IP family'))
  }
  if (!(ips.length === 1 && ips[0] === 'None')) {
    ips.forEach((ip, i) => {
      const fam = (spec.ipFamilies ?? [])[i]
      if (fam === 'IPv4' && ip.includes(':')) errs.push(inv(`spec.clusterIPs[${i}]`, JSON.stringify(ip), `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``))
      if (fam === 'IPv6' && !ip.includes(':')) errs.push(inv(`spec.clusterIPs[${i}]`, JSON.stringify(ip), `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``))
    })
  }
  return errs
}
