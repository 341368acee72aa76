// Pipelines: every stage runs at once in its own subshell, joined by Pipes. When a stage ends,
// its pipe closes: the reader sees end of input, and the writer before it is aborted (SIGPIPE),
// which is how `while true; do date; sleep 1; done | head -3` finishes.
import type { Node } from '../parse/ast'
import { anySignal } from './cancel'
import { AbortedControl, STATUS_BROKEN_PIPE, STATUS_INTERRUPTED } from './control'
import type { Interpreter } from './interpreter'
import type { IO } from './io'
import { Pipe } from './streams'

export async function runPipeline(x: Interpreter, commands: Node[], io: IO): Promise<number> {
  const n = commands.length
  const pipes = commands.slice(1).map(() => new Pipe())
  const stages = commands.map(async (cmd, i) => {
    const last = i === n - 1
    const signal = last ? undefined : anySignal(io.signal, pipes[i].broken)
    const stageIO: IO = {
      ...io,
      stdin: i === 0 ? io.stdin : pipes[i - 1],
      stdout: last ? io.stdout : pipes[i],
      signal: signal ?? io.signal,
      isTTY: last ? io.isTTY : false,
    }
    try {
      return await x.subshell().execCatchingExit(cmd, stageIO)
    } catch (e) {
      if (e instanceof AbortedControl) return io.signal.aborted ? STATUS_INTERRUPTED : STATUS_BROKEN_PIPE
      throw e
    } finally {
      if (!last) pipes[i].end()
      if (i > 0) pipes[i - 1].closeRead()
      signal?.dispose()
    }
  })
  const statuses = await Promise.all(stages)
  // set -o pipefail: the last stage that failed decides, not just the last stage.
  if (x.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0
  return statuses[n - 1]
}
