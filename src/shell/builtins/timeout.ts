// timeout DURATION COMMAND [ARG]...: runs the command, stopping it after DURATION of virtual time
// (`timeout 30s kubectl get pods -w`). Status 124 when time ran out, as GNU timeout.
import { anySignal, createCancel } from '../exec/cancel'
import type { Writer } from '../types'
import type { Builtin } from './types'

/** GNU timeout's status when the command was stopped for taking too long. */
const STATUS_TIMED_OUT = 124
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

export const timeout: Builtin = {
  summary: 'Run a command with a time limit',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    while (args[0]?.startsWith('-') && args[0] !== '--') {
      const a = args.shift()!
      if ((a === '-s' || a === '-k' || a === '--signal' || a === '--kill-after') && args.length > 0) args.shift()
    }
    if (args[0] === '--') args.shift()
    const [duration, ...argv] = args
    const m = duration === undefined ? null : /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(duration)
    if (!m) {
      ctx.stderr.write(duration === undefined ? "timeout: missing operand\nTry 'timeout --help' for more information.\n" : `timeout: invalid time interval '${duration}'\nTry 'timeout --help' for more information.\n`)
      return 125
    }
    if (argv.length === 0) {
      ctx.stderr.write(`timeout: missing operand\nTry 'timeout --help' for more information.\n`)
      return 125
    }
    const ms = Math.round(Number(m[1]) * UNIT_MS[m[2]])
    const expired = createCancel()
    const timer = createCancel()
    const signal = anySignal(ctx.signal, expired.signal)
    // After the deadline, whatever the command still writes is dropped.
    const gate = (w: Writer): Writer => ({ write: (c) => (expired.signal.aborted ? undefined : w.write(c)) })
    const deadline =
      ms === 0
        ? new Promise<never>(() => {})
        : ctx.clock
            .sleep(ms, anySignal(ctx.signal, timer.signal))
            .catch(() => undefined)
            .then(() => {
              if (!timer.signal.aborted && !ctx.signal.aborted) expired.abort()
              return STATUS_TIMED_OUT
            })
    const work = ctx.sh.runArgv(argv, { ...ctx, signal, stdout: gate(ctx.stdout), stderr: gate(ctx.stderr) })
    const status = await Promise.race([work, deadline])
    timer.abort()
    signal.dispose()
    return expired.signal.aborted ? STATUS_TIMED_OUT : status
  },
}
