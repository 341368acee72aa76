// The network tools as CommandInfo factories, for whoever composes a shell: the learner's laptop
// (curl, ping from iputils) and containers (the image's `tools`: curl, wget, nc, ping in the
// image's flavour). They use only ctx.net; without it they behave as on a machine with no network.
import type { CommandInfo } from '../types'
import { curl } from './curl'
import { nc } from './nc'
import { createPing, type PingFlavour } from './ping'
import { wget } from './wget'

export interface NetToolsOptions {
  /** `busybox` for busybox/alpine images (ping's output differs); `iputils` elsewhere (default). */
  ping?: PingFlavour
}

/** curl, wget, nc and ping by command name. Register the ones a machine has. */
export function createNetTools(opts: NetToolsOptions = {}): Record<string, CommandInfo> {
  return { curl, wget, nc, ping: createPing(opts.ping ?? 'iputils') }
}

/** The same with iputils' ping: for a registry that wants a constant. */
export const NET_TOOLS: Record<string, CommandInfo> = createNetTools()

export { curl, wget, nc, createPing, type PingFlavour }
