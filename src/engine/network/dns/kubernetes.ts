// CoreDNS's kubernetes plugin (plugin/kubernetes: handler.go, parse.go, kubernetes.go
// findServices/findPods, reverse.go) over a ClusterDnsView, for the Kubernetes DNS spec's names:
//   web.default.svc.cluster.local           A → the ClusterIP; headless → every ready endpoint IP
//   web-0.nginx.default.svc.cluster.local   A → that endpoint (hostname, or the IP dashed: 10-244-0-5)
//   _http._tcp.web.default.svc.cluster.local SRV 0 100 80 web.default.svc.cluster.local.
//   ext.default.svc.cluster.local           CNAME → spec.externalName (ExternalName Services)
//   10-244-0-5.default.pod.cluster.local    A 10.244.0.5 (`pods insecure`: any well-formed IP)
//   10.0.96.10.in-addr.arpa                 PTR kube-dns.kube-system.svc.cluster.local.
// Unknown names are NXDOMAIN, known names without that type NODATA; both carry the zone's SOA.
// Reverse names the plugin does not know fall through (`fallthrough in-addr.arpa ip6.arpa`).
import type { DnsRecord, DnsResponse, DnsType } from '../../../shell'
import type { Service } from '../../../api/types'
import type { ClusterDnsView } from './cache'
import { clusterIPs } from './cache'
import { CLUSTER_DOMAIN, RECORD_TTL, SOA_EXPIRE, SOA_REFRESH, SOA_RETRY } from './constants'

export type PodsMode = 'insecure' | 'verified' | 'disabled'

export interface KubernetesPluginConfig {
  /** The forward zone (`cluster.local`). */
  zone: string
  ttl: number
  pods: PodsMode
}

export const DEFAULT_KUBERNETES_CONFIG: KubernetesPluginConfig = { zone: CLUSTER_DOMAIN, ttl: RECORD_TTL, pods: 'insecure' }

/** 'fallthrough': not this plugin's to answer (a reverse name it does not know, a name outside its zones). */
export type PluginAnswer = DnsResponse | 'fallthrough'

/** One record the backend found (msg.Service): where it points and the name it is known by. */
interface Found {
  host: string
  port: number
  /** The SRV target / PTR name: `web.default.svc.cluster.local.` or `web-0.nginx.default.svc.cluster.local.` */
  target: string
  cname?: boolean
}

const REVERSE_ZONE = 'in-addr.arpa.'

export function soaRecord(zone: string, ttl: number, serial: number): DnsRecord {
  const z = zone.replace(/\.$/, '')
  return { name: `${z}.`, type: 'SOA', ttl, data: `ns.dns.${z}. hostmaster.${z}. ${serial} ${SOA_REFRESH} ${SOA_RETRY} ${SOA_EXPIRE} ${ttl}` }
}

/** The hostname CoreDNS gives an endpoint: its hostname, else its IP with dashes (10-244-0-5). */
export const endpointHostname = (a: { ip: string; hostname?: string }): string => a.hostname || a.ip.replace(/\./g, '-')

export function kubernetesPlugin(view: ClusterDnsView, cfg: KubernetesPluginConfig, qname: string, qtype: DnsType): PluginAnswer {
  const name = qname.toLowerCase().endsWith('.') ? qname.toLowerCase() : qname.toLowerCase() + '.'
  const zone = `${cfg.zone.replace(/\.$/, '')}.`
  const reply = (answers: DnsRecord[]): DnsResponse => ({ rcode: 'NOERROR', authoritative: true, answers })
  const negative = (rcode: 'NXDOMAIN' | 'NOERROR', soaZone = zone): DnsResponse => ({ rcode, authoritative: true, answers: [], authority: [soaRecord(soaZone, cfg.ttl, view.serial())] })

  if (name === REVERSE_ZONE || name.endsWith('.' + REVERSE_ZONE)) {
    if (qtype !== 'PTR') return 'fallthrough'
    const target = reverse(view, name, zone)
    if (!target) return 'fallthrough'
    return reply([{ name, type: 'PTR', ttl: cfg.ttl, data: target }])
  }
  if (!(name === zone || name.endsWith('.' + zone))) return 'fallthrough'

  if (qtype === 'SOA' && name === zone) return reply([soaRecord(zone, cfg.ttl, view.serial())])
  if (qtype === 'NS' && name === zone) return reply([{ name: zone, type: 'NS', ttl: cfg.ttl, data: `ns.dns.${zone}` }])
  if (qtype === 'TXT' && name === `dns-version.${zone}`) return reply([{ name, type: 'TXT', ttl: cfg.ttl, data: '"1.1.0"' }])

  const found = records(view, cfg, name.slice(0, name.length - zone.length).replace(/\.$/, ''), zone)
  if (found === 'nxdomain') return negative('NXDOMAIN')
  const answers: DnsRecord[] = []
  switch (qtype) {
    case 'A':
    case 'ANY':
      for (const f of found) {
        if (f.cname) answers.push({ name, type: 'CNAME', ttl: cfg.ttl, data: f.host })
        else answers.push({ name, type: 'A', ttl: cfg.ttl, data: f.host })
      }
      break
    case 'CNAME':
      for (const f of found) if (f.cname) answers.push({ name, type: 'CNAME', ttl: cfg.ttl, data: f.host })
      break
    case 'SRV': {
      const srv = found.filter((f) => f.cname || f.port >= 0)
      // plugin.SRV: records of one priority share 100 equally (3 endpoints → weight 33 each).
      const weight = srv.length ? Math.floor(100 / srv.length) : 0
      for (const f of srv) answers.push({ name, type: 'SRV', ttl: cfg.ttl, data: `0 ${weight} ${Math.max(f.port, 0)} ${f.cname ? f.host : f.target}` })
      break
    }
    default:
      break // AAAA (IPv4-only cluster), TXT, PTR, MX in the forward zone: NODATA
  }
  const unique = dedup(answers)
  return unique.length ? reply(unique) : negative('NOERROR')
}

/** Records(): parseRequest then findServices / findPods. 'nxdomain' = IsNameError. */
function records(view: ClusterDnsView, cfg: KubernetesPluginConfig, base: string, zone: string): Found[] | 'nxdomain' {
  // parseRequest: apex, `svc` and `pod` are NODATA.
  if (base === '' || base === 'svc' || base === 'pod') return []
  const segs = base.split('.')
  let last = segs.length - 1
  const podOrSvc = segs[last]
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return 'nxdomain'
  if (--last < 0) return []
  const namespace = segs[last]
  const service = --last >= 0 ? segs[last] : ''
  let endpoint = ''
  let port = ''
  let protocol = ''
  last--
  if (last === 0) endpoint = segs[0]
  else if (last === 1) {
    protocol = segs[1].replace(/^_/, '')
    port = segs[0].replace(/^_/, '')
  } else if (last > 1) return 'nxdomain'
  if (!view.namespaceExists(namespace)) return 'nxdomain'
  if (!service) return []

  if (podOrSvc === 'pod') {
    if (cfg.pods === 'disabled') return 'nxdomain'
    const dashes = service.split('-').length - 1
    const ip = dashes === 3 && !service.includes('--') ? service.replace(/-/g, '.') : ''
    if (!isIPv4(ip)) return 'nxdomain'
    // `pods verified`: only an IP a pod in that namespace really has (CoreDNS's PodIndex).
    if (cfg.pods === 'verified' && view.podExists && !view.podExists(ip, namespace)) return 'nxdomain'
    return [{ host: ip, port: -1, target: `${service}.${namespace}.pod.${zone}` }]
  }

  const svc = view.service(namespace, service)
  if (!svc) return 'nxdomain'
  const svcName = `${service}.${namespace}.svc.${zone}`
  if (svc.spec?.type === 'ExternalName') {
    if (endpoint || !svc.spec.externalName) return 'nxdomain'
    return [{ host: `${svc.spec.externalName.replace(/\.$/, '')}.`, port: -1, target: svcName, cname: true }]
  }
  const matches = (p: { name: string; protocol: string }) =>
    (port === '' || port.toLowerCase() === p.name.toLowerCase()) && (protocol === '' || protocol.toLowerCase() === p.protocol.toLowerCase())
  const out: Found[] = []
  if (headless(svc) || endpoint) {
    for (const a of view.endpoints(namespace, service)) {
      if (endpoint && endpoint !== endpointHostname(a).toLowerCase()) continue
      for (const p of a.ports) if (matches(p)) out.push({ host: a.ip, port: p.port, target: `${endpointHostname(a)}.${svcName}` })
    }
    return out.length ? out : 'nxdomain'
  }
  for (const p of svc.spec?.ports ?? []) {
    if (!matches({ name: p.name ?? '', protocol: p.protocol ?? 'TCP' })) continue
    for (const ip of clusterIPs(svc)) out.push({ host: ip, port: p.port, target: svcName })
  }
  return out.length ? out : 'nxdomain'
}

/** reverse.go serviceRecordForIP: a ClusterIP's Service name, else an endpoint's hostname under its Service. */
function reverse(view: ClusterDnsView, name: string, zone: string): string | undefined {
  const octets = name.slice(0, -('.' + REVERSE_ZONE).length).split('.')
  if (octets.length !== 4) return undefined
  const ip = octets.reverse().join('.')
  if (!isIPv4(ip)) return undefined
  const svc = view.serviceByIP(ip)
  if (svc) return `${svc.metadata?.name}.${svc.metadata?.namespace ?? 'default'}.svc.${zone}`
  const ep = view.endpointByIP(ip)
  if (ep) return `${endpointHostname(ep.address)}.${ep.service.metadata?.name}.${ep.service.metadata?.namespace ?? 'default'}.svc.${zone}`
  return undefined
}

const headless = (svc: Service) => svc.spec?.clusterIP === 'None'

function isIPv4(s: string): boolean {
  const p = s.split('.')
  return p.length === 4 && p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)
}

function dedup(rrs: DnsRecord[]): DnsRecord[] {
  const seen = new Set<string>()
  return rrs.filter((r) => {
    const k = `${r.type} ${r.data}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
