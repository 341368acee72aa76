// awk expressions → closures, lowest precedence first: ?: || && in ~ comparison concatenation
// + - * / % unary ^ ++/-- $ and primaries (numbers, strings, /re/, variables, arrays, calls).
import type { Cursor } from './cursor'
import { AwkSyntaxError } from './lexer'
import { builtinFunction } from './functions'
import { awkRegex, compare, toNum, toStr, truthy, type AwkEnv, type Expr, type LValue, type Val } from './runtime'

export function exprParser(cur: Cursor): { expr: () => Expr } {
  // ---- expressions, lowest precedence first ----
  const expr = (): Expr => ternary()
  const ternary = (): Expr => {
    const c = orExpr()
    if (!cur.isOp('?')) return assignTail(c)
    cur.i++
    const a = ternary()
    cur.expectOp(':')
    const b = ternary()
    return (e) => (truthy(c(e)) ? a(e) : b(e))
  }
  let lastLValue: LValue | undefined
  const assignTail = (left: Expr): Expr => {
    const t = cur.peek()
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.v) && lastLValue && left === lastLValue.get) {
      const lv = lastLValue
      cur.i++
      const right = ternary()
      const op = t.v
      return (e) => {
        const r = right(e)
        const v = op === '=' ? r : arith(op[0], lv.get(e), r)
        lv.set(e, v)
        return v
      }
    }
    return left
  }
  const binaryLevel = (ops: string[], next: () => Expr, apply: (op: string, a: Val, b: Val) => Val) => (): Expr => {
    let left = next()
    for (;;) {
      const t = cur.peek()
      if (t.t !== 'op' || !ops.includes(t.v)) return left
      cur.i++
      cur.skipNl()
      const l = left
      const r = next()
      const op = t.v
      if (op === '&&') left = (e) => (truthy(l(e)) && truthy(r(e)) ? 1 : 0)
      else if (op === '||') left = (e) => (truthy(l(e)) || truthy(r(e)) ? 1 : 0)
      else left = (e) => apply(op, l(e), r(e))
    }
  }
  const matchOp = (op: string, a: Val, b: Val): Val => (awkRegex(toStr(b)).test(toStr(a)) === (op === '~') ? 1 : 0)
  const cmpOp = (op: string, a: Val, b: Val): Val => {
    const c = compare(a, b)
    return (op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0) ? 1 : 0
  }
  const concat = (): Expr => {
    let left = additive()
    for (;;) {
      const t = cur.peek()
      const starts = t.t === 'num' || t.t === 'str' || t.t === 'name' || t.t === 'func' || (t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '!' || t.v === '++' || t.v === '--'))
      if (!starts || (t.t === 'name' && (t.v === 'in' || t.v === 'getline'))) return left
      const l = left
      const r = additive()
      left = (e) => toStr(l(e)) + toStr(r(e))
    }
  }
  const additive = binaryLevel(['+', '-'], () => multiplicative(), (op, a, b) => arith(op, a, b))
  const multiplicative = binaryLevel(['*', '/', '%'], () => unary(), (op, a, b) => arith(op, a, b))
  const comparison = binaryLevel(['<', '<=', '>', '>=', '==', '!='], concat, cmpOp)
  /** A bare /re/ where a regex is wanted (right of ~, sub/gsub/match arguments) is its source. */
  const regexOperand = (next: () => Expr): Expr => {
    const t = cur.peek()
    const after = cur.toks[cur.i + 1]
    if (t.t === 're' && !(after.t === 'op' && ['~', '!~', '&&', '||', '==', '!='].includes(after.v))) {
      cur.i++
      return () => t.v
    }
    return next()
  }
  const matching = (): Expr => {
    let left = comparison()
    while (cur.isOp('~') || cur.isOp('!~')) {
      const op = (cur.peek() as { v: string }).v
      cur.i++
      const l = left
      const r = regexOperand(comparison)
      left = (e) => matchOp(op, l(e), r(e))
    }
    return left
  }
  const inExpr = (): Expr => {
    const left = matching()
    if (cur.isName('in')) {
      cur.i++
      const arr = (cur.peek() as { v: string }).v
      cur.i++
      return (e) => (e.arrays.get(arr)?.has(toStr(left(e))) ? 1 : 0)
    }
    return left
  }
  const andExpr = binaryLevel(['&&'], inExpr, () => 0)
  const orExpr = binaryLevel(['||'], andExpr, () => 0)
  const unary = (): Expr => {
    if (cur.isOp('!')) {
      cur.i++
      const x = unary()
      return (e) => (truthy(x(e)) ? 0 : 1)
    }
    if (cur.isOp('-') || cur.isOp('+')) {
      const neg = cur.isOp('-')
      cur.i++
      const x = unary()
      return (e) => (neg ? -toNum(x(e)) : toNum(x(e)))
    }
    return power()
  }
  const power = (): Expr => {
    const base = postfix()
    if (!cur.isOp('^')) return base
    cur.i++
    const exp = unary()
    return (e) => toNum(base(e)) ** toNum(exp(e))
  }
  const postfix = (): Expr => {
    if (cur.isOp('++') || cur.isOp('--')) {
      const d = cur.isOp('++') ? 1 : -1
      cur.i++
      const lv = lvalue()
      return (e) => {
        const v = toNum(lv.get(e)) + d
        lv.set(e, v)
        return v
      }
    }
    const p = primary()
    if ((cur.isOp('++') || cur.isOp('--')) && lastLValue && p === lastLValue.get) {
      const lv = lastLValue
      const d = cur.isOp('++') ? 1 : -1
      cur.i++
      return (e) => {
        const v = toNum(lv.get(e))
        lv.set(e, v + d)
        return v
      }
    }
    return p
  }
  const lvalue = (): LValue => {
    primary()
    if (!lastLValue) cur.fail()
    return lastLValue!
  }
  const primary = (): Expr => {
    lastLValue = undefined
    const t = cur.peek()
    cur.i++
    if (t.t === 'num') return () => t.v
    if (t.t === 'str') return () => t.v
    if (t.t === 're') return (e) => (awkRegex(t.v).test(e.getField(0)) ? 1 : 0)
    if (t.t === 'op' && t.v === '(') {
      const x = expr()
      cur.expectOp(')')
      return x
    }
    if (t.t === 'op' && t.v === '$') {
      const idx = postfixNoIncr()
      const get: Expr = (e) => e.getField(Math.trunc(toNum(idx(e))))
      lastLValue = { get, set: (e, v) => e.setField(Math.trunc(toNum(idx(e))), toStr(v)) }
      return get
    }
    if (t.t === 'func') return call(t.v)
    if (t.t === 'name') {
      const name = t.v
      if (cur.isOp('[')) {
        cur.i++
        const keys = [expr()]
        while (cur.isOp(',')) {
          cur.i++
          keys.push(expr())
        }
        cur.expectOp(']')
        const key = (e: AwkEnv) => keys.map((k) => toStr(k(e))).join('\x1c')
        const arr = (e: AwkEnv) => {
          let a = e.arrays.get(name)
          if (!a) e.arrays.set(name, (a = new Map()))
          return a
        }
        const get: Expr = (e) => {
          const a = arr(e)
          const k = key(e)
          if (!a.has(k)) a.set(k, '')
          return a.get(k)!
        }
        lastLValue = { get, set: (e, v) => void arr(e).set(key(e), v) }
        return get
      }
      const get: Expr = (e) => (name === 'NF' ? e.fields.length : e.vars.get(name) ?? '')
      lastLValue = { get, set: (e, v) => void e.vars.set(name, v) }
      return get
    }
    cur.i--
    return cur.fail()
  }
  /** After `$`: a primary without postfix ++ (so `$i++` is `($i)++`). */
  const postfixNoIncr = (): Expr => {
    if (cur.isOp('-')) {
      cur.i++
      const x = primary()
      return (e) => -toNum(x(e))
    }
    const saved = lastLValue
    const x = primary()
    lastLValue = saved
    return x
  }
  const args = (): Expr[] => {
    cur.expectOp('(')
    const out: Expr[] = []
    const lvs: (LValue | undefined)[] = []
    if (!cur.isOp(')')) {
      for (;;) {
        out.push(regexOperand(expr))
        lvs.push(lastLValue)
        if (!cur.isOp(',')) break
        cur.i++
      }
    }
    cur.expectOp(')')
    lastArgLValues = lvs
    return out
  }
  let lastArgLValues: (LValue | undefined)[] = []
  const call = (name: string): Expr => {
    if (name === 'split') {
      cur.expectOp('(')
      const s = expr()
      cur.expectOp(',')
      const arrTok = cur.peek()
      if (arrTok.t !== 'name') cur.fail()
      cur.i++
      let sep: Expr | undefined
      if (cur.isOp(',')) {
        cur.i++
        sep = expr()
      }
      cur.expectOp(')')
      const arrName = (arrTok as { v: string }).v
      return (e) => {
        const parts = splitFields(toStr(s(e)), sep ? toStr(sep(e)) : toStr(e.vars.get('FS') ?? ' '))
        const a = new Map<string, Val>()
        parts.forEach((p, k) => a.set(String(k + 1), p))
        e.arrays.set(arrName, a)
        return parts.length
      }
    }
    const a = args()
    const lvs = lastArgLValues
    return builtinFunction(name, a, lvs)
  }

  return { expr }
}

function arith(op: string, a: Val, b: Val): number {
  const x = toNum(a)
  const y = toNum(b)
  switch (op) {
    case '+': return x + y
    case '-': return x - y
    case '*': return x * y
    case '^': return x ** y
    case '/':
      if (y === 0) throw new AwkSyntaxError('division by zero')
      return x / y
    default:
      if (y === 0) throw new AwkSyntaxError('division by zero in %')
      return x % y
  }
}

/** FS " " splits on runs of blanks (trimmed); one character splits on it; longer is a regex. */
export function splitFields(line: string, fs: string): string[] {
  if (fs === ' ') return line.split(/[ \t\n]+/).filter((f) => f !== '')
  if (line === '') return []
  if (fs.length === 1 && fs !== '\\') return line.split(fs)
  return line.split(awkRegex(fs))
}
