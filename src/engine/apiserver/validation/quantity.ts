// Just enough resource.Quantity to validate and compare requests/limits: `100m`, `1.5`, `128Mi`,
// `1G`, `2e3`. (A full Quantity with canonical printing belongs to api/ and kubectl.)

/** upstream's parse error for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const SUFFIX: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
}

/** The numeric value, or undefined when `s` is not a quantity. */
export function parseQuantityValue(s: unknown): number | undefined {
  if (typeof s === 'number') return s
  if (typeof s !== 'string') return undefined
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(s)
  if (!m) return undefined
  const base = Number(m[1])
  if (m[2]) return base * 10 ** Number(m[2].slice(1))
  return base * SUFFIX[m[3] ?? '']
}
