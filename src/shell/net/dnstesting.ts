// Test helpers for nslookup and dig: a shell whose network answers DNS from a table, as the
// cluster's CoreDNS would (authoritative for cluster.local, SOA on negative answers), with a pod's
// /etc/resolv.conf.
import { collectWriter } from '../exec/streams'
import { createCancel } from '../exec/cancel'
import { MemoryFileSystem } from '../fs'
import { createRegistry } from '../registry'
import { Shell } from '../shell'
import { fakeClock } from '../testkit'
import type { DnsRecord, DnsResponse, DnsType, NetworkAccess } from '../types'
import { createNetTools } from './index'
import type { NslookupFlavour } from './nslookup'

export const POD_RESOLV_CONF = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'
export const TEST_SERIAL = 1767225600
const SOA: DnsRecord = { name: 'cluster.local.', type: 'SOA', ttl: 30, data: `ns.dns.cluster.local. hostmaster.cluster.local. ${TEST_SERIAL} 7200 1800 86400 30` }

/** name. → type → data[] (TTL 30, authoritative). Names under cluster.local. not listed are NXDOMAIN; others SERVFAIL. */
export type DnsTable = Record<string, Partial<Record<DnsType, string[]>>>

export function tableServer(table: DnsTable): (name: string, type: DnsType) => DnsResponse {
  return (name, type) => {
    const n = name.toLowerCase().endsWith('.') ? name.toLowerCase() : name.toLowerCase() + '.'
    const entry = table[n]
    if (!entry) {
      if (n.endsWith('cluster.local.') || n.endsWith('in-addr.arpa.')) return { rcode: 'NXDOMAIN', authoritative: true, answers: [], authority: [SOA] }
      return { rcode: 'SERVFAIL', answers: [] }
    }
    const data = entry[type] ?? []
    if (!data.length) return { rcode: 'NOERROR', authoritative: true, answers: [], authority: [SOA] }
    return { rcode: 'NOERROR', authoritative: true, answers: data.map((d) => ({ name: n, type, ttl: 30, data: d })) }
  }
}

export function dnsShell(opts: { table: DnsTable; flavour?: NslookupFlavour; resolvConf?: string; servers?: string[] }) {
  const clock = fakeClock()
  const fs = new MemoryFileSystem([{ path: '/etc/resolv.conf', content: opts.resolvConf ?? POD_RESOLV_CONF }])
  const registry = createRegistry()
  const tools = createNetTools({ ping: opts.flavour?.startsWith('busybox') ? 'busybox' : 'iputils', nslookup: opts.flavour })
  for (const [name, info] of Object.entries(tools)) registry.register(name, info)
  const answer = tableServer(opts.table)
  const asked: string[] = []
  const servers = opts.servers ?? ['10.96.0.10']
  const net: NetworkAccess = {
    http: async () => ({ kind: 'error', code: 'timeout' }),
    connect: async () => ({ kind: 'error', code: 'timeout' }),
    resolve: () => undefined,
    async dns(q, signal) {
      asked.push(`${q.type} ${q.name}`)
      if (!servers.includes(q.server)) {
        await clock.sleep(q.timeoutMs ?? 5000, signal)
        return { kind: 'error', code: 'timeout', server: q.server }
      }
      return { kind: 'response', server: q.server, port: q.port ?? 53, ...answer(q.name, q.type) }
    },
  }
  const shell = new Shell({ fs, registry, clock, net, cwd: '/' })
  const run = async (line: string) => {
    const out = collectWriter()
    const err = collectWriter()
    const start = clock.now()
    const status = await shell.run(line, { stdout: out, stderr: err, signal: createCancel().signal, isTTY: false })
    return { status, stdout: out.text(), stderr: err.text(), elapsedMs: clock.now() - start }
  }
  return { run, asked, clock, fs }
}

/** The lab's example cluster: a ClusterIP Service, a headless one with two StatefulSet pods, kube-dns. */
export const CLUSTER_TABLE: DnsTable = {
  'web.default.svc.cluster.local.': { A: ['10.96.12.34'], SRV: ['0 100 80 web.default.svc.cluster.local.'] },
  '_http._tcp.web.default.svc.cluster.local.': { SRV: ['0 100 80 web.default.svc.cluster.local.'] },
  'nginx.default.svc.cluster.local.': { A: ['10.244.0.7', '10.244.0.8'] },
  'web-0.nginx.default.svc.cluster.local.': { A: ['10.244.0.7'] },
  'kube-dns.kube-system.svc.cluster.local.': { A: ['10.96.0.10'] },
  '10.0.96.10.in-addr.arpa.': { PTR: ['kube-dns.kube-system.svc.cluster.local.'] },
  'ext.default.svc.cluster.local.': { A: [], CNAME: ['example.com.'] },
}
