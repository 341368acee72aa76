// Entrypoint scripts (`/docker-entrypoint.sh nginx -g 'daemon off;'`): print their own lines when
// the command is the image's server, then `exec "$@"`. exec goes through host.exec when the
// runtime offers it (so `docker-entrypoint.sh sh -c …` reaches the shell); otherwise through the
// image's own programs.
import type { CommandContext } from '../../../shell'
import type { Program, ProcessHost } from '../types'
import type { LogStep } from './server'
import { SIGKILL_EXIT, writeSteps } from './server'

export const basenameOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1)

/** Run argv as `exec "$@"` would: the runtime's exec, else a program of the same image. */
export async function execNext(ctx: CommandContext, host: ProcessHost, argv: string[], programs: Record<string, Program>, script: string): Promise<number> {
  if (argv.length === 0) return 0
  if (host.exec) return host.exec(argv)
  const next = programs[argv[0]] ?? programs[basenameOf(argv[0])]
  if (!next) {
    ctx.stderr.write(`${script}: exec: line 1: ${argv[0]}: not found\n`)
    return 127
  }
  return next({ ...ctx, argv }, host)
}

export interface EntrypointOptions {
  /** The script's path as it names itself in its lines (`/docker-entrypoint.sh`). */
  script: string
  /** Lines printed before exec when `applies(argv)` (argv without the script itself). */
  lines: (argv: string[], ctx: CommandContext) => LogStep[]
  applies: (argv: string[]) => boolean
  /**
   * A check the script makes before exec (postgres' password check). Returns lines + exit code to stop,
   * or undefined to continue.
   */
  check?: (argv: string[], ctx: CommandContext) => { lines: LogStep[]; exitCode: number } | undefined
  /** Rewrites `$@` (redis: `-*` → `redis-server -*`; mongo: `--bind_ip_all` added). */
  rewrite?: (argv: string[]) => string[]
}

/** Build the entrypoint program; `programs` is resolved lazily so the script can exec its siblings. */
export function entrypointProgram(o: EntrypointOptions, programs: () => Record<string, Program>): Program {
  return async (ctx, host) => {
    let rest = ctx.argv.slice(1)
    if (o.rewrite) rest = o.rewrite(rest)
    if (o.applies(rest)) {
      const stop = o.check?.(rest, ctx)
      if (stop) {
        await writeSteps(ctx, host, stop.lines)
        return ctx.signal.aborted ? SIGKILL_EXIT : stop.exitCode
      }
      if (!(await writeSteps(ctx, host, o.lines(rest, ctx)))) return SIGKILL_EXIT
    }
    return execNext(ctx, host, rest, programs(), o.script)
  }
}
