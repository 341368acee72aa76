// Running shell source: `source FILE` / `. FILE` (in this shell), `eval ARGS`, `sh -c CMD` and
// `sh FILE` (in a subshell; a container's `command: ["sh", "-c", "..."]` comes through here).
import { resolvePath } from '../path'
import type { Builtin } from './types'

export const source: Builtin = {
  summary: 'Execute commands from a file in the current shell',
  async run(ctx) {
    const file = ctx.argv[1]
    const name = ctx.argv[0]
    if (file === undefined) {
      ctx.stderr.write(`sh: ${name}: filename argument required\n`)
      return 2
    }
    const content = ctx.fs.readFile(resolvePath(ctx.cwd, file))
    if (content === undefined) {
      ctx.stderr.write(`sh: ${file}: No such file or directory\n`)
      return 1
    }
    return ctx.sh.runSource(content, ctx, { subshell: false, sourced: true, args: ctx.argv.length > 2 ? ctx.argv.slice(2) : undefined })
  },
}

export const evalCmd: Builtin = {
  summary: 'Execute arguments as a shell command',
  run: (ctx) => ctx.sh.runSource(ctx.argv.slice(1).join(' '), ctx, { subshell: false }),
}

export const sh: Builtin = {
  summary: 'Run a shell: sh -c COMMAND [NAME [ARG...]], sh FILE [ARG...], or commands from stdin',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    while (args[0] !== undefined && /^-[eux]+$/.test(args[0])) args.shift()
    if (args[0] === '-c') {
      const cmd = args[1]
      if (cmd === undefined) {
        ctx.stderr.write(`${ctx.argv[0]}: -c: option requires an argument\n`)
        return 2
      }
      return ctx.sh.runSource(cmd, ctx, { subshell: true, name: args[2] ?? ctx.argv[0], args: args.slice(3) })
    }
    if (args.length === 0) return ctx.sh.runSource(await ctx.stdin.readAll(), ctx, { subshell: true, args: [] })
    const content = ctx.fs.readFile(resolvePath(ctx.cwd, args[0]))
    if (content === undefined) {
      ctx.stderr.write(`${ctx.argv[0]}: ${args[0]}: No such file or directory\n`)
      return 127
    }
    return ctx.sh.runSource(content, ctx, { subshell: true, name: args[0], args: args.slice(1) })
  },
}
