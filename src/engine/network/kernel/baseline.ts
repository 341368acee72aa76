// The netfilter state of a fresh minikube (docker driver) node before kube-proxy runs, as the
// programs that wrote it leave it:
//  - docker's embedded DNS (the kicbase container is on the `minikube` docker network): DOCKER_OUTPUT/
//    DOCKER_POSTROUTING, rewritten by kicbase's entrypoint (kind's fix_dns) from 127.0.0.11 to the
//    network gateway 192.168.49.1 so pods can use it, with a PREROUTING jump added;
//  - the node's own dockerd 26 (docker0 172.17.0.0/16, no containers): DOCKER, DOCKER-USER,
//    DOCKER-ISOLATION-STAGE-1/2, FORWARD policy DROP, the 172.17.0.0/16 MASQUERADE;
//  - kubelet 1.30 (pkg/kubelet/kubelet_network_linux.go after IPTablesOwnershipCleanup went GA in
//    1.28): KUBE-IPTABLES-HINT (mangle), KUBE-KUBELET-CANARY (mangle, nat, filter), KUBE-FIREWALL with
//    the "block incoming localnet connections" rule jumped to from INPUT and OUTPUT. KUBE-MARK-MASQ,
//    KUBE-MARK-DROP and KUBE-POSTROUTING are no longer kubelet's: kube-proxy creates what it uses.
// Tables are loaded nat, filter (docker), then mangle (kubelet): iptables-save lists the newest first.
import type { SeededRandom } from '../../runtime/random'

/** The docker network's gateway (the laptop's side of the `minikube` network) for a node IP. */
export const gatewayOf = (nodeIP: string) => nodeIP.replace(/\.\d+$/, '.1')

/** Docker's embedded DNS resolver listens on 127.0.0.11 at two random high ports (tcp, udp). */
const EMBEDDED_DNS = '127.0.0.11'
/** Linux's ip_local_port_range (32768–60999): where the resolver's ports come from. */
const EPHEMERAL_LOW = 32768
const EPHEMERAL_HIGH = 60999

export function baselineRules(nodeIP: string, random: SeededRandom): { table: string; text: string }[] {
  const gw = gatewayOf(nodeIP)
  const tcpPort = random.between(EPHEMERAL_LOW, EPHEMERAL_HIGH)
  const udpPort = random.between(EPHEMERAL_LOW, EPHEMERAL_HIGH)
  const nat = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER_OUTPUT - [0:0]
:DOCKER_POSTROUTING - [0:0]
:KUBE-KUBELET-CANARY - [0:0]
-A PREROUTING -d ${gw}/32 -j DOCKER_OUTPUT
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT -d ${gw}/32 -j DOCKER_OUTPUT
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -d ${gw}/32 -j DOCKER_POSTROUTING
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
-A DOCKER_OUTPUT -d ${gw}/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS}:${tcpPort}
-A DOCKER_OUTPUT -d ${gw}/32 -p udp -m udp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS}:${udpPort}
-A DOCKER_POSTROUTING -s ${EMBEDDED_DNS}/32 -p tcp -m tcp --sport ${tcpPort} -j SNAT --to-source ${gw}:53
-A DOCKER_POSTROUTING -s ${EMBEDDED_DNS}/32 -p udp -m udp --sport ${udpPort} -j SNAT --to-source ${gw}:53
COMMIT
`
  const filter = `*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER-ISOLATION-STAGE-1 - [0:0]
:DOCKER-ISOLATION-STAGE-2 - [0:0]
:DOCKER-USER - [0:0]
:KUBE-FIREWALL - [0:0]
:KUBE-KUBELET-CANARY - [0:0]
-A INPUT -j KUBE-FIREWALL
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-ISOLATION-STAGE-1
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -o docker0 -j DOCKER
-A FORWARD -i docker0 ! -o docker0 -j ACCEPT
-A FORWARD -i docker0 -o docker0 -j ACCEPT
-A OUTPUT -j KUBE-FIREWALL
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -j RETURN
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -j RETURN
-A DOCKER-USER -j RETURN
-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
COMMIT
`
  const mangle = `*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-IPTABLES-HINT - [0:0]
:KUBE-KUBELET-CANARY - [0:0]
COMMIT
`
  return [{ table: 'nat', text: nat }, { table: 'filter', text: filter }, { table: 'mangle', text: mangle }]
}

/** How often kubelet's iptables Monitor looks for its canary chains (kubelet_network_linux.go: 1 minute). */
export const KUBELET_MONITOR_MS = 60_000
const CANARY = 'KUBE-KUBELET-CANARY'
const CANARY_TABLES = ['mangle', 'nat', 'filter']
const FIREWALL_RULE = ['!', '-s', '127.0.0.0/8', '-d', '127.0.0.0/8', '-m', 'comment', '--comment', 'block incoming localnet connections', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP']

/**
 * One round of kubelet's iptables Monitor: when a canary chain is gone (a learner flushed the
 * tables), kubelet deletes the other canaries and re-runs syncIPTablesRules: the hint chain,
 * KUBE-FIREWALL with its rule and the INPUT/OUTPUT jumps (prepended), then the canaries. Docker's
 * rules are nobody's to restore. Returns whether it had to.
 */
export function kubeletMonitor(kernel: Pick<NodeKernelLike, 'iptables'>): boolean {
  const ipt = (...a: string[]) => kernel.iptables(['-w', ...a])
  if (CANARY_TABLES.every((t) => ipt('-t', t, '-L', CANARY, '-n').code === 0)) return false
  for (const t of CANARY_TABLES) { ipt('-t', t, '-F', CANARY); ipt('-t', t, '-X', CANARY) }
  ipt('-t', 'mangle', '-N', 'KUBE-IPTABLES-HINT')
  ipt('-t', 'filter', '-N', 'KUBE-FIREWALL')
  if (ipt('-t', 'filter', '-C', 'KUBE-FIREWALL', ...FIREWALL_RULE).code !== 0) ipt('-t', 'filter', '-A', 'KUBE-FIREWALL', ...FIREWALL_RULE)
  for (const chain of ['OUTPUT', 'INPUT']) if (ipt('-t', 'filter', '-C', chain, '-j', 'KUBE-FIREWALL').code !== 0) ipt('-t', 'filter', '-I', chain, '-j', 'KUBE-FIREWALL')
  for (const t of CANARY_TABLES) ipt('-t', t, '-N', CANARY)
  return true
}

interface NodeKernelLike { iptables(argv: string[]): { code: number } }
