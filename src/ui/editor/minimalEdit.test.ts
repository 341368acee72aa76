import { describe, it, expect } from 'vitest'
import { applyEdit, minimalEdit } from './minimalEdit'

describe('minimalEdit', () => {
  it('finds the smallest changed span', () => {
    expect(minimalEdit('image: nginx:1.25\n', 'image: nginx:1.26\n')).toEqual({ start: 16, end: 17, text: '6' })
    expect(minimalEdit('abc', 'abc')).toBeNull()
    expect(minimalEdit('', 'x')).toEqual({ start: 0, end: 0, text: 'x' })
  })

  it('always reproduces the new text', () => {
    const cases: [string, string][] = [['aaa', 'aa'], ['abab', 'ab'], ['x\ny\nz', 'x\nz'], ['', ''], ['hello', 'world'], ['aa', 'aaaa']]
    for (const [a, b] of cases) {
      const e = minimalEdit(a, b)
      expect(e ? applyEdit(a, e) : a).toBe(b)
    }
  })
})
