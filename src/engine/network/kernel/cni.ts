// What the CNI plugins of minikube's bridge conflist write per pod sandbox (containernetworking/
// plugins v1.x): `bridge` with ipMasq → a CNI-<hash> chain in nat POSTROUTING (pod traffic to the
// pod network stays, the rest is masqueraded); `portmap` for hostPorts → CNI-HOSTPORT-DNAT (from
// PREROUTING and OUTPUT for local addresses) → CNI-DN-<hash> → DNAT to the pod, with the hairpin
// and localhost cases marked 0x2000 for CNI-HOSTPORT-MASQ. DEL removes exactly what ADD wrote.
import { iptablesCli } from './cli'
import type { Netfilter } from './netfilter'
import type { CniPod } from './types'

/** The conflist's network name: the `name: "bridge"` in every comment. */
const NET_NAME = 'bridge'
/** libcni's MaxChainLength: chain names are cut to 28 characters. */
const MAX_CHAIN = 28
/** portmap's masquerade mark bit (--mark-masq-bit 13). */
const PORTMAP_MARK = '0x2000'

/** 64 hex digits from a key (the sandbox container's id stands in for docker's random id). */
export function containerIdOf(key: string): string {
  let out = ''
  let h1 = 0x811c9dc5
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${key}#${round}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0
    out += h1.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

/** utils.FormatChainName: CNI- + prefix + the hash of name+id, cut to 28 characters. */
export function chainName(prefix: string, id: string): string {
  return `CNI-${prefix}${containerIdOf(NET_NAME + id).slice(0, MAX_CHAIN - 4 - prefix.length)}`
}

const run = (nf: Netfilter, ...args: string[]) => iptablesCli(nf, ['-t', 'nat', ...args])
const comment = (id: string) => `name: "${NET_NAME}" id: "${id}"`

export function cniAdd(nf: Netfilter, pod: CniPod, podNetwork: string): string {
  const id = containerIdOf(pod.key)
  const masq = chainName('', id)
  run(nf, '-N', masq)
  run(nf, '-A', masq, '-d', podNetwork, '-m', 'comment', '--comment', comment(id), '-j', 'ACCEPT')
  run(nf, '-A', masq, '!', '-d', '224.0.0.0/4', '-m', 'comment', '--comment', comment(id), '-j', 'MASQUERADE')
  run(nf, '-A', 'POSTROUTING', '-s', `${pod.ip}/32`, '-m', 'comment', '--comment', comment(id), '-j', masq)
  const ports = pod.hostPorts ?? []
  if (!ports.length) return id
  if (run(nf, '-L', 'CNI-HOSTPORT-DNAT').code !== 0) {
    run(nf, '-N', 'CNI-HOSTPORT-DNAT')
    run(nf, '-N', 'CNI-HOSTPORT-SETMARK')
    run(nf, '-N', 'CNI-HOSTPORT-MASQ')
    run(nf, '-A', 'CNI-HOSTPORT-SETMARK', '-m', 'comment', '--comment', 'CNI portfwd masquerade mark', '-j', 'MARK', '--set-xmark', `${PORTMAP_MARK}/${PORTMAP_MARK}`)
    run(nf, '-A', 'CNI-HOSTPORT-MASQ', '-m', 'mark', '--mark', `${PORTMAP_MARK}/${PORTMAP_MARK}`, '-j', 'MASQUERADE')
    run(nf, '-I', 'POSTROUTING', '-m', 'comment', '--comment', 'CNI portfwd requiring masquerade', '-j', 'CNI-HOSTPORT-MASQ')
    run(nf, '-I', 'OUTPUT', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'CNI-HOSTPORT-DNAT')
    run(nf, '-I', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'CNI-HOSTPORT-DNAT')
  }
  const dn = chainName('DN-', id)
  run(nf, '-N', dn)
  for (const proto of ['tcp', 'udp'] as const) {
    const mine = ports.filter((p) => (p.protocol ?? 'TCP').toLowerCase() === proto)
    if (!mine.length) continue
    run(nf, '-A', 'CNI-HOSTPORT-DNAT', '-p', proto, '-m', 'comment', '--comment', `dnat ${comment(id)}`, '-m', 'multiport', '--dports', mine.map((p) => p.hostPort).join(','), '-j', dn)
    for (const p of mine) {
      const dst = p.hostIP && p.hostIP !== '0.0.0.0' ? ['-d', `${p.hostIP}/32`] : []
      run(nf, '-A', dn, '-s', `${pod.ip}/32`, ...dst, '-p', proto, '-m', proto, '--dport', String(p.hostPort), '-j', 'CNI-HOSTPORT-SETMARK')
      run(nf, '-A', dn, '-s', '127.0.0.1/32', ...dst, '-p', proto, '-m', proto, '--dport', String(p.hostPort), '-j', 'CNI-HOSTPORT-SETMARK')
      run(nf, '-A', dn, ...dst, '-p', proto, '-m', proto, '--dport', String(p.hostPort), '-j', 'DNAT', '--to-destination', `${pod.ip}:${p.containerPort}`)
    }
  }
  return id
}

/** CNI DEL: the pod's rules and chains go (the shared CNI-HOSTPORT-* chains stay, as on a node). */
export function cniDel(nf: Netfilter, key: string): void {
  const id = containerIdOf(key)
  const nat = nf.tables.get('nat')
  if (!nat) return
  for (const c of nat.chains.values()) {
    c.rules = c.rules.filter((r) => !r.matches.some((m) => m.name === 'comment' && m.opts.some((o) => o.args[0]?.includes(`id: "${id}"`))))
  }
  for (const name of [chainName('', id), chainName('DN-', id)]) {
    run(nf, '-F', name)
    run(nf, '-X', name)
  }
}
