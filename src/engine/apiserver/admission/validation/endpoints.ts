// Endpoints validation (pkg/apis/core/validation validateEndpointSubsets, v1.30):
//   subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`
//   subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../../validation/strings'
import { isIP, INVALID_IP, parseIPv4 } from '../../allocators'
import type { AdmissionContext, Loose } from '../types'

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

/** ValidateNonSpecialIP (IPv4 part): no 0.0.0.0, loopback, link-local or link-local multicast. */
export function nonSpecialIP(ip: string, path: string): FieldError[] {
  const n = parseIPv4(ip)
  if (n === undefined) return isIP(ip) ? [] : [fieldInvalid(path, ip, 'must be a valid IP address')]
  const first = n >>> 24
  if (n === 0) return [fieldInvalid(path, ip, `may not be unspecified (${ip})`)]
  if (first === 127) return [fieldInvalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')]
  if (first === 169 && ((n >>> 16) & 255) === 254) return [fieldInvalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')]
  if ((n >>> 8) === 0xe00000) return [fieldInvalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')]
  return []
}

function validateAddress(a: Loose, path: string): FieldError[] {
  const errs: FieldError[] = []
  const ip = String(a?.ip ?? '')
  if (!isIP(ip)) errs.push(fieldInvalid(`${path}.ip`, ip, INVALID_IP))
  if (a?.hostname) for (const m of isDNS1123Label(a.hostname)) errs.push(fieldInvalid(`${path}.hostname`, a.hostname, m))
  if (a?.nodeName) for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(fieldInvalid(`${path}.nodeName`, a.nodeName, m))
  errs.push(...nonSpecialIP(ip, `${path}.ip`))
  return errs
}

function validatePort(p: Loose, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !p?.name) errs.push(fieldRequired(`${path}.name`))
  else if (p?.name) for (const m of isDNS1123Label(p.name)) errs.push(fieldInvalid(`${path}.name`, p.name, m))
  for (const m of isValidPortNum(p?.port ?? 0)) errs.push(fieldInvalid(`${path}.port`, p?.port ?? 0, m))
  if (!p?.protocol) errs.push(fieldRequired(`${path}.protocol`))
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldNotSupported(`${path}.protocol`, p.protocol, PROTOCOLS))
  if (p?.appProtocol) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldInvalid(`${path}.appProtocol`, p.appProtocol, m))
  return errs
}

export function validateEndpoints(obj: KubeObject, _ctx: AdmissionContext): FieldError[] {
  const errs: FieldError[] = []
  ;((obj as Loose).subsets ?? []).forEach((ss: Loose, i: number) => {
    const path = `subsets[${i}]`
    if (!(ss?.addresses ?? []).length && !(ss?.notReadyAddresses ?? []).length) errs.push(fieldRequired(path, 'must specify `addresses` or `notReadyAddresses`'))
    ;(ss?.addresses ?? []).forEach((a: Loose, j: number) => errs.push(...validateAddress(a, `${path}.addresses[${j}]`)))
    ;(ss?.notReadyAddresses ?? []).forEach((a: Loose, j: number) => errs.push(...validateAddress(a, `${path}.notReadyAddresses[${j}]`)))
    const ports: Loose[] = ss?.ports ?? []
    ports.forEach((p, j) => errs.push(...validatePort(p, ports.length > 1, `${path}.ports[${j}]`)))
  })
  return errs
}
