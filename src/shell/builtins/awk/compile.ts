// awk source → rules of closures. A small but real subset: patterns (BEGIN, END, /re/,
// expressions, ranges), print/printf, assignment, if/else, while, for, for-in, next, exit, arrays,
// and the common functions (length substr index split sub gsub toupper tolower int sprintf).
import { formatPrintf } from '../printf'
import { Cursor } from './cursor'
import { exprParser } from './expr'
import { tokenize } from './lexer'
import { BreakSignal, ContinueSignal, ExitSignal, NextSignal, toNum, toStr, truthy, type Expr, type Rule, type Stmt } from './runtime'

export { ExitSignal, NextSignal } from './runtime'
export { splitFields } from './expr'

export function compile(src: string): Rule[] {
  const cur = new Cursor(tokenize(src))
  const { expr } = exprParser(cur)

  // ---- statements ----
  const simpleOrBlock = (): Stmt => {
    cur.skipNl()
    if (cur.isOp('{')) return block()
    const s = statement()
    if (cur.isOp(';')) cur.i++
    return s
  }
  const block = (): Stmt => {
    cur.expectOp('{')
    const list: Stmt[] = []
    cur.skipTerms()
    while (!cur.isOp('}')) {
      if (cur.peek().t === 'eof') cur.fail()
      list.push(statement())
      cur.skipTerms()
    }
    cur.i++
    return (e) => {
      for (const s of list) s(e)
    }
  }
  const exprList = (): Expr[] => {
    const out: Expr[] = []
    const end = () => cur.isOp(';') || cur.isOp('}') || cur.peek().t === 'nl' || cur.peek().t === 'eof'
    if (end()) return out
    for (;;) {
      out.push(expr())
      if (!cur.isOp(',')) return out
      cur.i++
    }
  }
  const statement = (): Stmt => {
    const t = cur.peek()
    if (cur.isOp('{')) return block()
    if (t.t === 'name') {
      switch (t.v) {
        case 'print': {
          cur.i++
          const list = exprList()
          return (e) => {
            const ofs = toStr(e.vars.get('OFS') ?? ' ')
            const ors = toStr(e.vars.get('ORS') ?? '\n')
            e.out((list.length === 0 ? e.getField(0) : list.map((x) => toStr(x(e))).join(ofs)) + ors)
          }
        }
        case 'printf': {
          cur.i++
          const list = exprList()
          if (list.length === 0) cur.fail()
          return (e) => e.out(formatPrintf(toStr(list[0](e)), list.slice(1).map((x) => toStr(x(e)))).out)
        }
        case 'if': {
          cur.i++
          cur.expectOp('(')
          const c = expr()
          cur.expectOp(')')
          const a = simpleOrBlock()
          cur.skipTerms()
          let b: Stmt | undefined
          // Terminators skipped when no `else` follows are the enclosing block's anyway.
          if (cur.isName('else')) {
            cur.i++
            b = simpleOrBlock()
          }
          return (e) => (truthy(c(e)) ? a(e) : b?.(e))
        }
        case 'while': {
          cur.i++
          cur.expectOp('(')
          const c = expr()
          cur.expectOp(')')
          const body = simpleOrBlock()
          return (e) => loop(() => truthy(c(e)), () => body(e))
        }
        case 'for': {
          cur.i++
          cur.expectOp('(')
          const save = cur.i
          const key = cur.peek()
          if (key.t === 'name' && cur.isName('in', cur.toks[cur.i + 1])) {
            cur.i += 2
            const arr = (cur.peek() as { v: string }).v
            cur.i++
            cur.expectOp(')')
            const body = simpleOrBlock()
            return (e) => {
              for (const k of [...(e.arrays.get(arr)?.keys() ?? [])]) {
                e.vars.set(key.v, k)
                if (loopOnce(() => body(e))) break
              }
            }
          }
          cur.i = save
          const init = cur.isOp(';') ? undefined : expr()
          cur.expectOp(';')
          const cond = cur.isOp(';') ? undefined : expr()
          cur.expectOp(';')
          const step = cur.isOp(')') ? undefined : expr()
          cur.expectOp(')')
          const body = simpleOrBlock()
          return (e) => {
            init?.(e)
            loop(
              () => (cond ? truthy(cond(e)) : true),
              () => {
                body(e)
              },
              () => step?.(e),
            )
          }
        }
        case 'next':
          cur.i++
          return () => {
            throw new NextSignal()
          }
        case 'exit': {
          cur.i++
          const code = cur.isOp(';') || cur.isOp('}') || cur.peek().t === 'nl' ? undefined : expr()
          return (e) => {
            throw new ExitSignal(code ? toNum(code(e)) : 0)
          }
        }
        case 'break':
          cur.i++
          return () => {
            throw new BreakSignal()
          }
        case 'continue':
          cur.i++
          return () => {
            throw new ContinueSignal()
          }
        case 'delete': {
          cur.i++
          const name = (cur.peek() as { v: string }).v
          cur.i++
          if (!cur.isOp('[')) return (e) => void e.arrays.delete(name)
          cur.i++
          const k = expr()
          cur.expectOp(']')
          return (e) => void e.arrays.get(name)?.delete(toStr(k(e)))
        }
      }
    }
    const x = expr()
    return (e) => void x(e)
  }

  // ---- program ----
  const rules: Rule[] = []
  cur.skipTerms()
  while (cur.peek().t !== 'eof') {
    if (cur.isName('BEGIN') || cur.isName('END')) {
      const kind = cur.isName('BEGIN') ? 'begin' : 'end'
      cur.i++
      cur.skipNl()
      rules.push({ kind, action: block() })
    } else if (cur.isOp('{')) {
      rules.push({ kind: 'main', action: block() })
    } else {
      const p = expr()
      let range: [Expr, Expr] | undefined
      if (cur.isOp(',')) {
        cur.i++
        range = [p, expr()]
      }
      const action = cur.isOp('{') ? block() : undefined
      rules.push(range ? { kind: 'main', range, action } : { kind: 'main', pattern: p, action })
    }
    cur.skipTerms()
  }
  return rules
}


/** Returns true when the body broke out of the loop. */
function loopOnce(body: () => void): boolean {
  try {
    body()
  } catch (err) {
    if (err instanceof BreakSignal) return true
    if (!(err instanceof ContinueSignal)) throw err
  }
  return false
}

function loop(cond: () => boolean, body: () => void, step?: () => void): void {
  while (cond()) {
    if (loopOnce(body)) break
    step?.()
  }
}

