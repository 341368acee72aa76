import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter'

describe('tabwrite (Go text/tabwriter)', () => {
  it('pads every column but the last to max width + padding, at least minwidth', () => {
    const out = tabwrite('NAME\tREADY\tSTATUS\nweb\t1/1\tRunning\n', GET_TABWRITER)
    expect(out).toBe('NAME   READY   STATUS\nweb    1/1     Running\n')
  })
  it('applies minwidth 6 to narrow columns', () => {
    expect(tabwrite('A\tB\n', GET_TABWRITER)).toBe('A     B\n')
  })
  it('aligns describe blocks separately, split by lines without tabs', () => {
    const out = tabwrite('Name:\tweb\nService Account:\tdefault\nContainers:\n  nginx:\n    Image:\tnginx\n', DESCRIBE_TABWRITER)
    expect(out).toBe('Name:             web\nService Account:  default\nContainers:\n  nginx:\n    Image:  nginx\n')
  })
  it('keeps text without a trailing newline as is', () => {
    expect(tabwrite('a\tb', GET_TABWRITER)).toBe('a     b')
  })
  it('property: every cell of a column starts at the same offset', () => {
    const cell = fc.stringMatching(/^[a-z0-9/.-]{0,12}$/)
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.array(cell, { minLength: 48, maxLength: 48 }), (cols, rows, pool) => {
      const table = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => pool[(r * cols + c) % pool.length] || 'x'))
      const out = tabwrite(table.map((r) => r.join('\t')).join('\n') + '\n', GET_TABWRITER).split('\n').slice(0, -1)
      // Expected start of column c: the sum of the widths of the columns before it.
      const width = (c: number) => Math.max(6, ...table.map((r) => r[c].length + 3))
      const starts = Array.from({ length: cols }, (_, c) => Array.from({ length: c }, (_, k) => width(k)).reduce((a, b) => a + b, 0))
      out.forEach((line, r) => {
        table[r].forEach((text, c) => {
          expect(line.slice(starts[c], starts[c] + text.length)).toBe(text)
          const gapEnd = c + 1 < cols ? starts[c + 1] : line.length
          expect(line.slice(starts[c] + text.length, gapEnd)).toMatch(/^ *$/)
        })
        expect(line.length).toBe(starts[cols - 1] + table[r][cols - 1].length) // the last column is not padded
      })
    }))
  })
})
