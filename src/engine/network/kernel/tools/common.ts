// What the node tools share: who is running them (the node shell starts as `docker`; `sudo -i`
// gives root) and writing a ToolResult to the command's streams.
import type { CommandContext } from '../../../../shell'
import type { ToolResult } from '../types'

/**
 * Root unless the environment says otherwise: USER=root or EUID=0 is root; any other USER
 * (the node shell's `docker`) is not. Without USER (a container's process) the tool runs as the
 * container's root, as kube-proxy's does.
 */
export function isRoot(env: Record<string, string>): boolean {
  if (env.EUID !== undefined) return env.EUID === '0'
  return env.USER === undefined || env.USER === 'root'
}

export function emit(ctx: CommandContext, r: ToolResult): number {
  if (r.stdout) ctx.stdout.write(r.stdout)
  if (r.stderr) ctx.stderr.write(r.stderr)
  return r.code
}
