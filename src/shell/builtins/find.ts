// find [PATH...] [-name PATTERN] [-iname PATTERN] [-type f|d] [-maxdepth N] [-mindepth N]:
// the everyday subset. Paths print as reached from each starting point, in sorted order.
import { matchPattern } from '../exec/glob'
import { resolvePath } from '../path'
import type { Builtin } from './types'

interface Test {
  name?: string
  iname?: string
  type?: 'f' | 'd'
  maxdepth: number
  mindepth: number
}

export const find: Builtin = {
  summary: 'Search for files in a directory hierarchy',
  utility: true,
  run(ctx) {
    const args = ctx.argv.slice(1)
    const starts: string[] = []
    while (args.length > 0 && !args[0].startsWith('-')) starts.push(args.shift()!)
    const t: Test = { maxdepth: Infinity, mindepth: 0 }
    while (args.length > 0) {
      const a = args.shift()!
      const v = args.shift()
      if (v === undefined && a !== '-print') {
        ctx.stderr.write(`find: missing argument to \`${a}'\n`)
        return 1
      }
      if (a === '-name') t.name = v
      else if (a === '-iname') t.iname = v
      else if (a === '-type' && (v === 'f' || v === 'd')) t.type = v
      else if (a === '-maxdepth') t.maxdepth = Number(v)
      else if (a === '-mindepth') t.mindepth = Number(v)
      else if (a === '-print') {
        if (v !== undefined) args.unshift(v)
      } else {
        ctx.stderr.write(a.startsWith('-') ? `find: unknown predicate \`${a}'\n` : `find: paths must precede expression: \`${a}'\n`)
        return 1
      }
    }
    let status = 0
    const out: string[] = []
    const visit = (shown: string, path: string, depth: number) => {
      const isDir = ctx.fs.isDir(path)
      const base = depth === 0 ? shown.replace(/\/+$/, '').split('/').pop() || shown : shown.split('/').pop()!
      const pat = (p: string) => [...p].map((ch) => ({ ch, special: true }))
      const ok =
        depth >= t.mindepth &&
        (t.type === undefined || (t.type === 'd') === isDir) &&
        (t.name === undefined || matchPattern(pat(t.name), base)) &&
        (t.iname === undefined || matchPattern(pat(t.iname.toLowerCase()), base.toLowerCase()))
      if (ok) out.push(shown)
      if (!isDir || depth >= t.maxdepth) return
      for (const n of ctx.fs.readdir(path) ?? []) visit(shown.endsWith('/') ? shown + n : `${shown}/${n}`, resolvePath(path, n), depth + 1)
    }
    for (const s of starts.length > 0 ? starts : ['.']) {
      const path = resolvePath(ctx.cwd, s)
      if (!ctx.fs.exists(path)) {
        ctx.stderr.write(`find: '${s}': No such file or directory\n`)
        status = 1
        continue
      }
      visit(s, path, 0)
    }
    ctx.stdout.write(out.map((o) => o + '\n').join(''))
    return status
  },
}
