// A node's kernel networking as kube-proxy, the CNI portmap plugin and a learner in a node shell
// see it: netfilter tables (iptables), IPVS virtual servers, ipsets and interfaces (kube-ipvs0).
// kube-proxy's programs write it (engine/network/proxy); the fabric's translator evaluates it for
// every connection that crosses the node (kernel/translate.ts); the node shell's tools print it.
// State is data, written the way the real tools write it: kube-proxy hands iptables-restore text.
import type { TranslationQuery, Translation } from '../types'

/** A command-line tool's outcome (iptables, ipvsadm, ipset, ip): what the real binary prints and returns. */
export interface ToolResult { code: number; stdout: string; stderr: string }

export type IpvsProtocol = 'TCP' | 'UDP' | 'SCTP'

export interface IpvsRealServer {
  address: string
  port: number
  weight: number
  /** `Masq` (NAT: what kube-proxy uses), `Local`, `Route`. */
  forward: 'Masq' | 'Local' | 'Route'
  activeConn: number
  inActConn: number
}

export interface IpvsVirtualServer {
  address: string
  port: number
  protocol: IpvsProtocol
  /** `rr` by default (kube-proxy's ipvs.scheduler). */
  scheduler: string
  /** Session affinity: `persistent 10800` in ipvsadm's listing. */
  persistentSeconds?: number
  realServers: IpvsRealServer[]
}

/** The IPVS table (netlink), as kube-proxy's ipvs proxier drives it and `ipvsadm -Ln` lists it. */
export interface Ipvs {
  list(): IpvsVirtualServer[]
  /** Adds or replaces (same address/port/protocol) a virtual server, keeping its real servers. */
  upsertVirtualServer(vs: Omit<IpvsVirtualServer, 'realServers'>): void
  deleteVirtualServer(address: string, port: number, protocol: IpvsProtocol): void
  upsertRealServer(vs: { address: string; port: number; protocol: IpvsProtocol }, rs: Pick<IpvsRealServer, 'address' | 'port' | 'weight'>): void
  deleteRealServer(vs: { address: string; port: number; protocol: IpvsProtocol }, address: string, port: number): void
  /** `ipvsadm -C`. */
  clear(): void
}

export interface IpSet {
  name: string
  /** `hash:ip,port`, `hash:ip,port,ip`, `hash:ip,port,net`, `bitmap:port`, `hash:net`… */
  type: string
  /** Header fields as `ipset list` prints them after the type: `family inet hashsize 1024 maxelem 65536`. */
  header: string
  comment?: string
  /** Entries as `ipset list` prints them: `10.96.0.1,tcp:443`, `30552`. */
  members: string[]
}

/** ipset (netlink), as kube-proxy's ipvs proxier writes it and `ipset list` prints it. */
export interface IpSets {
  list(): IpSet[]
  get(name: string): IpSet | undefined
  /** Create when missing (header/comment updated when present). */
  ensure(set: Omit<IpSet, 'members'>): void
  /** Replace the members (kube-proxy syncs the whole set each round). */
  setMembers(name: string, members: string[]): void
  destroy(name: string): void
}

export interface LinkAddress { address: string; prefix: number }

/** Interfaces: `eth0` with the node IP, `lo`, `docker0`, `cni0`, `bridge`…; kube-ipvs0 (dummy, DOWN) once IPVS mode runs. */
export interface Links {
  /** Create a dummy interface when missing (kube-ipvs0). */
  ensureDummy(name: string): void
  addAddress(name: string, address: string, prefix: number): void
  delAddress(name: string, address: string): void
  addresses(name: string): LinkAddress[]
  /** Whether the address is bound on any interface of this node (the node answers ping, accepts locally). */
  isLocal(address: string): boolean
  /** `ip addr show [dev]` output. */
  show(name?: string): ToolResult
}

/** A pod sandbox as the CNI plugins see it (added by KERNEL): its IP and the hostPorts to map. */
export interface CniPod {
  /** Stable per sandbox (the kubelet passes the pod uid); the container id and chain hashes derive from it. */
  key: string
  ip: string
  hostPorts?: { hostPort: number; containerPort: number; protocol?: string; hostIP?: string }[]
}

/** CNI ADD/DEL on this node (added by KERNEL): the bridge plugin's masquerade and portmap's hostPort rules. */
export interface CniPlugins {
  add(pod: CniPod): void
  del(key: string): void
}

/** One node's kernel networking. */
export interface NodeKernel {
  readonly nodeName: string
  readonly nodeIP: string
  /**
   * iptables-restore: `text` in iptables-save format (`*nat`, `:CHAIN POLICY [p:b]`, `-A …`,
   * `COMMIT`). Without noflush every table named in `text` is replaced; with noflush only the
   * chains declared with `:NAME` are flushed (and created), the rest stay — kube-proxy's mode.
   * `-X NAME` lines delete chains. All-or-nothing: on error nothing changes and `stderr` is the
   * real tool's message (`iptables-restore: line 5 failed`).
   */
  iptablesRestore(text: string, opts?: { noflush?: boolean; /** -c: take `[p:b]` counters from the text (added by KERNEL). */ counters?: boolean }): ToolResult
  /** iptables-save [-t table] [-c]: the tables as they are now (golden-file stable: chains sorted as iptables-save sorts them). */
  iptablesSave(opts?: { table?: string; counters?: boolean }): string
  /** One iptables invocation (argv after `iptables`): -L/-S/-A/-I/-D/-N/-X/-F/-C/-t/-n/-v/--line-numbers/-w. */
  iptables(argv: string[]): ToolResult
  readonly ipvs: Ipvs
  readonly ipsets: IpSets
  readonly links: Links
  /** net.ipv4.vs.*, net.ipv4.conf.all.arp_ignore… as kube-proxy's ipvs proxier sets them. */
  readonly sysctl: Map<string, string>
  /**
   * What the node does with a packet entering by `q.hook`: evaluate nat (DNAT, masquerade marks),
   * IPVS (a virtual server with real servers: round-robin; without: the node's stack answers
   * `reject`), filter (REJECT → reject, DROP → drop). undefined: no rule matched (normal routing).
   */
  translate(q: TranslationQuery): Translation | undefined
  /** Added by KERNEL (optional so fakes need not build it): CNI ADD/DEL for pod sandboxes. */
  readonly cni?: CniPlugins
  /** Added by KERNEL: `ip route` output and `ip link` (the node shell's `ip`). */
  ipRoute?(): string
  ipLink?(name?: string): ToolResult
  /** Added by KERNEL: `ipvsadm -L` / `ipset list` text (the tools use these). */
  ipvsadmList?(opts: { numeric: boolean; stats?: boolean }): string
  ipsetList?(opts: { name?: string; namesOnly?: boolean; terse?: boolean }): ToolResult
}
