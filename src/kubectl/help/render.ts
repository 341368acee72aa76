// kubectl's help layout (kubectl/pkg/util/templates/templates.go): long description, Examples,
// Options (each flag, then its usage indented), Usage, and the `kubectl options` pointer.
import type { FlagSpec } from '../argv'
import type { Cmd } from '../command'
import { ROOT_GROUPS, ROOT_LONG } from './groups'

function flagLine(f: FlagSpec): string {
  const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`
  const dflt = f.default ?? (f.type === 'bool' ? 'false' : f.type === 'stringArray' ? '[]' : f.type === 'int' ? '0' : "''")
  return `    ${names}=${dflt}:\n\t${f.usage ?? ''}`
}

export function commandHelp(cmd: Cmd, path: string): string {
  const parts: string[] = []
  parts.push(cmd.help.long ?? cmd.help.short)
  if (cmd.help.examples) parts.push(`Examples:\n${cmd.help.examples}`)
  if (cmd.subcommands?.length) {
    const w = Math.max(...cmd.subcommands.map((c) => c.name.length)) + 2
    parts.push(`Available Commands:\n${cmd.subcommands.map((c) => `  ${c.name.padEnd(w)}${c.help.short}`).join('\n')}`)
  }
  const visible = cmd.flags.filter((f) => f.usage)
  if (visible.length > 0) parts.push(`Options:\n${visible.sort((a, b) => a.name.localeCompare(b.name)).map(flagLine).join('\n\n')}`)
  parts.push(`Usage:\n  ${cmd.help.usage}`)
  const more = cmd.subcommands?.length ? `Use "${path} <command> --help" for more information about a given command.\n` : ''
  parts.push(`${more}Use "kubectl options" for a list of global command-line options (applies to all commands).`)
  return parts.join('\n\n') + '\n'
}

/** Bare `kubectl`: the grouped command overview, as kubectl 1.30 prints it. */
export function rootHelp(_cmds: readonly Cmd[]): string {
  const w = 16 // kubectl pads command names to 16 columns in the overview
  const groups = ROOT_GROUPS.map((g) => `${g.title}:\n${g.commands.map(([n, s]) => `  ${n.padEnd(w)}${s}`).join('\n')}`)
  return [
    ROOT_LONG,
    ...groups,
    'Usage:\n  kubectl [flags] [options]',
    'Use "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).',
  ].join('\n\n') + '\n'
}
