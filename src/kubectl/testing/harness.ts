// Run kubectl in tests: `kubectl(api, fs, 'get pods -n x')` → { out, err, code }.
import type { ApiClient } from '../../api/client'
import type { CancelSignal, CommandContext } from '../context'
import { createKubectl, defaultKubeconfig } from '../index'
import { MemFs } from './fakeFs'

export const HOME = '/home/learner'
export const START_MS = Date.UTC(2026, 0, 1)

export interface RunResult { out: string; err: string; code: number }

export function newFs(files: Record<string, string> = {}): MemFs {
  return new MemFs({ [`${HOME}/.kube/config`]: defaultKubeconfig(), ...files })
}

/** Split like a shell would for simple test lines: spaces, with '...' / "..." quoting. */
export function words(line: string): string[] {
  const out: string[] = []
  let cur: string | undefined
  let quote: string | undefined
  for (const ch of line) {
    if (quote) { if (ch === quote) quote = undefined; else cur = (cur ?? '') + ch; continue }
    if (ch === "'" || ch === '"') { quote = ch; cur = cur ?? ''; continue }
    if (ch === ' ') { if (cur !== undefined) out.push(cur); cur = undefined; continue }
    cur = (cur ?? '') + ch
  }
  if (cur !== undefined) out.push(cur)
  return out
}

export class TestSignal implements CancelSignal {
  aborted = false
  private fns: Array<() => void> = []
  onAbort(fn: () => void): () => void {
    if (this.aborted) { fn(); return () => {} }
    this.fns.push(fn)
    return () => { this.fns = this.fns.filter((f) => f !== fn) }
  }
  abort(): void { this.aborted = true; this.fns.splice(0).forEach((f) => f()) }
}

export interface RunOpts {
  /** When true, clock.sleep only returns when its signal aborts (time never advances on its own). */
  frozenClock?: boolean
  stdin?: string; env?: Record<string, string>; signal?: TestSignal; now?: number; onStdout?: (s: string) => void; isTTY?: boolean }

export function startKubectl(api: ApiClient, fs: MemFs, line: string | string[], o: RunOpts = {}): { done: Promise<RunResult>; result: RunResult } {
  const result: RunResult = { out: '', err: '', code: -1 }
  let stdinUsed = false
  const ctx: CommandContext = {
    argv: ['kubectl', ...(Array.isArray(line) ? line : words(line))],
    stdin: {
      read: async () => { if (stdinUsed) return null; stdinUsed = true; return o.stdin ?? null },
      readAll: async () => o.stdin ?? '',
    },
    stdout: { write: (s) => { result.out += s; o.onStdout?.(s) } },
    stderr: { write: (s) => { result.err += s } },
    env: { HOME, ...(o.env ?? {}) },
    cwd: HOME,
    fs,
    clock: {
      now: () => o.now ?? START_MS,
      sleep: (_ms, sig) => (o.frozenClock ? new Promise<void>((res) => { sig.onAbort(() => res()) }) : Promise.resolve()),
    },
    signal: o.signal ?? new TestSignal(),
    isTTY: o.isTTY ?? false,
  }
  const done = Promise.resolve(createKubectl({ api }).run(ctx)).then((code) => { result.code = code; return result })
  return { done, result }
}

export function kubectl(api: ApiClient, fs: MemFs, line: string | string[], o: RunOpts = {}): Promise<RunResult> {
  return startKubectl(api, fs, line, o).done
}
