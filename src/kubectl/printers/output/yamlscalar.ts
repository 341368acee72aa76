// How go-yaml v2 (behind sigs.k8s.io/yaml, which kubectl uses) chooses a string's style:
// plain when the text would read back as the same string, else single quotes, else double
// quotes; strings with newlines as `|` literal blocks. Strings that would read back as another
// type (`"true"`, `"80"`, `""`, timestamps like `"2026-01-01T00:00:00Z"`) get double quotes.

/** resolve.go's map of special plain words. */
const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
])
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})|[ ]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** True when the plain text would resolve to something other than a string (resolve.go). */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true
  if (RESOLVE_MAP.has(s)) return true
  if (!'+-0123456789.'.includes(s[0])) return false
  const plain = s.replaceAll('_', '')
  if (GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain)) return true
  return TIMESTAMP.test(s)
}

export function isBase60Float(s: string): boolean {
  return s !== '' && BASE60_FLOAT.test(s)
}

/** libyaml's is_printable (tab is not printable: it forces double quotes). */
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || cp >= 0x10000
}

export interface ScalarAnalysis {
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
  multiline: boolean
}

/** yaml_emitter_analyze_scalar, for block context. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false, multiline: false }
  const chars = [...value]
  let blockIndicators = value.startsWith('---') || value.startsWith('...')
  let flowIndicators = blockIndicators
  let lineBreaks = false, special = false
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false
  let precededByWhitespace = true
  const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r'
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlank(chars[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) { flowIndicators = true; blockIndicators = true }
      else if (c === '?' || c === ':') { flowIndicators = true; if (followedByWhitespace) blockIndicators = true }
      else if (c === '-' && followedByWhitespace) { flowIndicators = true; blockIndicators = true }
    } else {
      if (',?[]{}'.includes(c)) flowIndicators = true
      else if (c === ':') { flowIndicators = true; if (followedByWhitespace) blockIndicators = true }
      else if (c === '#' && precededByWhitespace) { flowIndicators = true; blockIndicators = true }
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true; previousBreak = false
    } else if (c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029') {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false; previousBreak = true
    } else {
      previousSpace = false; previousBreak = false
    }
    precededByWhitespace = isBlank(c)
  })
  let blockPlain = true, single = true, block = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false
  if (trailingSpace) block = false
  if (breakSpace) { blockPlain = false; single = false }
  if (spaceBreak || special) { blockPlain = false; single = false; block = false }
  if (lineBreaks) blockPlain = false
  if (blockIndicators) blockPlain = false
  return { blockPlainAllowed: blockPlain, singleQuotedAllowed: single, blockAllowed: block, multiline: lineBreaks }
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

/** encode.go stringv + yaml_emitter_select_scalar_style. `isKey`: simple-key context. */
export function selectStyle(s: string, isKey: boolean): ScalarStyle {
  const a = analyzeScalar(s)
  let style: ScalarStyle
  if (s.includes('\n')) style = 'literal'
  else if (!resolvesToNonString(s) && !isBase60Float(s)) style = 'plain'
  else style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed || (s === '' && isKey)) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double'
  return style
}
