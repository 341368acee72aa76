// awk tokens. A `/` starts a regex when an operand is expected (`/web/ {print}`), else it divides.

export type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; v: string }
  | { t: 'name'; v: string }
  | { t: 'func'; v: string }
  | { t: 'op'; v: string }
  | { t: 'nl' }
  | { t: 'eof' }

export class AwkSyntaxError extends Error {}

const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '!~', '&&', '||', '++', '--', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '=', '$']
const STR_ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }

export function tokenize(src: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  const operandEnded = () => {
    const l = out[out.length - 1]
    if (!l) return false
    return l.t === 'num' || l.t === 'str' || l.t === 'name' || (l.t === 'op' && (l.v === ')' || l.v === ']' || l.v === '++' || l.v === '--' || l.v === '$'))
  }
  while (i < src.length) {
    const c = src[i]
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
    } else if (c === '\n') {
      out.push({ t: 'nl' })
      i++
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!
      out.push({ t: 'num', v: Number(m[0]) })
      i += m[0].length
    } else if (c === '"') {
      let s = ''
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          s += STR_ESC[src[i + 1]] ?? '\\' + src[i + 1]
          i += 2
        } else s += src[i++]
      }
      if (src[i] !== '"') throw new AwkSyntaxError('non-terminated string')
      i++
      out.push({ t: 'str', v: s })
    } else if (c === '/' && !operandEnded()) {
      let s = ''
      i++
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/'
          i += 2
        } else if (src[i] === '\n') throw new AwkSyntaxError('non-terminated regular expression')
        else s += src[i++]
      }
      if (src[i] !== '/') throw new AwkSyntaxError('non-terminated regular expression')
      i++
      out.push({ t: 're', v: s })
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!
      i += m[0].length
      out.push(src[i] === '(' ? { t: 'func', v: m[0] } : { t: 'name', v: m[0] })
    } else {
      const op = OPS.find((o) => src.startsWith(o, i))
      if (!op) throw new AwkSyntaxError(`syntax error at source line 1: unexpected character '${c}'`)
      out.push({ t: 'op', v: op })
      i += op.length
    }
  }
  out.push({ t: 'eof' })
  return out
}
