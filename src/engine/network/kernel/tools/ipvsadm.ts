// ipvsadm 1.31: `-L|-l|--list [-n] [--stats]`, `-C|--clear`; no arguments lists. Without root
// the netlink socket is refused with ipvsadm's two-line message.
import type { CommandInfo } from '../../../../shell'
import type { NodeKernel } from '../types'
import { IPVS_HEADER } from '../ipvs'
import { emit, isRoot } from './common'

export function ipvsadmTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'Linux Virtual Server administration',
    run(ctx) {
      const args = ctx.argv.slice(1).flatMap((a) => (/^-[A-Za-z]{2,}$/.test(a) ? [...a.slice(1)].map((c) => '-' + c) : [a]))
      if (args.includes('-v') || args.includes('--version')) return emit(ctx, { code: 0, stdout: 'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n', stderr: '' })
      if (!isRoot(ctx.env)) return emit(ctx, { code: 1, stdout: '', stderr: `Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n` })
      let numeric = false
      let stats = false
      let clear = false
      for (const a of args) {
        if (a === '-n' || a === '--numeric') numeric = true
        else if (a === '--stats') stats = true
        else if (a === '-C' || a === '--clear') clear = true
        else if (a === '-L' || a === '-l' || a === '--list') continue
        else return emit(ctx, { code: 2, stdout: '', stderr: `${a.startsWith('-') ? `ipvsadm: invalid option -- '${a.replace(/^-+/, '')}'` : `ipvsadm: illegal argument ${a}`}\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n` })
      }
      if (clear) {
        kernel.ipvs.clear()
        return 0
      }
      const text = kernel.ipvsadmList?.({ numeric, stats }) ?? `${IPVS_HEADER}\n`
      return emit(ctx, { code: 0, stdout: text, stderr: '' })
    },
  }
}
