// The smallest builtins: true, false, :, clear, yes, pwd.
import { hostTurn } from '../exec/runtime'
import { Pipe } from '../exec/streams'
import type { Builtin } from './types'

/** ESC[H home, ESC[2J erase screen, ESC[3J erase scrollback: what `clear` writes on xterm. */
const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J'
/** `yes` writes this many lines per chunk, then lets the reader run. */
const YES_LINES_PER_CHUNK = 64

export const trueCmd: Builtin = { summary: 'Do nothing, successfully', utility: true, run: () => 0 }
export const falseCmd: Builtin = { summary: 'Do nothing, unsuccessfully', utility: true, run: () => 1 }
export const colon: Builtin = { summary: 'Null command', run: () => 0 }

export const clear: Builtin = {
  summary: 'Clear the terminal screen',
  utility: true,
  run(ctx) {
    ctx.stdout.write(CLEAR_SEQUENCE)
    return 0
  },
}

export const yes: Builtin = {
  summary: 'Output a string repeatedly until killed',
  utility: true,
  async run(ctx) {
    const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n'
    const chunk = line.repeat(YES_LINES_PER_CHUNK)
    // Stops when the pipe's reader goes away (the stage's signal aborts) or on Ctrl-C.
    while (!ctx.signal.aborted) {
      ctx.stdout.write(chunk)
      if (ctx.stdout instanceof Pipe) await ctx.stdout.drained()
      await hostTurn(ctx.clock, ctx.signal)
    }
    return 0
  },
}

export const pwd: Builtin = {
  summary: 'Print the name of the current working directory',
  utility: true,
  run(ctx) {
    ctx.stdout.write(ctx.cwd + '\n')
    return 0
  },
}
