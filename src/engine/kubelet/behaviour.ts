// A stand-in container process for kubelets built without the process layer (process/spawn.ts):
// the old guesses from the catalog — a server keeps running and stops quickly on SIGTERM, a
// shell image exits 0 at once, `sleep N` runs N s, any other command runs until killed. Unit
// tests of the lifecycle use it; the cluster runs real processes (createCluster passes spawn).
import type { Container } from '../../api/types'
import { lookupImage } from '../images/catalog'
import type { ContainerProcess, ProcessExit, SpawnOptions } from './process/types'

export interface Behaviour {
  /** How long the process runs before exiting 0; undefined = until stopped. */
  runMs: number | undefined
  /** How long it takes to exit after SIGTERM; undefined = it ignores SIGTERM (waits for SIGKILL). */
  stopMs: number | undefined
}

/** `sleep 5`, `sleep 3600`, `sleep infinity` as the whole command, bare or under `sh -c`. */
function sleepSeconds(argv: string[]): number | 'forever' | undefined {
  let words = argv
  if (words.length === 3 && /(^|\/)(ba)?sh$/.test(words[0]) && words[1] === '-c') words = words[2].trim().split(/\s+/)
  if (words.length !== 2 || !/(^|\/)sleep$/.test(words[0])) return undefined
  if (words[1] === 'infinity') return 'forever'
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(words[1])
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Number(m[1]) * unit
}

/** An init container's custom command (other than `sleep`) finishes after 1 s in this stand-in. */
export const INIT_COMMAND_RUN_MS = 1_000

export function containerBehaviour(c: Container, init = false): Behaviour {
  const image = lookupImage(c.image ?? '')
  const custom = [...(c.command ?? []), ...(c.args ?? [])]
  if (custom.length === 0) return { runMs: image.keepsRunning ? undefined : 0, stopMs: image.stopMs }
  const sleep = sleepSeconds(custom)
  if (init && sleep === undefined) return { runMs: INIT_COMMAND_RUN_MS, stopMs: undefined }
  // A custom command is PID 1 without a SIGTERM handler: deleting waits out the grace period.
  if (sleep === undefined || sleep === 'forever') return { runMs: undefined, stopMs: undefined }
  return { runMs: Math.round(sleep * 1000), stopMs: undefined }
}

/** SIGKILL's exit code: 128 + 9. */
const SIGKILL_EXIT = 137

/** A SpawnContainer that follows containerBehaviour on the clock (no shell, no output). */
export function spawnFromBehaviour(o: SpawnOptions): ContainerProcess {
  const b = containerBehaviour(o.container, o.init)
  const startedAtMs = o.clock.now()
  let resolve!: (e: ProcessExit) => void
  const exited = new Promise<ProcessExit>((r) => { resolve = r })
  let done = false
  const cancels: (() => void)[] = []
  const finish = (exitCode: number) => {
    if (done) return
    done = true
    for (const c of cancels) c()
    resolve({ exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', atMs: o.clock.now() })
  }
  if (b.runMs !== undefined) cancels.push(o.clock.after(b.runMs, () => finish(0)))
  return {
    exited,
    term: () => { if (b.stopMs !== undefined && !done) cancels.push(o.clock.after(b.stopMs, () => finish(0))) },
    kill: () => finish(SIGKILL_EXIT),
    usage: () => ({ cpuMillicores: 0, memoryBytes: 0 }),
    exec: async (argv, io) => { io.stderr.write(`exec: "${argv[0]}": not available in this runtime\n`); return 126 },
    session: () => { throw new Error('interactive sessions need the process layer') },
    processes: () => [{ pid: 1, user: 'root', command: [...(o.container.command ?? []), ...(o.container.args ?? [])].join(' ') || o.image.entrypoint.concat(o.image.cmd).join(' '), startedAtMs }],
  }
}
