// Test helpers for anyone testing code that runs in the shell: a fake clock whose sleeps resolve
// at once (advancing virtual time), and a one-call way to run a script and collect its output.
import { createCancel } from './exec/cancel'
import { collectWriter, textReader } from './exec/streams'
import { MemoryFileSystem } from './fs'
import { createRegistry } from './registry'
import { Shell } from './shell'
import type { CancelSignal, CommandRegistry, ShellClock } from './types'

/** 2026-01-01T00:00:00Z, the lab's DEFAULT_START_MS (not imported: shell/ imports nothing). */
export const TEST_START_MS = 1767225600000

export function fakeClock(start = TEST_START_MS): ShellClock & { sleeps: number[] } {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    async sleep(ms: number, signal: CancelSignal) {
      sleeps.push(ms)
      if (!signal.aborted) now += ms
    },
  }
}

export interface RunResult {
  status: number
  stdout: string
  stderr: string
}

export function testShell(opts: { files?: { path: string; content: string }[]; registry?: CommandRegistry; env?: Record<string, string> } = {}) {
  const fs = new MemoryFileSystem(opts.files ?? [{ path: '/home/learner/.kube/config', content: 'apiVersion: v1\n' }])
  const clock = fakeClock()
  const registry = opts.registry ?? createRegistry()
  const shell = new Shell({ fs, registry, clock, env: opts.env })
  const run = async (line: string, io: { stdin?: string; isTTY?: boolean; columns?: number } = {}): Promise<RunResult> => {
    const out = collectWriter()
    const err = collectWriter()
    const status = await shell.run(line, {
      stdout: out,
      stderr: err,
      signal: createCancel().signal,
      stdin: io.stdin !== undefined ? textReader(io.stdin) : undefined,
      isTTY: io.isTTY ?? false,
      columns: io.columns,
    })
    return { status, stdout: out.text(), stderr: err.text() }
  }
  return { fs, clock, registry, shell, run }
}
