// ipset v7.15: `list [-n|-name] [-t|-terse] [SETNAME]` (also -L), `version`.
import type { CommandInfo } from '../../../../shell'
import type { NodeKernel } from '../types'
import { emit, isRoot } from './common'

export function ipsetTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'administration tool for IP sets',
    run(ctx) {
      const args = ctx.argv.slice(1)
      if (args[0] === 'version' || args[0] === '-v' || args[0] === '-V' || args[0] === '--version') return emit(ctx, { code: 0, stdout: 'ipset v7.15, protocol version: 7\n', stderr: '' })
      if (!args.length) return emit(ctx, { code: 1, stdout: '', stderr: 'ipset v7.15: No command specified.\nTry `ipset help\' for more information.\n' })
      let list = false
      let namesOnly = false
      let terse = false
      let name: string | undefined
      for (const a of args) {
        if (a === 'list' || a === '-L' || a === '-list' || a === 'save' || a === '-S') list = true
        else if (a === '-n' || a === '-name') namesOnly = true
        else if (a === '-t' || a === '-terse') terse = true
        else if (a === '-o' || a === 'plain' || a === '-output') continue
        else if (!a.startsWith('-') && list && !name) name = a
        else return emit(ctx, { code: 1, stdout: '', stderr: `ipset v7.15: ${a.startsWith('-') ? `The option ${a} is unknown` : `No command specified: unknown argument ${a}`}\nTry \`ipset help' for more information.\n` })
      }
      if (!isRoot(ctx.env)) return emit(ctx, { code: 1, stdout: '', stderr: 'ipset v7.15: Kernel error received: Operation not permitted\n' })
      if (!list) return 0
      return emit(ctx, kernel.ipsetList?.({ name, namesOnly, terse }) ?? { code: 0, stdout: '', stderr: '' })
    },
  }
}
