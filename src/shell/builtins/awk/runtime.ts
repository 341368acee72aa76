// awk values and the record being processed: strings and numbers convert as awk converts them.
import { posixToJs } from '../regex'

export type Val = string | number

export interface AwkEnv {
  vars: Map<string, Val>
  arrays: Map<string, Map<string, Val>>
  fields: string[]
  out: (s: string) => void
  /** Splits $0 into fields with FS (called when $0 is set). */
  setRecord(line: string): void
  getField(n: number): string
  setField(n: number, v: string): void
}

/** "3abc" → 3, "abc" → 0, " 2.5 " → 2.5 (awk's leading-number rule). */
export function toNum(v: Val): number {
  if (typeof v === 'number') return v
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v)
  return m ? Number(m[0]) : 0
}

/** Integers print as integers, others with %.6g (OFMT). */
export function toStr(v: Val): string {
  if (typeof v === 'string') return v
  if (Number.isInteger(v)) return String(v)
  return String(Number(v.toPrecision(6)))
}

export const truthy = (v: Val): boolean => (typeof v === 'number' ? v !== 0 : v !== '')

const looksNumeric = (v: Val) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)

/** Numeric comparison when both sides look like numbers (fields "10" and "9"), else string order. */
export function compare(a: Val, b: Val): number {
  if (looksNumeric(a) && looksNumeric(b)) return toNum(a) - toNum(b)
  const x = toStr(a)
  const y = toStr(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export type Expr = (e: AwkEnv) => Val
export type Stmt = (e: AwkEnv) => void
export interface LValue {
  get: Expr
  set: (e: AwkEnv, v: Val) => void
}

export class NextSignal {}
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class BreakSignal {}
export class ContinueSignal {}

export interface Rule {
  kind: 'begin' | 'end' | 'main'
  pattern?: Expr
  range?: [Expr, Expr]
  inRange?: boolean
  action?: Stmt
}

/** awk regexes are EREs; compiled once per source text. */
const regexCache = new Map<string, RegExp>()
export function awkRegex(src: string): RegExp {
  let re = regexCache.get(src)
  if (!re) {
    re = new RegExp(posixToJs(src, true))
    regexCache.set(src, re)
  }
  return re
}
