// Builtins that change the shell itself: cd, exit, history, break, continue, return, shift, set.
import { resolvePath } from '../path'
import type { Builtin } from './types'

export const cd: Builtin = {
  summary: 'Change the shell working directory',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')))
    if (args.length > 1) {
      ctx.stderr.write('sh: cd: too many arguments\n')
      return 1
    }
    let target: string | undefined = args[0]
    let print = false
    if (target === undefined || target === '') {
      target = ctx.sh.getVar('HOME')
      if (target === undefined) {
        ctx.stderr.write('sh: cd: HOME not set\n')
        return 1
      }
    } else if (target === '-') {
      target = ctx.sh.getVar('OLDPWD')
      if (target === undefined) {
        ctx.stderr.write('sh: cd: OLDPWD not set\n')
        return 1
      }
      print = true
    }
    const path = resolvePath(ctx.cwd, target)
    if (!ctx.fs.exists(path)) {
      ctx.stderr.write(`sh: cd: ${target}: No such file or directory\n`)
      return 1
    }
    if (!ctx.fs.isDir(path)) {
      ctx.stderr.write(`sh: cd: ${target}: Not a directory\n`)
      return 1
    }
    ctx.sh.setVar('OLDPWD', ctx.cwd)
    ctx.sh.setVar('PWD', path)
    ctx.sh.chdir(path)
    if (print) ctx.stdout.write(path + '\n')
    return 0
  },
}

function statusArg(ctx: Parameters<Builtin['run']>[0], name: string, fallback: number): number | undefined {
  const a = ctx.argv[1]
  if (a === undefined) return fallback
  if (!/^-?\d+$/.test(a)) {
    ctx.stderr.write(`sh: ${name}: ${a}: numeric argument required\n`)
    return undefined
  }
  return ((Number(a) % 256) + 256) % 256
}

export const exit: Builtin = {
  summary: 'Exit the shell',
  run(ctx) {
    const code = statusArg(ctx, 'exit', ctx.sh.lastStatus)
    return ctx.sh.exit(code ?? 2)
  },
}

export const returnCmd: Builtin = {
  summary: 'Return from a shell function',
  run(ctx) {
    if (ctx.sh.funcDepth === 0) {
      ctx.stderr.write("sh: return: can only `return' from a function or sourced script\n")
      return 1
    }
    const code = statusArg(ctx, 'return', ctx.sh.lastStatus)
    return ctx.sh.returnFrom(code ?? 2)
  },
}

function loop(kind: 'break' | 'continue'): Builtin {
  return {
    summary: kind === 'break' ? 'Exit for, while, or until loops' : 'Resume for, while, or until loops',
    run(ctx) {
      const n = ctx.argv[1] === undefined ? 1 : Number(ctx.argv[1])
      if (!Number.isInteger(n) || n < 1) {
        ctx.stderr.write(`sh: ${kind}: ${ctx.argv[1]}: loop count out of range\n`)
        return 1
      }
      // bash: outside a loop, break and continue say so and do nothing.
      if (ctx.sh.loopDepth === 0) {
        ctx.stderr.write(`sh: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`)
        return 0
      }
      return ctx.sh.loopControl(kind, Math.min(n, ctx.sh.loopDepth))
    },
  }
}
export const breakCmd = loop('break')
export const continueCmd = loop('continue')

export const shift: Builtin = {
  summary: 'Shift positional parameters',
  run(ctx) {
    const n = ctx.argv[1] === undefined ? 1 : Number(ctx.argv[1])
    if (!Number.isInteger(n) || n < 0 || n > ctx.sh.positional.length) return 1
    ctx.sh.positional = ctx.sh.positional.slice(n)
    return 0
  },
}

const LONG_OPTIONS: Record<string, 'errexit' | 'pipefail' | 'xtrace' | undefined> = { errexit: 'errexit', pipefail: 'pipefail', xtrace: 'xtrace' }

export const set: Builtin = {
  summary: 'Set shell options (-e, -o pipefail) and positional parameters (set -- a b c)',
  run(ctx) {
    const args = ctx.argv.slice(1)
    if (args.length === 0) {
      const vars = ctx.sh.exportedVars()
      for (const [k, v] of Object.entries(vars)) ctx.stdout.write(`${k}='${v.replace(/'/g, "'\\''")}'\n`)
      return 0
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        ctx.sh.positional = args.slice(i + 1)
        return 0
      }
      if (!/^[-+]/.test(a)) {
        ctx.sh.positional = args.slice(i)
        return 0
      }
      const on = a[0] === '-'
      for (const letter of a.slice(1)) {
        if (letter === 'e') ctx.sh.setOption('errexit', on)
        else if (letter === 'x') ctx.sh.setOption('xtrace', on)
        else if (letter === 'o') {
          const name = args[++i]
          const opt = name === undefined ? undefined : LONG_OPTIONS[name]
          if (opt) ctx.sh.setOption(opt, on)
          else if (name !== undefined && !['nounset', 'verbose', 'noclobber', 'noglob'].includes(name)) {
            ctx.stderr.write(`sh: set: ${name}: invalid option name\n`)
            return 1
          }
        }
        // -u and the like are accepted and ignored.
      }
    }
    return 0
  },
}

export const history: Builtin = {
  summary: 'Display the command history list',
  run(ctx) {
    const h = ctx.sh.history
    if (ctx.argv[1] === '-c') {
      h.length = 0
      return 0
    }
    const n = ctx.argv[1] !== undefined && /^\d+$/.test(ctx.argv[1]) ? Number(ctx.argv[1]) : h.length
    const start = Math.max(0, h.length - n)
    ctx.stdout.write(h.slice(start).map((line, i) => `${String(start + i + 1).padStart(5)}  ${line}\n`).join(''))
    return 0
  },
}
