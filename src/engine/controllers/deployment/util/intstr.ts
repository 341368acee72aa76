// intstr.GetScaledValueFromIntOrPercent (apimachinery/pkg/util/intstr): maxSurge and
// maxUnavailable are either a count (2) or a percentage of the desired replicas ("25%").
export type IntOrString = number | string

/**
 * A count stays as it is; "25%" of `total` is rounded up (maxSurge) or down (maxUnavailable).
 * 3 replicas, "25%": 0.75 → surge 1 (up), unavailable 0 (down).
 * Throws on anything else ("oops", "5"), as upstream returns an error.
 */
export function getScaledValueFromIntOrPercent(v: IntOrString | undefined | null, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) throw new Error('nil value for IntOrString')
  if (typeof v === 'number') return v
  const m = /^(-?\d+)%$/.exec(v)
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`)
  const scaled = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
