// iproute2's `ip` for reading: `ip addr|a|address [show [dev] NAME]`, `ip link [show [dev] NAME]`,
// `ip route|r|ro [show]`. Changing anything is for root and the kernel (kube-proxy), not modelled.
import type { CommandInfo } from '../../../../shell'
import type { NodeKernel } from '../types'
import { emit } from './common'

const OBJECTS: Record<string, 'addr' | 'link' | 'route'> = {
  a: 'addr', ad: 'addr', addr: 'addr', addre: 'addr', address: 'addr', l: 'link', li: 'link', lin: 'link', link: 'link', r: 'route', ro: 'route', rou: 'route', route: 'route',
}

export function ipTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'show routing, network devices, interfaces',
    run(ctx) {
      const args = ctx.argv.slice(1).filter((a) => a !== '-4')
      if (!args.length) return emit(ctx, { code: 255, stdout: '', stderr: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n' })
      const obj = OBJECTS[args[0]]
      if (!obj) return emit(ctx, { code: 255, stdout: '', stderr: `Object "${args[0]}" is unknown, try "ip help".\n` })
      const rest = args.slice(1)
      if (rest[0] && !['show', 'list', 'ls', 'lst', 'sh', 'dev'].includes(rest[0])) {
        return emit(ctx, { code: 255, stdout: '', stderr: obj === 'route' ? 'RTNETLINK answers: Operation not permitted\n' : `Command "${rest[0]}" is unknown, try "ip ${obj === 'addr' ? 'address' : obj} help".\n` })
      }
      const words = rest.filter((a) => !['show', 'list', 'ls', 'lst', 'sh', 'dev'].includes(a))
      const dev = words[0]
      if (obj === 'route') return emit(ctx, { code: 0, stdout: kernel.ipRoute?.() ?? '', stderr: '' })
      if (obj === 'link') return emit(ctx, kernel.ipLink?.(dev) ?? kernel.links.show(dev))
      return emit(ctx, kernel.links.show(dev))
    },
  }
}
