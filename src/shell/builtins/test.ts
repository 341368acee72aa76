// test EXPR and [ EXPR ]: strings, integers, files; ! -a -o and parentheses. bash's error words.
import { resolvePath } from '../path'
import { matchPattern } from '../exec/glob'
import { posixToJs } from './regex'
import type { Builtin, BuiltinContext } from './types'

/** Status for a malformed expression (as opposed to a false one, 1). */
const STATUS_SYNTAX = 2

class TestError extends Error {}

const UNARY = new Set(['-z', '-n', '-f', '-d', '-e', '-s', '-r', '-w', '-x', '-L', '-h', '-t'])
const BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>'])

function integer(s: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`)
  return Number(s)
}

function unary(ctx: BuiltinContext, op: string, a: string): boolean {
  const path = resolvePath(ctx.cwd, a)
  switch (op) {
    case '-z': return a === ''
    case '-n': return a !== ''
    case '-f': return ctx.fs.exists(path) && !ctx.fs.isDir(path)
    case '-d': return ctx.fs.isDir(path)
    case '-e': case '-r': case '-w': return a !== '' && ctx.fs.exists(path)
    case '-x': return ctx.fs.isDir(path)
    case '-s': return ctx.fs.isDir(path) || (ctx.fs.readFile(path) ?? '') !== ''
    case '-t': return ctx.isTTY && a === '1'
    default: return false
  }
}

/** In `[[ ]]`, the right side of == and != is a glob pattern and =~ takes an ERE. */
function binary(a: string, op: string, b: string, extended: boolean): boolean {
  if (extended && (op === '=' || op === '==' || op === '!=')) {
    const hit = matchPattern([...b].map((ch) => ({ ch, special: true })), a)
    return op === '!=' ? !hit : hit
  }
  switch (op) {
    case '=~':
      if (!extended) throw new TestError(`${op}: binary operator expected`)
      try {
        return new RegExp(posixToJs(b, true)).test(a)
      } catch {
        throw new TestError(`${b}: invalid regular expression`)
      }
    case '=': case '==': return a === b
    case '!=': return a !== b
    case '<': return a < b
    case '>': return a > b
    case '-eq': return integer(a) === integer(b)
    case '-ne': return integer(a) !== integer(b)
    case '-lt': return integer(a) < integer(b)
    case '-le': return integer(a) <= integer(b)
    case '-gt': return integer(a) > integer(b)
    default: return integer(a) >= integer(b)
  }
}

function evaluate(ctx: BuiltinContext, args: string[], extended: boolean): boolean {
  let i = 0
  const or = (): boolean => {
    let v = and()
    while (args[i] === '-o') {
      i++
      const r = and()
      v = v || r
    }
    return v
  }
  const and = (): boolean => {
    let v = not()
    while (args[i] === '-a') {
      i++
      const r = not()
      v = v && r
    }
    return v
  }
  const not = (): boolean => {
    if (args[i] === '!' && i + 1 < args.length) {
      i++
      return !not()
    }
    return primary()
  }
  const primary = (): boolean => {
    const a = args[i]
    if (a === undefined) throw new TestError('argument expected')
    if (a === '(' && i + 2 < args.length + 1) {
      const save = i
      i++
      const v = or()
      if (args[i] === ')') {
        i++
        return v
      }
      i = save
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3
      return binary(a, args[i - 2], args[i - 1], extended)
    }
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2
      return unary(ctx, a, args[i - 1])
    }
    i++
    return a !== ''
  }
  // POSIX fixes the meaning of up to 4 arguments by count; longer expressions use the grammar.
  if (args.length === 0) return false
  if (args.length === 1) return args[0] !== ''
  if (args.length === 2) {
    if (args[0] === '!') return args[1] === ''
    if (UNARY.has(args[0])) return unary(ctx, args[0], args[1])
    throw new TestError(`${args[0]}: unary operator expected`)
  }
  if (args.length === 3 && BINARY.has(args[1])) return binary(args[0], args[1], args[2], extended)
  if (args.length === 3 && !BINARY.has(args[1]) && args[0] !== '!' && args[0] !== '(' && args[1] !== '-a' && args[1] !== '-o') throw new TestError(`${args[1]}: binary operator expected`)
  const v = or()
  if (i < args.length) throw new TestError('too many arguments')
  return v
}

function make(name: string): Builtin {
  return {
    summary: name === '[' ? 'Evaluate conditional expression (test)' : 'Evaluate conditional expression',
    run(ctx) {
      let args = ctx.argv.slice(1)
      const close = name === '[' ? ']' : name === '[[' ? ']]' : undefined
      if (close) {
        if (args[args.length - 1] !== close) {
          ctx.stderr.write(`sh: ${name}: missing \`${close}'\n`)
          return STATUS_SYNTAX
        }
        args = args.slice(0, -1)
      }
      try {
        return evaluate(ctx, args, name === '[[') ? 0 : 1
      } catch (e) {
        if (!(e instanceof TestError)) throw e
        ctx.stderr.write(`sh: ${name}: ${e.message}\n`)
        return STATUS_SYNTAX
      }
    },
  }
}

export const test = make('test')
export const bracket = make('[')
/** bash's [[ ]], simply: test with glob == and =~ (words are still split, && || are not inside). */
export const doubleBracket = make('[[')
