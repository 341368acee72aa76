// ipset (ip_set) as kube-proxy's ipvs proxier writes it, matched by `-m set --match-set NAME dir,dir`
// and printed by `ipset list` (ipset v7.15). `comment` is kube-proxy's description of the set (used in
// its iptables comments); the sets are created without the comment extension, so entries print bare.
import { ipToInt } from '../ipam'
import type { IpSet, IpSets } from './types'

export interface IpSetTable extends IpSets {
  /** Whether the packet's fields (in the set's dimension order) are a member. */
  test(name: string, fields: { ip: string; port: number; proto: string }[]): boolean
  /** `ipset list [name]` text (`references`: rules naming each set). */
  format(opts: { name?: string; namesOnly?: boolean; terse?: boolean }, references: (name: string) => number): string
}

/** The revision each set type has in kernel 5.15's ip_set modules (as `ipset list` prints it). */
const REVISION: Record<string, number> = { 'hash:ip': 4, 'hash:ip,port': 5, 'hash:ip,port,ip': 5, 'hash:ip,port,net': 7, 'hash:net': 6, 'bitmap:port': 3 }
/** Bytes the set's header takes (`Size in memory`), plus 32 per entry: 5 hash:ip,port entries → 408. */
const BASE_SIZE: Record<string, number> = { 'hash:ip,port': 248, 'hash:ip,port,ip': 528, 'bitmap:port': 8232 }

function inCidr(ip: string, cidr: string): boolean {
  const [a, b] = cidr.split('/')
  const bits = b === undefined ? 32 : Number(b)
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  return ((ipToInt(ip) & mask) >>> 0) === ((ipToInt(a) & mask) >>> 0)
}

export function createIpSets(): IpSetTable {
  const sets = new Map<string, IpSet & { index: Set<string> }>()
  const api: IpSetTable = {
    list: () => [...sets.values()].map(({ index: _i, ...s }) => ({ ...s, members: s.members.slice() })),
    get(name) {
      const s = sets.get(name)
      if (!s) return undefined
      const { index: _i, ...rest } = s
      return { ...rest, members: s.members.slice() }
    },
    ensure(set) {
      const old = sets.get(set.name)
      sets.set(set.name, { ...set, members: old?.members ?? [], index: old?.index ?? new Set() })
    },
    setMembers(name, members) {
      const s = sets.get(name)
      if (!s) return
      s.members = members.slice()
      s.index = new Set(members)
    },
    destroy: (name) => void sets.delete(name),
    test(name, fields) {
      const s = sets.get(name)
      if (!s) return false
      const kinds = s.type.split(':')[1]?.split(',') ?? []
      const parts = kinds.map((k, i) => {
        const f = fields[Math.min(i, fields.length - 1)]
        return k === 'port' ? (s.type.startsWith('bitmap') ? String(f.port) : `${f.proto}:${f.port}`) : f.ip
      })
      if (!kinds.includes('net')) return s.index.has(parts.join(','))
      return s.members.some((m) => m.split(',').every((v, i) => (kinds[i] === 'net' ? inCidr(parts[i], v) : v === parts[i])))
    },
    format(opts, references) {
      const chosen = opts.name ? [sets.get(opts.name)!] : [...sets.values()]
      if (opts.namesOnly) return chosen.map((s) => s.name + '\n').join('')
      return chosen.map((s) => {
        let out = `Name: ${s.name}\nType: ${s.type}\nRevision: ${REVISION[s.type] ?? 1}\nHeader: ${s.header}\n`
        out += `Size in memory: ${(BASE_SIZE[s.type] ?? 200) + 32 * s.members.length}\nReferences: ${references(s.name)}\nNumber of entries: ${s.members.length}\n`
        if (opts.terse) return out
        out += 'Members:\n' + s.members.map((m) => m + '\n').join('')
        return out
      }).join('\n')
    },
  }
  return api
}
