// The network tools as CommandInfo factories, for whoever composes a shell: the learner's laptop
// (curl, ping from iputils) and containers (the image's `tools`: curl, wget, nc, ping in the
// image's flavour). They use only ctx.net; without it they behave as on a machine with no network.
import type { CommandInfo } from '../types'
import { curl } from './curl'
import { dig } from './dig'
import { nc } from './nc'
import { createNslookup, type NslookupFlavour } from './nslookup'
import { createPing, type PingFlavour } from './ping'
import { wget } from './wget'

export interface NetToolsOptions {
  /** `busybox` for busybox/alpine images (ping's output differs); `iputils` elsewhere (default). */
  ping?: PingFlavour
  /**
   * Added by DNS: nslookup's flavour — `busybox` (busybox/alpine, `Address:\t10.96.0.10:53`) or
   * `bind9` (dnsutils: debian images and the laptop, `Address:\t10.96.0.10#53`). Default: busybox
   * when ping is busybox's, else bind9.
   */
  nslookup?: NslookupFlavour
}

/** curl, wget, nc, ping, nslookup and dig by command name. Register the ones a machine has. */
export function createNetTools(opts: NetToolsOptions = {}): Record<string, CommandInfo> {
  const nslookup = createNslookup(opts.nslookup ?? (opts.ping === 'busybox' ? 'busybox' : 'bind9'))
  return { curl, wget, nc, ping: createPing(opts.ping ?? 'iputils'), nslookup, dig }
}

/** The same with iputils' ping: for a registry that wants a constant. */
export const NET_TOOLS: Record<string, CommandInfo> = createNetTools()

export { curl, wget, nc, createPing, type PingFlavour, dig, createNslookup, type NslookupFlavour }
