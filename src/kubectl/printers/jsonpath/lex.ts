// Character classes and string helpers of the JSONPath parser (client-go/util/jsonpath/parser.go).

export class JSONPathSyntaxError extends Error {}

/** What next() returns at the end of input. */
export const EOF_RUNE = ''

export const isSpace = (r: string) => r === ' ' || r === '\t'
export const isEndOfLine = (r: string) => r === '\r' || r === '\n'
export const isDigit = (r: string) => /^\p{Nd}$/u.test(r)
export const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)
export function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true
  return r === EOF_RUNE || '.,[]$@{}'.includes(r)
}

/** Go's %#U: `U+0023 '#'`. */
export function goRune(r: string): string {
  return `U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`
}

/** strconv.Atoi: an optional sign and decimal digits only. */
export function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : undefined
}

/** UnquoteExtend: strconv.Unquote that also accepts single quotes. */
export function unquoteExtend(s: string): string {
  const n = s.length
  if (n < 2 || s[0] !== s[n - 1] || (s[0] !== '"' && s[0] !== "'")) throw new JSONPathSyntaxError('invalid syntax')
  const quote = s[0]
  const body = s.slice(1, n - 1)
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === quote) throw new JSONPathSyntaxError('invalid syntax')
    if (c !== '\\') { out += c; continue }
    const e = body[++i]
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
    if (e in simple) out += simple[e]
    else if (e === quote) out += e
    else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i + 1, i + 1 + len)
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new JSONPathSyntaxError('invalid syntax')
      out += String.fromCodePoint(parseInt(hex, 16))
      i += len
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3)
      if (!/^[0-7]{3}$/.test(oct)) throw new JSONPathSyntaxError('invalid syntax')
      out += String.fromCharCode(parseInt(oct, 8))
      i += 2
    } else throw new JSONPathSyntaxError('invalid syntax')
  }
  return out
}

