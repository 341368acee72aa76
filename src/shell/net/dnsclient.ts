// One DNS exchange as nslookup and dig make it: ctx.net.dns when the machine has it; a machine
// without a network (or a host that models no DNS) gets no answer and the tool waits out its
// timeout, as a stub resolver whose packets go nowhere does.
import type { CommandContext, DnsResult, DnsType } from '../types'
import { parseResolvConf, type ResolvConf } from './dnsmsg'

export const RESOLV_CONF = '/etc/resolv.conf'

export function readResolvConf(ctx: CommandContext): ResolvConf {
  return parseResolvConf(ctx.fs.readFile(RESOLV_CONF))
}

export interface Exchange {
  server: string
  port: number
  name: string
  type: DnsType
  tcp?: boolean
  timeoutMs: number
}

export async function exchange(ctx: CommandContext, q: Exchange): Promise<DnsResult> {
  const dns = ctx.net?.dns
  if (dns) {
    const r = await dns.call(ctx.net, { server: q.server, port: q.port, name: q.name, type: q.type, tcp: q.tcp, timeoutMs: q.timeoutMs }, ctx.signal)
    return r
  }
  await ctx.clock.sleep(q.timeoutMs, ctx.signal).catch(() => {})
  return { kind: 'error', code: 'timeout', server: q.server }
}

/** A name without its final dot, as resolver libraries print record names. */
export const bare = (name: string): string => (name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name)

/** nslookup's `-type=` / dig's type argument, case-insensitive (undefined: not a type the lab serves). */
export function parseType(s: string): DnsType | undefined {
  const t = s.toUpperCase()
  return (['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'NS', 'SOA', 'ANY'] as const).find((x) => x === t)
}
