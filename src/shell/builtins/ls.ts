// ls [-l] [-a] [-A] [-1] [-R] [FILE...]: one name per line when stdout is not a terminal, columns
// when it is (GNU's layout: fill down, each column as wide as its longest name plus 2).
import { resolvePath } from '../path'
import type { CommandContext, FileSystem } from '../types'
import type { Builtin } from './types'
import { getopt, withUsage } from './util'
import { utf8Length } from '../bytes'

const DEFAULT_COLUMNS = 80
/** Directory size in `ls -l`, as ext4 reports an empty directory block. */
const DIR_SIZE = 4096
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

interface Opts {
  long: boolean
  all: boolean
  almost: boolean
  one: boolean
  recursive: boolean
}


/** GNU ls: no column is narrower than this (one character and two spaces). */
const MIN_COLUMN_WIDTH = 3

/**
 * Names in GNU ls's vertical column layout (ls.c calculate_columns): the most columns whose widths
 * (longest name + 2, the nominal last column without the 2) sum to less than the terminal width.
 * 5 names of 8 chars in 30 columns: 3 columns (10+10+8 = 28 < 30), 2 rows.
 */
export function columnize(names: string[], columns: number): string {
  if (names.length === 0) return ''
  const maxCols = Math.min(names.length, Math.max(1, Math.floor(columns / MIN_COLUMN_WIDTH)))
  let cols = 1
  let widths: number[] = [0]
  for (let c = maxCols; c >= 1; c--) {
    const rows = Math.ceil(names.length / c)
    const w = new Array<number>(c).fill(0)
    names.forEach((n, f) => {
      const idx = Math.floor(f / rows)
      w[idx] = Math.max(w[idx], n.length + (idx === c - 1 ? 0 : 2))
    })
    if (w.reduce((a, b) => a + b, 0) < columns || c === 1) {
      cols = c
      widths = w
      break
    }
  }
  const rows = Math.ceil(names.length / cols)
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let f = r; f < names.length; f += rows) {
      const next = f + rows < names.length
      line += next ? names[f].padEnd(widths[Math.floor(f / rows)]) : names[f]
    }
    lines.push(line)
  }
  return lines.join('\n') + '\n'
}

function timeLabel(ms: number): string {
  const d = new Date(ms)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`
}

function longListing(fs: FileSystem, dir: string, names: string[], ctx: CommandContext, withTotal: boolean): string {
  const user = ctx.env.USER ?? 'learner'
  const rows = names.map((n) => {
    const path = resolvePath(dir, n)
    const isDir = fs.isDir(path)
    const size = isDir ? DIR_SIZE : utf8Length(fs.readFile(path) ?? '')
    return { mode: isDir ? 'drwxr-xr-x' : '-rw-r--r--', links: isDir ? 2 : 1, size, name: n }
  })
  const sizeW = Math.max(1, ...rows.map((r) => String(r.size).length))
  const linkW = Math.max(1, ...rows.map((r) => String(r.links).length))
  // GNU counts 1K blocks, 4K at a time: a 10-byte file uses 4.
  const blocks = rows.reduce((a, r) => a + Math.ceil(r.size / 4096) * 4, 0)
  const when = timeLabel(ctx.clock.now())
  const body = rows.map((r) => `${r.mode} ${String(r.links).padStart(linkW)} ${user} ${user} ${String(r.size).padStart(sizeW)} ${when} ${r.name}\n`).join('')
  return (withTotal ? `total ${blocks}\n` : '') + body
}

function format(ctx: CommandContext, o: Opts, dir: string, names: string[], withTotal: boolean): string {
  if (o.long) return longListing(ctx.fs, dir, names, ctx, withTotal)
  if (o.one || !ctx.isTTY) return names.map((n) => n + '\n').join('')
  return columnize(names, ctx.columns ?? DEFAULT_COLUMNS)
}

function entries(fs: FileSystem, path: string, o: Opts): string[] {
  const names = fs.readdir(path) ?? []
  const shown = o.all ? ['.', '..', ...names] : names.filter((n) => o.almost || !n.startsWith('.'))
  return shown
}

export const ls: Builtin = {
  summary: 'List directory contents',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'ls', 2, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'laA1Rh', long: { all: 'a', 'almost-all': 'A', recursive: 'R' } })
      const o: Opts = { long: p.opts.has('l'), all: p.opts.has('a'), almost: p.opts.has('A'), one: p.opts.has('1'), recursive: p.opts.has('R') }
      const operands = p.operands.length > 0 ? p.operands : ['.']
      let status = 0
      const files: string[] = []
      const dirs: string[] = []
      for (const op of operands) {
        const path = resolvePath(ctx.cwd, op)
        if (!ctx.fs.exists(path)) {
          ctx.stderr.write(`ls: cannot access '${op}': No such file or directory\n`)
          status = 2
        } else if (ctx.fs.isDir(path)) dirs.push(op)
        else files.push(op)
      }
      const out: string[] = []
      if (files.length > 0) out.push(format(ctx, o, ctx.cwd, files.sort(), false))
      const showHeaders = operands.length > 1 || o.recursive
      const visit = (op: string) => {
        const path = resolvePath(ctx.cwd, op)
        const names = entries(ctx.fs, path, o)
        out.push((showHeaders ? `${op}:\n` : '') + format(ctx, o, path, names, true))
        if (o.recursive) {
          for (const n of names) {
            if (n === '.' || n === '..') continue
            if (ctx.fs.isDir(resolvePath(path, n))) visit(op === '/' ? `/${n}` : `${op}/${n}`)
          }
        }
      }
      for (const d of dirs.sort()) visit(d)
      ctx.stdout.write(out.join('\n'))
      return status
    }),
}
