// Ages as kubectl prints them: k8s.io/apimachinery/pkg/util/duration.HumanDuration, ported line by
// line. About 2-3 significant figures: 119s, then 2m1s, 9m59s, 10m, 179m, 3h, 7h59m, 8h, 47h,
// 2d, 7d23h, 8d, 729d, 2y, 7y364d, 8y.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Go's int(x) truncates toward zero (for negative durations too). */
const trunc = (x: number) => Math.trunc(x)

/** duration.HumanDuration(d) for a duration in milliseconds. */
export function formatAge(ms: number): string {
  // Up to 2s in the future (clock skew) still reads as "0s"; further is "<invalid>".
  const seconds = trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = trunc(ms / SECOND) % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = trunc(ms / HOUR)
  if (hours < 8) {
    const m = trunc(ms / MINUTE) % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365
    const y = trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${trunc(hours / 24 / 365)}y`
}

/** Parse an RFC 3339 timestamp; undefined when missing or unparsable. */
export function parseTime(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined
  const t = Date.parse(ts)
  return Number.isNaN(t) ? undefined : t
}

/** printers.go translateTimestampSince: `<unknown>` for a zero/missing time. */
export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  const t = parseTime(ts)
  if (t === undefined) return '<unknown>'
  return formatAge(now - t)
}
