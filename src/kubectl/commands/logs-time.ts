// time.Parse(time.RFC3339, s) as kubectl's util.ParseRFC3339 reports failures (`--since-time`):
// `parsing time "2026-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"`.
const LAYOUT = '2006-01-02T15:04:05Z07:00'

/** Layout chunks: a number of `width` digits in [min, max] (or a literal), as Go walks them. */
const CHUNKS: Array<{ std: string; width?: number; range?: [number, number, string] }> = [
  { std: '2006', width: 4 }, { std: '-' }, { std: '01', width: 2, range: [1, 12, 'month'] }, { std: '-' },
  { std: '02', width: 2, range: [1, 31, 'day'] }, { std: 'T' }, { std: '15', width: 2, range: [0, 23, 'hour'] }, { std: ':' },
  { std: '04', width: 2, range: [0, 59, 'minute'] }, { std: ':' }, { std: '05', width: 2, range: [0, 59, 'second'] },
]

/** The error text, or '' when `s` is a valid RFC 3339 time. */
export function rfc3339Error(s: string): string {
  const q = JSON.stringify(s)
  const cannot = (rest: string, std: string) => `parsing time ${q} as "${LAYOUT}": cannot parse ${JSON.stringify(rest)} as "${std}"`
  let rest = s
  for (const c of CHUNKS) {
    if (!c.width) {
      if (!rest.startsWith(c.std)) return cannot(rest, c.std)
      rest = rest.slice(c.std.length)
      continue
    }
    const digits = rest.slice(0, c.width)
    if (!new RegExp(`^\\d{${c.width}}$`).test(digits)) return cannot(rest, c.std)
    if (c.range && (Number(digits) < c.range[0] || Number(digits) > c.range[1])) return `parsing time ${q}: ${c.range[2]} out of range`
    rest = rest.slice(c.width)
    // Go accepts fractional seconds after the seconds field even when the layout has none.
    if (c.std === '05') rest = rest.replace(/^\.\d+/, '')
  }
  const zone = /^(Z|[+-]\d{2}:\d{2})/.exec(rest)
  if (!zone) return cannot(rest, 'Z07:00')
  rest = rest.slice(zone[0].length)
  if (rest !== '') return `parsing time ${q}: extra text: ${JSON.stringify(rest)}`
  return ''
}
