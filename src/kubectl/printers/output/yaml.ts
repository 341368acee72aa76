// `kubectl -o yaml`: sigs.k8s.io/yaml (JSON -> go-yaml v2) emitted the way libyaml's emitter does:
// keys sorted (yaml.v2's "natural" order), 2-space indentation, sequences under a key not indented
// (`- name: x` in the key's column), `{}`/`[]` for empty collections, `null`, and long plain or
// quoted strings folded at the first space past column 80 (continuation lines indented +2).

import { selectStyle } from './yamlscalar'
import { goFloat } from '../jsonpath/gojson'

/** libyaml best_width: a string folds at the first space after this column. */
const BEST_WIDTH = 80
/** libyaml best_indent. */
const BEST_INDENT = 2

const isLetter = (c: string) => /^\p{L}$/u.test(c)
const isDigit = (c: string) => /^\p{Nd}$/u.test(c)

/** yaml.v2 sorter.go keyList.Less for string keys: digit runs compare as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i]
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i] < br[i]
  }
  return ar.length < br.length
}

const sortedKeys = (o: Record<string, unknown>) =>
  Object.keys(o).filter((k) => o[k] !== undefined).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

class Emitter {
  out = ''
  column = 0

  write(s: string) {
    this.out += s
    this.column += [...s].length
  }

  /** write_indent: a new line (unless already at a line's start) padded to `indent`. */
  indent(indent: number) {
    if (this.column !== 0) this.out += '\n'
    this.out += ' '.repeat(indent)
    this.column = indent
  }

  newline() {
    this.out += '\n'
    this.column = 0
  }
}

function escapeDouble(c: string): string | undefined {
  const map: Record<string, string> = {
    '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r',
    '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u00a0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
  }
  if (c in map) return map[c]
  const cp = c.codePointAt(0)!
  const printable = (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || cp >= 0x10000
  if (printable) return undefined
  const hex = cp.toString(16).toUpperCase()
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`
  return `\\U${hex.padStart(8, '0')}`
}

/** Write a string scalar; `indent` is where folded continuation lines start. */
function writeString(e: Emitter, s: string, indent: number, isKey: boolean) {
  const style = selectStyle(s, isKey)
  const chars = [...s]
  const allowBreaks = !isKey
  if (style === 'literal') {
    let hints = '|'
    if (chars[0] === ' ' || chars[0] === '\n') hints += String(BEST_INDENT)
    const last = chars[chars.length - 1]
    if (last !== '\n') hints += '-'
    else if (chars.length === 1 || chars[chars.length - 2] === '\n') hints += '+'
    e.write(hints)
    e.newline()
    let breaks = true
    for (const c of chars) {
      if (c === '\n') { e.newline(); breaks = true; continue }
      if (breaks) { e.write(' '.repeat(indent)); breaks = false }
      e.write(c)
    }
    return
  }
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : ''
  e.write(quote)
  let spaces = false
  chars.forEach((c, i) => {
    if (c === ' ') {
      const edge = style !== 'plain' && (i === 0 || i === chars.length - 1)
      const nextIsSpace = chars[i + 1] === ' '
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && !edge && (style === 'double' || !nextIsSpace)) {
        e.newline()
        e.write(' '.repeat(indent))
        if (style === 'double' && nextIsSpace) e.write('\\')
      } else e.write(c)
      spaces = true
      return
    }
    spaces = false
    if (style === 'double') e.write(escapeDouble(c) ?? c)
    else if (style === 'single' && c === "'") e.write("''")
    else e.write(c)
  })
  e.write(quote)
}

function scalarText(v: unknown): string | undefined {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v)
    const g = goFloat(v)
    return g === '+Inf' ? '.inf' : g === '-Inf' ? '-.inf' : g === 'NaN' ? '.nan' : g
  }
  return undefined
}

/**
 * Emit a node that follows `key:` (ctx 'value', keyColumn = base - 2) or `-` (ctx 'item',
 * dashColumn = base - 2). `base` is the node's indentation for nested content.
 */
function emitNode(e: Emitter, v: unknown, base: number, ctx: 'value' | 'item') {
  const scalar = scalarText(v)
  if (scalar !== undefined) { e.write(' ' + scalar); return }
  if (typeof v === 'string') { e.write(' '); writeString(e, v, base, false); return }
  if (Array.isArray(v)) {
    if (v.length === 0) { e.write(' []'); return }
    // Under a key the dashes sit in the key's column; inside an item they start inline.
    const dash = ctx === 'value' ? base - BEST_INDENT : base
    v.forEach((item, i) => {
      if (ctx === 'item' && i === 0) e.write(' ')
      else e.indent(dash)
      e.write('-')
      emitNode(e, item, dash + BEST_INDENT, 'item')
    })
    return
  }
  if (isMap(v)) {
    const keys = sortedKeys(v)
    if (keys.length === 0) { e.write(' {}'); return }
    keys.forEach((k, i) => {
      if (ctx === 'item' && i === 0) e.write(' ')
      else e.indent(base)
      writeString(e, k, base, true)
      e.write(':')
      emitNode(e, v[k], base + BEST_INDENT, 'value')
    })
    return
  }
  e.write(' null') // undefined and other non-JSON values
}

/** The YAML kubectl prints for a decoded object (a mapping at the top). Ends with '\n'. */
export function toYAML(v: unknown): string {
  const e = new Emitter()
  if (isMap(v)) {
    const keys = sortedKeys(v)
    if (keys.length === 0) return '{}\n'
    keys.forEach((k, i) => {
      if (i > 0) e.indent(0)
      writeString(e, k, 0, true)
      e.write(':')
      emitNode(e, v[k], BEST_INDENT, 'value')
    })
  } else {
    emitNode(e, v, 0, 'item')
    e.out = e.out.slice(1)
  }
  if (e.column !== 0) e.newline()
  return e.out
}
