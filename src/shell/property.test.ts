// Property tests: invariants that must hold for any input.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64 } from './builtins/base64'
import { evalArith } from './exec/arith'
import { testShell } from './testkit'

/** Quotes s for sh: 'it'\''s' — the one quoting that needs no other escapes. */
const shQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`

describe('properties', () => {
  it('single-quoting round-trips any string through echo', async () => {
    const { run } = testShell()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (s) => {
        const r = await run(`echo x${shQuote(s)}`)
        expect(r.stdout).toBe(`x${s}\n`)
      }),
      { numRuns: 200 },
    )
  })

  it('double-quoting with \\ before $ ` " \\ round-trips any string', async () => {
    const { run } = testShell()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme-ascii' }), async (s) => {
        const r = await run(`printf '%s' "${s.replace(/[$`"\\]/g, '\\$&')}"`)
        expect(r.stdout).toBe(s)
      }),
      { numRuns: 200 },
    )
  })

  it('base64 decode(encode(s)) is s for any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeBase64(encodeBase64(s))).toBe(s)
      }),
    )
  })

  it('base64 through the shell round-trips, wrapped or not', async () => {
    const { run, fs } = testShell()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.boolean(), async (s, wrap) => {
        fs.writeFile('/home/learner/in', s)
        const r = await run(`base64 ${wrap ? '' : '-w0'} in | base64 -d`)
        expect(r.stdout).toBe(s)
      }),
      { numRuns: 100 },
    )
  })

  it('arithmetic agrees with JS integer arithmetic for + - * and comparisons', () => {
    const small = fc.integer({ min: -1000, max: 1000 })
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        const vars = { get: () => undefined, set: () => {} }
        expect(evalArith(`${a} + ${b} * ${c}`, vars)).toBe(a + b * c)
        expect(evalArith(`(${a} - ${b}) < ${c}`, vars)).toBe(a - b < c ? 1 : 0)
      }),
    )
  })
})
