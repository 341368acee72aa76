// A port of github.com/mitchellh/go-wordwrap v1.0.1 `WrapString`, the wrapper kubectl 1.30's
// explain templates use (`wrap 76`). Breaks only at whitespace, keeps existing newlines, never
// splits a word longer than the limit, and counts runes (code points), like the Go original.

const NBSP = '\u00a0'

export function wrapString(s: string, lim: number): string {
  let buf = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  const flush = () => {
    current += spaceLen + wordLen
    buf += space + word
    space = ''; spaceLen = 0; word = ''; wordLen = 0
  }
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= lim) buf += space
        space = ''; spaceLen = 0
      } else {
        flush()
      }
      buf += ch
      current = 0
    } else if (/\s/u.test(ch) && ch !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flush()
      space += ch; spaceLen++
    } else {
      word += ch; wordLen++
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n'
        current = 0
        space = ''; spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space
  } else {
    buf += space + word
  }
  return buf
}

/** Go template `indent`: pad the first line and every line after a newline (even an empty last one). */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.split('\n').join('\n' + pad)
}
