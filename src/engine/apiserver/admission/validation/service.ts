// Service validation (pkg/apis/core/validation ValidateService / ValidateServiceUpdate, v1.30),
// upstream's words, e.g.
//   spec.ports: Required value
//   spec.ports[1].name: Duplicate value: "http"
//   spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
//   spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set
import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import type { KubeObject } from '../../../../api/types'
import { regexError, maxLenError, isDNS1123Label, isDNS1123Subdomain, isValidPortNum, isValidPortName, isQualifiedName } from '../../validation/strings'
import { validateLabels } from '../../validation/metadata'
import type { NameValidator } from '../../validation/names'
import { goStrings, isIP, validateClusterIPsRelatedFields, INVALID_IP } from '../../allocators'
import type { AdmissionContext, Loose } from '../types'
import { externallyAccessible } from '../defaults/service'

const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
const dns1035Re = new RegExp(`^${DNS1035_FMT}$`)

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push(maxLenError(63))
  if (!dns1035Re.test(v)) errs.push(regexError(DNS1035_MSG, DNS1035_FMT, 'my-name', 'abc-123'))
  return errs
}

/** ValidateServiceName = NameIsDNS1035Label (a Service name becomes a DNS label and env var prefix). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name)

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const AFFINITIES = ['ClientIP', 'None']
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const TRAFFIC_POLICIES = ['Cluster', 'Local']
/** ports.KubeletPort: a LoadBalancer may not expose it. */
const KUBELET_PORT = 10250
/** MaxClientIPServiceAffinitySeconds: one day. */
const MAX_AFFINITY_SECONDS = 86400

/** %#v of the internal core.ServicePort upstream puts in the duplicate-port error. */
function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
}

/** ValidatePortNumOrName. */
export function validatePortNumOrName(v: unknown, path: string): FieldError[] {
  if (typeof v === 'number') return isValidPortNum(v).map((m) => fieldInvalid(path, v, m))
  if (typeof v === 'string') return isValidPortName(v).map((m) => fieldInvalid(path, v, m))
  return []
}

function validateServicePort(sp: Loose, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !sp.name) errs.push(fieldRequired(`${path}.name`))
  else if (sp.name) {
    for (const m of isDNS1123Label(sp.name)) errs.push(fieldInvalid(`${path}.name`, sp.name, m))
    if (names.has(sp.name)) errs.push(fieldDuplicate(`${path}.name`, sp.name))
    else names.add(sp.name)
  }
  for (const m of isValidPortNum(sp.port ?? 0)) errs.push(fieldInvalid(`${path}.port`, sp.port ?? 0, m))
  if (!sp.protocol) errs.push(fieldRequired(`${path}.protocol`))
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(fieldNotSupported(`${path}.protocol`, sp.protocol, PROTOCOLS))
  errs.push(...validatePortNumOrName(sp.targetPort, `${path}.targetPort`))
  if (sp.appProtocol) for (const m of isQualifiedName(sp.appProtocol)) errs.push(fieldInvalid(`${path}.appProtocol`, sp.appProtocol, m))
  return errs
}

/** validateServiceCommon. */
export function validateServiceSpec(svc: Loose): FieldError[] {
  const spec = svc.spec ?? {}
  const errs: FieldError[] = []
  const ports: Loose[] = spec.ports ?? []
  const headless = spec.clusterIP === 'None'
  if (!ports.length && !headless && spec.type !== 'ExternalName') errs.push(fieldRequired('spec.ports'))
  switch (spec.type) {
    case 'LoadBalancer':
      ports.forEach((p, i) => { if (p.port === KUBELET_PORT) errs.push(fieldInvalid(`spec.ports[${i}]`, p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`)) })
      if (headless) errs.push(fieldInvalid('spec.clusterIP', spec.clusterIP, "may not be set to 'None' for LoadBalancer services"))
      break
    case 'NodePort':
      if (headless) errs.push(fieldInvalid('spec.clusterIP', spec.clusterIP, "may not be set to 'None' for NodePort services"))
      break
    case 'ExternalName': {
      if ((spec.clusterIPs ?? []).length) errs.push(fieldForbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
      if ((spec.ipFamilies ?? []).length) errs.push(fieldForbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
      if (spec.ipFamilyPolicy) errs.push(fieldForbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
      // A CNAME may end in a dot (fully qualified).
      const cname = String(spec.externalName ?? '').replace(/\.$/, '')
      if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(fieldInvalid('spec.externalName', cname, m))
      else errs.push(fieldRequired('spec.externalName'))
      break
    }
  }
  const names = new Set<string>()
  ports.forEach((p, i) => errs.push(...validateServicePort(p ?? {}, ports.length > 1, names, `spec.ports[${i}]`)))
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'))
  if (!spec.sessionAffinity) errs.push(fieldRequired('spec.sessionAffinity'))
  else if (!AFFINITIES.includes(spec.sessionAffinity)) errs.push(fieldNotSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES))
  if (spec.sessionAffinity === 'ClientIP') errs.push(...validateClientIPAffinity(spec.sessionAffinityConfig))
  else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) errs.push(fieldForbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'))
  errs.push(...validateClusterIPsRelatedFields(svc))
  ;(spec.externalIPs ?? []).forEach((ip: string, i: number) => {
    if (!isIP(ip)) errs.push(fieldInvalid(`spec.externalIPs[${i}]`, ip, INVALID_IP))
  })
  if (!spec.type) errs.push(fieldRequired('spec.type'))
  else if (!TYPES.includes(spec.type)) errs.push(fieldNotSupported('spec.type', spec.type, TYPES))
  if (spec.type === 'ClusterIP') ports.forEach((p, i) => { if (p?.nodePort) errs.push(fieldForbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")) })
  const nodePorts = new Set<string>()
  ports.forEach((p, i) => {
    if (!p?.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (nodePorts.has(key)) errs.push(fieldDuplicate(`spec.ports[${i}].nodePort`, p.nodePort))
    nodePorts.add(key)
  })
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${p?.protocol}/${p?.port}`
    if (seen.has(key)) errs.push({ type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, message: `spec.ports[${i}]: Duplicate value: ${goServicePortKey(p?.protocol ?? '', p?.port ?? 0)}` })
    seen.add(key)
  })
  errs.push(...validateTrafficPolicies(spec))
  if (spec.type === 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null) errs.push(fieldRequired('spec.allocateLoadBalancerNodePorts'))
  } else if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null) {
    errs.push(fieldForbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"))
  }
  if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass !== null && spec.type !== 'LoadBalancer') {
    errs.push(fieldForbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"))
  }
  return errs
}

function validateClientIPAffinity(cfg: Loose): FieldError[] {
  const path = 'spec.sessionAffinityConfig'
  if (!cfg) return [fieldRequired(path, 'when session affinity type is ClientIP')]
  if (!cfg.clientIP) return [fieldRequired(`${path}.clientIP`, 'when session affinity type is ClientIP')]
  const t = cfg.clientIP.timeoutSeconds
  if (t === undefined || t === null) return [fieldRequired(`${path}.clientIP.timeoutSeconds`, 'when session affinity type is ClientIP')]
  if (t <= 0 || t > MAX_AFFINITY_SECONDS) return [fieldInvalid(`${path}.clientIP.timeoutSeconds`, t, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)]
  return []
}

/** validateServiceExternalTrafficPolicy + validateServiceInternalTrafficFieldsValue. */
function validateTrafficPolicies(spec: Loose): FieldError[] {
  const errs: FieldError[] = []
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(fieldInvalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'))
  } else if (!spec.externalTrafficPolicy) errs.push(fieldRequired('spec.externalTrafficPolicy'))
  else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) errs.push(fieldNotSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES))
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    if (!(spec.healthCheckNodePort > 0)) errs.push(fieldRequired('spec.healthCheckNodePort', "must be set when externalTrafficPolicy is 'Local'"))
  } else if (spec.healthCheckNodePort) {
    errs.push(fieldInvalid('spec.healthCheckNodePort', spec.healthCheckNodePort, 'may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\''))
  }
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) errs.push(fieldRequired('spec.internalTrafficPolicy', 'must specify internalTrafficPolicy'))
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) errs.push(fieldNotSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES))
  return errs
}

const isHeadless = (spec: Loose) => (spec.clusterIPs ?? []).length === 1 && spec.clusterIPs[0] === 'None'

/** validateUpgradeDowngradeClusterIPs (single-stack subset): the primary ClusterIP never changes. */
function validateClusterIPsUpdate(spec: Loose, old: Loose): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return []
  if (isHeadless(spec) && isHeadless(old)) return []
  const now: string[] = spec.clusterIPs ?? []
  const was: string[] = old.clusterIPs ?? []
  const errs: FieldError[] = []
  const changed = (i: number) => ({ type: 'FieldValueInvalid' as const, field: `spec.clusterIPs[${i}]`, message: `spec.clusterIPs[${i}]: Invalid value: ${goStrings(spec.clusterIPs)}: may not change once set` })
  if (was.length === now.length) was.forEach((ip, i) => { if (ip !== now[i]) errs.push(changed(i)) })
  else if (was.length > now.length) {
    if (!now.length) errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `spec.clusterIPs[0]: Invalid value: ${goStrings(spec.clusterIPs)}: primary clusterIP can not be unset` })
    else if (now[0] !== was[0]) errs.push(changed(0))
  } else if (was.length && now[0] !== was[0]) errs.push(changed(0))
  return errs
}

export function validateService(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const svc = obj as Loose
  const errs: FieldError[] = []
  if (ctx.op === 'update' && ctx.old) {
    const old = (ctx.old as Loose).spec ?? {}
    errs.push(...validateClusterIPsUpdate(svc.spec ?? {}, old))
    if (old.type === 'LoadBalancer' && svc.spec?.type === 'LoadBalancer' && (old.loadBalancerClass ?? null) !== (svc.spec?.loadBalancerClass ?? null)) {
      errs.push(fieldInvalid('spec.loadBalancerClass', svc.spec?.loadBalancerClass ?? null, 'may not change once set'))
    }
  }
  return [...errs, ...validateServiceSpec(svc)]
}

/** ValidateServiceStatusUpdate → ValidateLoadBalancerStatus: ingress IPs are IPs, hostnames are names. */
export function validateServiceStatus(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  ;((obj as Loose).status?.loadBalancer?.ingress ?? []).forEach((ing: Loose, i: number) => {
    const path = `status.loadBalancer.ingress[${i}]`
    if (ing?.ip && !isIP(ing.ip)) errs.push(fieldInvalid(`${path}.ip`, ing.ip, 'must be a valid IP address'))
    if (ing?.hostname) {
      for (const m of isDNS1123Subdomain(ing.hostname)) errs.push(fieldInvalid(`${path}.hostname`, ing.hostname, m))
      if (isIP(ing.hostname)) errs.push(fieldInvalid(`${path}.hostname`, ing.hostname, 'must be a DNS name, not an IP address'))
    }
    if (ing?.ipMode && !['Proxy', 'VIP'].includes(ing.ipMode)) errs.push(fieldNotSupported(`${path}.ipMode`, ing.ipMode, ['Proxy', 'VIP']))
  })
  return errs
}
