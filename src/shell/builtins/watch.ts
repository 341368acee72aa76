// watch [-n SECONDS] [-t] COMMAND...: re-runs `sh -c COMMAND` every interval (virtual time) until
// Ctrl-C, redrawing the screen each time, with procps-ng's title line:
//   Every 2.0s: kubectl get pods                       kubelab: Thu Jan  1 00:00:05 2026
import { formatDate } from './date'
import type { Builtin } from './types'

/** procps-ng's default interval. */
const DEFAULT_INTERVAL_S = 2
/** Its minimum: `watch -n 0` still waits a tenth of a second. */
const MIN_INTERVAL_S = 0.1
const DEFAULT_COLUMNS = 80
/** Cursor home + erase screen: each round redraws from the top. */
const REDRAW = '\x1b[H\x1b[2J'

export const watch: Builtin = {
  summary: 'Execute a program periodically, showing output fullscreen',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let interval = DEFAULT_INTERVAL_S
    let title = true
    while (args[0]?.startsWith('-')) {
      const a = args.shift()!
      if (a === '-n' || a === '--interval') interval = Number(args.shift())
      else if (a.startsWith('-n')) interval = Number(a.slice(2))
      else if (a.startsWith('--interval=')) interval = Number(a.slice(11))
      else if (a === '-t' || a === '--no-title') title = false
      else if (a === '--') break
      else {
        ctx.stderr.write(`watch: invalid option -- '${a.replace(/^-+/, '')}'\n`)
        return 1
      }
    }
    if (!Number.isFinite(interval)) {
      ctx.stderr.write('watch: failed to parse argument\n')
      return 1
    }
    interval = Math.max(interval, MIN_INTERVAL_S)
    if (args.length === 0) {
      ctx.stderr.write("\nUsage:\n watch [options] command\n")
      return 1
    }
    const command = args.join(' ')
    const width = ctx.columns ?? DEFAULT_COLUMNS
    while (!ctx.signal.aborted) {
      ctx.stdout.write(REDRAW)
      if (title) {
        const left = `Every ${interval.toFixed(1)}s: ${command}`
        const right = `${ctx.env.HOSTNAME ?? 'localhost'}: ${formatDate(ctx.clock.now(), '%a %b %e %H:%M:%S %Y')}`
        ctx.stdout.write(left + ' '.repeat(Math.max(1, width - left.length - right.length)) + right + '\n\n')
      }
      await ctx.sh.runSource(command, { ...ctx, isTTY: false }, { subshell: true })
      try {
        await ctx.clock.sleep(Math.round(interval * 1000), ctx.signal)
      } catch {
        // Aborted: the loop condition ends it.
      }
    }
    return 130
  },
}
