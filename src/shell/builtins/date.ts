// date [-u] [-d DATE] [-I[FMT]] [-R] [+FORMAT]: always UTC, from ctx.clock.now().
// Default format is GNU's in the C locale: "Thu Jan  1 00:00:05 UTC 2026".
import type { Builtin } from './types'

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y'
const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
}

const p2 = (n: number) => String(n).padStart(2, '0')

export function formatDate(ms: number, fmt: string): string {
  const d = new Date(ms)
  const Y = d.getUTCFullYear()
  const mo = d.getUTCMonth()
  const day = d.getUTCDate()
  const H = d.getUTCHours()
  const M = d.getUTCMinutes()
  const S = d.getUTCSeconds()
  const wd = d.getUTCDay()
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1
  const codes: Record<string, () => string> = {
    Y: () => String(Y),
    y: () => p2(Y % 100),
    C: () => p2(Math.floor(Y / 100)),
    m: () => p2(mo + 1),
    d: () => p2(day),
    e: () => String(day).padStart(2),
    H: () => p2(H),
    I: () => p2(H % 12 === 0 ? 12 : H % 12),
    k: () => String(H).padStart(2),
    l: () => String(H % 12 === 0 ? 12 : H % 12).padStart(2),
    M: () => p2(M),
    S: () => p2(S),
    N: () => String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    a: () => DAYS[wd].slice(0, 3),
    A: () => DAYS[wd],
    b: () => MONTHS[mo].slice(0, 3),
    h: () => MONTHS[mo].slice(0, 3),
    B: () => MONTHS[mo],
    j: () => String(yday).padStart(3, '0'),
    u: () => String(wd === 0 ? 7 : wd),
    w: () => String(wd),
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${Y}-${p2(mo + 1)}-${p2(day)}`,
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    R: () => `${p2(H)}:${p2(M)}`,
    D: () => `${p2(mo + 1)}/${p2(day)}/${p2(Y % 100)}`,
    c: () => formatDate(ms, '%a %b %e %H:%M:%S %Y'),
    x: () => formatDate(ms, '%m/%d/%y'),
    X: () => formatDate(ms, '%H:%M:%S'),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  }
  return fmt.replace(/%(:z|[A-Za-z%])/g, (all, c: string) => (c === ':z' ? '+00:00' : codes[c] ? codes[c]() : all))
}

function parseDate(s: string, now: number): number | undefined {
  if (s.startsWith('@') && /^@-?\d+(\.\d+)?$/.test(s)) return Math.floor(Number(s.slice(1)) * 1000)
  if (s === 'now' || s === '') return now
  const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)
  if (!iso) return undefined
  const t = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(s) ? s.replace(' ', 'T') : s.replace(' ', 'T') + (s.length > 10 ? 'Z' : 'T00:00:00Z'))
  return Number.isNaN(t) ? undefined : t
}

export const date: Builtin = {
  summary: 'Print the system date and time',
  utility: true,
  run(ctx) {
    let ms = ctx.clock.now()
    let fmt = DEFAULT_FORMAT
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      let dateArg: string | undefined
      if (a === '-u' || a === '--utc' || a === '--universal') continue
      if (a === '-d' || a === '--date') dateArg = args[++i] ?? ''
      else if (a.startsWith('--date=')) dateArg = a.slice(7)
      else if (a.startsWith('-d')) dateArg = a.slice(2)
      else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z'
      else if (a === '-I' || a.startsWith('--iso-8601') || a.startsWith('-I')) {
        const kind = a.startsWith('--iso-8601=') ? a.slice(11) : a.startsWith('-I') && a.length > 2 ? a.slice(2) : 'date'
        const f = ISO_FORMATS[kind]
        if (!f) {
          ctx.stderr.write(`date: invalid argument '${kind}' for '--iso-8601'\n`)
          return 1
        }
        fmt = f
      } else if (a.startsWith('--rfc-3339=')) {
        const kind = a.slice(11)
        fmt = kind === 'date' ? '%Y-%m-%d' : kind === 'ns' ? '%Y-%m-%d %H:%M:%S.%N%:z' : '%Y-%m-%d %H:%M:%S%:z'
      } else if (a.startsWith('+')) fmt = a.slice(1)
      else {
        ctx.stderr.write(a.startsWith('-') ? `date: invalid option -- '${a.slice(1, 2)}'\nTry 'date --help' for more information.\n` : `date: invalid date '${a}'\n`)
        return 1
      }
      if (dateArg !== undefined) {
        const t = parseDate(dateArg.trim(), ctx.clock.now())
        if (t === undefined) {
          ctx.stderr.write(`date: invalid date '${dateArg}'\n`)
          return 1
        }
        ms = t
      }
    }
    ctx.stdout.write(formatDate(ms, fmt) + '\n')
    return 0
  },
}
