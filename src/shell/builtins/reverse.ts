// tac (lines last to first) and rev (characters of each line reversed).
import type { Builtin } from './types'
import { lines, readInput } from './util'

async function inputs(ctx: Parameters<Builtin['run']>[0], cmd: string): Promise<{ text: string; status: number }> {
  let text = ''
  let status = 0
  for (const f of ctx.argv.length > 1 ? ctx.argv.slice(1) : ['-']) {
    const t = await readInput(ctx, cmd, f)
    if (t === undefined) status = 1
    else text += t
  }
  return { text, status }
}

export const tac: Builtin = {
  summary: 'Concatenate and print files in reverse',
  utility: true,
  async run(ctx) {
    const { text, status } = await inputs(ctx, 'tac')
    ctx.stdout.write(lines(text).reverse().map((l) => l + '\n').join(''))
    return status
  },
}

export const rev: Builtin = {
  summary: 'Reverse lines characterwise',
  utility: true,
  async run(ctx) {
    const { text, status } = await inputs(ctx, 'rev')
    ctx.stdout.write(lines(text).map((l) => [...l].reverse().join('') + '\n').join(''))
    return status
  },
}
