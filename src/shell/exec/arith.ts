// $(( )) arithmetic: integers, C precedence, variables by name, assignment and ++/--.
// "7 / 2" is 3 (truncating, as sh does); "1 < 2" is 1.
import { ExpansionError } from './control'

export interface ArithVars {
  get(name: string): string | undefined
  set(name: string, value: string): void
}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|[-+*/%]=|[-+*/%<>&|^!~()?:=,])/y

/** Binary operators by precedence, lowest first. */
const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']]

export function evalArith(expr: string, vars: ArithVars): number {
  const toks: string[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(expr)
    if (!m) throw new ExpansionError(`${expr}: syntax error: invalid arithmetic operator (error token is "${expr.slice(pos).trim()}")`)
    toks.push(m[1])
    pos = TOKEN.lastIndex
  }
  if (toks.length === 0) return 0
  let i = 0
  const peek = () => toks[i]
  const fail = (): never => {
    throw new ExpansionError(`${expr}: syntax error: operand expected (error token is "${toks.slice(i).join(' ') || expr}")`)
  }
  const isName = (t: string | undefined) => t !== undefined && /^[A-Za-z_]/.test(t)
  const varValue = (name: string): number => {
    const v = (vars.get(name) ?? '').trim()
    if (v === '') return 0
    const n = Number(v)
    return Number.isFinite(n) ? Math.trunc(n) : 0
  }
  const binop = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0
      case '&&': return a && b ? 1 : 0
      case '|': return a | b
      case '^': return a ^ b
      case '&': return a & b
      case '==': return a === b ? 1 : 0
      case '!=': return a !== b ? 1 : 0
      case '<': return a < b ? 1 : 0
      case '<=': return a <= b ? 1 : 0
      case '>': return a > b ? 1 : 0
      case '>=': return a >= b ? 1 : 0
      case '<<': return a << b
      case '>>': return a >> b
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '**': return a ** b
      default:
        if (b === 0) throw new ExpansionError(`${expr}: division by 0 (error token is "${toks[i - 1] ?? ''}")`)
        return op === '/' ? Math.trunc(a / b) : a % b
    }
  }
  const assign = (): number => {
    if (isName(peek()) && ['=', '+=', '-=', '*=', '/=', '%='].includes(toks[i + 1])) {
      const name = toks[i]
      const op = toks[i + 1]
      i += 2
      const rhs = assign()
      const v = op === '=' ? rhs : binop(op[0], varValue(name), rhs)
      vars.set(name, String(v))
      return v
    }
    return ternary()
  }
  const ternary = (): number => {
    const c = binary(0)
    if (peek() !== '?') return c
    i++
    const a = assign()
    if (toks[i++] !== ':') fail()
    const b = assign()
    return c ? a : b
  }
  const binary = (level: number): number => {
    if (level >= LEVELS.length) return power()
    let left = binary(level + 1)
    while (LEVELS[level].includes(peek())) {
      const op = toks[i++]
      left = binop(op, left, binary(level + 1))
    }
    return left
  }
  const power = (): number => {
    const base = unary()
    if (peek() === '**') {
      i++
      return binop('**', base, power())
    }
    return base
  }
  const unary = (): number => {
    const t = peek()
    if (t === '-') return i++, -unary()
    if (t === '+') return i++, unary()
    if (t === '!') return i++, unary() ? 0 : 1
    if (t === '~') return i++, ~unary()
    if ((t === '++' || t === '--') && isName(toks[i + 1])) {
      const name = toks[i + 1]
      i += 2
      const v = varValue(name) + (t === '++' ? 1 : -1)
      vars.set(name, String(v))
      return v
    }
    return primary()
  }
  const primary = (): number => {
    const t = toks[i++]
    if (t === undefined) return fail()
    if (t === '(') {
      const v = assign()
      if (toks[i++] !== ')') fail()
      return v
    }
    if (/^0[xX]/.test(t)) return parseInt(t, 16)
    if (/^\d/.test(t)) return /^0\d/.test(t) ? parseInt(t, 8) : Number(t)
    if (isName(t)) {
      const v = varValue(t)
      if (peek() === '++' || peek() === '--') {
        vars.set(t, String(v + (toks[i++] === '++' ? 1 : -1)))
      }
      return v
    }
    i--
    return fail()
  }
  let v = assign()
  while (peek() === ',') {
    i++
    v = assign()
  }
  if (i < toks.length) fail()
  return v
}
