// Test helpers: the notes' scenario as API objects (kubernetes, kube-dns, web-svc-cip with three
// pods on minikube) and a small in-memory NodeKernel that understands just enough iptables-restore
// (--noflush), iptables -N/-C/-I, ipvs, ipsets and links to test the proxiers without KERNEL's model.
import type { EndpointSlice, Service } from '../../../api/types'
import type { IpSet, IpvsVirtualServer, NodeKernel, ToolResult } from '../kernel/types'

export function service(ns: string, name: string, clusterIP: string, ports: { name?: string; port: number; protocol?: string; nodePort?: number }[], extra: Partial<NonNullable<Service['spec']>> = {}): Service {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns },
    spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], ports: ports.map((p) => ({ protocol: 'TCP', ...p })), ...extra },
  } as Service
}

export function slice(ns: string, svc: string, ports: { name?: string; port: number; protocol?: string }[], ips: string[], opts: { notReady?: string[]; terminating?: string[]; nodeName?: string } = {}): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${svc}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc } },
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: ips.map((ip) => {
      const terminating = opts.terminating?.includes(ip) ?? false
      const ready = !(opts.notReady?.includes(ip) ?? false) && !terminating
      return { addresses: [ip], conditions: { ready, serving: ready || terminating, terminating }, nodeName: opts.nodeName ?? 'minikube' }
    }),
  } as EndpointSlice
}

/** The notes' cluster on minikube: 3 web pods behind web-svc-cip (80 → 8000), CoreDNS, the API server. */
export function notesScenario(webIPs = ['10.244.0.3', '10.244.0.4', '10.244.0.5']): { services: Service[]; slices: EndpointSlice[] } {
  const dnsPorts = [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }]
  return {
    services: [
      service('default', 'kubernetes', '10.96.0.1', [{ name: 'https', port: 443 }]),
      service('kube-system', 'kube-dns', '10.96.0.10', dnsPorts),
      service('default', 'web-svc-cip', '10.97.60.103', [{ port: 80 }]),
    ],
    slices: [
      slice('default', 'kubernetes', [{ name: 'https', port: 8443 }], ['192.168.49.2'], { nodeName: '' }),
      slice('kube-system', 'kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }], ['10.244.0.2']),
      slice('default', 'web-svc-cip', [{ port: 8000 }], webIPs),
    ],
  }
}

const BUILTINS = new Set(['INPUT', 'FORWARD', 'OUTPUT', 'PREROUTING', 'POSTROUTING'])

const ok = (stdout = ''): ToolResult => ({ code: 0, stdout, stderr: '' })

/** A NodeKernel fake: tables as chain → rule-text lists; no traffic evaluation. */
export function fakeKernel(nodeIP = '192.168.49.2'): NodeKernel & { tables: Map<string, Map<string, string[]>> } {
  const tables = new Map<string, Map<string, string[]>>()
  for (const [t, builtins] of [['filter', ['INPUT', 'FORWARD', 'OUTPUT']], ['nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']], ['mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']]] as const) {
    tables.set(t, new Map(builtins.map((c) => [c, [] as string[]])))
  }
  const vss: IpvsVirtualServer[] = []
  const sets = new Map<string, IpSet>()
  const links = new Map<string, { address: string; prefix: number }[]>([['lo', [{ address: '127.0.0.1', prefix: 8 }]], ['eth0', [{ address: nodeIP, prefix: 24 }]]])
  const findVs = (a: string, p: number, pr: string) => vss.find((v) => v.address === a && v.port === p && v.protocol === pr)
  return {
    nodeName: 'minikube', nodeIP, tables,
    iptablesRestore(text, opts) {
      let table: Map<string, string[]> | undefined
      const staged = new Map([...tables].map(([k, v]) => [k, new Map([...v].map(([c, r]) => [c, [...r]]))]))
      for (const line of text.split('\n')) {
        if (line.startsWith('*')) {
          table = staged.get(line.slice(1))
          // Without --noflush the table is replaced: rules flushed, user chains deleted.
          if (table && !opts?.noflush) for (const c of [...table.keys()]) if (BUILTINS.has(c)) table.set(c, []); else table.delete(c)
        } else if (line.startsWith(':')) table!.set(line.slice(1).split(' ')[0], [])
        else if (line.startsWith('-A ')) {
          const [, chain] = line.split(' ')
          if (!table!.has(chain)) return { code: 1, stdout: '', stderr: `iptables-restore: line failed: ${line}\n` }
          table!.get(chain)!.push(line)
        } else if (line.startsWith('-X ')) table!.delete(line.slice(3))
      }
      tables.clear()
      for (const [k, v] of staged) tables.set(k, v)
      return ok()
    },
    iptablesSave(opts) {
      const out: string[] = []
      for (const [t, chains] of tables) {
        if (opts?.table && opts.table !== t) continue
        out.push(`*${t}`)
        for (const c of [...chains.keys()].sort()) out.push(`:${c} ${/^[A-Z]+$/.test(c) && !c.includes('-') ? 'ACCEPT' : '-'} [0:0]`)
        for (const rules of chains.values()) out.push(...rules)
        out.push('COMMIT')
      }
      return out.join('\n') + '\n'
    },
    iptables(argv) {
      const args = argv.filter((a) => a !== '-w')
      let t = 'filter'
      if (args[0] === '-t') { t = args[1]; args.splice(0, 2) }
      const table = tables.get(t)!
      const [op, chain, ...rest] = args
      const rule = ['-A', chain, ...rest.map((a) => (a.includes(' ') ? `"${a}"` : a))].join(' ')
      if (op === '-N') {
        if (table.has(chain)) return { code: 1, stdout: '', stderr: 'iptables: Chain already exists.\n' }
        table.set(chain, [])
        return ok()
      }
      if (op === '-C') return table.get(chain)?.includes(rule) ? ok() : { code: 1, stdout: '', stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n' }
      if (op === '-I') { table.get(chain)!.unshift(rule); return ok() }
      return { code: 2, stdout: '', stderr: 'unsupported\n' }
    },
    ipvs: {
      list: () => vss,
      upsertVirtualServer(vs) {
        const cur = findVs(vs.address, vs.port, vs.protocol)
        if (cur) Object.assign(cur, vs)
        else vss.push({ ...vs, realServers: [] })
      },
      deleteVirtualServer(a, p, pr) { const i = vss.indexOf(findVs(a, p, pr)!); if (i >= 0) vss.splice(i, 1) },
      upsertRealServer(vs, rs) {
        const v = findVs(vs.address, vs.port, vs.protocol)!
        const cur = v.realServers.find((r) => r.address === rs.address && r.port === rs.port)
        if (cur) cur.weight = rs.weight
        else v.realServers.push({ ...rs, forward: 'Masq', activeConn: 0, inActConn: 0 })
      },
      deleteRealServer(vs, a, p) { const v = findVs(vs.address, vs.port, vs.protocol)!; v.realServers = v.realServers.filter((r) => !(r.address === a && r.port === p)) },
      clear() { vss.length = 0 },
    },
    ipsets: {
      list: () => [...sets.values()],
      get: (n) => sets.get(n),
      ensure(s) { const cur = sets.get(s.name); sets.set(s.name, { ...s, members: cur?.members ?? [] }) },
      setMembers(n, m) { sets.get(n)!.members = [...m] },
      destroy(n) { sets.delete(n) },
    },
    links: {
      ensureDummy(n) { if (!links.has(n)) links.set(n, []) },
      addAddress(n, a, p) { links.get(n)!.push({ address: a, prefix: p }) },
      delAddress(n, a) { links.set(n, links.get(n)!.filter((x) => x.address !== a)) },
      addresses: (n) => links.get(n) ?? [],
      isLocal: (a) => [...links.values()].some((l) => l.some((x) => x.address === a)),
      show() {
        let i = 0
        const out: string[] = []
        for (const [n, addrs] of links) {
          out.push(`${++i}: ${n}: <BROADCAST,NOARP> mtu 1500`)
          for (const a of addrs) out.push(`    inet ${a.address}/${a.prefix} scope global ${n}`)
        }
        return ok(out.join('\n') + '\n')
      },
    },
    sysctl: new Map(),
    translate: () => undefined,
  }
}

/** `ipvsadm -Ln` as ipvsadm prints it (print_service_entry / print_dest_entry formats). */
export function renderIpvsadm(vss: readonly IpvsVirtualServer[]): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn']
  const key = (v: IpvsVirtualServer) => `${v.protocol} ${v.address.split('.').map((o) => o.padStart(3, '0')).join('.')}:${String(v.port).padStart(5, '0')}`
  for (const v of [...vss].sort((a, b) => (key(a) < key(b) ? -1 : 1))) {
    lines.push(`${v.protocol}  ${v.address}:${v.port} ${v.scheduler}${v.persistentSeconds ? ` persistent ${v.persistentSeconds}` : ''}`)
    for (const r of [...v.realServers].sort((a, b) => (`${a.address}:${a.port}` < `${b.address}:${b.port}` ? -1 : 1))) {
      lines.push(`  -> ${`${r.address}:${r.port}`.padEnd(28)} ${r.forward.padEnd(7)} ${String(r.weight).padEnd(6)} ${String(r.activeConn).padEnd(10)} ${String(r.inActConn).padEnd(10)}`)
    }
  }
  return lines.join('\n') + '\n'
}
