// `mount`: the container's mount table, one line per mount as /proc/mounts reads (busybox and
// util-linux print the same `<device> on <path> type <fstype> (<options>)` lines).
import type { CommandInfo } from '../../../shell'
import type { Flavour } from './view'
import { kernelMounts, type TableOptions } from './table'

/** util-linux's exit status for a failed mount (busybox exits 255). */
const MOUNT_FAILURE = 32
const BUSYBOX_FAILURE = 255

export function mountTool(table: () => TableOptions, flavour: Flavour): CommandInfo {
  return {
    summary: 'List mounted filesystems',
    run(ctx) {
      const args = ctx.argv.slice(1)
      let type: string | undefined
      const operands: string[] = []
      for (let i = 0; i < args.length; i++) {
        if (args[i] === '-t') type = args[++i]
        else if (args[i].startsWith('-t')) type = args[i].slice(2)
        else if (args[i] === '-l' || args[i] === '-v') continue
        else operands.push(args[i])
      }
      if (operands.length > 0) {
        // Mounting needs CAP_SYS_ADMIN, which a container does not have.
        if (flavour === 'busybox') {
          ctx.stderr.write('mount: permission denied (are you root?)\n')
          return BUSYBOX_FAILURE
        }
        ctx.stderr.write(`mount: ${operands[operands.length - 1]}: permission denied.\n`)
        return MOUNT_FAILURE
      }
      for (const m of kernelMounts(table())) {
        if (type && !type.split(',').includes(m.fstype)) continue
        ctx.stdout.write(`${m.device} on ${m.path} type ${m.fstype} (${m.options})\n`)
      }
      return 0
    },
  }
}
