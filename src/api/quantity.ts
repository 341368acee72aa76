// resource.Quantity (k8s.io/apimachinery/pkg/api/resource): parsing and the canonical form the API
// server stores. `cpu: 0.5` is stored as `500m`, `memory: 1.5Gi` as `1536Mi`, `1000M` as `1G`.
// Values are exact: a BigInt count of nano-units (10^-9), since parsing rounds anything finer up to
// the nano (`3.001n` → `4n`), as upstream does.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  /** The value in nano-units: 1 = 1n, 1_000_000_000 = 1. */
  nano: bigint
  /** Decides how the canonical string is written (from the suffix the quantity was written with). */
  format: QuantityFormat
}

/** upstream's error for a string that is not a quantity (the API server's decode error). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const NANO_PER_UNIT = 1_000_000_000n
/** Decimal SI suffixes by power of ten. */
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const SUFFIX_FOR_EXPONENT: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
/** Binary SI suffixes by power of 1024. */
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
/** Largest decimal exponent with an SI suffix (E = 10^18); past it upstream writes `1e21`. */
const MAX_SI_EXPONENT = 18
/** 1e±N exponents beyond this are not quantities a learner writes; refusing keeps BigInt sizes sane. */
const MAX_EXPONENT = 64

const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d*)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/

const pow10 = (n: number) => 10n ** BigInt(n)

/** Ceiling of a / b away from zero (upstream rounds sub-nano precision up in magnitude). */
function divRoundUp(a: bigint, b: bigint): bigint {
  const q = a / b
  return q * b === a ? q : a < 0n ? q - 1n : q + 1n
}

/** Parse `100m`, `0.5`, `128Mi`, `1e3`, or a JSON number; undefined when it is not a quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined
    input = String(input)
  }
  if (typeof input !== 'string') return undefined
  const m = QUANTITY.exec(input)
  if (!m || m[2] === '.') return undefined
  const [, sign, num, exponent, suffix = ''] = m
  const [intPart, frac = ''] = num.split('.')
  let digits = BigInt((intPart || '0') + frac)
  if (sign === '-') digits = -digits
  let format: QuantityFormat = 'DecimalSI'
  let exp10 = -frac.length
  if (exponent !== undefined) {
    const e = Number(exponent.slice(1))
    if (Math.abs(e) > MAX_EXPONENT) return undefined
    exp10 += e
    format = 'DecimalExponent'
  } else if (suffix in BINARY_SUFFIX) {
    digits *= 1024n ** BigInt(BINARY_SUFFIX[suffix])
    format = 'BinarySI'
  } else {
    exp10 += DECIMAL_SUFFIX[suffix]
  }
  // value = digits × 10^exp10; in nano-units: digits × 10^(exp10 + 9).
  const shift = exp10 + 9
  const nano = shift >= 0 ? digits * pow10(shift) : divRoundUp(digits, pow10(-shift))
  // A binary value that had to be rounded to the nano is no longer a binary amount.
  if (format === 'BinarySI' && shift < 0 && nano * pow10(-shift) !== digits) format = 'DecimalSI'
  return { nano, format }
}

/** The canonical string (Quantity.String()): `500m`, `1536Mi`, `1G`, `80e-3`, `0`. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0'
  const negative = q.nano < 0n
  const abs = negative ? -q.nano : q.nano
  const sign = negative ? '-' : ''
  let format = q.format
  // Binary under 1024 (5 → `5`, not `5` bytes written oddly) or not a whole number of bytes
  // (100.035Ki) is written in decimal, so nothing is rounded.
  if (format === 'BinarySI' && (abs < 1024n * NANO_PER_UNIT || abs % NANO_PER_UNIT !== 0n)) format = 'DecimalSI'
  if (format === 'BinarySI') {
    let bytes = abs / NANO_PER_UNIT
    let k = 0
    while (k < BINARY_NAMES.length - 1 && bytes % 1024n === 0n) { bytes /= 1024n; k++ }
    return `${sign}${bytes}${BINARY_NAMES[k]}`
  }
  // Largest exponent, a multiple of 3, that keeps the mantissa whole: 1.08 → 1080m, 3e8 → 300M.
  let mantissa = abs
  let exp = -9
  while (mantissa % 1000n === 0n) { mantissa /= 1000n; exp += 3 }
  if (format === 'DecimalExponent' || exp > MAX_SI_EXPONENT) return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`
  return `${sign}${mantissa}${SUFFIX_FOR_EXPONENT[exp]}`
}

/** The canonical string for a stored value, or undefined when it is not a quantity. */
export function canonicalQuantity(input: unknown): string | undefined {
  const q = parseQuantity(input)
  return q && formatQuantity(q)
}

/** -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0
}

/** Value as a float in base units (CPU cores, bytes): for arithmetic where exactness does not matter. */
export function quantityValue(q: Quantity): number {
  return Number(q.nano) / 1e9
}

/** MilliValue: rounded up to a whole milli-unit (CPU `0.0001` → 1). */
export function milliValue(q: Quantity): number {
  return Number(divRoundUp(q.nano, 1_000_000n))
}

/** Value: rounded up to a whole unit (memory bytes). */
export function wholeValue(q: Quantity): number {
  return Number(divRoundUp(q.nano, NANO_PER_UNIT))
}
