import { describe, it, expect } from 'vitest'
import { unifiedHunks } from './unified'

const lines = (n: number, f: (i: number) => string = (i) => `l${i}`) => Array.from({ length: n }, (_, i) => f(i + 1)).join('\n') + '\n'

describe('unifiedHunks (GNU diff -u shape)', () => {
  it('equal texts have no hunks', () => {
    expect(unifiedHunks('a\nb\n', 'a\nb\n')).toBe('')
  })
  it('one changed line with 3 lines of context, deletion first', () => {
    const a = lines(10)
    const b = lines(10, (i) => (i === 5 ? 'X' : `l${i}`))
    expect(unifiedHunks(a, b)).toBe('@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+X\n l6\n l7\n l8\n')
  })
  it('a one-line file and an empty one use GNU ranges', () => {
    expect(unifiedHunks('a\n', 'b\n')).toBe('@@ -1 +1 @@\n-a\n+b\n')
    expect(unifiedHunks('', 'a\nb\n')).toBe('@@ -0,0 +1,2 @@\n+a\n+b\n')
  })
  it('changes 7+ lines apart are separate hunks; closer ones merge', () => {
    const a = lines(20)
    const far = lines(20, (i) => (i === 3 || i === 11 ? 'X' : `l${i}`))
    expect(unifiedHunks(a, far).match(/^@@/gm)).toHaveLength(2)
    const near = lines(20, (i) => (i === 3 || i === 9 ? 'X' : `l${i}`))
    expect(unifiedHunks(a, near).match(/^@@/gm)).toHaveLength(1)
  })
})
