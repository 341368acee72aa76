// CoreDNS's DNS listener: one query through the Corefile's plugin chain, plus the lines the `log`
// and `errors` plugins print for it —
//   [INFO] 10.244.0.7:41551 - 34530 "A IN web.default.svc.cluster.local. udp 47 false 512" NOERROR qr,aa,rd 106 0.000120s
//   [ERROR] plugin/errors: 2 example.com. A: read udp 10.244.0.2:52100->192.168.49.1:53: i/o timeout
// Client ports, query ids and durations are pseudo-random but derived from a counter: deterministic.
import type { DnsResponse, DnsType } from '../../../shell'
import { messageSize } from '../../../shell/net/dnsmsg'
import { hex64 } from '../../images/digest'
import type { Listener } from '../types'
import type { ClusterDnsView } from './cache'
import { serveQuery, type CorefileConfig } from './corefile'

/** A stub resolver's query carries no EDNS: the log shows `false 512` (DO bit, UDP buffer size). */
const PLAIN_BUFSIZE = 512

export interface DnsServerOptions {
  /** The CoreDNS pod's own IP (the source of forwarded queries in error lines). */
  selfIP: string
  /** Where log lines go (the program's stdout). */
  log?: (line: string) => void
}

export function dnsListener(view: ClusterDnsView, cfg: CorefileConfig, opts: DnsServerOptions): NonNullable<Listener['dns']> {
  let n = 0
  return (q) => {
    const served = serveQuery(view, cfg, q.name, q.type)
    const r = served.response
    if (opts.log) {
      const h = hex64(`coredns/${opts.selfIP}/${n++}`)
      const port = 32768 + (parseInt(h.slice(0, 4), 16) % 28232) // Linux's ephemeral range 32768–60999
      const id = parseInt(h.slice(4, 8), 16)
      const qname = q.name.endsWith('.') ? q.name : q.name + '.'
      if (served.failedUpstream && cfg.errors) {
        const fport = 32768 + (parseInt(h.slice(8, 12), 16) % 28232)
        opts.log(`[ERROR] plugin/errors: 2 ${qname} ${q.type}: read udp ${opts.selfIP}:${fport}->${served.failedUpstream}:53: i/o timeout`)
      }
      if (cfg.log) {
        const reqSize = messageSize({ name: qname, type: q.type }, [])
        const micros = 60 + (parseInt(h.slice(12, 16), 16) % 400) // 60–460 µs for a cache-local answer
        const duration = served.failedUpstream ? `${(2 + (parseInt(h.slice(16, 20), 16) % 1000) / 1000).toFixed(9)}s` : `${(micros / 1e6).toFixed(9).replace(/0+$/, '')}s`
        opts.log(`[INFO] ${q.from}:${port} - ${id} "${q.type} IN ${qname} ${q.proto} ${reqSize} false ${PLAIN_BUFSIZE}" ${r.rcode} ${flags(r)} ${responseSize(qname, q.type, r)} ${duration}`)
      }
    }
    return r
  }
}

/** The header flags the log plugin prints: qr always, aa when authoritative, rd echoed from the stub. */
export function flags(r: DnsResponse): string {
  return ['qr', r.authoritative ? 'aa' : '', 'rd'].filter(Boolean).join(',')
}

export function responseSize(name: string, type: DnsType, r: DnsResponse): number {
  return messageSize({ name, type }, [...r.answers, ...(r.authority ?? [])])
}
