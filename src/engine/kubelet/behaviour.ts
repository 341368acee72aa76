// What a container does once started, decided from its image and command (data in
// images/catalog.ts; the rules are documented in images/CONTEXT.md).
import type { Container } from '../../api/types'
import { lookupImage } from '../images/catalog'

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

/**
 * An init container's custom command (other than `sleep`) finishes after 1 s: init containers
 * are one-shot set-up steps (write a file, run a migration). A later issue runs them for real.
 */
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
