// The commands a container's shell knows beyond the shell's builtins: the image's programs (so a
// script can start `nginx` or `redis-cli`), the network tools the image lists (curl…), and the
// container tools (ps, mount, df, id) that answer for this container.
import { createRegistry } from '../../../shell'
import type { CommandContext, CommandInfo, CommandRegistry, ShellClock } from '../../../shell'
import { createNetTools } from '../../../shell/net'
import type { ImageSpec, ProcessHost } from '../../images/types'
import { containerTools, type ContainerView } from '../tools'

export interface ToolboxOptions {
  image: ImageSpec
  /**
   * A ProcessHost for a program started by a shell: its `term` never fires (the shell is PID 1).
   * `release` drops the program's memory and CPU from the container's usage when it ends.
   */
  host: (ctx: CommandContext) => { host: ProcessHost; release(): void }
  /** The clock programs get instead of the shell's (no cadence: they answer outside events). */
  programClock: ShellClock
  /** What ps/mount/df/id see of the container. */
  view: ContainerView
}

export function containerRegistry(o: ToolboxOptions): CommandRegistry {
  const registry = createRegistry()
  // mount, df and id come with every userland (util-linux/coreutils, busybox); ps only where the
  // image lists it: debian-slim images (nginx, redis, postgres) have no procps, as on a real node.
  const tools = o.image.tools ?? []
  for (const [name, info] of Object.entries(containerTools(o.view))) {
    if (name !== 'ps' || tools.includes('ps')) registry.register(name, info)
  }
  // Busybox's ping prints its own way; everything else ships iputils'.
  const netTools: Record<string, CommandInfo> = createNetTools({ ping: o.image.shell === 'sh' ? 'busybox' : 'iputils' })
  for (const name of tools) {
    const tool = netTools[name]
    if (tool) registry.register(name, tool)
  }
  // Programs last: an image's own binary wins over a generic tool of the same name.
  for (const [name, program] of Object.entries(o.image.programs ?? {})) {
    registry.register(name, {
      async run(ctx) {
        const { host, release } = o.host(ctx)
        try {
          return await program({ ...ctx, clock: o.programClock }, host)
        } finally {
          release()
        }
      },
    })
  }
  return registry
}
