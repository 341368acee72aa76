// How a pod's programs resolve names (curl web, wget http://web.default): the C library's stub
// resolver reading the resolv.conf the kubelet wrote for dnsPolicy ClusterFirst —
//   search <ns>.svc.cluster.local svc.cluster.local cluster.local / nameserver 10.96.0.10 / ndots:5
// — asking the cluster DNS Service over UDP through the fabric, so the query goes through
// kube-proxy's rules to a CoreDNS pod. When CoreDNS is down (no endpoints: REJECT; or the pod
// gone) nothing answers and names stop resolving, exactly as on a real cluster.
import type { DnsResponse } from '../../../shell'
import { searchCandidates } from '../../../shell/net/dnsmsg'
import type { Netns, NetworkFabric } from '../types'
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN, DNS_PORT } from './constants'

/** ndots:5 (the kubelet's ClusterFirst option). */
export const CLUSTER_NDOTS = 5
/** CNAME chains longer than this are a loop (glibc gives up much the same way). */
const MAX_CNAME_HOPS = 8

export interface ClusterDnsOptions {
  /** The nameserver pods use (kube-dns's ClusterIP). */
  server?: string
  /** A pod's search list (default: the ClusterFirst one for its namespace). */
  searchOf?: (pod: Extract<Netns, { kind: 'pod' }>) => string[]
}

export function clusterSearch(namespace: string, domain = CLUSTER_DOMAIN): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain]
}

/**
 * res_search over fabric.dnsQuery: each candidate in turn; NXDOMAIN or NODATA moves on; SERVFAIL
 * moves on too (glibc counts it and keeps searching); no answer at all (timeout, refused) stops.
 */
export function resolveInPod(fabric: NetworkFabric, from: Extract<Netns, { kind: 'pod' }>, name: string, opts: ClusterDnsOptions = {}): string[] | undefined {
  const server = opts.server ?? CLUSTER_DNS_IP
  const search = opts.searchOf?.(from) ?? clusterSearch(from.namespace)
  for (const candidate of searchCandidates(name, { search, ndots: CLUSTER_NDOTS })) {
    const r = fabric.dnsQuery(from, server, DNS_PORT, 'udp', { name: candidate, type: 'A' })
    if ('kind' in r) return undefined
    // getaddrinfo(AF_UNSPEC) sends the AAAA question beside the A one (CoreDNS logs both); this
    // IPv4-only cluster never answers it with an address, so only its existence matters.
    fabric.dnsQuery(from, server, DNS_PORT, 'udp', { name: candidate, type: 'AAAA' })
    const ips = addressesOf(r, candidate, (n) => {
      const again = fabric.dnsQuery(from, server, DNS_PORT, 'udp', { name: n, type: 'A' })
      return 'kind' in again ? undefined : again
    })
    if (ips.length) return ips
  }
  return undefined
}

/** The A records an answer leads to, following CNAMEs within the answer and then by asking again. */
export function addressesOf(r: DnsResponse, name: string, ask: (name: string) => DnsResponse | undefined): string[] {
  let current = name.toLowerCase()
  let response: DnsResponse | undefined = r
  for (let hop = 0; response && hop < MAX_CNAME_HOPS; hop++) {
    if (response.rcode !== 'NOERROR') return []
    const byName = (n: string) => response!.answers.filter((a) => a.name.toLowerCase() === n)
    let own = byName(current)
    while (own.length && own[0].type === 'CNAME') {
      current = own[0].data.toLowerCase()
      own = byName(current)
    }
    const a = own.filter((x) => x.type === 'A').map((x) => x.data)
    if (a.length) return a
    if (current === name.toLowerCase() || hop === MAX_CNAME_HOPS - 1) return []
    response = ask(current)
  }
  return []
}

/**
 * Make pods' names resolve through cluster DNS: register the resolver on the fabric. Only pods
 * (dnsPolicy ClusterFirst) use it; the node and hostNetwork pods use the node's resolver
 * (192.168.49.1, which knows no cluster names) and the laptop its own. Returns a remove.
 */
export function installClusterDns(fabric: NetworkFabric, opts: ClusterDnsOptions = {}): () => void {
  return fabric.addResolver((name, from) => (from.kind === 'pod' ? resolveInPod(fabric, from, name, opts) : undefined))
}
