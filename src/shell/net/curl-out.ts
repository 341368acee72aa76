// curl's printed forms: the progress meter (lib/progress.c), `-w` write-out variables, and the
// response header block that -i/-I/-v show.
import type { HttpResult } from '../types'
import { utf8Length } from '../bytes'

/** Bytes in UTF-8 (what curl counts for size_download and the meter). */
export const byteLength = utf8Length

const KB = 1024
const MB = KB * KB

/** lib/progress.c max5data: a size or speed in at most 5 characters (`  615`, ` 600k`, ` 1.2M`). */
export function max5(n: number): string {
  n = Math.max(0, Math.floor(n))
  if (n < 100_000) return String(n).padStart(5)
  if (n < 10_000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`
  return `${String(Math.floor(n / MB)).padStart(4)}M`
}

/** lib/progress.c time2str: ` 0:02:10`, or `--:--:--` under a second. */
export function time2str(seconds: number): string {
  const s = Math.floor(seconds)
  if (s <= 0) return '--:--:--'
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'

/**
 * The meter's last line. A local transfer takes no virtual time; curl would measure microseconds,
 * so speeds use at least 1 ms (615 bytes → 615000 B/s → ` 600k`, what a real fast transfer shows).
 */
export function meterLine(o: { total: number; received: number; uploaded: number; elapsedMs: number; done: boolean }): string {
  const secs = Math.max(o.elapsedMs, 1) / 1000
  const pct = (part: number, whole: number) => String(whole > 0 ? Math.floor((100 * part) / whole) : 0).padStart(3)
  const dl = o.received > 0 ? o.received / secs : 0
  const ul = o.uploaded > 0 ? o.uploaded / secs : 0
  const totalPct = o.done && o.total + o.uploaded > 0 ? pct(o.received + o.uploaded, o.total + o.uploaded) : '  0'
  return (
    `${totalPct} ${max5(o.total + o.uploaded)}  ${pct(o.received, o.total)} ${max5(o.received)}  ${pct(o.uploaded, o.uploaded)} ${max5(o.uploaded)}  ` +
    `${max5(dl)}  ${max5(ul)} --:--:-- ${time2str(o.elapsedMs / 1000)} --:--:-- ${max5(o.done ? dl : 0)}`
  )
}

export interface WriteOutInfo {
  httpCode: number
  sizeDownload: number
  sizeHeader: number
  contentType: string
  remoteIP: string
  remotePort: number
  url: string
  redirects: number
  timeTotalMs: number
  exitCode: number
  errorMsg: string
  method: string
}

/** `-w` format: %{variable}, %% and the \n \r \t escapes curl interprets. Unknown variables warn. */
export function writeOut(fmt: string, info: WriteOutInfo, warn: (name: string) => void): string {
  const secs = (info.timeTotalMs / 1000).toFixed(6)
  const vars: Record<string, string> = {
    http_code: String(info.httpCode).padStart(3, '0'),
    response_code: String(info.httpCode).padStart(3, '0'),
    size_download: String(info.sizeDownload),
    size_header: String(info.sizeHeader),
    content_type: info.contentType,
    remote_ip: info.remoteIP,
    remote_port: info.remotePort ? String(info.remotePort) : '0',
    url_effective: info.url,
    url: info.url,
    num_redirects: String(info.redirects),
    time_total: secs,
    time_connect: secs,
    time_starttransfer: secs,
    time_namelookup: '0.000000',
    exitcode: String(info.exitCode),
    errormsg: info.errorMsg,
    method: info.method,
    scheme: info.url.startsWith('https') ? 'HTTPS' : 'HTTP',
  }
  return fmt.replace(/%\{([^}]*)\}|%%|\\([nrt\\])/g, (whole, name: string | undefined, esc: string | undefined) => {
    if (esc) return { n: '\n', r: '\r', t: '\t', '\\': '\\' }[esc] ?? whole
    if (whole === '%%') return '%'
    if (name !== undefined && name in vars) return vars[name]
    warn(name ?? '')
    return ''
  })
}

/** The status line and headers as they come off the wire (CRLF), ending with the blank line. */
export function headerBlock(r: Extract<HttpResult, { kind: 'response' }>): string {
  const lines = [`HTTP/1.1 ${r.status} ${r.reason}`.trimEnd(), ...r.headers.map(([k, v]) => `${k}: ${v}`)]
  return lines.map((l) => `${l}\r\n`).join('') + '\r\n'
}

export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1]
}

