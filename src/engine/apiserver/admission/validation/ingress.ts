// Ingress and IngressClass validation (kubernetes v1.30 pkg/apis/networking/validation), with
// upstream's words: `spec.rules[0].http.paths[0].pathType: Required value: pathType must be
// specified`, `...path: Invalid value: "web": must be an absolute path`, `...backend: Invalid
// value: "": resource or service backend is required`.
import { fieldInvalid, fieldNotSupported, fieldRequired, fieldTooLong, type FieldError } from '../../../../api/errors'
import { regexError, isDNS1123Subdomain, isValidPortName, isValidPortNum, maxLenError, DNS1123_SUBDOMAIN_MAX } from '../../validation/strings'
import { isDNS1035Label } from './service'
import { nameIsDNSSubdomain } from '../../validation/names'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { LEGACY_CLASS_ANNOTATION } from '../defaults/ingress'

const SUPPORTED_PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F']
const INVALID_PATH_SUFFIXES = ['/..', '/.']
/** maxLenIngressClassController. */
const MAX_CONTROLLER_LEN = 250

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const WILDCARD_FMT = `\\*\\.${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const WILDCARD_MSG = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"

export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (v.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(v)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'))
  return errs
}

const isIPLiteral = (s: string): boolean => /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s))

function validateBackend(b: Loose, path: string): FieldError[] {
  const errs: FieldError[] = []
  const hasResource = b?.resource != null
  const hasService = b?.service != null
  if (hasResource && hasService) return [fieldInvalid(path, '', 'cannot set both resource and service backends')]
  if (hasResource) {
    const r = b.resource
    if (r.apiGroup != null) for (const m of isDNS1123Subdomain(r.apiGroup)) errs.push(fieldInvalid(`${path}.resource.apiGroup`, r.apiGroup, m))
    if (!r.kind) errs.push(fieldRequired(`${path}.resource.kind`))
    if (!r.name) errs.push(fieldRequired(`${path}.resource.name`))
    return errs
  }
  if (!hasService) return [fieldInvalid(path, '', 'resource or service backend is required')]
  const s = b.service
  if (!s.name) errs.push(fieldRequired(`${path}.service.name`))
  else for (const m of isDNS1035Label(s.name)) errs.push(fieldInvalid(`${path}.service.name`, s.name, m))
  const portName: string = s.port?.name ?? ''
  const portNumber: number = s.port?.number ?? 0
  if (portName && portNumber) errs.push(fieldInvalid(path, '', 'cannot set both port name & port number'))
  else if (portName) for (const m of isValidPortName(portName)) errs.push(fieldInvalid(`${path}.service.port.name`, portName, m))
  else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(fieldInvalid(`${path}.service.port.number`, portNumber, m))
  else errs.push(fieldRequired(path, 'port name or number is required'))
  return errs
}

function validatePath(p: Loose, path: string): FieldError[] {
  if (p.pathType == null) return [fieldRequired(`${path}.pathType`, 'pathType must be specified')]
  const errs: FieldError[] = []
  const value: string = p.path ?? ''
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(fieldInvalid(`${path}.path`, value, 'must be an absolute path'))
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(fieldInvalid(`${path}.path`, value, `must not contain '${seq}'`))
        for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(fieldInvalid(`${path}.path`, value, `cannot end with '${suf}'`))
      }
      break
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(fieldInvalid(`${path}.path`, value, 'must be an absolute path'))
      break
    default:
      errs.push(fieldNotSupported(`${path}.pathType`, p.pathType, SUPPORTED_PATH_TYPES))
  }
  return [...errs, ...validateBackend(p.backend, `${path}.backend`)]
}

function validateRules(rules: Loose[]): FieldError[] {
  const errs: FieldError[] = []
  rules.forEach((r, i) => {
    const rp = `spec.rules[${i}]`
    const host: string = r.host ?? ''
    if (host) {
      if (isIPLiteral(host)) errs.push(fieldInvalid(`${rp}.host`, host, 'must be a DNS name, not an IP address'))
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)
      for (const m of msgs) errs.push(fieldInvalid(`${rp}.host`, host, m))
    }
    if (r.http != null) {
      const paths: Loose[] = r.http.paths ?? []
      if (!paths.length) errs.push(fieldRequired(`${rp}.http.paths`))
      paths.forEach((p, j) => errs.push(...validatePath(p, `${rp}.http.paths[${j}]`)))
    }
  })
  return errs
}

export function validateIngress(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const ing = obj as Loose
  const spec = ing.spec ?? {}
  const errs: FieldError[] = []
  const rules: Loose[] = spec.rules ?? []
  if (!rules.length && spec.defaultBackend == null) {
    // field.Invalid(fldPath, spec.Rules, ...) renders a nil []IngressRule with %#v.
    const shown = Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)'
    errs.push({ type: 'FieldValueInvalid', field: 'spec', message: `spec: Invalid value: ${shown}: either \`defaultBackend\` or \`rules\` must be specified` })
  }
  if (spec.defaultBackend != null) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'))
  if (rules.length) errs.push(...validateRules(rules))
  ;(spec.tls ?? []).forEach((t: Loose, i: number) => {
    ;(t.hosts ?? []).forEach((h: string, j: number) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h)
      for (const m of msgs) errs.push(fieldInvalid(`spec.tls[${i}].hosts[${j}]`, h, m))
    })
    if (t.secretName) for (const m of nameIsDNSSubdomain(t.secretName, false)) errs.push(fieldInvalid(`spec.tls[${i}].secretName`, t.secretName, m))
  })
  if (spec.ingressClassName != null) for (const m of nameIsDNSSubdomain(spec.ingressClassName, false)) errs.push(fieldInvalid('spec.ingressClassName', spec.ingressClassName, m))
  const annotation = ing.metadata?.annotations?.[LEGACY_CLASS_ANNOTATION]
  if (ctx.op === 'create' && annotation !== undefined && spec.ingressClassName != null && annotation !== spec.ingressClassName) {
    // Upstream builds this path from field.NewPath("annotations"), without `metadata.`.
    errs.push(fieldInvalid(`annotations.${LEGACY_CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'))
  }
  return errs
}

function isDomainPrefixedPath(path: string, v: string): FieldError[] {
  const slash = v.indexOf('/')
  const host = slash < 0 ? v : v.slice(0, slash)
  const rest = slash < 0 ? '' : v.slice(slash + 1)
  if (slash < 0 || !host || !rest) return [fieldInvalid(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")')]
  const errs = isDNS1123Subdomain(host).map((m) => fieldInvalid(path, host, m))
  if (!new RegExp(`^${HTTP_PATH_FMT}$`).test(rest)) errs.push(fieldInvalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT)))
  return errs
}

export function validateIngressClass(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const spec = (obj as Loose).spec ?? {}
  const errs: FieldError[] = []
  const controller: string = spec.controller ?? ''
  if (ctx.op === 'update' && ctx.old && ((ctx.old as Loose).spec?.controller ?? '') !== controller) {
    errs.push(fieldInvalid('spec.controller', controller, 'field is immutable'))
  }
  if (!controller) errs.push(fieldRequired('spec.controller'))
  else {
    if (controller.length > MAX_CONTROLLER_LEN) errs.push(fieldTooLong('spec.controller', MAX_CONTROLLER_LEN))
    errs.push(...isDomainPrefixedPath('spec.controller', controller))
  }
  const p = spec.parameters
  if (p) {
    if (!p.kind) errs.push(fieldRequired('spec.parameters.kind'))
    if (!p.name) errs.push(fieldRequired('spec.parameters.name'))
    if (p.scope !== 'Cluster' && p.scope !== 'Namespace') errs.push(fieldNotSupported('spec.parameters.scope', p.scope, ['Cluster', 'Namespace']))
    else if (p.scope === 'Namespace' && p.namespace == null) errs.push(fieldRequired('spec.parameters.namespace', '`parameters.scope` is set to \'Namespace\''))
    else if (p.scope === 'Cluster' && p.namespace != null) errs.push({ type: 'FieldValueForbidden', field: 'spec.parameters.namespace', message: "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'" })
  }
  return errs
}
