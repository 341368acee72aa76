// The registry of non-builtin commands (kubectl, curl...), filled by whoever composes the shell.
import type { CommandInfo, CommandRegistry } from './types'

export function createRegistry(): CommandRegistry {
  const commands = new Map<string, CommandInfo>()
  return {
    register(name, info) {
      commands.set(name, info)
    },
    get: (name) => commands.get(name),
    names: () => [...commands.keys()].sort(),
  }
}
