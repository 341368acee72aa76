// describe's output plumbing: upstream's PrefixWriter (two spaces per level) feeding a tabwriter
// with describe's settings (minwidth 0, padding 2). `flush()` aligns what was written so far on
// its own, as DescribeEvents does before its table.

import { tabwrite, DESCRIBE_TABWRITER } from '../tabwriter'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

export class PrefixWriter {
  private done = ''
  private pending = ''

  /** w.Write(level, text): the text is prefixed with two spaces per level. */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }

  /** w.WriteLine(text): text and a newline, no prefix. */
  writeLine(text: string): void {
    this.pending += text + '\n'
  }

  flush(): void {
    this.done += tabwrite(this.pending, DESCRIBE_TABWRITER)
    this.pending = ''
  }

  /** tabbedString's result. */
  toString(): string {
    this.flush()
    return this.done
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** time.RFC1123Z in UTC (the lab's clock has no local zone): `Thu, 01 Jan 2026 00:00:04 +0000`. */
export function rfc1123z(ts: string | undefined | null): string {
  const t = ts ? Date.parse(ts) : NaN
  // Go formats the zero time as "Mon, 01 Jan 0001 00:00:00 +0000".
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(t)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`
}
