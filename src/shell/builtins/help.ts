// help, type, which, command -v: what a name is and what there is to run.
import type { Builtin, BuiltinContext } from './types'
import { sq } from './vars'

/** Where `which` says registered commands live (kubectl is installed there in minikube's docs). */
const COMMAND_DIR = '/usr/local/bin'
/** Where `which` says the utility builtins live. */
const UTILITY_DIR = '/usr/bin'

function pathOf(ctx: BuiltinContext, name: string): string | undefined {
  const what = ctx.sh.lookup(name)
  if (what?.kind === 'command') return `${COMMAND_DIR}/${name}`
  if (what?.kind === 'builtin' && UTILITIES.has(name)) return `${UTILITY_DIR}/${name}`
  return undefined
}
/** Filled by the builtins table (index.ts) with the names marked `utility`. */
export const UTILITIES = new Set<string>()
/** Utilities bash also has built in: `type echo` says "shell builtin" though /usr/bin/echo exists. */
const BASH_BUILTINS = new Set(['echo', 'printf', 'pwd', 'true', 'false', 'test', '['])

export const help: Builtin = {
  summary: 'Display information about available commands',
  run(ctx) {
    const all = ctx.sh.commands()
    const topics = ctx.argv.slice(1)
    if (topics.length > 0) {
      let status = 0
      for (const t of topics) {
        const c = all.find((x) => x.name === t)
        if (c) ctx.stdout.write(`${c.name}: ${c.summary ?? ''}\n`)
        else {
          ctx.stderr.write(`sh: help: no help topics match \`${t}'.  Try \`help help' or \`man -k ${t}' or \`info ${t}'.\n`)
          status = 1
        }
      }
      return status
    }
    const width = Math.max(...all.map((c) => c.name.length)) + 2
    const section = (title: string, list: typeof all) =>
      list.length === 0 ? '' : `${title}:\n` + list.map((c) => `  ${c.name.padEnd(width)}${c.summary ?? ''}`.trimEnd() + '\n').join('')
    ctx.stdout.write(
      section('Commands', all.filter((c) => !c.builtin)) + (all.some((c) => !c.builtin) ? '\n' : '') + section('Shell builtins and utilities', all.filter((c) => c.builtin)),
    )
    return 0
  },
}

export const which: Builtin = {
  summary: 'Locate a command',
  utility: true,
  run(ctx) {
    let status = 0
    for (const name of ctx.argv.slice(1).filter((a) => a !== '-a')) {
      const p = pathOf(ctx, name)
      if (p) ctx.stdout.write(p + '\n')
      else status = 1
    }
    return status
  },
}

export const type: Builtin = {
  summary: 'Display information about command type',
  run(ctx) {
    let status = 0
    for (const name of ctx.argv.slice(1)) {
      const what = ctx.sh.lookup(name)
      const p = pathOf(ctx, name)
      if (what?.kind === 'alias') ctx.stdout.write(`${name} is aliased to \`${what.value}'\n`)
      else if (what?.kind === 'function') ctx.stdout.write(`${name} is a function\n`)
      else if (what?.kind === 'builtin' && (!p || BASH_BUILTINS.has(name))) ctx.stdout.write(`${name} is a shell builtin\n`)
      else if (p) ctx.stdout.write(`${name} is ${p}\n`)
      else {
        ctx.stderr.write(`sh: type: ${name}: not found\n`)
        status = 1
      }
    }
    return status
  },
}

export const command: Builtin = {
  summary: 'Run a command, or describe it with -v',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    if (args[0] === '-v' || args[0] === '-V') {
      let status = 0
      for (const name of args.slice(1)) {
        const what = ctx.sh.lookup(name)
        if (what?.kind === 'alias') ctx.stdout.write(`alias ${name}=${sq(what.value)}\n`)
        else if (what) ctx.stdout.write((BASH_BUILTINS.has(name) ? name : pathOf(ctx, name) ?? name) + '\n')
        else status = 1
      }
      return status
    }
    if (args.length === 0) return 0
    return ctx.sh.runArgv(args, ctx)
  },
}
