// awk's built-in functions: length substr index toupper tolower int sprintf sub gsub
// (split is parsed in expr.ts: its second argument is an array name, not a value).
import { formatPrintf } from '../printf'
import { AwkSyntaxError } from './lexer'
import { awkRegex, toNum, toStr, type AwkEnv, type Expr, type LValue } from './runtime'

/** `a` are the compiled arguments, `lvs` their lvalues when assignable (sub/gsub's target). */
export function builtinFunction(name: string, a: Expr[], lvs: (LValue | undefined)[]): Expr {
  const s = (e: AwkEnv, k: number) => toStr(a[k](e))
  switch (name) {
    case 'length':
      return (e) => (a.length === 0 ? e.getField(0).length : s(e, 0).length)
    case 'substr':
      return (e) => {
        const str = s(e, 0)
        const m = Math.round(toNum(a[1](e)))
        const n = a[2] ? Math.round(toNum(a[2](e))) : Infinity
        const start = Math.max(m, 1)
        const end = n === Infinity ? str.length + 1 : m + n
        return end <= start ? '' : str.slice(start - 1, end - 1)
      }
    case 'index':
      return (e) => s(e, 0).indexOf(s(e, 1)) + 1
    case 'toupper':
      return (e) => s(e, 0).toUpperCase()
    case 'tolower':
      return (e) => s(e, 0).toLowerCase()
    case 'int':
      return (e) => Math.trunc(toNum(a[0](e)))
    case 'sprintf':
      return (e) => formatPrintf(s(e, 0), a.slice(1).map((x) => toStr(x(e)))).out
    case 'sub':
    case 'gsub': {
      const target: LValue = lvs[2] ?? { get: (e) => e.getField(0), set: (e, v) => e.setField(0, toStr(v)) }
      return (e) => {
        const re = new RegExp(awkRegex(toStr(a[0](e))).source, name === 'gsub' ? 'g' : '')
        const repl = s(e, 1)
        let n = 0
        const out = toStr(target.get(e)).replace(re, (m) => {
          n++
          return repl.replace(/\\&|&/g, (x) => (x === '&' ? m : '&'))
        })
        if (n > 0) target.set(e, out)
        return n
      }
    }
    default:
      throw new AwkSyntaxError(`calling undefined function ${name}`)
  }
}
