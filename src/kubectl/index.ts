// kubectl for Kubelab: createKubectl(host) gives the shell a CommandInfo whose run() parses argv
// like cobra (find the command words, then the flags), reads the kubeconfig, and runs one verb
// against host.api. Every failure prints kubectl's words and exits 1.
import type { CommandContext, CommandInfo, KubectlHost } from './context'
import { FlagError, GLOBAL_FLAGS, flagBool, flagStr, isValueFlag, parseArgs } from './argv'
import { CmdError, errorText } from './errors'
import { loadKubeconfig, resolveTarget, type LoadedConfig, type Target } from './kubeconfig'
import type { Cmd, Invocation } from './command'
import { ROOT_COMMANDS, UNSUPPORTED_VERBS } from './commands/registry'
import { commandHelp, rootHelp } from './help/render'
import { suggestFor } from './help/suggest'
import { ALL_VERBS } from './help/groups'
import { completeKubectl } from './complete'

export { defaultKubeconfig } from './kubeconfig'
export type { KubectlHost, CommandInfo } from './context'

/** Split argv (after `kubectl`) into the command path and the rest, as cobra's Find does. */
function findCommand(args: string[]): { cmds: Cmd[]; rest: string[] } {
  const cmds: Cmd[] = []
  const rest: string[] = []
  let level: readonly Cmd[] = ROOT_COMMANDS
  let searching = true
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!searching) { rest.push(a); continue }
    if (a === '--') { searching = false; rest.push(a); continue }
    if (a.startsWith('-') && a.length > 1) {
      rest.push(a)
      if (isValueFlag(a) && i + 1 < args.length) rest.push(args[++i])
      continue
    }
    const found = level.find((c) => c.name === a || c.aliases?.includes(a))
    if (found) {
      cmds.push(found)
      level = found.subcommands ?? []
      continue
    }
    if (cmds.length === 0) return { cmds, rest: [a, ...args.slice(i + 1)] }
    searching = false
    rest.push(a)
  }
  return { cmds, rest }
}

export async function runKubectl(host: KubectlHost, ctx: CommandContext): Promise<number> {
  const out = (s: string) => ctx.stdout.write(s.endsWith('\n') ? s : s + '\n')
  const err = (s: string) => ctx.stderr.write(s.endsWith('\n') ? s : s + '\n')
  const args = ctx.argv.slice(1)
  const { cmds, rest } = findCommand(args)
  if (cmds.length === 0) {
    const word = rest.find((a) => !a.startsWith('-'))
    if (word === 'help') {
      // `kubectl help [command...]`: cobra's help command.
      const target = findCommand(rest.slice(rest.indexOf(word) + 1))
      if (target.cmds.length === 0) { out(rootHelp(ROOT_COMMANDS)); return 0 }
      out(commandHelp(target.cmds[target.cmds.length - 1], ['kubectl', ...target.cmds.map((c) => c.name)].join(' ')))
      return 0
    }
    if (word !== undefined) {
      const verb = word
      if (UNSUPPORTED_VERBS.includes(verb)) { err(`error: kubectl ${verb} is not supported in Kubelab yet`); return 1 }
      // cobra suggests among every real verb, in its (alphabetical) command order.
      const verbs = [...new Set([...ROOT_COMMANDS.map((c) => c.name), ...ALL_VERBS])].sort()
      err(`error: unknown command "${verb}" for "kubectl"${suggestFor(verb, verbs)}`)
      return 1
    }
    // Bare `kubectl` (or only flags): the command overview, exit 0; bad flags still fail.
    try { parseArgs(rest, GLOBAL_FLAGS) } catch (e) {
      if (e instanceof FlagError) { err(`error: ${e.message}\nSee 'kubectl --help' for usage.`); return 1 }
    }
    out(rootHelp(ROOT_COMMANDS))
    return 0
  }
  const cmd = cmds[cmds.length - 1]
  const path = ['kubectl', ...cmds.map((c) => c.name)].join(' ')
  const firstWord = rest.find((a) => !a.startsWith('-'))
  if (firstWord !== undefined && cmd.unsupportedSubcommands?.includes(firstWord)) {
    err(`error: ${path} ${firstWord} is not supported in Kubelab yet`)
    return 1
  }
  let parsed
  try {
    parsed = parseArgs(rest, [...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !cmd.flags.some((f) => f.name === g.name || (g.short && f.short === g.short)))])
  } catch (e) {
    if (e instanceof FlagError) { err(`error: ${e.message}\nSee '${path} --help' for usage.`); return 1 }
    throw e
  }
  if (!cmd.run && parsed.positional.length > 0 && !flagBool(parsed, 'help')) {
    // cmdutil.DefaultSubCommandRun: a group (`kubectl config`) given an unknown subcommand.
    err(`error: unknown command ${JSON.stringify(parsed.positional.join(' '))}\nSee '${path} -h' for help and examples`)
    return 1
  }
  if (flagBool(parsed, 'help') || !cmd.run) {
    out(commandHelp(cmd, path))
    return 0
  }
  let loaded: LoadedConfig | undefined
  let target: Target | undefined
  const inv: Invocation = {
    ctx, host, api: host.api, args: parsed, path, out, err,
    kubeconfig: () => (loaded ??= loadKubeconfig(ctx.fs, ctx.env, ctx.cwd, flagStr(parsed, 'kubeconfig'))),
    target: () => (target ??= resolveTarget(inv.kubeconfig(), flagStr(parsed, 'context'), flagStr(parsed, 'namespace'))),
  }
  try {
    return await cmd.run(inv)
  } catch (e) {
    // CmdError text as is; API errors as `Error from server (...)`; anything else `error: ...`.
    const text = errorText(e)
    if (text !== '') err(text) // CmdError('') = already reported

    return e instanceof CmdError ? e.code : 1
  }
}

export function createKubectl(host: KubectlHost): CommandInfo {
  return {
    run: (ctx) => runKubectl(host, ctx),
    summary: 'kubectl controls the Kubernetes cluster manager',
    complete: (argv, env) => completeKubectl(host.api, argv, env),
  }
}
