// sort [-rnufb] [-t SEP] [-k N[,M]] and uniq [-c] [-d] [-u] [-i]. Byte order, as in LC_ALL=C.
import { resolvePath } from '../path'
import type { Builtin } from './types'
import { getopt, lines, readInput, withUsage } from './util'

function keyOf(line: string, key: string | undefined, sep: string | undefined): string {
  if (!key) return line
  const m = /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+)(?:\.\d+)?[a-z]*)?$/.exec(key)
  if (!m) return line
  const from = Number(m[1])
  const to = m[2] ? Number(m[2]) : undefined
  if (sep !== undefined) {
    const f = line.split(sep)
    return f.slice(from - 1, to ?? f.length).join(sep)
  }
  // Without -t, fields start at the blank before them: "  a b" has fields "  a" and " b".
  const fields = line.match(/\s*\S+/g) ?? []
  return fields.slice(from - 1, to ?? fields.length).join('').trimStart()
}

const numeric = (s: string) => {
  const m = /^\s*([-+]?\d*\.?\d+)/.exec(s)
  return m ? Number(m[1]) : 0
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const sort: Builtin = {
  summary: 'Sort lines of text files',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'sort', 2, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'rnufbsV', values: 'kto', long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't' } })
      let text = ''
      for (const f of p.operands.length > 0 ? p.operands : ['-']) {
        const path = resolvePath(ctx.cwd, f)
        const t = f === '-' ? await ctx.stdin.readAll() : ctx.fs.isDir(path) ? undefined : ctx.fs.readFile(path)
        if (t === undefined) {
          // GNU sort's words (sort.c): open failures and read failures differ.
          ctx.stderr.write(ctx.fs.isDir(path) ? `sort: read failed: ${f}: Is a directory\n` : `sort: cannot read: ${f}: No such file or directory\n`)
          return 2
        }
        text += t.endsWith('\n') || t === '' ? t : t + '\n'
      }
      const key = p.opts.get('k')?.at(-1)
      const sep = p.opts.get('t')?.at(-1)
      const fold = p.opts.has('f')
      const cmpKey = (a: string, b: string) => {
        const ka = keyOf(a, key, sep)
        const kb = keyOf(b, key, sep)
        if (p.opts.has('n') || p.opts.has('V')) return numeric(ka) - numeric(kb)
        return fold ? byteCompare(ka.toUpperCase(), kb.toUpperCase()) : byteCompare(ka, kb)
      }
      const cmp = (a: string, b: string) => {
        const c = cmpKey(a, b)
        // Last resort: the whole line, bytewise (GNU's tie-break without -s).
        return c !== 0 || p.opts.has('u') ? c : byteCompare(a, b)
      }
      let ls = lines(text).sort(cmp)
      if (p.opts.has('r')) ls.reverse()
      if (p.opts.has('u')) ls = ls.filter((l, i) => i === 0 || cmpKey(ls[i - 1], l) !== 0)
      ctx.stdout.write(ls.map((l) => l + '\n').join(''))
      return 0
    }),
}

export const uniq: Builtin = {
  summary: 'Report or omit repeated lines',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'uniq', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } })
      const t = await readInput(ctx, 'uniq', p.operands[0] ?? '-')
      if (t === undefined) return 1
      const same = (a: string, b: string) => (p.opts.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b)
      const groups: { line: string; n: number }[] = []
      for (const l of lines(t)) {
        const g = groups[groups.length - 1]
        if (g && same(g.line, l)) g.n++
        else groups.push({ line: l, n: 1 })
      }
      let out = ''
      for (const g of groups) {
        if (p.opts.has('d') && g.n < 2) continue
        if (p.opts.has('u') && g.n > 1) continue
        out += (p.opts.has('c') ? `${String(g.n).padStart(7)} ` : '') + g.line + '\n'
      }
      ctx.stdout.write(out)
      return 0
    }),
}
