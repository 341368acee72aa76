// Running one command by name: function, builtin, registered command, or a script file by path.
// Lookup order: functions, then special builtins (cd, export... always the shell's own), then the
// registry (a container image may bring its own `ls`), then the other builtins.
import { basename, dirname, resolvePath } from '../path'
import type { CommandContext } from '../types'
import { ExitControl, isControl, LoopControl, ReturnControl } from './control'
import type { Interpreter } from './interpreter'
import type { IO } from './io'
import type { ShellApi } from '../builtins/types'

/** Builtins that must act on the shell itself, so a registered command of that name never wins. */
const SPECIAL = new Set(['cd', 'export', 'unset', 'exit', 'alias', 'unalias', 'source', '.', 'read', 'history', 'break', 'continue', 'return', 'shift', 'set', 'eval', 'type', 'command', 'help', 'which', 'sh', 'bash', 'true', 'false', ':', 'test', '[', '[[', 'local', 'exec', 'wait', 'trap'])

/** Where programs live: `/bin/sh` and `/usr/local/bin/kubectl` name the commands sh and kubectl. */
const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'])

/** Status for "command not found" and "no such file" when running a command. */
const STATUS_NOT_FOUND = 127

export async function invokeCommand(x: Interpreter, argv: string[], assigns: [string, string][], io: IO): Promise<number> {
  const name = argv[0]
  const fn = x.state.functions.get(name)
  if (fn) {
    const saved = x.state.positional
    x.state.positional = argv.slice(1)
    x.state.funcDepth++
    try {
      return await x.exec(fn, io)
    } catch (e) {
      if (e instanceof ReturnControl) return e.code
      throw e
    } finally {
      x.state.positional = saved
      x.state.funcDepth--
    }
  }
  const builtin = x.rt.builtins[name]
  const info = x.rt.registry.get(name)
  const ctx = x.commandContext(argv, assigns, io)
  if (builtin && (SPECIAL.has(name) || !info)) return guard(name, io, () => builtin.run({ ...ctx, sh: shellApi(x) }))
  if (info) return guard(name, io, () => info.run(ctx))
  if (name.includes('/')) {
    const path = resolvePath(x.state.cwd, name)
    // `/bin/sh -c ...` (a container's command) or `/usr/bin/env`: the command of that name.
    const bin = BIN_DIRS.has(dirname(path)) && !x.rt.fs.exists(path) ? basename(path) : undefined
    if (bin && (x.rt.builtins[bin] || x.rt.registry.get(bin))) return invokeCommand(x, [bin, ...argv.slice(1)], assigns, io)
    const content = x.rt.fs.isDir(path) ? undefined : x.rt.fs.readFile(path)
    if (content === undefined) {
      io.stderr.write(`sh: ${name}: ${x.rt.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
      return x.rt.fs.isDir(path) ? 126 : STATUS_NOT_FOUND
    }
    return runScript(x, content, argv, io)
  }
  io.stderr.write(`sh: ${name}: command not found\n`)
  return STATUS_NOT_FOUND
}

async function runScript(x: Interpreter, source: string, argv: string[], io: IO): Promise<number> {
  const sub = x.subshell()
  sub.state.scriptName = argv[0]
  sub.state.positional = argv.slice(1)
  try {
    return await sub.runSource(source, io)
  } catch (e) {
    if (e instanceof ExitControl) return e.code
    throw e
  }
}

async function guard(name: string, io: IO, fn: () => number | Promise<number>): Promise<number> {
  try {
    return await fn()
  } catch (e) {
    if (isControl(e)) throw e
    io.stderr.write(`sh: ${name}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

function ioOf(ctx: CommandContext): IO {
  return { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal, isTTY: ctx.isTTY, columns: ctx.columns, attach: ctx.attach }
}

export function shellApi(x: Interpreter): ShellApi {
  const s = x.state
  return {
    getVar: (n) => s.get(n),
    setVar: (n, v) => s.set(n, v),
    exportVar: (n, v) => s.set(n, v ?? s.get(n) ?? '', true),
    unsetVar: (n) => {
      s.unset(n)
      s.functions.delete(n)
    },
    exportedVars: () => s.exported(),
    chdir: (p) => {
      s.cwd = p
    },
    aliases: s.aliases,
    history: x.rt.history,
    get lastStatus() {
      return s.lastStatus
    },
    get loopDepth() {
      return s.loopDepth
    },
    get funcDepth() {
      return s.funcDepth
    },
    get positional() {
      return s.positional
    },
    set positional(v: string[]) {
      s.positional = v
    },
    exit: (code) => {
      throw new ExitControl(code)
    },
    loopControl: (kind, levels) => {
      throw new LoopControl(kind, levels)
    },
    returnFrom: (code) => {
      throw new ReturnControl(code)
    },
    setOption: (name, on) => {
      s.options[name] = on
    },
    commands: () => {
      const out = new Map<string, { name: string; summary?: string; builtin: boolean }>()
      for (const [name, b] of Object.entries(x.rt.builtins)) out.set(name, { name, summary: b.summary, builtin: true })
      for (const name of x.rt.registry.names()) out.set(name, { name, summary: x.rt.registry.get(name)?.summary, builtin: false })
      return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    },
    lookup: (name) => {
      const alias = s.aliases.get(name)
      if (alias !== undefined) return { kind: 'alias', value: alias }
      if (s.functions.has(name)) return { kind: 'function' }
      if (x.rt.builtins[name] && (SPECIAL.has(name) || !x.rt.registry.get(name))) return { kind: 'builtin' }
      if (x.rt.registry.get(name)) return { kind: 'command' }
      return undefined
    },
    runArgv: (argv, ctx) => invokeCommand(x, argv, Object.entries(ctx.env), ioOf(ctx)),
    runSource: async (source, ctx, opts) => {
      const target = opts.subshell ? x.subshell() : x
      if (opts.args) target.state.positional = opts.args
      if (opts.name) target.state.scriptName = opts.name
      if (opts.subshell) return target.execCatchingExitSource(source, ioOf(ctx))
      if (!opts.sourced) return target.runSource(source, ioOf(ctx))
      // A sourced file may `return`, like a function.
      target.state.funcDepth++
      try {
        return await target.runSource(source, ioOf(ctx))
      } catch (e) {
        if (e instanceof ReturnControl) return e.code
        throw e
      } finally {
        target.state.funcDepth--
      }
    },
  }
}
