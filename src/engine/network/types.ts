// The simulated network's contract: who listens where, and how a machine (a pod, a node, the
// learner's laptop) reaches it. Images' programs listen (images/types.ts ProcessHost.listen), the
// prober and curl connect. Services, DNS and kube-proxy (a later layer) plug in as resolvers and
// address translators behind the same Fabric.
import type { CancelSignal, NetworkAccess, DnsResponse, DnsType } from '../../shell'

/** A request as a server sees it. Header names are lower-case. */
export interface IncomingRequest {
  method: string
  /** Path and query as sent: `/index.html`, `/info?x=1`. */
  path: string
  headers: Record<string, string>
  body?: string
  /** Who connected (a pod IP, a node IP for probes and NodePorts, 127.0.0.1 inside the pod). */
  remoteIP: string
  /** The address and port the client connected to. */
  localIP: string
  localPort: number
}

export interface HttpResponse {
  status: number
  /** Reason phrase when the server does not use the standard one (added by NETWORK; default: `Not Found` for 404…). */
  reason?: string
  /** Header names as the server writes them (`Content-Type`). */
  headers?: Record<string, string>
  body: string
}

/** What listens on a port. A TCP-only server (redis, postgres) has no `http`. */
export interface Listener {
  /** Answer one HTTP request; may take virtual time (await ctx.clock in the program). */
  http?(req: IncomingRequest): HttpResponse | Promise<HttpResponse>
  /** grpc.health.v1 Health/Check for a service ('' = the whole server). */
  grpcHealth?(service: string): 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN'
  /**
   * Added by SERVICES: answer one DNS question arriving on this port (UDP or TCP 53: CoreDNS). A
   * listener without it refuses DNS over TCP and drops it over UDP (the caller times out).
   * `from`: who asked (CoreDNS's `pods verified` and logs). Synchronous: DNS takes no virtual time.
   */
  dns?(q: { name: string; type: DnsType; from: string; proto: 'udp' | 'tcp' }): DnsResponse
}

/** A network namespace: a pod's (shared by its containers), a node's, or the learner's laptop. */
export type Netns =
  /** `node`: the node the pod runs on (added by SERVICES; its kernel's rules see the pod's packets). */
  | { kind: 'pod'; ip: string; namespace: string; podName: string; node?: string }
  | { kind: 'node'; ip: string; name: string }
  | { kind: 'laptop' }

/** The whole simulated network (engine/network/fabric.ts implements it). */
export interface Fabric {
  /** An address now exists (a pod IP when its sandbox starts, a node IP): connects to it are refused, not timed out. */
  attach(ns: Netns): void
  /**
   * The pod IP is gone (sandbox torn down) with its listeners. Connects from the node or a pod fail
   * after ARP gives up (3 s, `unreachable`: No route to host); from the laptop they time out.
   */
  detach(ns: Netns): void
  /** Listen on every address of the namespace (0.0.0.0:port). Returns a close. Throws Error('address already in use'). */
  listen(ns: Netns, port: number, listener: Listener): () => void
  /** The network as commands in that namespace use it (curl, wget, nc, nslookup, the prober). */
  access(ns: Netns): NetworkAccess
  /** Direct lookup for the prober and port-forward: the listener on ip:port, if any. */
  listenerAt(ip: string, port: number): Listener | undefined
}

export type { CancelSignal }

// ── Added by NETWORK (compatible extensions): the hooks of the Services/DNS/kube-proxy layer ──────

/**
 * Name resolution beyond what every machine knows (IP literals, `localhost`, its own hostname):
 * cluster DNS (`web`, `web.default.svc.cluster.local`), /etc/hosts entries. Return the addresses
 * (first one is used), or undefined to let the next resolver try; no resolver = NXDOMAIN.
 */
export type Resolver = (name: string, from: Netns) => string[] | undefined

/** A packet about to leave `from` for ip:port: what kube-proxy's rules (iptables) would do with it. */
export interface TranslationQuery {
  ip: string
  /** 0 for ICMP. */
  port: number
  proto: 'tcp' | 'udp' | 'icmp'
  from: Netns
  /**
   * Added by SERVICES: the node whose netfilter sees the packet first, and the hook it enters by.
   * A pod's packets enter its node by PREROUTING (from cni0); a node's own by OUTPUT; the laptop's
   * enter the node that owns the destination (a node IP) or announces it (a LoadBalancer IP) by
   * PREROUTING. Undefined when no node sees it (the laptop dialling an unrouted address).
   */
  node?: string
  hook?: 'PREROUTING' | 'OUTPUT'
}

/**
 * DNAT to an endpoint (ClusterIP:port → podIP:targetPort, NodePort → podIP:targetPort), optionally
 * SNAT (`sourceIP`: NodePort traffic is masqueraded), REJECT (a Service without endpoints: connection
 * refused at once) or DROP (nothing answers: the caller times out).
 */
export type Translation =
  /** `ip` may be the node's own IP for an address bound on the node (IPVS's kube-ipvs0: the node answers ping). */
  | { kind: 'forward'; ip: string; port: number; sourceIP?: string }
  | { kind: 'reject' }
  | { kind: 'drop' }

/** Return undefined when the rule does not match; the first translator that answers wins. */
export type Translator = (q: TranslationQuery) => Translation | undefined

/** What createFabric returns: the Fabric plus the hooks and lookups the next layers use. */
export interface NetworkFabric extends Fabric {
  /** Addresses for `name` as seen from `ns` (IP literal, localhost, own hostname, then resolvers). */
  resolve(ns: Netns, name: string): string[] | undefined
  /** Add a resolver (tried in the order added). Returns a remove. */
  addResolver(resolver: Resolver): () => void
  /** Add a translator (kube-proxy's rules; tried in the order added). Returns a remove. */
  addTranslator(translator: Translator): () => void
  /** Whether an address is attached (a live pod IP, a node IP). */
  isAttached(ip: string): boolean

  // ── Added by SERVICES ──
  /**
   * An L2 announcement (MetalLB's speaker answering ARP for a LoadBalancer IP on `node`): packets
   * for `ip` from anywhere, the laptop included, reach that node, whose kernel translates them.
   * Returns a withdraw.
   */
  announce(ip: string, node: string): () => void
  /**
   * One DNS exchange from `from` with server:port, synchronously: routed and translated like any
   * packet (proto udp, or tcp), answered by the destination's Listener.dns. 'timeout' when nothing
   * answers (no route, dropped, UDP to a port without a DNS listener); 'refused' over TCP.
   */
  dnsQuery(from: Netns, server: string, port: number, proto: 'udp' | 'tcp', q: { name: string; type: DnsType }): DnsResponse | { kind: 'error'; code: 'timeout' | 'refused' | 'unreachable' }
  /** The node a pod IP lives on (from the pod CIDRs and attachments), for translators. */
  nodeOf(ns: Netns): string | undefined
}
