// Timestamps the way each program writes them in its log. All UTC (containers run with TZ unset).
// Worked example for 2026-01-01T00:00:05.123Z (DEFAULT_START_MS + 5.123 s):
//   nginxTime   2026/01/01 00:00:05            (error log)
//   clfTime     01/Jan/2026:00:00:05 +0000     (access log, Apache/nginx combined format)
//   redisTime   01 Jan 2026 00:00:05.123
//   pgTime      2026-01-01 00:00:05.123 UTC
//   isoMs       2026-01-01T00:00:05.123Z
//   isoNano     2026-01-01T00:00:05.123000000Z (Go RFC3339Nano trims zeros: see goNano)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

const p2 = (n: number) => String(n).padStart(2, '0')
const p3 = (n: number) => String(n).padStart(3, '0')

function parts(ms: number) {
  const d = new Date(ms)
  return {
    y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(),
    h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
  }
}

export function nginxTime(ms: number): string {
  const t = parts(ms)
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`
}

export function clfTime(ms: number): string {
  const t = parts(ms)
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} +0000`
}

export function redisTime(ms: number): string {
  const t = parts(ms)
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}`
}

export function pgTime(ms: number): string {
  const t = parts(ms)
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)} UTC`
}

export function isoMs(ms: number): string {
  return new Date(ms).toISOString()
}

/** `2026-01-01 00:00:05+00:00`: the mysql entrypoint's `date --rfc-3339=seconds`. */
export function rfc3339Seconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + '+00:00'
}

/** `2026-01-01T00:00:05.123456Z`: six fraction digits (mysqld, most C++ servers). */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000Z'
}

/** Go's RFC3339Nano: trailing zeros of the fraction trimmed (`…05.123Z`, `…05Z`). */
export function goNano(ms: number): string {
  const iso = new Date(ms).toISOString()
  const frac = iso.slice(20, 23).replace(/0+$/, '')
  return `${iso.slice(0, 19)}${frac ? '.' + frac : ''}Z`
}

/** `[Thu Jan 01 00:00:05.123000 2026]`: Apache httpd's error log. */
export function httpdTime(ms: number): string {
  const t = parts(ms)
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}000 ${t.y}`
}

/** Python logging with `datefmt="%Y-%m-%dT%I:%M:%S"`: a 12-hour clock (00:00 prints as 12). */
export function pyTime12(ms: number): string {
  const t = parts(ms)
  const h12 = t.h % 12 === 0 ? 12 : t.h % 12
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)}T${p2(h12)}:${p2(t.mi)}:${p2(t.s)}`
}

/** Python logging's default asctime: `2026-01-01 00:00:05,123`. */
export function pyAsctime(ms: number): string {
  const t = parts(ms)
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)},${p3(t.ms)}`
}

/** `date` in the C locale: `Thu Jan  1 00:00:05 UTC 2026`. */
export function cDate(ms: number): string {
  const t = parts(ms)
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${String(t.d).padStart(2, ' ')} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} UTC ${t.y}`
}

/** Seconds since the epoch (redis' signal handler prints these). */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000)
}

/** klog's header (Kubernetes components, agnhost): `I0101 00:00:05.123000       1 main.go:40] msg`. */
export function klogLine(nowMs: number, file: string, msg: string, severity: 'I' | 'W' | 'E' = 'I'): string {
  const iso = new Date(nowMs).toISOString()
  return `${severity}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000       1 ${file}] ${msg}`
}
