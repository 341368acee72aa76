// EndpointSlice validation (pkg/apis/discovery/validation, v1.30). The kind has no spec, so paths
// start at the top: `addressType: Required value`, `endpoints[0].addresses: Required value: must
// contain at least 1 address`, `endpoints[0].addresses[0]: Invalid value: "x": must be a valid IPv4 address`.
import { fieldDuplicate, fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../../validation/strings'
import { parseIPv4, isIP } from '../../allocators'
import type { AdmissionContext, Loose } from '../types'
import { nonSpecialIP } from './endpoints'

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
/** maxEndpoints / maxAddresses / maxPorts. */
const MAX_ENDPOINTS = 1000
const MAX_ADDRESSES = 100
const MAX_PORTS = 20000

const tooMany = (field: string, n: number, max: number): FieldError => ({ type: 'FieldValueTooMany', field, message: `${field}: Too many: ${n}: must have at most ${max} items` })

function validateAddresses(ep: Loose, type: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  const addrs: string[] = ep?.addresses ?? []
  if (!addrs.length) errs.push(fieldRequired(`${path}.addresses`, 'must contain at least 1 address'))
  else if (addrs.length > MAX_ADDRESSES) errs.push(tooMany(`${path}.addresses`, addrs.length, MAX_ADDRESSES))
  addrs.forEach((a, i) => {
    const p = `${path}.addresses[${i}]`
    if (type === 'IPv4') {
      if (parseIPv4(a) === undefined) errs.push(fieldInvalid(p, a, 'must be a valid IPv4 address'))
      errs.push(...nonSpecialIP(a, p))
    } else if (type === 'IPv6') {
      if (!(isIP(a) && a.includes(':'))) errs.push(fieldInvalid(p, a, 'must be a valid IPv6 address'))
    } else if (type === 'FQDN') {
      for (const m of isDNS1123Subdomain(a)) errs.push(fieldInvalid(p, a, m))
    }
  })
  if (ep?.nodeName) for (const m of isDNS1123Subdomain(ep.nodeName)) errs.push(fieldInvalid(`${path}.nodeName`, ep.nodeName, m))
  if (ep?.hostname) for (const m of isDNS1123Label(ep.hostname)) errs.push(fieldInvalid(`${path}.hostname`, ep.hostname, m))
  return errs
}

function validatePorts(ports: Loose[]): FieldError[] {
  if (ports.length > MAX_PORTS) return [tooMany('ports', ports.length, MAX_PORTS)]
  const errs: FieldError[] = []
  const names = new Set<string>()
  ports.forEach((p, i) => {
    const path = `ports[${i}]`
    const name = String(p?.name ?? '')
    if (name) for (const m of isDNS1123Label(name)) errs.push(fieldInvalid(`${path}.name`, name, m))
    if (names.has(name)) errs.push(fieldDuplicate(`${path}.name`, name))
    else names.add(name)
    if (p?.port !== undefined && p?.port !== null) for (const m of isValidPortNum(p.port)) errs.push(fieldInvalid(`${path}.port`, p.port, m))
    if (!p?.protocol) errs.push(fieldRequired(`${path}.protocol`))
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldNotSupported(`${path}.protocol`, p.protocol, PROTOCOLS))
    if (p?.appProtocol) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldInvalid(`${path}.appProtocol`, p.appProtocol, m))
  })
  return errs
}

export function validateEndpointSlice(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const s = obj as Loose
  const errs: FieldError[] = []
  if (!s.addressType) errs.push(fieldRequired('addressType'))
  else if (!ADDRESS_TYPES.includes(s.addressType)) errs.push(fieldNotSupported('addressType', s.addressType, ADDRESS_TYPES))
  const eps: Loose[] = s.endpoints ?? []
  if (eps.length > MAX_ENDPOINTS) errs.push(tooMany('endpoints', eps.length, MAX_ENDPOINTS))
  else eps.forEach((ep, i) => errs.push(...validateAddresses(ep, s.addressType, `endpoints[${i}]`)))
  errs.push(...validatePorts(s.ports ?? []))
  if (ctx.op === 'update' && ctx.old && (ctx.old as Loose).addressType !== s.addressType) {
    errs.push(fieldInvalid('addressType', s.addressType ?? '', 'field is immutable'))
  }
  return errs
}
