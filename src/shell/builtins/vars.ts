// Variables and the environment: export, unset, env, printenv, read, alias, unalias.
import { lineReaderFor } from '../exec/streams'
import type { Builtin } from './types'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** bash's `declare -x` quoting: "value" with \ " $ ` escaped. */
const dq = (v: string) => `"${v.replace(/[\\"$`]/g, '\\$&')}"`
/** Single-quoted for alias listings: it's → 'it'\''s'. */
export const sq = (v: string) => `'${v.replace(/'/g, "'\\''")}'`

export const exportCmd: Builtin = {
  summary: 'Set export attribute for shell variables',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '--')
    if (args.length === 0 || args[0] === '-p') {
      for (const [k, v] of Object.entries(ctx.sh.exportedVars())) ctx.stdout.write(`declare -x ${k}=${dq(v)}\n`)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(0, eq) : a
      if (!NAME.test(name)) {
        ctx.stderr.write(`sh: export: \`${a}': not a valid identifier\n`)
        status = 1
        continue
      }
      ctx.sh.exportVar(name, eq >= 0 ? a.slice(eq + 1) : undefined)
    }
    return status
  },
}

export const unset: Builtin = {
  summary: 'Unset values and attributes of shell variables',
  run(ctx) {
    for (const a of ctx.argv.slice(1)) if (a !== '-v' && a !== '-f') ctx.sh.unsetVar(a)
    return 0
  },
}

export const env: Builtin = {
  summary: 'Run a program in a modified environment',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    const vars = { ...ctx.env }
    let i = 0
    if (args[0] === '-i' || args[0] === '-') {
      for (const k of Object.keys(vars)) delete vars[k]
      i++
    }
    for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
      const eq = args[i].indexOf('=')
      vars[args[i].slice(0, eq)] = args[i].slice(eq + 1)
    }
    if (i >= args.length) {
      ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''))
      return 0
    }
    const argv = args.slice(i)
    if (!ctx.sh.lookup(argv[0]) && !argv[0].includes('/')) {
      ctx.stderr.write(`env: '${argv[0]}': No such file or directory\n`)
      return 127
    }
    return ctx.sh.runArgv(argv, { ...ctx, env: vars })
  },
}

export const printenv: Builtin = {
  summary: 'Print all or part of environment',
  utility: true,
  run(ctx) {
    const names = ctx.argv.slice(1)
    if (names.length === 0) {
      ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''))
      return 0
    }
    let status = 0
    for (const n of names) {
      const v = ctx.env[n]
      if (v === undefined) status = 1
      else ctx.stdout.write(v + '\n')
    }
    return status
  },
}

export const read: Builtin = {
  summary: 'Read a line from standard input into variables',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let raw = false
    const names: string[] = []
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-r') raw = true
      else if (args[i] === '-p') ctx.stderr.write(args[++i] ?? '')
      else names.push(args[i])
    }
    if (names.length === 0) names.push('REPLY')
    const lr = lineReaderFor(ctx.stdin)
    let line = await lr.line()
    if (line === null) {
      for (const n of names) ctx.sh.setVar(n, '')
      return 1
    }
    while (!raw && line.endsWith('\\')) {
      const more: string | null = await lr.line()
      line = line.slice(0, -1) + (more ?? '')
      if (more === null) break
    }
    if (!raw) line = line.replace(/\\(.)/g, '$1')
    const ifs = ctx.sh.getVar('IFS') ?? ' \t\n'
    const isWs = (c: string) => ifs.includes(c)
    let rest = line
    for (const [i, n] of names.entries()) {
      rest = rest.replace(new RegExp(`^[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`), '')
      if (i === names.length - 1) {
        let end = rest.length
        while (end > 0 && isWs(rest[end - 1])) end--
        ctx.sh.setVar(n, rest.slice(0, end))
        break
      }
      let j = 0
      while (j < rest.length && !isWs(rest[j])) j++
      ctx.sh.setVar(n, rest.slice(0, j))
      rest = rest.slice(j)
    }
    return 0
  },
}

export const alias: Builtin = {
  summary: 'Define or display aliases',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-p')
    if (args.length === 0) {
      for (const [k, v] of [...ctx.sh.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) ctx.stdout.write(`alias ${k}=${sq(v)}\n`)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      if (eq > 0) ctx.sh.aliases.set(a.slice(0, eq), a.slice(eq + 1))
      else if (ctx.sh.aliases.has(a)) ctx.stdout.write(`alias ${a}=${sq(ctx.sh.aliases.get(a)!)}\n`)
      else {
        ctx.stderr.write(`sh: alias: ${a}: not found\n`)
        status = 1
      }
    }
    return status
  },
}

export const unalias: Builtin = {
  summary: 'Remove alias definitions',
  run(ctx) {
    const args = ctx.argv.slice(1)
    if (args[0] === '-a') {
      ctx.sh.aliases.clear()
      return 0
    }
    if (args.length === 0) {
      ctx.stderr.write('unalias: usage: unalias [-a] name [name ...]\n')
      return 2
    }
    let status = 0
    for (const a of args) {
      if (!ctx.sh.aliases.delete(a)) {
        ctx.stderr.write(`sh: unalias: ${a}: not found\n`)
        status = 1
      }
    }
    return status
  },
}
