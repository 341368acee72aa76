// Just enough of resource.Quantity for describe: parse `100m`, `70Mi`, `2`, `4015360Ki`, add, and
// print in canonical form (`1500m`, `2k`, `123Mi`; binary values under 1024 print as decimal).
// Values are kept as BigInt milli-units, so 4015360Ki = 4111728640000 milli-bytes is exact.

export type QuantityFormat = 'DecimalSI' | 'BinarySI'

export interface Quantity { milli: bigint; format: QuantityFormat }

const DECIMAL: Record<string, number> = { '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const DECIMAL_SUFFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E']
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

export const ZERO: Quantity = { milli: 0n, format: 'DecimalSI' }

/** Parse a quantity; undefined when malformed. Fractions finer than 1m round up, as MilliValue does. */
export function parseQuantity(s: string | number | undefined): Quantity | undefined {
  if (s === undefined) return undefined
  const m = /^([+-]?)(\d*\.?\d*)(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|[eE][+-]?\d+)?$/.exec(String(s))
  if (!m || m[2] === '' || m[2] === '.') return undefined
  const [, sign, num, suffix = ''] = m
  const [intPart, frac = ''] = num.split('.')
  // value = (intPart.frac) * 10^exp10 * 1024^exp2, in milli-units
  let exp10 = 3
  let mult = 1n
  let format: QuantityFormat = 'DecimalSI'
  if (suffix === 'm') exp10 = 0
  else if (suffix in BINARY) { mult = 1024n ** BigInt(BINARY[suffix]); format = 'BinarySI' }
  else if (suffix in DECIMAL) exp10 += DECIMAL[suffix]
  else exp10 += Number(suffix.slice(1))
  let digits = BigInt((intPart || '0') + frac) * mult
  exp10 -= frac.length
  let milli: bigint
  if (exp10 >= 0) milli = digits * 10n ** BigInt(exp10)
  else {
    const div = 10n ** BigInt(-exp10)
    milli = digits / div + (digits % div === 0n ? 0n : 1n)
  }
  if (sign === '-') milli = -milli
  return { milli, format }
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.format }
}

/** Quantity.String() in canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.milli % 1000n !== 0n) return `${q.milli}m`
  const n = q.milli / 1000n
  if (n === 0n) return '0'
  const abs = n < 0n ? -n : n
  if (q.format === 'BinarySI' && abs >= 1024n) {
    let k = 0
    let v = n
    while (k < BINARY_SUFFIXES.length - 1 && v % 1024n === 0n) { v /= 1024n; k++ }
    return `${v}${BINARY_SUFFIXES[k]}`
  }
  let k = 0
  let v = n
  while (k < DECIMAL_SUFFIXES.length - 1 && v % 1000n === 0n) { v /= 1000n; k++ }
  return `${v}${DECIMAL_SUFFIXES[k]}`
}

/** Canonical text of a quantity string (what `value.String()` prints for a stored quantity). */
export function canonical(s: string | number | undefined): string {
  const q = parseQuantity(s)
  return q ? formatQuantity(q) : String(s ?? '')
}
