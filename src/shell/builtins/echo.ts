// echo [-neE] [string...]: options only when every letter is one of n, e, E (`echo -x` prints -x).
import type { Builtin } from './types'
import { unescape } from './escapes'

export const echo: Builtin = {
  summary: 'Write arguments to standard output',
  utility: true,
  run(ctx) {
    const args = ctx.argv.slice(1)
    let newline = true
    let escapes = false
    while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
      for (const c of args.shift()!.slice(1)) {
        if (c === 'n') newline = false
        else escapes = c === 'e'
      }
    }
    let text = args.join(' ')
    if (escapes) {
      const u = unescape(text, { octalNeedsZero: true })
      if (u.stop) {
        ctx.stdout.write(u.text)
        return 0
      }
      text = u.text
    }
    ctx.stdout.write(newline ? text + '\n' : text)
    return 0
  },
}
