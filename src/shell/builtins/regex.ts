// POSIX regular expressions (BRE for grep/sed, ERE with -E) translated to JS RegExp source.
// BRE: `\(a\)\{2\}` groups and counts, bare `(`, `{`, `+`, `?`, `|` are literal; ERE: the reverse.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
}

/** Copies a bracket expression starting at `i` ('['); returns [jsSource, indexAfter]. */
function bracket(p: string, i: number): [string, number] {
  let j = i + 1
  let out = '['
  if (p[j] === '^') {
    out += '^'
    j++
  }
  if (p[j] === ']') {
    out += '\\]'
    j++
  }
  for (; j < p.length && p[j] !== ']'; j++) {
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(j))
    if (cls && CLASSES[cls[1]] !== undefined) {
      out += CLASSES[cls[1]]
      j += cls[0].length - 1
    } else if (p[j] === '\\' || p[j] === '[') out += '\\' + p[j]
    else out += p[j]
  }
  if (j >= p.length) return ['\\[', i + 1]
  return [out + ']', j + 1]
}

export function posixToJs(p: string, extended: boolean): string {
  let out = ''
  for (let i = 0; i < p.length; ) {
    const c = p[i]
    if (c === '[') {
      const [src, next] = bracket(p, i)
      out += src
      i = next
      continue
    }
    if (c === '\\' && i + 1 < p.length) {
      const n = p[i + 1]
      i += 2
      if (n === '<' || n === '>') out += '\\b'
      else if (!extended && '(){}|+?'.includes(n)) out += n
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += '\\' + n
      else if (n === 'n') out += '\\n'
      else if (n === 't') out += '\\t'
      else out += /[A-Za-z0-9]/.test(n) ? n : '\\' + n
      continue
    }
    i++
    if (!extended && '(){}|+?'.includes(c)) out += '\\' + c
    else if (c === '*' && (out === '' || out === '^' || (!extended && out.endsWith('\\(')))) out += '\\*'
    else if (c === '{' && extended && !/^\{\d*(,\d*)?\}/.test(p.slice(i - 1))) out += '\\{'
    else if (c === '}' && extended && !/\{\d*(,\d*)?$/.test(p.slice(0, i - 1))) out += '\\}'
    else if (c === '/') out += '\\/'
    else out += c
  }
  return out
}

/** A literal string as regex source (grep -F). */
export const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
