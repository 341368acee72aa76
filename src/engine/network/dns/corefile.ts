// The Corefile minikube ships and the part of it the lab executes: one server block `.:53` whose
// plugins answer in order — kubernetes (cluster.local and the reverse zones), hosts (minikube's
// host.minikube.internal), forward to the node's resolver. The lab has no internet: the upstream
// (192.168.49.1) never answers, so forward fails and CoreDNS returns SERVFAIL (and its errors
// plugin logs the i/o timeout), as on a real cluster whose node has lost its upstream.
import type { DnsRecord, DnsResponse, DnsType } from '../../../shell'
import type { ClusterDnsView } from './cache'
import { CLUSTER_DOMAIN, HOSTS_TTL, NODE_NAMESERVER, RECORD_TTL } from './constants'
import { kubernetesPlugin, type KubernetesPluginConfig, type PodsMode } from './kubernetes'
import { reverseName } from '../../../shell/net/dnsmsg'

/**
 * kubeadm's Corefile with minikube's two edits (`log` before `errors`, and the `hosts` block for
 * host.minikube.internal before `forward`), as `kubectl -n kube-system get cm coredns -o yaml` shows.
 */
export function minikubeCorefile(hostIP = NODE_NAMESERVER): string {
  return `.:53 {
    log
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${CLUSTER_DOMAIN} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl ${RECORD_TTL}
    }
    prometheus :9153
    hosts {
       ${hostIP} host.minikube.internal
       fallthrough
    }
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`
}

export interface CorefileConfig {
  port: number
  log: boolean
  errors: boolean
  kubernetes?: KubernetesPluginConfig
  /** hosts entries: name → IPv4. */
  hosts?: Record<string, string>
  hostsTTL: number
  /** forward upstream (`/etc/resolv.conf` or an address); absent = no forward plugin (REFUSED past the others). */
  forward?: string
}

/** The lab's reading of a Corefile: the first server block's plugins it models; the rest is accepted. */
export function parseCorefile(text: string): CorefileConfig {
  const cfg: CorefileConfig = { port: 53, log: false, errors: false, hostsTTL: HOSTS_TTL }
  const lines = text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean)
  const head = /^\.?:(\d+)\s*\{$/.exec(lines[0] ?? '')
  if (head) cfg.port = Number(head[1])
  let block: string | undefined
  for (const line of lines.slice(1)) {
    const words = line.split(/\s+/)
    if (line === '}') {
      block = undefined
      continue
    }
    if (block === 'kubernetes' && cfg.kubernetes) {
      if (words[0] === 'pods' && ['insecure', 'verified', 'disabled'].includes(words[1])) cfg.kubernetes.pods = words[1] as PodsMode
      if (words[0] === 'ttl' && /^\d+$/.test(words[1] ?? '')) cfg.kubernetes.ttl = Number(words[1])
      continue
    }
    if (block === 'hosts' && cfg.hosts) {
      if (words[0] === 'ttl' && /^\d+$/.test(words[1] ?? '')) cfg.hostsTTL = Number(words[1])
      else if (/^\d+\.\d+\.\d+\.\d+$/.test(words[0])) for (const n of words.slice(1)) cfg.hosts[n.toLowerCase().replace(/\.$/, '')] = words[0]
      continue
    }
    if (block) continue
    const opens = line.endsWith('{')
    if (words[0] === 'log') cfg.log = true
    else if (words[0] === 'errors') cfg.errors = true
    else if (words[0] === 'kubernetes') cfg.kubernetes = { zone: words[1] && words[1] !== '{' ? words[1] : CLUSTER_DOMAIN, ttl: 5, pods: 'disabled' }
    else if (words[0] === 'hosts') cfg.hosts = {}
    else if (words[0] === 'forward') cfg.forward = words[2] && words[2] !== '{' ? words[2] : undefined
    if (opens) block = words[0]
  }
  return cfg
}

/** What the server did with one query, for the `log` and `errors` plugins. */
export interface ServedQuery {
  response: DnsResponse
  /** The upstream forward tried and got no answer from (the errors plugin logs the i/o timeout). */
  failedUpstream?: string
}

/** Answer one query through the Corefile's plugin chain. */
export function serveQuery(view: ClusterDnsView, cfg: CorefileConfig, name: string, type: DnsType): ServedQuery {
  const qname = name.toLowerCase().endsWith('.') ? name.toLowerCase() : name.toLowerCase() + '.'
  if (cfg.kubernetes) {
    const r = kubernetesPlugin(view, cfg.kubernetes, qname, type)
    if (r !== 'fallthrough') return { response: r }
  }
  if (cfg.hosts) {
    const r = hostsPlugin(cfg.hosts, cfg.hostsTTL, qname, type)
    if (r) return { response: r }
  }
  if (cfg.forward) {
    // forward: the upstream never answers in the offline lab; SERVFAIL after its read timeout.
    const upstream = cfg.forward === '/etc/resolv.conf' ? NODE_NAMESERVER : cfg.forward.replace(/^dns:\/\//, '')
    return { response: { rcode: 'SERVFAIL', answers: [] }, failedUpstream: upstream }
  }
  return { response: { rcode: 'REFUSED', answers: [] } }
}

/** plugin/hosts: A and PTR for its entries; other types of a known name are NODATA; the rest falls through. */
function hostsPlugin(hosts: Record<string, string>, ttl: number, qname: string, type: DnsType): DnsResponse | undefined {
  const host = qname.replace(/\.$/, '')
  const ip = hosts[host]
  if (ip) {
    const answers: DnsRecord[] = type === 'A' || type === 'ANY' ? [{ name: qname, type: 'A', ttl, data: ip }] : []
    return { rcode: 'NOERROR', authoritative: true, answers }
  }
  if (type === 'PTR') {
    const names = Object.entries(hosts).filter(([, a]) => `${reverseName(a)}.` === qname).map(([n]) => n)
    if (names.length) return { rcode: 'NOERROR', authoritative: true, answers: names.map((n) => ({ name: qname, type: 'PTR', ttl, data: `${n}.` })) }
  }
  return undefined
}
