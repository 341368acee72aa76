// cut -d DELIM -f LIST | -c LIST | -b LIST [-s]. LIST is "1,3-5,7-" (1-based, ranges open-ended).
import type { Builtin } from './types'
import { LineReader, textReader } from '../exec/streams'
import { getopt, readInput, UsageError, withUsage } from './util'

function parseList(list: string): (n: number) => boolean {
  const ranges = list.split(',').map((r) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(r)
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') throw new UsageError(m && m[1] === '0' ? 'fields and positions are numbered from 1' : `invalid field value '${r}'`)
    const from = m[1] === '' ? 1 : Number(m[1])
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3])
    return [from, to] as const
  })
  return (n) => ranges.some(([a, b]) => n >= a && n <= b)
}

export const cut: Builtin = {
  summary: 'Remove sections from each line of files',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'cut', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 's', values: 'dfcb', long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's' } })
      const fields = p.opts.get('f')?.at(-1)
      const chars = p.opts.get('c')?.at(-1) ?? p.opts.get('b')?.at(-1)
      if (!fields && !chars) throw new UsageError('you must specify a list of bytes, characters, or fields')
      const delim = p.opts.get('d')?.at(-1) ?? '\t'
      if (delim.length !== 1) throw new UsageError('the delimiter must be a single character')
      const pick = parseList((fields ?? chars)!)
      let status = 0
      for (const f of p.operands.length > 0 ? p.operands : ['-']) {
        const t = f === '-' ? undefined : await readInput(ctx, 'cut', f)
        if (f !== '-' && t === undefined) {
          status = 1
          continue
        }
        // Line by line, so `kubectl get pods -w | cut -c1-30` shows rows as they come.
        const lr = new LineReader(t === undefined ? ctx.stdin : textReader(t))
        for (let l = await lr.line(); l !== null; l = await lr.line()) {
          if (chars) ctx.stdout.write([...l].filter((_, i) => pick(i + 1)).join('') + '\n')
          else if (!l.includes(delim)) {
            if (!p.opts.has('s')) ctx.stdout.write(l + '\n')
          } else ctx.stdout.write(l.split(delim).filter((_, i) => pick(i + 1)).join(delim) + '\n')
        }
      }
      return status
    }),
}
