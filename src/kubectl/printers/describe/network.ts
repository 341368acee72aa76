// kubectl describe service / endpoints / endpointslice / ingress / ingressclass, as kubectl v1.30
// prints them (describeService, describeEndpoints, describeEndpointSliceV1, describeIngressV1 with
// describeBackendV1, describeIngressClassV1 in staging/src/k8s.io/kubectl/pkg/describe/describe.go).
// v1.30 reads a Service's backends from its Endpoints object and prints spec.loadBalancerIP as a
// second `IP:` line (v1.31 renamed it "Desired LoadBalancer IP" and added Internal Traffic Policy).

import type { KubeObject } from '../../../api/types'
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'
import { field, formatLabels, NONE } from '../util'
import { formatEndpoints, ingressAddress, type EndpointSubset } from '../columns/network'

type Loose = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const header = (w: PrefixWriter, obj: KubeObject) => {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
}

/** Get an object, or the error text an API call would give (`endpoints "x" not found`). */
function tryGet(ctx: DescribeContext, plural: string, ns: string | undefined, name: string): KubeObject | string {
  try {
    return ctx.api.get(plural, ns, name)
  } catch (e) {
    const status = (e as { status?: { message?: string } }).status
    return status?.message ?? String(e)
  }
}

/** buildIngressString: `172.17.255.1, lb.example.com`. */
function buildIngressString(ingress: Array<{ ip?: string; hostname?: string }>): string {
  return ingress.map((i) => i.ip || i.hostname || '').join(', ')
}

export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const spec = (obj.spec ?? {}) as Loose
  const ep = tryGet(ctx, 'endpoints', obj.metadata.namespace, obj.metadata.name ?? '')
  const subsets = typeof ep === 'string' ? undefined : field<EndpointSubset[]>(ep, 'subsets')
  header(w, obj)
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length ? spec.ipFamilies.join(',') : NONE}\n`)
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length ? spec.clusterIPs.join(',') : NONE}\n`)
  if ((spec.externalIPs ?? []).length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
  const ingress = field<Array<{ ip?: string; hostname?: string }>>(obj, 'status', 'loadBalancer', 'ingress') ?? []
  if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`)
  for (const sp of (spec.ports ?? []) as Loose[]) {
    const name = sp.name || '<unset>'
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${sp.protocol ?? ''}\n`)
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`)
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`)
    w.write(LEVEL_0, `Endpoints:\t${formatEndpoints(subsets, new Set([sp.name ?? '']))}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if ((spec.loadBalancerSourceRanges ?? []).length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

export function describeEndpoints(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  header(w, obj)
  w.write(LEVEL_0, 'Subsets:\n')
  for (const ss of (field<Loose[]>(obj, 'subsets') ?? [])) {
    const ips = (list: Loose[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || NONE
    w.write(LEVEL_1, `Addresses:\t${ips(ss.addresses)}\n`)
    w.write(LEVEL_1, `NotReadyAddresses:\t${ips(ss.notReadyAddresses)}\n`)
    if ((ss.ports ?? []).length) {
      w.write(LEVEL_1, 'Ports:\n')
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_2, '----\t----\t--------\n')
      for (const p of ss.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
    }
    w.write(LEVEL_0, '\n')
  }
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

export function describeEndpointSlice(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  header(w, obj)
  w.write(LEVEL_0, `AddressType:\t${field<string>(obj, 'addressType') ?? ''}\n`)
  const ports = field<Loose[]>(obj, 'ports') ?? []
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n')
  else {
    w.write(LEVEL_0, 'Ports:\n')
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`)
  }
  const endpoints = field<Loose[]>(obj, 'endpoints') ?? []
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n')
  else {
    w.write(LEVEL_0, 'Endpoints:\n')
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || NONE}\n`)
      w.write(LEVEL_2, 'Conditions:\n')
      const ready = e.conditions?.ready
      w.write(LEVEL_3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`)
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`)
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
    }
  }
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

interface ServiceBackend { name?: string; port?: { number?: number; name?: string } }
interface Backend { service?: ServiceBackend; resource?: { apiGroup?: string; kind?: string; name?: string } }

/** serviceBackendStringer: `web-svc:8000` or `api:http`. */
const serviceBackendString = (b: ServiceBackend) => `${b.name ?? ''}:${b.port?.number ? b.port.number : b.port?.name ?? ''}`

/** describeBackendV1: `web-svc:8000 (10.244.0.5:8000,...)` from the Service's Endpoints. */
function describeBackend(ctx: DescribeContext, ns: string | undefined, backend: Backend): string {
  if (backend.service) {
    const sb = serviceBackendString(backend.service)
    const ep = tryGet(ctx, 'endpoints', ns, backend.service.name ?? '')
    if (typeof ep === 'string') return `${sb} (<error: ${ep}>)`
    const svc = tryGet(ctx, 'services', ns, backend.service.name ?? '')
    if (typeof svc === 'string') return `${sb} (<error: ${svc}>)`
    let spName = ''
    for (const sp of (field<Loose[]>(svc, 'spec', 'ports') ?? [])) {
      const want = backend.service.port ?? {}
      if (want.number && want.number === sp.port) spName = sp.name ?? ''
      else if (want.name && want.name === sp.name) spName = sp.name ?? ''
    }
    return `${sb} (${formatEndpoints(field<EndpointSubset[]>(ep, 'subsets'), new Set([spName]))})`
  }
  if (backend.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? NONE}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`
  }
  return ''
}

export function describeIngress(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const ns = obj.metadata.namespace
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  w.write(LEVEL_0, `Namespace:\t${ns ?? ''}\n`)
  w.write(LEVEL_0, `Address:\t${ingressAddress(obj, true)}\n`)
  w.write(LEVEL_0, `Ingress Class:\t${field<string>(obj, 'spec', 'ingressClassName') ?? NONE}\n`)
  const def = field<Backend>(obj, 'spec', 'defaultBackend')
  const defaultBackend = def ? describeBackend(ctx, ns, def) : '<default>'
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`)
  const tls = field<Array<{ hosts?: string[]; secretName?: string }>>(obj, 'spec', 'tls') ?? []
  if (tls.length) {
    w.write(LEVEL_0, 'TLS:\n')
    for (const t of tls) {
      const hosts = (t.hosts ?? []).join(',')
      w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`)
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
  w.write(LEVEL_1, '----\t----\t--------\n')
  let count = 0
  for (const rule of (field<Loose[]>(obj, 'spec', 'rules') ?? [])) {
    if (!rule.http) continue
    count++
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
    for (const path of (rule.http.paths ?? []) as Loose[]) {
      w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(ctx, ns, path.backend ?? {})}\n`)
    }
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

export function describeIngressClass(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Controller:\t${field<string>(obj, 'spec', 'controller') ?? ''}\n`)
  const p = field<{ apiGroup?: string; kind?: string; name?: string }>(obj, 'spec', 'parameters')
  if (p) {
    w.write(LEVEL_0, 'Parameters:\n')
    if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${p.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${p.name ?? ''}\n`)
  }
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}
