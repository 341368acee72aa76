// sed [-n] [-i] [-E] [-e SCRIPT]... [SCRIPT] [FILE...]: a stream editor for one line at a time.
import { LineReader, textReader } from '../exec/streams'
import { resolvePath } from '../path'
import type { CommandContext, Reader } from '../types'
import { parseSed, SedError, substitute, type Address, type SedCommand } from './sed-script'
import type { Builtin } from './types'
import { getopt, withUsage } from './util'

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if (a.kind === 'line') return n === a.n
  if (a.kind === 'last') return last
  a.re.lastIndex = 0
  return a.re.test(line)
}

function selected(cmd: SedCommand, line: string, n: number, last: boolean): boolean {
  let hit: boolean
  if (!cmd.a1) hit = true
  else if (!cmd.a2) hit = matches(cmd.a1, line, n, last)
  else if (cmd.active) {
    hit = true
    const end = cmd.a2.kind === 'line' ? n >= cmd.a2.n : matches(cmd.a2, line, n, last)
    if (end) cmd.active = false
  } else {
    hit = matches(cmd.a1, line, n, last)
    if (hit) cmd.active = !(cmd.a2.kind === 'line' ? cmd.a2.n <= n : cmd.a2.kind === 'last' && last)
  }
  return hit !== cmd.negate
}

/** Runs the script over one stream; returns false when `q` ended everything. */
async function runStream(cmds: SedCommand[], reader: Reader, quiet: boolean, out: (s: string) => void, counter: { n: number }, signal: CommandContext['signal']): Promise<boolean> {
  const lr = new LineReader(reader)
  // Look one line ahead only when `$` needs it, so `kubectl get pods -w | sed ...` streams.
  const needsLast = cmds.some((c) => c.a1?.kind === 'last' || c.a2?.kind === 'last')
  let next = await lr.line()
  while (next !== null) {
    if (signal.aborted) return false
    let line = next
    next = needsLast ? await lr.line() : ''
    const last = next === null
    const n = ++counter.n
    let deleted = false
    let quit = false
    const after: string[] = []
    for (const cmd of cmds) {
      if (!selected(cmd, line, n, last)) continue
      if (cmd.name === 's') {
        const r = substitute(line, cmd)
        line = r.text
        if (r.changed && cmd.print) out(line + '\n')
      } else if (cmd.name === 'd') {
        deleted = true
        break
      } else if (cmd.name === 'p') out(line + '\n')
      else if (cmd.name === '=') out(n + '\n')
      else if (cmd.name === 'a') after.push(cmd.text + '\n')
      else if (cmd.name === 'i') out(cmd.text + '\n')
      else if (cmd.name === 'c') {
        out(cmd.text + '\n')
        deleted = true
        break
      } else if (cmd.name === 'q') {
        quit = true
        break
      } else if (cmd.name === 'Q') return false
    }
    if (!deleted && !quiet) out(line + '\n')
    for (const a of after) out(a)
    if (quit) return false
    if (!needsLast) next = await lr.line()
  }
  return true
}

export const sed: Builtin = {
  summary: 'Stream editor for filtering and transforming text',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'sed', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'niErsu', values: 'ef', long: { quiet: 'n', silent: 'n', 'in-place': 'i', 'regexp-extended': 'E', 'expression=': 'e' } })
      const operands = [...p.operands]
      const scripts = p.opts.get('e') ?? (operands.length > 0 ? [operands.shift()!] : undefined)
      if (!scripts) {
        ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n')
        return 1
      }
      const extended = p.opts.has('E') || p.opts.has('r')
      let cmds: SedCommand[]
      try {
        cmds = scripts.flatMap((s, i) => parseSed(s, extended, i + 1))
      } catch (e) {
        if (!(e instanceof SedError)) throw e
        ctx.stderr.write(`sed: ${e.message}\n`)
        return 1
      }
      const quiet = p.opts.has('n')
      const counter = { n: 0 }
      if (p.opts.has('i')) {
        if (operands.length === 0) {
          ctx.stderr.write('sed: no input files\n')
          return 1
        }
        let status = 0
        for (const f of operands) {
          const path = resolvePath(ctx.cwd, f)
          const text = ctx.fs.readFile(path)
          if (text === undefined) {
            ctx.stderr.write(`sed: can't read ${f}: No such file or directory\n`)
            status = 2
            continue
          }
          let result = ''
          counter.n = 0
          for (const c of cmds) c.active = false
          await runStream(cmds, textReader(text), quiet, (s) => (result += s), counter, ctx.signal)
          ctx.fs.writeFile(path, result)
        }
        return status
      }
      let status = 0
      for (const f of operands.length > 0 ? operands : ['-']) {
        let reader: Reader
        if (f === '-') reader = ctx.stdin
        else {
          const text = ctx.fs.readFile(resolvePath(ctx.cwd, f))
          if (text === undefined) {
            ctx.stderr.write(`sed: can't read ${f}: No such file or directory\n`)
            status = 2
            continue
          }
          reader = textReader(text)
        }
        if (!(await runStream(cmds, reader, quiet, (s) => ctx.stdout.write(s), counter, ctx.signal))) break
      }
      return status
    }),
}
