// How iptables v1.8.7 (legacy) prints rules: the save form (iptables-save, iptables -S; print_rule4
// and each extension's ->save) and the listing form (iptables -L; print_firewall and ->print).
// Every extension prints with a leading space (iptables ≥ 1.4.12), so a listing line is the fixed
// columns followed by `" /* comment */ tcp dpt:80"`-style pieces.
import { intToIp } from '../ipam'
import { addrText, type AddrSpec, type Match, type Opt, type Rule, type Target } from './rule'

/** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \" \\ \' escaped. */
export function saveString(s: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(s)) return s
  return `"${s.replace(/(["\\'])/g, '\\$1')}"`
}

function saveOpts(opts: Opt[], quoteName?: string): string {
  let out = ''
  for (const o of opts) {
    out += `${o.inv ? ' !' : ''} --${o.name}`
    for (const a of o.args) out += ' ' + (o.name === quoteName ? saveString(a) : a)
  }
  return out
}

/** The rule as iptables-save prints it after `-A CHAIN` (starting with a space, or empty). */
export function ruleSpec(r: Rule): string {
  let s = ''
  const ip = (flag: string, a: AddrSpec | undefined) => (a ? `${a.inv ? ' !' : ''} ${flag} ${addrText(a)}` : '')
  s += ip('-s', r.src) + ip('-d', r.dst)
  if (r.in) s += `${r.in.inv ? ' !' : ''} -i ${r.in.name}`
  if (r.out) s += `${r.out.inv ? ' !' : ''} -o ${r.out.name}`
  if (r.proto && r.proto.name !== 'all') s += `${r.proto.inv ? ' !' : ''} -p ${r.proto.name}`
  for (const m of r.matches) s += ` -m ${m.name}` + saveOpts(m.opts, 'comment')
  if (r.target) s += ` ${r.target.goto ? '-g' : '-j'} ${r.target.name}` + saveOpts(r.target.opts)
  return s
}

// ── Listing (-L) ──────────────────────────────────────────────────────────────────────────────

/** /etc/services names iptables -L (without -n) prints for well-known ports. */
const SERVICES: Record<string, string> = { '22': 'ssh', '53': 'domain', '80': 'http', '443': 'https', '8443': 'pcsync-https', '10250': '10250' }

function portText(name: string, value: string, inv: boolean, numeric: boolean): string {
  const p = (x: string) => (numeric ? x : SERVICES[x] ?? x)
  const range = value.split(':')
  if (range.length === 2) return ` ${name}s:${inv ? '!' : ''}${p(range[0])}:${p(range[1])}`
  return ` ${name}:${inv ? '!' : ''}${p(value)}`
}

function listMatch(m: Match, numeric: boolean): string {
  const opt = (n: string) => m.opts.find((o) => o.name === n)
  switch (m.name) {
    case 'comment': return ` /* ${opt('comment')?.args[0] ?? ''} */`
    case 'tcp': case 'udp': case 'sctp': {
      let s = ` ${m.name}`
      const sp = opt('sport')
      const dp = opt('dport')
      if (sp) s += portText('spt', sp.args[0], sp.inv, numeric)
      if (dp) s += portText('dpt', dp.args[0], dp.inv, numeric)
      for (const o of m.opts) if (o.name !== 'sport' && o.name !== 'dport') s += ` ${o.inv ? '!' : ''}${o.name}${o.args.map((a) => ' ' + a).join('')}`
      return s
    }
    case 'statistic': {
      const mode = opt('mode')?.args[0] ?? 'random'
      if (mode === 'nth') return ` statistic mode nth every ${opt('every')?.args[0] ?? '0'}${opt('packet') ? ` packet ${opt('packet')!.args[0]}` : ''}`
      return ` statistic mode random${opt('probability')?.inv ? ' !' : ''} probability ${opt('probability')?.args[0] ?? '0.00000000000'}`
    }
    case 'addrtype': {
      let s = ' ADDRTYPE match'
      const src = opt('src-type')
      const dst = opt('dst-type')
      if (src) s += ` src-type ${src.inv ? '!' : ''}${src.args[0]}`
      if (dst) s += ` dst-type ${dst.inv ? '!' : ''}${dst.args[0]}`
      if (opt('limit-iface-in')) s += ' limit-in'
      if (opt('limit-iface-out')) s += ' limit-out'
      return s
    }
    case 'set': {
      const o = opt('match-set')
      return o ? ` ${o.inv ? '! ' : ''}match-set ${o.args[0]} ${o.args[1]}` : ''
    }
    case 'mark': case 'connmark': {
      const o = opt('mark')
      return ` ${m.name === 'mark' ? 'mark' : 'connmark'} match${o?.inv ? ' !' : ''} ${o?.args[0] ?? ''}`
    }
    case 'conntrack': case 'state': {
      let s = ''
      for (const o of m.opts) s += `${o.inv ? ' !' : ''} ${o.name}${o.args.map((a) => ' ' + a).join('')}`
      return s
    }
    case 'recent': {
      let s = `${m.opts.some((o) => o.inv) ? ' !' : ''} recent:`
      const labels: Record<string, string> = { set: ' SET', rcheck: ' CHECK', update: ' UPDATE', remove: ' REMOVE', reap: ' reap', rttl: ' TTL-Match' }
      for (const o of m.opts) {
        if (labels[o.name]) s += labels[o.name]
        else if (o.name === 'seconds') s += ` seconds: ${o.args[0]}`
        else if (o.name === 'hitcount') s += ` hit_count: ${o.args[0]}`
      }
      const name = opt('name')?.args[0] ?? 'DEFAULT'
      return `${s} name: ${name} side: ${opt('rdest') ? 'dest' : 'source'} mask: ${opt('mask')?.args[0] ?? '255.255.255.255'}`
    }
    case 'multiport': {
      let s = ' multiport'
      for (const o of m.opts) s += ` ${o.name} ${o.inv ? '!' : ''}${o.args[0]}`
      return s
    }
    default: {
      let s = ` ${m.name}`
      for (const o of m.opts) s += `${o.inv ? ' !' : ''} ${o.name}${o.args.map((a) => ' ' + a).join('')}`
      return s
    }
  }
}

function listTarget(t: Target): string {
  const opt = (n: string) => t.opts.find((o) => o.name === n)
  switch (t.name) {
    case 'DNAT': return ` to:${opt('to-destination')?.args[0] ?? ''}${opt('random') ? ' random' : ''}${opt('persistent') ? ' persistent' : ''}`
    case 'SNAT': return ` to:${opt('to-source')?.args[0] ?? ''}${opt('random') ? ' random' : ''}${opt('random-fully') ? ' random-fully' : ''}`
    case 'MASQUERADE': return `${opt('to-ports') ? ` masq ports: ${opt('to-ports')!.args[0]}` : ''}${opt('random') ? ' random' : ''}${opt('random-fully') ? ' random-fully' : ''}`
    case 'REDIRECT': return opt('to-ports') ? ` redir ports ${opt('to-ports')!.args[0]}` : ''
    case 'REJECT': return ` reject-with ${opt('reject-with')?.args[0] ?? 'icmp-port-unreachable'}`
    case 'MARK': {
      const [v, m] = (opt('set-xmark')?.args[0] ?? '0x0/0x0').split('/').map((x) => Number(x) >>> 0)
      const h = (n: number) => `0x${n.toString(16)}`
      if (v === 0) return ` MARK and ${h(~m >>> 0)}`
      if (v === m) return ` MARK or ${h(v)}`
      if (m === 0) return ` MARK xor ${h(v)}`
      if (m === 0xffffffff) return ` MARK set ${h(v)}`
      return ` MARK xset ${h(v)}/${h(m)}`
    }
    default: {
      let s = ''
      for (const o of t.opts) s += ` ${o.name}${o.args.map((a) => ' ' + a).join('')}`
      return s
    }
  }
}

export interface ListFormat {
  numeric: boolean
  verbose: boolean
  /** -x: exact counters (%8llu/%10llu) instead of the K/M/G form (%5llu). */
  exact: boolean
  lineNumbers: boolean
}

/** xtables_print_num: `%5llu ` up to 99999, then K/M/G/T rounded; -x `%8llu `; in headers without padding. */
export function printNum(n: number, f: ListFormat, width: 8 | 10, notable = false): string {
  const out = (text: string, w: number) => (notable ? `${text} ` : `${text.padStart(w)} `)
  if (f.exact) return out(String(n), width)
  if (n <= 99999) return out(String(n), 5)
  let v = Math.floor((n + 500) / 1000)
  for (const unit of ['K', 'M', 'G']) {
    if (v <= 9999) return notable ? `${v}${unit} ` : `${String(v).padStart(4)}${unit} `
    v = Math.floor((v + 500) / 1000)
  }
  return `${v}T `
}

const col = (s: string, w: number) => s.padEnd(w) + ' '

/** The column header line of a chain listing. */
export function listHeaderColumns(f: ListFormat): string {
  let s = ''
  if (f.lineNumbers) s += col('num', 4)
  if (f.verbose) s += f.exact ? 'pkts'.padStart(8) + ' ' + 'bytes'.padStart(10) + ' ' : ' pkts bytes '
  s += col('target', 9) + ' prot opt'
  if (f.verbose) s += ' ' + col('in', 6) + col('out', 6)
  s += ' ' + col('source', 19) + ' ' + col('destination', 19)
  return s
}

function addrCol(a: AddrSpec | undefined, numeric: boolean): string {
  const inv = a?.inv ? '!' : ' '
  if (!a || a.prefix === 0) return inv + col(numeric ? '0.0.0.0/0' : 'anywhere', 19)
  return inv + col(intToIp(a.net) + (a.prefix === 32 ? '' : `/${a.prefix}`), 19)
}

/** One rule of `iptables -L` (print_firewall). */
export function listLine(r: Rule, num: number, f: ListFormat): string {
  let s = ''
  if (f.lineNumbers) s += col(String(num), 4)
  if (f.verbose) s += printNum(r.pkts, f, 8) + printNum(r.bytes, f, 10)
  s += col(r.target?.name ?? '', 9)
  s += (r.proto?.inv ? '!' : ' ') + (r.proto?.name ?? 'all').padEnd(5)
  s += '-- '
  if (f.verbose) {
    const iface = (i: { name: string; inv: boolean } | undefined) => (i?.inv ? '!' : '') + (i ? i.name : f.numeric ? '*' : 'any')
    s += ' ' + col(iface(r.in), 6) + col(iface(r.out), 6)
  }
  s += addrCol(r.src, f.numeric) + addrCol(r.dst, f.numeric)
  if (r.target?.goto) s += '[goto] '
  for (const m of r.matches) s += listMatch(m, f.numeric)
  if (r.target) s += listTarget(r.target)
  return s
}
