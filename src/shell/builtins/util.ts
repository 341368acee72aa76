// Helpers shared by the builtins: option parsing in the GNU style and reading input files.
import { resolvePath } from '../path'
import type { CommandContext } from '../types'

export interface OptSpec {
  /** Single-letter flags without a value, e.g. 'rfv'. */
  flags?: string
  /** Single-letter options taking a value, e.g. 'nk'. */
  values?: string
  /** Long options mapped to their letter; a trailing '=' means it takes a value. */
  long?: Record<string, string>
  /** Accept `-5` as `-n 5` (head, tail). */
  numberOption?: string
}

export interface Parsed {
  opts: Map<string, string[]>
  operands: string[]
}

/** Thrown with the exact GNU words; builtins catch it and print `<cmd>: <message>`. */
export class UsageError extends Error {
  constructor(message: string, readonly tryHelp = true) {
    super(message)
  }
}

export function getopt(args: string[], spec: OptSpec): Parsed {
  const opts = new Map<string, string[]>()
  const operands: string[] = []
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v])
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') && spec.long) {
      const [name, inline] = a.slice(2).split(/=(.*)/s)
      const key = Object.keys(spec.long).find((k) => k.replace(/=$/, '') === name)
      if (!key) throw new UsageError(`unrecognized option '${a}'`)
      const letter = spec.long[key]
      if (key.endsWith('=')) {
        const v = inline ?? args[++i]
        if (v === undefined) throw new UsageError(`option '--${name}' requires an argument`)
        add(letter, v)
      } else add(letter, inline ?? '')
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberOption && /^-[0-9]+$/.test(a)) {
        add(spec.numberOption, a.slice(1))
        continue
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        if (spec.values?.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`)
          add(c, v)
          break
        }
        if (!spec.flags?.includes(c)) throw new UsageError(`invalid option -- '${c}'`)
        add(c, '')
      }
      continue
    }
    operands.push(a)
  }
  return { opts, operands }
}

export const has = (p: Parsed, k: string) => p.opts.has(k)
export const last = (p: Parsed, k: string) => p.opts.get(k)?.at(-1)

/** Runs a builtin body, turning UsageError into GNU's two lines and status `status`. */
export async function withUsage(ctx: CommandContext, name: string, status: number, fn: () => number | Promise<number>): Promise<number> {
  try {
    return await fn()
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    ctx.stderr.write(`${name}: ${e.message}\n`)
    if (e.tryHelp) ctx.stderr.write(`Try '${name} --help' for more information.\n`)
    return status
  }
}

/** Reads a file operand (`-` is stdin). Returns undefined after printing `<cmd>: x: <error>`. */
export async function readInput(ctx: CommandContext, cmd: string, name: string): Promise<string | undefined> {
  if (name === '-') return ctx.stdin.readAll()
  const path = resolvePath(ctx.cwd, name)
  if (ctx.fs.isDir(path)) {
    ctx.stderr.write(`${cmd}: ${name}: Is a directory\n`)
    return undefined
  }
  const content = name === '/dev/null' ? '' : ctx.fs.readFile(path)
  if (content === undefined) ctx.stderr.write(`${cmd}: ${name}: No such file or directory\n`)
  return content
}

/** Splits text into lines, dropping the empty string after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return []
  const ls = text.split('\n')
  if (ls[ls.length - 1] === '') ls.pop()
  return ls
}

export const abs = (ctx: CommandContext, p: string) => resolvePath(ctx.cwd, p)
