// wc [-lwcm] [FILE...]. Widths as GNU computes them: one count of one input prints bare
// ("3"); otherwise each number is padded to the digits of the total file size, at least 7
// when reading stdin ("      1       1       3").
import { resolvePath } from '../path'
import type { Builtin } from './types'
import { getopt, withUsage } from './util'

/** Minimum column width when an input is not a regular file (stdin, a pipe). */
const NON_REGULAR_WIDTH = 7

interface Counts {
  lines: number
  words: number
  bytes: number
  chars: number
}

function countText(t: string): Counts {
  const words = t.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length
  return { lines: (t.match(/\n/g) ?? []).length, words, bytes: new TextEncoder().encode(t).length, chars: [...t].length }
}

export const wc: Builtin = {
  summary: 'Print newline, word, and byte counts for each file',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'wc', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } })
      let keys = (['lines', 'words', 'chars', 'bytes'] as const).filter((k) => p.opts.has({ lines: 'l', words: 'w', chars: 'm', bytes: 'c' }[k]))
      if (keys.length === 0) keys = ['lines', 'words', 'bytes']
      const names = p.operands.length > 0 ? p.operands : ['-']
      const results: { name?: string; c?: Counts; regular: boolean }[] = []
      let status = 0
      for (const name of names) {
        if (name === '-') {
          results.push({ name: p.operands.length > 0 ? '-' : undefined, c: countText(await ctx.stdin.readAll()), regular: false })
          continue
        }
        const path = resolvePath(ctx.cwd, name)
        const text = ctx.fs.isDir(path) ? undefined : ctx.fs.readFile(path)
        if (text === undefined) {
          ctx.stderr.write(`wc: ${name}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
          status = 1
          if (ctx.fs.isDir(path)) results.push({ name, c: { lines: 0, words: 0, bytes: 0, chars: 0 }, regular: false })
          continue
        }
        results.push({ name, c: countText(text), regular: true })
      }
      const total: Counts = { lines: 0, words: 0, bytes: 0, chars: 0 }
      for (const r of results) for (const k of keys) total[k] += r.c![k]
      let width = 1
      if (!(keys.length === 1 && names.length === 1)) {
        const size = results.filter((r) => r.regular).reduce((a, r) => a + r.c!.bytes, 0)
        width = String(size).length
        if (results.some((r) => !r.regular)) width = Math.max(width, NON_REGULAR_WIDTH)
      }
      const line = (c: Counts, name?: string) => keys.map((k) => String(c[k]).padStart(width)).join(' ') + (name !== undefined ? ` ${name}` : '') + '\n'
      for (const r of results) ctx.stdout.write(line(r.c!, r.name))
      if (names.length > 1) ctx.stdout.write(line(total, 'total'))
      return status
    }),
}
