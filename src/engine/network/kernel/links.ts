// The node's interfaces as `ip addr` (iproute2 5.15) prints them: lo, docker0 (the node's own
// dockerd, no containers: NO-CARRIER, DOWN), `bridge` (minikube's bridge CNI conflist names its
// bridge `bridge`, 10.244.0.1/16), eth0 (the kicbase container's veth on the `minikube` docker
// network: eth0@ifN, MAC 02:42 + the IP's bytes) and, once IPVS mode runs, the kube-ipvs0 dummy.
import { intToIp, ipToInt } from '../ipam'
import type { SeededRandom } from '../../runtime/random'
import type { LinkAddress, Links, ToolResult } from './types'

interface Link {
  index: number
  name: string
  /** `eth0@if22`: the peer's index in the host namespace. */
  peer?: number
  flags: string
  mtu: number
  qdisc: string
  state: string
  qlen?: number
  kind: 'loopback' | 'ether'
  mac: string
  addresses: LinkAddress[]
  /** kube-ipvs0's addresses print with `brd <same address>` (notes: `inet 10.97.60.103/32 brd 10.97.60.103`). */
  brdSelf?: boolean
}

export interface LinkTable extends Links {
  /** `ip link [show]`. */
  showLinks(name?: string): ToolResult
  /** `ip route`. */
  routes(): string
  names(): string[]
}

/** Index the kicbase container's eth0 got on the host when docker created it (after the host's own links). */
const ETH0_INDEX = 21

/** Docker's MACs start 02:42; the kernel's random ones (a bridge, a dummy) are locally administered unicast. */
const mac = (random: SeededRandom, docker = true) => {
  const first = ((random.int(256) | 0x02) & 0xfe).toString(16).padStart(2, '0')
  return [...(docker ? ['02', '42'] : [first, random.string(2, '0123456789abcdef')]), ...Array.from({ length: 4 }, () => random.string(2, '0123456789abcdef'))].join(':')
}

function broadcast(a: LinkAddress): string {
  const size = 2 ** (32 - a.prefix)
  return intToIp(Math.floor(ipToInt(a.address) / size) * size + size - 1)
}

export function createLinks(o: { nodeIP: string; podGateway: string; random: SeededRandom }): LinkTable {
  const ipBytes = o.nodeIP.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))
  const links: Link[] = [
    { index: 1, name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', qlen: 1000, kind: 'loopback', mac: '00:00:00:00:00:00', addresses: [{ address: '127.0.0.1', prefix: 8 }] },
    { index: 2, name: 'docker0', flags: 'NO-CARRIER,BROADCAST,MULTICAST,UP', mtu: 1500, qdisc: 'noqueue', state: 'DOWN', kind: 'ether', mac: mac(o.random), addresses: [{ address: '172.17.0.1', prefix: 16 }] },
    { index: 3, name: 'bridge', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: 'noqueue', state: 'UP', qlen: 1000, kind: 'ether', mac: mac(o.random, false), addresses: [{ address: o.podGateway, prefix: 16 }] },
    { index: ETH0_INDEX, name: 'eth0', peer: ETH0_INDEX + 1, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: 'noqueue', state: 'UP', kind: 'ether', mac: `02:42:${ipBytes.join(':')}`, addresses: [{ address: o.nodeIP, prefix: 24 }] },
  ]
  const local = new Set<string>()
  const reindex = () => { local.clear(); for (const l of links) for (const a of l.addresses) local.add(a.address) }
  reindex()
  const get = (name: string) => links.find((l) => l.name === name)
  const sortedLinks = () => links.slice().sort((a, b) => a.index - b.index)

  function head(l: Link): string {
    const name = l.peer ? `${l.name}@if${l.peer}` : l.name
    return `${l.index}: ${name}: <${l.flags}> mtu ${l.mtu} qdisc ${l.qdisc} state ${l.state} group default ${l.qlen ? `qlen ${l.qlen}` : ''}\n` +
      `    link/${l.kind} ${l.mac} brd ${l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${l.peer ? ' link-netnsid 0' : ''}\n`
  }
  function addrLines(l: Link): string {
    return l.addresses.map((a) => {
      const brd = l.kind === 'loopback' ? '' : a.prefix === 32 ? (l.brdSelf ? ` brd ${a.address}` : '') : ` brd ${broadcast(a)}`
      const scope = l.kind === 'loopback' ? 'host' : 'global'
      return `    inet ${a.address}/${a.prefix}${brd} scope ${scope} ${l.name}\n       valid_lft forever preferred_lft forever\n`
    }).join('')
  }
  const missing = (name: string): ToolResult => ({ code: 1, stdout: '', stderr: `Device "${name}" does not exist.\n` })

  return {
    ensureDummy(name) {
      if (get(name)) return
      const index = Math.max(...links.filter((l) => l.name !== 'eth0').map((l) => l.index)) + 1
      links.push({ index: index === ETH0_INDEX ? ETH0_INDEX + 2 : index, name, flags: 'BROADCAST,NOARP', mtu: 1500, qdisc: 'noop', state: 'DOWN', kind: 'ether', mac: mac(o.random, false), addresses: [], brdSelf: true })
    },
    addAddress(name, address, prefix) {
      const l = get(name)
      if (!l || l.addresses.some((a) => a.address === address)) return
      l.addresses.push({ address, prefix })
      local.add(address)
    },
    delAddress(name, address) {
      const l = get(name)
      if (!l) return
      l.addresses = l.addresses.filter((a) => a.address !== address)
      reindex()
    },
    addresses: (name) => (get(name)?.addresses ?? []).map((a) => ({ ...a })),
    isLocal: (address) => local.has(address) || address.startsWith('127.'),
    show(name) {
      if (name && !get(name)) return missing(name)
      const chosen = name ? [get(name)!] : sortedLinks()
      return { code: 0, stdout: chosen.map((l) => head(l) + addrLines(l)).join(''), stderr: '' }
    },
    showLinks(name) {
      if (name && !get(name)) return missing(name)
      const chosen = name ? [get(name)!] : sortedLinks()
      return { code: 0, stdout: chosen.map(head).join(''), stderr: '' }
    },
    routes() {
      const br = get('bridge')!.addresses[0]
      const net = (a: LinkAddress) => `${intToIp(Math.floor(ipToInt(a.address) / 2 ** (32 - a.prefix)) * 2 ** (32 - a.prefix))}/${a.prefix}`
      return `default via ${o.nodeIP.replace(/\.\d+$/, '.1')} dev eth0 \n` +
        `${net(br)} dev bridge proto kernel scope link src ${br.address} \n` +
        `172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n` +
        `${net({ address: o.nodeIP, prefix: 24 })} dev eth0 proto kernel scope link src ${o.nodeIP} \n`
    },
    names: () => sortedLinks().map((l) => l.name),
  }
}
