// Go's time.ParseDuration for the flags that take one (`--timeout=30s`, `1m30s`, `500ms`, `0`).
import { fail } from './errors'

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

export function parseGoDuration(s: string, flag: string): number {
  if (s === '0') return 0
  const m = /^([+-]?)((?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(s)
  if (!m) throw fail(`invalid argument "${s}" for "${flag}" flag: time: invalid duration "${s}"`)
  let total = 0
  for (const part of m[2].matchAll(/(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNIT_MS[part[2]]
  return m[1] === '-' ? -total : total
}
