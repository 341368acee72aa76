// One sync of kube-proxy against a node's kernel, for either mode: build the ServicePorts and
// endpoints (model.ts), generate (iptables.ts / ipvs.ts) and apply, as the real proxiers'
// syncProxyRules do. The kube-proxy program (images/library/kubeproxy.ts) decides when to sync.
import type { EndpointSlice, Service } from '../../../api/types'
import type { NodeKernel } from '../kernel/types'
import type { ProxierConfig } from './iptables'
import {
  chainLine, chainsFromSave, IPTABLES_JUMP_CHAINS, IPTABLES_KUBELET_JUMP_CHAINS, iptablesRestoreText, jumpRuleArgs, KUBE_EXTERNAL_SERVICES,
  KUBE_FORWARD, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_PROXY_CANARY, KUBE_PROXY_FIREWALL, KUBE_SERVICES,
} from './iptables'
import {
  applyIpvsPlan, DEFAULT_DUMMY_DEVICE, IPSET_INFO, IPVS_IPTABLES_CHAINS, IPVS_JUMP_CHAINS, ipvsPlan, ipvsSysctls, nodeAddressesExceptDummy,
} from './ipvs'
import { isServiceChainName } from './names'
import { endpointsMap, servicePorts } from './model'

export type ProxyMode = 'iptables' | 'ipvs'

export interface SyncOutcome {
  ok: boolean
  /** iptables-restore's stderr when it failed. */
  stderr: string
  numServices: number
  numEndpoints: number
}

/** EnsureChain + EnsureRule(Prepend) through the iptables CLI, as utiliptables does. */
function ensureJump(kernel: NodeKernel, table: string, chain: string, srcChain: string, args: string[]): void {
  kernel.iptables(['-w', '-t', table, '-N', chain])
  if (kernel.iptables(['-w', '-t', table, '-C', srcChain, ...args]).code !== 0) kernel.iptables(['-w', '-t', table, '-I', srcChain, ...args])
}

/**
 * What NewProxier does once: the iptables proxier's Monitor creates its canary chain in mangle,
 * nat and filter (so a flush is noticed); the IPVS proxier sets its sysctls.
 */
export function initProxier(kernel: NodeKernel, mode: ProxyMode, strictARP: boolean): void {
  if (mode === 'iptables') {
    kernel.sysctl.set('net.ipv4.conf.all.route_localnet', '1')
    for (const table of ['mangle', 'nat', 'filter']) kernel.iptables(['-w', '-t', table, '-N', KUBE_PROXY_CANARY])
  } else {
    for (const [k, v] of Object.entries(ipvsSysctls(strictARP))) kernel.sysctl.set(k, v)
  }
}

/** Whether the iptables Monitor's canary is gone (someone flushed the tables): force a full sync. */
export function canaryMissing(kernel: NodeKernel): boolean {
  return !chainsFromSave(kernel.iptablesSave({ table: 'mangle' })).includes(KUBE_PROXY_CANARY)
}

/**
 * One syncProxyRules. `changed` (iptables mode): a partial sync that rewrites the top-level chains
 * and only the chains of these services (`namespace/name`); omitted, a full sync that also
 * re-ensures the jump rules from the built-in chains.
 */
export function syncProxyRules(kernel: NodeKernel, mode: ProxyMode, cfg: ProxierConfig, services: readonly Service[], slices: readonly EndpointSlice[], opts: { changed?: ReadonlySet<string> } = {}): SyncOutcome {
  const svcPorts = servicePorts(services)
  const eps = endpointsMap(slices, cfg.nodeName)
  let numEndpoints = 0
  for (const list of eps.values()) numEndpoints += list.length
  if (mode === 'iptables') {
    if (!opts.changed) for (const j of [...IPTABLES_JUMP_CHAINS, ...IPTABLES_KUBELET_JUMP_CHAINS]) ensureJump(kernel, j.table, j.dstChain, j.srcChain, jumpRuleArgs(j))
    const existing = chainsFromSave(kernel.iptablesSave({ table: 'nat' }))
    const { text } = iptablesRestoreText(cfg, svcPorts, eps, existing, opts)
    const res = kernel.iptablesRestore(text, { noflush: true })
    return { ok: res.code === 0, stderr: res.stderr, numServices: svcPorts.length, numEndpoints }
  }
  const plan = ipvsPlan(cfg, svcPorts, eps, nodeAddressesExceptDummy(kernel))
  const { restore } = applyIpvsPlan(kernel, plan)
  return { ok: restore.code === 0, stderr: restore.stderr, numServices: svcPorts.length, numEndpoints }
}

/**
 * `kube-proxy --cleanup` (CleanupLeftovers of both proxiers, as v1.30's platformCleanup runs them
 * with cleanupAndExit): unlink the jump rules, flush and delete kube-proxy's chains (service
 * chains included), clear IPVS, unbind kube-ipvs0's addresses and destroy the ipsets. Returns
 * whether an error was met (the real one exits 1 then).
 */
export function cleanupLeftovers(kernel: NodeKernel): boolean {
  let failed = false
  for (const j of IPTABLES_JUMP_CHAINS) kernel.iptables(['-w', '-t', j.table, '-D', j.srcChain, ...jumpRuleArgs(j)])
  for (const j of IPVS_JUMP_CHAINS) kernel.iptables(['-w', '-t', j.table, '-D', j.from, '-m', 'comment', '--comment', j.comment, '-j', j.to])
  const natExisting = chainsFromSave(kernel.iptablesSave({ table: 'nat' }))
  const nat = [...new Set([...IPTABLES_NAT_CHAINS, ...IPVS_IPTABLES_CHAINS.filter((c) => c.table === 'nat').map((c) => c.chain), ...natExisting.filter(isServiceChainName)])].filter((c) => natExisting.includes(c))
  const filterExisting = chainsFromSave(kernel.iptablesSave({ table: 'filter' }))
  const filter = [...new Set([...IPTABLES_FILTER_CHAINS, ...IPVS_IPTABLES_CHAINS.filter((c) => c.table === 'filter').map((c) => c.chain)])].filter((c) => filterExisting.includes(c))
  const text = ['*nat', ...nat.map(chainLine), ...nat.map((c) => `-X ${c}`), 'COMMIT', '*filter', ...filter.map(chainLine), ...filter.map((c) => `-X ${c}`), 'COMMIT', ''].join('\n')
  if (kernel.iptablesRestore(text, { noflush: true }).code !== 0) failed = true
  kernel.iptables(['-w', '-t', 'mangle', '-X', KUBE_PROXY_CANARY])
  kernel.ipvs.clear()
  for (const a of kernel.links.addresses(DEFAULT_DUMMY_DEVICE)) kernel.links.delAddress(DEFAULT_DUMMY_DEVICE, a.address)
  for (const s of IPSET_INFO) if (kernel.ipsets.get(s.name)) kernel.ipsets.destroy(s.name)
  return failed
}

const IPTABLES_NAT_CHAINS = [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ, KUBE_PROXY_CANARY]
const IPTABLES_FILTER_CHAINS = [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL, KUBE_PROXY_CANARY]
