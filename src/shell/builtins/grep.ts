// grep [-ivEFcwxonqlLhHrs] [-A N] [-B N] [-C N] [-e PATTERN]... PATTERN [FILE...]: streams stdin line by line, so
// `kubectl get pods -w | grep web` shows each row as it comes. Exit 0 match, 1 none, 2 error.
import { LineReader, textReader } from '../exec/streams'
import { resolvePath } from '../path'
import type { CommandContext, Reader } from '../types'
import type { Builtin } from './types'
import { escapeLiteral, posixToJs } from './regex'
import { getopt, withUsage } from './util'

interface Source {
  name: string
  reader: Reader
}

function collectFiles(ctx: CommandContext, operand: string, out: Source[], errors: string[], recursive: boolean): void {
  const path = resolvePath(ctx.cwd, operand)
  if (operand === '-') {
    out.push({ name: '(standard input)', reader: ctx.stdin })
  } else if (ctx.fs.isDir(path)) {
    if (!recursive) errors.push(`grep: ${operand}: Is a directory`)
    else for (const n of ctx.fs.readdir(path) ?? []) collectFiles(ctx, operand.endsWith('/') ? operand + n : `${operand}/${n}`, out, errors, true)
  } else {
    const text = ctx.fs.readFile(path)
    if (text === undefined) errors.push(`grep: ${operand}: No such file or directory`)
    else out.push({ name: operand, reader: textReader(text) })
  }
}

class ContextError extends Error {
  constructor(readonly value: string) { super(value) }
}

export const grep: Builtin = {
  summary: 'Print lines that match patterns',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'grep', 2, async () => {
      const p = getopt(ctx.argv.slice(1), {
        flags: 'ivEFcwxonqlLhHrRsG',
        values: 'emABC',
        numberOption: 'C',
        long: { 'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', count: 'c', quiet: 'q', silent: 'q', 'line-number': 'n', recursive: 'r', 'only-matching': 'o', 'files-with-matches': 'l', 'word-regexp': 'w', 'color=': 'Z', colour: 'Z', 'regexp=': 'e', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C' },
      })
      const f = (k: string) => p.opts.has(k)
      const operands = [...p.operands]
      let patterns = p.opts.get('e')
      if (!patterns) {
        if (operands.length === 0) {
          ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
          return 2
        }
        patterns = [operands.shift()!]
      }
      const sources = patterns.flatMap((x) => x.split('\n')).map((x) => (f('F') ? escapeLiteral(x) : posixToJs(x, f('E'))))
      let src = sources.map((s) => `(?:${s})`).join('|')
      if (f('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`
      if (f('x')) src = `^(?:${src})$`
      let re: RegExp
      try {
        re = new RegExp(src, f('i') ? 'gi' : 'g')
      } catch {
        ctx.stderr.write('grep: Invalid regular expression\n')
        return 2
      }
      const context = (k: string) => {
        const v = p.opts.get(k)?.at(-1) ?? p.opts.get('C')?.at(-1)
        if (v === undefined) return 0
        if (!/^\d+$/.test(v)) throw new ContextError(v)
        return Number(v)
      }
      let after: number, before: number
      try {
        after = context('A')
        before = context('B')
      } catch (e) {
        ctx.stderr.write(`grep: ${(e as ContextError).value}: invalid context length argument\n`)
        return 2
      }
      const recursive = f('r') || f('R')
      const files: Source[] = []
      const errors: string[] = []
      const ops = operands.length > 0 ? operands : [recursive ? '.' : '-']
      for (const op of ops) collectFiles(ctx, op, files, errors, recursive)
      const showName = !f('h') && (f('H') || ops.length > 1 || recursive)
      let matched = false
      for (const file of files) {
        const lr = new LineReader(file.reader)
        let count = 0
        let n = 0
        // GNU marks context lines with `-` where matches have `:`, and separates groups with `--`.
        const prefix = (no: number, sep = ':') => (showName ? `${file.name}${sep}` : '') + (f('n') ? `${no}${sep}` : '')
        const held: [number, string][] = [] // the last `before` lines, for -B
        let afterLeft = 0
        let lastPrinted = 0
        const listing = !(f('q') || f('l') || f('L') || f('c'))
        const print = (no: number, line: string, sep: string) => {
          if (lastPrinted > 0 && no > lastPrinted + 1 && (before > 0 || after > 0)) ctx.stdout.write('--\n')
          ctx.stdout.write(prefix(no, sep) + line + '\n')
          lastPrinted = no
        }
        for (let line = await lr.line(); line !== null; line = await lr.line()) {
          n++
          re.lastIndex = 0
          const hit = re.test(line) !== f('v')
          if (!hit) {
            if (!listing) continue
            if (afterLeft > 0) { afterLeft--; print(n, line, '-') }
            else if (before > 0) { held.push([n, line]); if (held.length > before) held.shift() }
            continue
          }
          if (listing) for (const [no, l] of held.splice(0)) print(no, l, '-')
          afterLeft = after
          matched = true
          count++
          if (f('q')) return 0
          if (f('l') || f('L') || f('c')) continue
          if (f('o') && !f('v')) {
            re.lastIndex = 0
            for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout.write(prefix(n) + m[0] + '\n')
            lastPrinted = n
          } else print(n, line, ':')
        }
        if (f('c')) ctx.stdout.write((showName ? `${file.name}:` : '') + count + '\n')
        if (f('l') && count > 0) ctx.stdout.write(file.name + '\n')
        if (f('L') && count === 0) ctx.stdout.write(file.name + '\n')
      }
      if (!f('s')) for (const e of errors) ctx.stderr.write(e + '\n')
      if (errors.length > 0) return 2
      return matched ? 0 : 1
    }),
}
