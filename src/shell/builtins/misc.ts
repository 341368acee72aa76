// Small utilities scripts lean on: hostname, whoami, uname, basename, dirname, xargs; and the
// shell words local, wait, trap, exec.
import { basename as base, dirname as dir } from '../path'
import type { Builtin } from './types'

/** What `uname -r` says: the lab's node kernel (see the brief's cluster facts). */
const KERNEL_RELEASE = '5.15.0'
const MACHINE = 'x86_64'
/** xargs' status when some invocation of the command failed with 1..125. */
const XARGS_CHILD_FAILED = 123

export const hostname: Builtin = {
  summary: 'Show the system host name',
  utility: true,
  run(ctx) {
    ctx.stdout.write((ctx.sh.getVar('HOSTNAME') ?? 'localhost') + '\n')
    return 0
  },
}

export const whoami: Builtin = {
  summary: 'Print the user name',
  utility: true,
  run(ctx) {
    ctx.stdout.write((ctx.sh.getVar('USER') ?? 'root') + '\n')
    return 0
  },
}

export const uname: Builtin = {
  summary: 'Print system information',
  utility: true,
  run(ctx) {
    const host = ctx.sh.getVar('HOSTNAME') ?? 'localhost'
    const fields: Record<string, string> = { s: 'Linux', n: host, r: KERNEL_RELEASE, m: MACHINE, o: 'GNU/Linux' }
    const flags = ctx.argv.slice(1).join('').replace(/-/g, '')
    if (flags.includes('a')) {
      ctx.stdout.write(`Linux ${host} ${KERNEL_RELEASE} #1 SMP ${MACHINE} GNU/Linux\n`)
      return 0
    }
    const picked = [...(flags || 's')].map((f) => fields[f]).filter((v) => v !== undefined)
    ctx.stdout.write(picked.join(' ') + '\n')
    return 0
  },
}

export const basename: Builtin = {
  summary: 'Strip directory and suffix from a file name',
  utility: true,
  run(ctx) {
    const [name, suffix] = ctx.argv.slice(1)
    if (name === undefined) {
      ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n")
      return 1
    }
    let b = base(name)
    if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length)
    ctx.stdout.write(b + '\n')
    return 0
  },
}

export const dirname: Builtin = {
  summary: 'Strip the last component from a file name',
  utility: true,
  run(ctx) {
    const names = ctx.argv.slice(1)
    if (names.length === 0) {
      ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n")
      return 1
    }
    for (const n of names) ctx.stdout.write((n.includes('/') ? dir(n.replace(/\/+$/, '') || '/') : '.') + '\n')
    return 0
  },
}

export const xargs: Builtin = {
  summary: 'Build and execute command lines from standard input',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let perCall = Infinity
    let replace: string | undefined
    let noEmpty = false
    while (args[0]?.startsWith('-')) {
      const a = args.shift()!
      if (a === '-n') perCall = Number(args.shift())
      else if (a.startsWith('-n')) perCall = Number(a.slice(2))
      else if (a === '-I') replace = args.shift()
      else if (a.startsWith('-I')) replace = a.slice(2)
      else if (a === '-r' || a === '--no-run-if-empty') noEmpty = true
      else if (a === '--') break
    }
    const cmd = args.length > 0 ? args : ['echo']
    const input = await ctx.stdin.readAll()
    const calls: string[][] = []
    if (replace !== undefined) {
      for (const line of input.split('\n').filter((l) => l.trim() !== '')) calls.push(cmd.map((c) => c.split(replace!).join(line.trim())))
    } else {
      const items = [...input.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3])
      if (items.length === 0 && !noEmpty) calls.push(cmd)
      for (let i = 0; i < items.length; i += Math.max(1, perCall)) calls.push([...cmd, ...items.slice(i, i + perCall)])
    }
    let status = 0
    for (const argv of calls) {
      if (ctx.signal.aborted) break
      const s = await ctx.sh.runArgv(argv, ctx)
      if (s === 127) return 127
      if (s !== 0) status = XARGS_CHILD_FAILED
    }
    return status
  },
}

export const local: Builtin = {
  summary: 'Define variables in a function (here: plain assignments)',
  run(ctx) {
    for (const a of ctx.argv.slice(1)) {
      const eq = a.indexOf('=')
      if (eq > 0) ctx.sh.setVar(a.slice(0, eq), a.slice(eq + 1))
      else if (ctx.sh.getVar(a) === undefined) ctx.sh.setVar(a, '')
    }
    return 0
  },
}

export const wait: Builtin = { summary: 'Wait for background jobs (they are not tracked: returns at once)', run: () => 0 }
export const trap: Builtin = { summary: 'Trap signals (accepted and ignored)', run: () => 0 }

export const exec: Builtin = {
  summary: 'Replace the shell with the given command',
  async run(ctx) {
    const argv = ctx.argv.slice(1)
    if (argv.length === 0) return 0
    return ctx.sh.exit(await ctx.sh.runArgv(argv, ctx))
  },
}
