// cat [-n] [FILE...] (`-` or nothing is stdin, streamed chunk by chunk) and tee [-a] FILE...
import { nullWriter } from '../exec/streams'
import type { Writer } from '../types'
import type { Builtin } from './types'
import { abs, getopt, readInput, withUsage } from './util'

export const cat: Builtin = {
  summary: 'Concatenate files and print on the standard output',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'cat', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'nAsEuv', long: { number: 'n' } })
      const files = p.operands.length > 0 ? p.operands : ['-']
      const number = p.opts.has('n')
      let lineNo = 0
      let status = 0
      const emit = (text: string) => {
        if (!number) return ctx.stdout.write(text)
        ctx.stdout.write(text.replace(/^(.*)$/gm, (_l, body: string, offset: number) => (offset === text.length ? '' : `${String(++lineNo).padStart(6)}\t${body}`)))
      }
      for (const f of files) {
        if (ctx.signal.aborted) break
        if (f === '-' && !number) {
          for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) ctx.stdout.write(c)
          continue
        }
        const text = await readInput(ctx, 'cat', f)
        if (text === undefined) status = 1
        else emit(text)
      }
      return status
    }),
}

export const tee: Builtin = {
  summary: 'Read from standard input and write to standard output and files',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'tee', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'a', long: { append: 'a' } })
      let status = 0
      const targets: string[] = []
      const devices: Writer[] = []
      for (const f of p.operands) {
        const device = f === '/dev/null' ? nullWriter : f === '/dev/stdout' ? ctx.stdout : f === '/dev/stderr' ? ctx.stderr : undefined
        if (device) {
          devices.push(device)
          continue
        }
        const path = abs(ctx, f)
        if (ctx.fs.isDir(path) || !ctx.fs.isDir(abs(ctx, f + '/..'))) {
          ctx.stderr.write(`tee: ${f}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
          status = 1
          continue
        }
        if (!p.opts.has('a') || !ctx.fs.exists(path)) ctx.fs.writeFile(path, '')
        targets.push(path)
      }
      for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
        ctx.stdout.write(c)
        for (const d of devices) d.write(c)
        for (const t of targets) ctx.fs.writeFile(t, (ctx.fs.readFile(t) ?? '') + c)
      }
      return status
    }),
}
