// BIND's presentation format as dig prints it (lib/dns/masterdump.c): fields separated by
// indenting to fixed columns with 8-wide tabs — TTL at 24, class at 32, type at 40, data at 48 —
// and a single space when a field already runs past its column. Worked line:
//   `web.default.svc.cluster.local.` (30 chars, past 24) + ' ' + `30` (col 33, past 32) + ' ' +
//   `IN` (col 36) + tab to 40 + `A` + tab to 48 + `10.96.12.34`.
import type { DnsRecord, DnsType } from '../types'

const TTL_COLUMN = 24
const CLASS_COLUMN = 32
const TYPE_COLUMN = 40
const RDATA_COLUMN = 48
const TAB = 8

class Columns {
  private text = ''
  private col = 0
  put(s: string): this {
    this.text += s
    this.col += s.length
    return this
  }
  indent(to: number): this {
    if (this.col >= to) return this.put(' ')
    const tabs = Math.floor(to / TAB) - Math.floor(this.col / TAB)
    this.text += '\t'.repeat(tabs)
    this.col = Math.floor(to / TAB) * TAB
    return this
  }
  toString() { return this.text }
}

/** One resource record line (with its newline). */
export function recordLine(rr: DnsRecord): string {
  return new Columns().put(rr.name).indent(TTL_COLUMN).put(String(rr.ttl)).indent(CLASS_COLUMN).put('IN').indent(TYPE_COLUMN).put(rr.type).indent(RDATA_COLUMN).put(rr.data).toString() + '\n'
}

/** The question line: `;web.default.svc.cluster.local.\tIN\tA` (no TTL column). */
export function questionLine(name: string, type: DnsType): string {
  return new Columns().put(';' + name).indent(CLASS_COLUMN).put('IN').indent(TYPE_COLUMN).put(type).toString()
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number) => String(n).padStart(2, '0')

/** `;; WHEN:` — strftime "%a %b %d %H:%M:%S %Z %Y" in UTC: `Thu Jan 01 00:00:00 UTC 2026`. */
export function whenLine(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** A query id (0–65535) that is the same for the same question at the same virtual time. */
export function hexId(seed: string): number {
  // FNV-1a over the seed, folded to 16 bits.
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0
  return (h ^ (h >>> 16)) & 0xffff
}
