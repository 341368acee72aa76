// createNodeKernel: one node's netfilter + IPVS + ipsets + interfaces + sysctls, starting from the
// state a fresh minikube node has (baseline.ts) and evaluated for traffic by eval.ts.
import type { VirtualClock } from '../../runtime/clock'
import type { SeededRandom } from '../../runtime/random'
import type { TranslationQuery } from '../types'
import { baselineRules } from './baseline'
import { iptablesCli } from './cli'
import { cniAdd, cniDel } from './cni'
import { evaluate, type EvalContext } from './eval'
import { createIpSets } from './ipsets'
import { createIpvs } from './ipvs'
import { createLinks } from './links'
import { createNetfilter, restore, save } from './netfilter'
import type { NodeKernel } from './types'

export interface NodeKernelOptions {
  nodeName: string
  nodeIP: string
  /** The node's spec.podCIDR (10.244.0.0/24): the bridge takes its first address. */
  podCIDR: string
  random: SeededRandom
  clock: Pick<VirtualClock, 'now'>
  /** The cluster's pod network the bridge conflist routes (default 10.244.0.0/16). */
  podNetwork?: string
  /** Skip the fresh-node rules (unit tests of an empty kernel). */
  empty?: boolean
}

/** Sysctls a kicbase node starts with that kube-proxy reads or sets. */
const SYSCTL_DEFAULTS: [string, string][] = [
  ['net.ipv4.ip_forward', '1'],
  ['net.bridge.bridge-nf-call-iptables', '1'],
  ['net.ipv4.conf.all.route_localnet', '0'],
  ['net.ipv4.conf.all.arp_ignore', '0'],
  ['net.ipv4.conf.all.arp_announce', '0'],
  ['net.netfilter.nf_conntrack_max', '131072'],
]

export function createNodeKernel(o: NodeKernelOptions): NodeKernel {
  const [base] = o.podCIDR.split('/')
  const podGateway = base.replace(/\.\d+$/, '.1')
  const podNetwork = o.podNetwork ?? `${base.split('.').slice(0, 2).join('.')}.0.0/16`
  const nf = createNetfilter()
  const ipvs = createIpvs()
  const ipsets = createIpSets()
  const links = createLinks({ nodeIP: o.nodeIP, podGateway, random: o.random })
  if (!o.empty) for (const { text } of baselineRules(o.nodeIP, o.random)) restore(nf, text)
  /** Sandboxes with CNI rules (DEL for an unknown key is a no-op, as the plugins' DEL is idempotent). */
  const cniKeys = new Set<string>()
  const ctx: EvalContext = { nf, ipvs, ipsets, links, random: o.random, nodeIP: o.nodeIP, podGateway, podNetwork, now: () => o.clock.now(), recent: new Map() }
  const setRefs = (name: string) => {
    let n = 0
    for (const t of nf.tables.values()) for (const c of t.chains.values()) for (const r of c.rules) if (r.matches.some((m) => m.name === 'set' && m.opts.some((x) => x.args[0] === name))) n++
    return n
  }
  return {
    nodeName: o.nodeName,
    nodeIP: o.nodeIP,
    iptablesRestore: (text, opts) => restore(nf, text, opts),
    iptablesSave: (opts) => save(nf, o.clock.now(), opts),
    iptables: (argv) => iptablesCli(nf, argv),
    ipvs,
    ipsets,
    links,
    sysctl: new Map(SYSCTL_DEFAULTS),
    translate: (q: TranslationQuery) => evaluate(ctx, q),
    cni: {
      add(pod) {
        if (cniKeys.has(pod.key)) cniDel(nf, pod.key) // a second ADD for one sandbox replaces its rules
        cniKeys.add(pod.key)
        cniAdd(nf, pod, podNetwork)
      },
      del(key) {
        if (cniKeys.delete(key)) cniDel(nf, key)
      },
    },
    ipRoute: () => links.routes(),
    ipLink: (name) => links.showLinks(name),
    ipvsadmList: (opts) => ipvs.format(opts),
    ipsetList(opts) {
      if (opts.name && !ipsets.get(opts.name)) return { code: 1, stdout: '', stderr: 'ipset v7.15: The set with the given name does not exist\n' }
      return { code: 0, stdout: ipsets.format(opts, setRefs), stderr: '' }
    },
  }
}
