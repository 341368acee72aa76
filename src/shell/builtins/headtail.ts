// head and tail: -n N, -N, -c N; `tail -n +N` starts at line N; `head -n -N` drops the last N.
// head stops reading as soon as it has its lines, which closes the pipe and stops the writer.
import { LineReader, textReader } from '../exec/streams'
import { resolvePath } from '../path'
import type { CommandContext, Reader } from '../types'
import type { Builtin } from './types'
import { getopt, UsageError, withUsage } from './util'

const DEFAULT_LINES = 10

function sources(ctx: CommandContext, cmd: string, operands: string[]): { name: string; reader?: Reader }[] {
  return (operands.length > 0 ? operands : ['-']).map((name) => {
    if (name === '-') return { name: 'standard input', reader: ctx.stdin }
    const path = resolvePath(ctx.cwd, name)
    if (ctx.fs.isDir(path)) {
      ctx.stderr.write(`${cmd}: error reading '${name}': Is a directory\n`)
      return { name }
    }
    const text = ctx.fs.readFile(path)
    if (text === undefined) ctx.stderr.write(`${cmd}: cannot open '${name}' for reading: No such file or directory\n`)
    return { name, reader: text === undefined ? undefined : textReader(text) }
  })
}

function count(v: string | undefined, what: 'lines' | 'bytes'): { n: number; sign: string } {
  if (v === undefined) return { n: DEFAULT_LINES, sign: '' }
  const m = /^([+-]?)(\d+)$/.exec(v)
  if (!m) throw new UsageError(`invalid number of ${what}: '${v}'`, false)
  return { n: Number(m[2]), sign: m[1] }
}

/** What head and tail do with one input, given the parsed count. */
type Part = (ctx: CommandContext, reader: Reader, o: { n: number; sign: string; bytes: boolean }) => Promise<void>

/**
 * The part head and tail share: options (-n N, -N, -c N, --lines=, --bytes=), one or more inputs
 * with `==> name <==` headers between several, and status 1 when an input could not be read.
 */
function firstOrLast(cmd: 'head' | 'tail', flags: string, part: Part): Builtin['run'] {
  return (ctx) =>
    withUsage(ctx, cmd, 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags, values: 'nc', numberOption: 'n', long: { 'lines=': 'n', 'bytes=': 'c' } })
      const bytes = p.opts.has('c')
      const { n, sign } = count(p.opts.get(bytes ? 'c' : 'n')?.at(-1), bytes ? 'bytes' : 'lines')
      const srcs = sources(ctx, cmd, p.operands)
      let status = 0
      for (const [i, s] of srcs.entries()) {
        if (!s.reader) {
          status = 1
          continue
        }
        if (srcs.length > 1) ctx.stdout.write(`${i > 0 ? '\n' : ''}==> ${s.name} <==\n`)
        await part(ctx, s.reader, { n, sign, bytes })
      }
      return status
    })
}

export const head: Builtin = {
  summary: 'Output the first part of files',
  utility: true,
  run: firstOrLast('head', 'qv', async (ctx, reader, { n, sign, bytes }) => {
    if (bytes) {
      const text = await reader.readAll()
      ctx.stdout.write(sign === '-' ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n))
    } else if (sign === '-') {
      const text = await reader.readAll()
      const ls = text.split('\n')
      if (ls.at(-1) === '') ls.pop()
      ctx.stdout.write(ls.slice(0, Math.max(0, ls.length - n)).map((l) => l + '\n').join(''))
    } else {
      const lr = new LineReader(reader)
      for (let k = 0; k < n; k++) {
        const l = await lr.line()
        if (l === null) break
        ctx.stdout.write(l + '\n')
      }
    }
  }),
}

export const tail: Builtin = {
  summary: 'Output the last part of files',
  utility: true,
  run: firstOrLast('tail', 'qvf', async (ctx, reader, { n, sign, bytes }) => {
    const text = await reader.readAll()
    if (bytes) {
      ctx.stdout.write(sign === '+' ? text.slice(Math.max(0, n - 1)) : text.slice(Math.max(0, text.length - n)))
      return
    }
    const ls = text.split('\n')
    const trailing = ls.at(-1) === ''
    if (trailing) ls.pop()
    const picked = sign === '+' ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n)
    // The picked lines end where the input ends, so they end with a newline only if it did.
    ctx.stdout.write(picked.join('\n') + (picked.length > 0 && trailing ? '\n' : ''))
  }),
}
