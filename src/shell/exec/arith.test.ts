import { describe, expect, it } from 'vitest'
import { evalArith } from './arith'

function vars(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init))
  return { get: (n: string) => m.get(n), set: (n: string, v: string) => void m.set(n, v), m }
}

describe('evalArith', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7 % 3', 1],
    ['2 ** 10', 1024],
    ['1 < 2', 1],
    ['2 <= 1', 0],
    ['3 == 3 && 1 != 2', 1],
    ['0 || 0', 0],
    ['!0', 1],
    ['5 > 3 ? 10 : 20', 10],
    ['0x10 + 010', 24],
    ['', 0],
  ])('%s = %i', (expr, want) => {
    expect(evalArith(expr, vars())).toBe(want)
  })

  it('reads variables by name and assigns', () => {
    const v = vars({ i: '4', s: '' })
    expect(evalArith('i * 2 + s', v)).toBe(8)
    expect(evalArith('i += 1', v)).toBe(5)
    expect(evalArith('i++', v)).toBe(5)
    expect(v.m.get('i')).toBe('6')
    expect(evalArith('x = 3, x * 2', v)).toBe(6)
  })

  it('throws on division by zero and bad syntax', () => {
    expect(() => evalArith('1 / 0', vars())).toThrow('division by 0')
    expect(() => evalArith('1 +', vars())).toThrow('syntax error')
  })
})
