// The IPVS table (ip_vs) as kube-proxy's ipvs proxier drives it over netlink, with the rr
// scheduler the kernel runs per connection and `ipvsadm -L` (ipvsadm 1.31) printing it.
import { ipToInt } from '../ipam'
import type { Ipvs, IpvsProtocol, IpvsRealServer, IpvsVirtualServer } from './types'

export interface IpvsTable extends Ipvs {
  find(address: string, port: number, protocol: IpvsProtocol): IpvsVirtualServer | undefined
  /**
   * The real server the scheduler picks for a new connection (rr), counting it; undefined without
   * any. A persistent service (session affinity) keeps a client on its server for persistentSeconds.
   */
  schedule(vs: IpvsVirtualServer, client?: string, nowMs?: number): IpvsRealServer | undefined
  /** `ipvsadm -L [-n]` / `--stats`. */
  list(): IpvsVirtualServer[]
  format(opts: { numeric: boolean; stats?: boolean }): string
}

const key = (a: string, p: number, proto: string) => `${proto} ${a}:${p}`
/** ipvsadm sorts by protocol number (TCP 6 < UDP 17 < SCTP 132), address, port. */
const PROTO_NUM: Record<IpvsProtocol, number> = { TCP: 6, UDP: 17, SCTP: 132 }
const PORT_NAMES: Record<number, string> = { 53: 'domain', 80: 'http', 443: 'https', 8443: 'pcsync-https', 9153: '9153' }

/** IP_VS_CONN_TAB_SIZE (2^12) as ipvsadm prints it in its first line. */
export const IPVS_HEADER = 'IP Virtual Server version 1.2.1 (size=4096)'

export function createIpvs(): IpvsTable {
  const services = new Map<string, IpvsVirtualServer & { next: number; sticky?: Map<string, { rs: string; at: number }> }>()
  const cmpAddr = (a: { address: string; port: number }, b: { address: string; port: number }) => ipToInt(a.address) - ipToInt(b.address) || a.port - b.port

  const sorted = () => [...services.values()].sort((a, b) => PROTO_NUM[a.protocol] - PROTO_NUM[b.protocol] || cmpAddr(a, b))
  const table: IpvsTable = {
    list: () => sorted().map(({ next: _n, sticky: _s, ...vs }) => ({ ...vs, realServers: vs.realServers.map((r) => ({ ...r })) })),
    upsertVirtualServer(vs) {
      const k = key(vs.address, vs.port, vs.protocol)
      const old = services.get(k)
      services.set(k, { ...vs, realServers: old?.realServers ?? [], next: old?.next ?? 0 })
    },
    deleteVirtualServer(address, port, protocol) {
      services.delete(key(address, port, protocol))
    },
    upsertRealServer(vs, rs) {
      const s = services.get(key(vs.address, vs.port, vs.protocol))
      if (!s) return
      const old = s.realServers.find((r) => r.address === rs.address && r.port === rs.port)
      if (old) old.weight = rs.weight
      else s.realServers.push({ ...rs, forward: 'Masq', activeConn: 0, inActConn: 0 })
    },
    deleteRealServer(vs, address, port) {
      const s = services.get(key(vs.address, vs.port, vs.protocol))
      if (s) s.realServers = s.realServers.filter((r) => !(r.address === address && r.port === port))
    },
    clear: () => services.clear(),
    find: (address, port, protocol) => services.get(key(address, port, protocol)),
    schedule(vs, client, nowMs) {
      const s = services.get(key(vs.address, vs.port, vs.protocol))
      if (!s) return undefined
      const live = s.realServers.filter((r) => r.weight > 0)
      if (!live.length) return undefined
      const held = client !== undefined && s.persistentSeconds ? s.sticky?.get(client) : undefined
      let rs = held && (nowMs ?? 0) - held.at <= s.persistentSeconds! * 1000 ? live.find((r) => `${r.address}:${r.port}` === held.rs) : undefined
      if (!rs) {
        rs = live[s.next % live.length]
        s.next = (s.next + 1) % live.length
      }
      if (client !== undefined && s.persistentSeconds) (s.sticky ??= new Map()).set(client, { rs: `${rs.address}:${rs.port}`, at: nowMs ?? 0 })
      // A curl's connection is over by the time anyone lists: it sits in TIME_WAIT, counted as inactive.
      rs.inActConn++
      return rs
    },
    format({ numeric, stats }) {
      const hostPort = (a: string, p: number) => `${a}:${numeric ? p : PORT_NAMES[p] ?? p}`
      let out = `${IPVS_HEADER}\n`
      if (stats) out += 'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n'
      else out += 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n'
      for (const vs of sorted()) {
        const name = `${vs.protocol}  ${hostPort(vs.address, vs.port)}`
        const dests = vs.realServers.slice().sort(cmpAddr)
        if (stats) {
          const conns = dests.reduce((n, r) => n + r.activeConn + r.inActConn, 0)
          out += `${name.padEnd(33)} ${[conns, conns * 5, conns * 4, conns * 300, conns * 400].map((n) => String(n).padStart(8)).join(' ')}\n`
          for (const r of dests) {
            const c = r.activeConn + r.inActConn
            out += `  -> ${hostPort(r.address, r.port).padEnd(28)} ${[c, c * 5, c * 4, c * 300, c * 400].map((n) => String(n).padStart(8)).join(' ')}\n`
          }
          continue
        }
        out += `${name} ${vs.scheduler}${vs.persistentSeconds ? ` persistent ${vs.persistentSeconds}` : ''}\n`
        for (const r of dests) {
          out += `  -> ${hostPort(r.address, r.port).padEnd(28)} ${r.forward.padEnd(7)} ${String(r.weight).padEnd(6)} ${String(r.activeConn).padEnd(10)} ${String(r.inActConn).padEnd(10)}\n`
        }
      }
      return out
    },
  }
  return table
}
