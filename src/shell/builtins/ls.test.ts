import { describe, expect, it } from 'vitest'
import { columnize } from './ls'

describe('columnize (GNU ls layout)', () => {
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo-long-name', 'f']

  it('fills columns top to bottom with the most columns that fit strictly inside the width', () => {
    // 3 columns need 7 + 9 + 14 = 30: not < 30, so 2 columns (9 + 14 = 23).
    expect(columnize(names, 30)).toBe('alpha    delta\nbravo    echo-long-name\ncharlie  f\n')
    // One more column of width and 3 fit.
    expect(columnize(names, 31)).toBe('alpha  charlie  echo-long-name\nbravo  delta    f\n')
  })

  it('puts everything on one line when it fits, and one per line when nothing does', () => {
    expect(columnize(['a', 'b'], 80)).toBe('a  b\n')
    expect(columnize(['a-very-long-name', 'another-long-one'], 10)).toBe('a-very-long-name\nanother-long-one\n')
  })
})
