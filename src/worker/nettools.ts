// The learner's laptop has network tools (curl, wget, nc, ping with iputils' output), registered
// beside kubectl; they reach the cluster through the shell's net (session.ts gives the laptop's).
import type { CommandRegistry } from '../shell'
import { createNetTools } from '../shell/net'

export function registerNetTools(registry: CommandRegistry): void {
  for (const [name, info] of Object.entries(createNetTools({ ping: 'iputils' }))) registry.register(name, info)
}
