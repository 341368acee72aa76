// The simulated network: which addresses exist, who listens where, and what a connection from
// one network namespace (a pod, the node, the learner's laptop) to an address comes to — a
// response, "connection refused", "no route to host" after ARP gives up, or silence until the
// caller's (or the kernel's) timeout. All waiting is on the VirtualClock.
//
// Routing (minikube, docker driver, bridge CNI):
//   pod / node → pod IPs on the node's podCIDR (cni0) and the node network 192.168.49.0/24 (eth0)
//              are on-link: a live address answers, a dead one fails after ARP (EHOSTUNREACH);
//              anything else leaves through the default route and is never answered (timeout).
//   laptop     → only the node network (the docker bridge) is on-link; pod IPs and ClusterIPs are
//              routed to the laptop's default gateway and vanish: curl times out after 130 s.
// Services (the next layer) plug in as resolvers (names) and translators (kube-proxy's DNAT).
import type { CancelSignal, DnsQuery, DnsResult, DnsType, HttpRequest, HttpResult, NetErrorCode, NetworkAccess } from '../../shell'
import type { VirtualClock } from '../runtime/clock'
import { wait, within } from './clockwait'
import { lowerHeaders, toResult } from './http'
import { inCidr } from './ipam'
import type { Listener, Netns, NetworkFabric, Resolver, Translation, TranslationQuery, Translator } from './types'

/** What `kubectl port-forward` binds on the laptop: it relays each exchange through the API server. */
type ForwardHandler = (req: HttpRequest, signal: CancelSignal) => Promise<HttpResult>

/** Linux gives up a connect whose SYNs go unanswered after ~130 s (tcp_syn_retries=6): curl's default. */
export const KERNEL_CONNECT_TIMEOUT_MS = 130_000
/** A dead on-link address: 3 ARP probes 1 s apart, then the kernel fails the connect (No route to host). */
export const ARP_FAILURE_MS = 3_000
/** TTL of a reply from the same host or link (Linux's default 64, no router in between). */
export const LOCAL_TTL = 64
/** Round trip on a veth/bridge: ~50 µs. */
export const LOCAL_RTT_MS = 0.05

export interface FabricOptions {
  clock: VirtualClock
  /** The node network (minikube's docker network). */
  nodeCidr?: string
  /** The laptop's address on it (the docker bridge's gateway). */
  laptopIP?: string
  /** PodCIDRs on this cluster's nodes (on-link via cni0 for the node and its pods). */
  podCidrs?: string[]
  /** cni0's address: the source IP a pod sees for connections from the node (kubelet probes: 10.244.0.1). */
  podGateway?: string
  /** Hostnames the node's /etc/hosts knows besides its own (minikube adds these two). */
  nodeHosts?: Record<string, string>
  /** Added by KERNEL: each node's podCIDR (name → 10.244.0.0/24), so a pod IP maps to its node. */
  nodePodCidrs?: Record<string, string>
}

/** A DNS client's default patience (dig +time=5, nslookup's timeout): 5 s of virtual time. */
export const DNS_TIMEOUT_MS = 5_000

type Proto = 'tcp' | 'udp' | 'icmp'

const DEFAULTS = {
  nodeCidr: '192.168.49.0/24',
  laptopIP: '192.168.49.1',
  podCidrs: ['10.244.0.0/24'],
  podGateway: '10.244.0.1',
}

const ANY = '0.0.0.0'
const LOOPBACK = '127.0.0.1'

interface Binding {
  address: string
  /** A server in this namespace, or a port-forward's relay (exactly one is set). */
  listener?: Listener
  forward?: ForwardHandler
}

interface Space {
  ns: Netns
  bindings: Map<number, Binding[]>
}

/** Where a connection ends up. */
type Route =
  | { kind: 'host'; space: Space; localIP: string; port: number; remoteIP: string }
  | { kind: 'fail'; code: NetErrorCode; afterMs: number }

const nsKey = (ns: Netns): string => (ns.kind === 'laptop' ? 'laptop' : `${ns.kind}:${ns.ip}`)

export function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}

export function createFabric(opts: FabricOptions): NetworkFabric {
  const clock = opts.clock
  const nodeCidr = opts.nodeCidr ?? DEFAULTS.nodeCidr
  const laptopIP = opts.laptopIP ?? DEFAULTS.laptopIP
  const podCidrs = opts.podCidrs ?? DEFAULTS.podCidrs
  const podGateway = opts.podGateway ?? DEFAULTS.podGateway
  const laptop: Space = { ns: { kind: 'laptop' }, bindings: new Map() }
  const spaces = new Map<string, Space>([['laptop', laptop]])
  const addresses = new Map<string, Space>([[laptopIP, laptop]])
  const resolvers: Resolver[] = []
  const translators: Translator[] = []
  /** L2 announcements (MetalLB speakers): LB IP → the nodes answering ARP for it, latest first. */
  const announced = new Map<string, string[]>()
  const nodePodCidrs = Object.entries(opts.nodePodCidrs ?? {})

  const spaceOf = (ns: Netns): Space => {
    const key = nsKey(ns)
    let s = spaces.get(key)
    if (!s) spaces.set(key, (s = { ns, bindings: new Map() }))
    return s
  }
  const ownIP = (ns: Netns) => (ns.kind === 'laptop' ? laptopIP : ns.ip)

  function bind(space: Space, address: string, port: number, target: Omit<Binding, 'address'>): () => void {
    const list = space.bindings.get(port) ?? []
    if (list.some((b) => b.address === address || b.address === ANY || address === ANY)) throw new Error('address already in use')
    const binding: Binding = { address, ...target }
    space.bindings.set(port, [...list, binding])
    return () => {
      const now = space.bindings.get(port)
      if (!now) return
      const rest = now.filter((b) => b !== binding)
      if (rest.length) space.bindings.set(port, rest)
      else space.bindings.delete(port)
    }
  }

  function bindingAt(space: Space, localIP: string, port: number): Binding | undefined {
    return space.bindings.get(port)?.find((b) => b.address === ANY || b.address === localIP)
  }

  function resolve(ns: Netns, name: string): string[] | undefined {
    const host = name.toLowerCase().replace(/\.$/, '')
    if (isIPv4(host)) return [host]
    if (host === 'localhost' || host === 'localhost.localdomain') return [LOOPBACK]
    if (ns.kind === 'pod' && host === ns.podName.toLowerCase()) return [ns.ip]
    if (ns.kind === 'node') {
      if (host === ns.name.toLowerCase()) return [ns.ip]
      const hosts = opts.nodeHosts ?? { 'control-plane.minikube.internal': ns.ip, 'host.minikube.internal': laptopIP }
      if (hosts[host]) return [hosts[host]]
    }
    for (const r of resolvers) {
      const ips = r(host, ns)
      if (ips && ips.length) return ips
    }
    return undefined
  }

  function nodeOf(ns: Netns): string | undefined {
    if (ns.kind === 'node') return ns.name
    if (ns.kind !== 'pod') return undefined
    return ns.node ?? nodePodCidrs.find(([, cidr]) => inCidr(ns.ip, cidr))?.[0]
  }

  /** The node that owns `ip` (its node IP) or announces it (a LoadBalancer IP). */
  function ownerNode(ip: string): string | undefined {
    const space = addresses.get(ip)
    if (space?.ns.kind === 'node') return space.ns.name
    return announced.get(ip)?.[0]
  }

  /** Which node's netfilter sees the packet first, and by which hook (see TranslationQuery). */
  function query(from: Netns, ip: string, port: number, proto: Proto): TranslationQuery {
    if (from.kind === 'node') return { ip, port, proto, from, node: from.name, hook: 'OUTPUT' }
    const node = from.kind === 'pod' ? nodeOf(from) : ownerNode(ip)
    return node === undefined ? { ip, port, proto, from } : { ip, port, proto, from, node, hook: 'PREROUTING' }
  }

  function translate(q: TranslationQuery): Translation | undefined {
    for (const t of translators) {
      const r = t(q)
      if (r) return r
    }
    return undefined
  }

  /** The address as seen as a source by `dest` when `from` connects to it. */
  function sourceIP(from: Netns, dest: Space): string {
    if (from.kind === 'node' && dest.ns.kind === 'pod') return podGateway
    return ownIP(from)
  }

  function route(from: Netns, ip: string, port: number, proto: Proto): Route {
    // A namespace that never listened (or was detached) has no entry; do not create one per lookup.
    const self = spaces.get(nsKey(from)) ?? { ns: from, bindings: new Map() }
    if (ip.startsWith('127.')) return { kind: 'host', space: self, localIP: ip, port, remoteIP: LOOPBACK }
    let snat: string | undefined
    const q = query(from, ip, port, proto)
    const t = translate(q)
    if (t?.kind === 'reject') return { kind: 'fail', code: 'refused', afterMs: 0 }
    if (t?.kind === 'drop') return { kind: 'fail', code: 'timeout', afterMs: Infinity }
    if (t?.kind === 'forward') {
      ip = t.ip
      port = t.port
      snat = t.sourceIP
    }
    if (ip === ownIP(from)) return { kind: 'host', space: self, localIP: ip, port, remoteIP: snat ?? ip }
    // A node that translated the packet forwards it: from there pod IPs are on-link (cni bridge).
    const viaNode = t?.kind === 'forward' && q.node !== undefined
    // An announced address the node did not translate: the node is not it, and drops it.
    if (!viaNode && from.kind === 'laptop' && announced.has(ip) && !addresses.has(ip)) return { kind: 'fail', code: 'timeout', afterMs: Infinity }
    const onLink = from.kind === 'laptop' && !viaNode ? [nodeCidr] : [nodeCidr, ...podCidrs]
    if (!onLink.some((c) => inCidr(ip, c))) return { kind: 'fail', code: 'timeout', afterMs: Infinity }
    const dest = addresses.get(ip)
    if (!dest) return { kind: 'fail', code: 'unreachable', afterMs: ARP_FAILURE_MS }
    return { kind: 'host', space: dest, localIP: ip, port, remoteIP: snat ?? sourceIP(from, dest) }
  }

  /** A failed connect as the caller experiences it: after ARP, or when its timeout (or the kernel's) expires. */
  async function fail(code: NetErrorCode, afterMs: number, timeoutMs: number | undefined, ip: string, signal: CancelSignal) {
    const budget = Math.min(timeoutMs ?? KERNEL_CONNECT_TIMEOUT_MS, KERNEL_CONNECT_TIMEOUT_MS)
    const ms = Math.min(afterMs, budget)
    if (ms > 0 && !(await wait(clock, ms, signal))) return { kind: 'error' as const, code: 'timeout' as const, ip, message: 'interrupted' }
    return { kind: 'error' as const, code: afterMs <= budget ? code : ('timeout' as const), ip }
  }

  function access(from: Netns): NetworkAccess {
    return {
      async http(req: HttpRequest, signal: CancelSignal): Promise<HttpResult> {
        const start = clock.now()
        const ip = resolve(from, req.host)?.[0]
        if (!ip) return { kind: 'error', code: 'resolve' }
        const r = route(from, ip, req.port, 'tcp')
        if (r.kind === 'fail') return fail(r.code, r.afterMs, req.timeoutMs, ip, signal)
        const binding = bindingAt(r.space, r.localIP, r.port)
        if (!binding) return { kind: 'error', code: 'refused', ip }
        if (binding.forward) {
          // The local connection was accepted; if the relay fails, kubectl closes it: empty reply.
          const relayed = await within(clock, binding.forward(req, signal), start, req.timeoutMs, signal).catch(() => undefined)
          if (relayed === 'timeout') return { kind: 'error', code: 'timeout', ip, message: signal.aborted ? 'interrupted' : 'response' }
          if (!relayed || relayed.kind === 'error') return { kind: 'error', code: 'reset', ip }
          return { ...relayed, ip }
        }
        const server = binding.listener
        if (!server) return { kind: 'error', code: 'reset', ip }
        // A TCP-only server reads the request, does not understand it and closes: curl (52).
        if (!server.http) return { kind: 'error', code: 'reset', ip }
        const incoming = {
          method: req.method,
          path: req.path,
          headers: lowerHeaders(req.headers),
          body: req.body,
          remoteIP: r.remoteIP,
          localIP: r.localIP,
          localPort: r.port,
        }
        let answer
        try {
          answer = await within(clock, Promise.resolve(server.http(incoming)), start, req.timeoutMs, signal)
        } catch {
          return { kind: 'error', code: 'reset', ip } // the server died mid-request: empty reply
        }
        if (answer === 'timeout') return { kind: 'error', code: 'timeout', ip, message: signal.aborted ? 'interrupted' : 'response' }
        return toResult(answer, req.method, ip, clock.now())
      },

      async connect(host, port, timeoutMs, signal) {
        const ip = resolve(from, host)?.[0]
        if (!ip) return { kind: 'error', code: 'resolve' }
        const r = route(from, ip, port, 'tcp')
        if (r.kind === 'fail') return fail(r.code, r.afterMs, timeoutMs, ip, signal)
        return bindingAt(r.space, r.localIP, r.port) ? { kind: 'open', ip } : { kind: 'error', code: 'refused', ip }
      },

      resolve: (name) => resolve(from, name),

      listen(address, port, handler: ForwardHandler) {
        const a = address === 'localhost' ? LOOPBACK : address === '' || address === '*' ? ANY : address
        return bind(spaceOf(from), a, port, { forward: handler })
      },

      async dns(query: DnsQuery, signal: CancelSignal): Promise<DnsResult> {
        const port = query.port ?? 53
        const r = dnsQuery(from, query.server, port, query.tcp ? 'tcp' : 'udp', { name: query.name, type: query.type })
        if (!('kind' in r)) return { kind: 'response', server: query.server, port, ...r }
        const budget = query.timeoutMs ?? DNS_TIMEOUT_MS
        // unreachable: ARP gives up first (3 s) unless the client's timeout is shorter.
        const ms = r.code === 'refused' ? 0 : r.code === 'unreachable' ? Math.min(ARP_FAILURE_MS, budget) : budget
        if (ms > 0 && !(await wait(clock, ms, signal))) return { kind: 'error', code: 'timeout', server: query.server }
        const code = r.code === 'unreachable' && ARP_FAILURE_MS > budget ? 'timeout' : r.code
        return { kind: 'error', code, server: query.server }
      },

      ping(host) {
        const ip = resolve(from, host)?.[0]
        if (!ip) return { kind: 'error', code: 'resolve' }
        const r = route(from, ip, 0, 'icmp')
        if (r.kind === 'fail') return { kind: 'error', code: r.code, ip }
        return { kind: 'reply', ip, ttl: LOCAL_TTL, rttMs: LOCAL_RTT_MS }
      },
    }
  }

  /** One DNS exchange (see NetworkFabric.dnsQuery): routed and translated like any packet. */
  function dnsQuery(from: Netns, server: string, port: number, proto: 'udp' | 'tcp', q: { name: string; type: DnsType }) {
    const r = route(from, server, port, proto)
    if (r.kind === 'fail') return { kind: 'error' as const, code: r.code === 'refused' ? ('refused' as const) : r.code === 'unreachable' ? ('unreachable' as const) : ('timeout' as const) }
    const listener = bindingAt(r.space, r.localIP, r.port)?.listener
    // Nothing answers DNS there: TCP is refused (RST), UDP goes unanswered.
    if (!listener?.dns) return { kind: 'error' as const, code: proto === 'tcp' ? ('refused' as const) : ('timeout' as const) }
    return listener.dns({ name: q.name, type: q.type, from: r.remoteIP, proto })
  }

  return {
    attach(ns) {
      if (ns.kind === 'laptop') return
      addresses.set(ns.ip, spaceOf(ns))
    },
    detach(ns) {
      if (ns.kind === 'laptop') return
      if (addresses.get(ns.ip) === spaces.get(nsKey(ns))) addresses.delete(ns.ip)
      spaces.delete(nsKey(ns)) // its listeners go with the sandbox
    },
    listen(ns, port, listener) {
      return bind(spaceOf(ns), ANY, port, { listener })
    },
    access,
    listenerAt(ip, port) {
      const space = addresses.get(ip)
      return space ? bindingAt(space, ip, port)?.listener : undefined
    },
    resolve,
    addResolver(r) {
      resolvers.push(r)
      return () => void resolvers.splice(resolvers.indexOf(r) >>> 0, 1)
    },
    addTranslator(t) {
      translators.push(t)
      return () => void translators.splice(translators.indexOf(t) >>> 0, 1)
    },
    isAttached: (ip) => addresses.has(ip),
    announce(ip, node) {
      announced.set(ip, [node, ...(announced.get(ip) ?? [])])
      let done = false
      return () => {
        if (done) return
        done = true
        const rest = (announced.get(ip) ?? []).filter((n, i, all) => i !== all.indexOf(node) || n !== node)
        if (rest.length) announced.set(ip, rest)
        else announced.delete(ip)
      }
    },
    dnsQuery,
    nodeOf,
  }
}
