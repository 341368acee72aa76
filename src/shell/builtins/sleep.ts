// sleep NUMBER[smhd]...: virtual time from ctx.clock ("sleep 1.5m" is 90 s); Ctrl-C ends it (130).
import type { Builtin } from './types'

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

export const sleep: Builtin = {
  summary: 'Delay for a specified amount of time',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    if (args.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n")
      return 1
    }
    let ms = 0
    for (const a of args) {
      // GNU and busybox sleep take `infinity` (`command: ["sleep", "infinity"]` keeps a pod up).
      if (/^inf(inity)?$/i.test(a)) {
        ms = Infinity
        continue
      }
      const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a)
      if (!m) {
        ctx.stderr.write(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`)
        return 1
      }
      ms += Number(m[1]) * UNIT_MS[m[2]]
    }
    if (ctx.signal.aborted) return 130
    if (ms === Infinity) {
      // No timer: nothing ever falls due, only a signal ends it.
      await new Promise<void>((resolve) => { ctx.signal.onAbort(resolve) })
      return 130
    }
    try {
      await ctx.clock.sleep(Math.round(ms), ctx.signal)
    } catch {
      // The clock may reject on abort; either way the status says what happened.
    }
    return ctx.signal.aborted ? 130 : 0
  },
}
