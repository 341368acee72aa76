// Test helpers for the network tools (and anyone testing code that uses ctx.net): a scripted
// NetworkAccess with the fabric's semantics on a ShellClock, and a shell that has it.
import { collectWriter, textReader } from '../exec/streams'
import { createCancel } from '../exec/cancel'
import { MemoryFileSystem } from '../fs'
import { createRegistry } from '../registry'
import { Shell } from '../shell'
import { fakeClock } from '../testkit'
import type { CancelSignal, HttpRequest, HttpResult, NetErrorCode, NetworkAccess, ShellClock } from '../types'
import { createNetTools } from './index'
import { isIPv4 } from './url'

/** An HTTP server (a function of the request), or 'tcp' for a server that does not speak HTTP. */
export type FakeServer = 'tcp' | ((req: HttpRequest) => { status: number; reason?: string; headers?: [string, string][]; body: string })

export interface FakeNetOptions {
  clock: ShellClock
  /** Names → IPs (`web` → 10.96.0.10). */
  names?: Record<string, string>
  /** Live addresses and what listens on their ports; a live address with no server on a port refuses. */
  hosts?: Record<string, Record<number, FakeServer>>
  /** Addresses that need ARP to fail first: unreachable after 3 s. Everything else not live times out. */
  unreachable?: string[]
  /** How long a server takes to answer (virtual ms). */
  serverDelayMs?: number
}

const KERNEL_TIMEOUT_MS = 130_000
const ARP_MS = 3_000

export function fakeNet(o: FakeNetOptions): NetworkAccess & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = []
  const resolve = (name: string) => (isIPv4(name) ? [name] : name === 'localhost' ? ['127.0.0.1'] : o.names?.[name] ? [o.names[name]] : undefined)
  const wait = async (ms: number, signal: CancelSignal) => {
    await o.clock.sleep(ms, signal)
  }
  async function failure(ip: string, timeoutMs: number | undefined, signal: CancelSignal): Promise<{ kind: 'error'; code: NetErrorCode; ip: string }> {
    const budget = Math.min(timeoutMs ?? KERNEL_TIMEOUT_MS, KERNEL_TIMEOUT_MS)
    if (o.unreachable?.includes(ip) && ARP_MS <= budget) {
      await wait(ARP_MS, signal)
      return { kind: 'error', code: 'unreachable', ip }
    }
    await wait(budget, signal)
    return { kind: 'error', code: 'timeout', ip }
  }
  const net = {
    requests,
    resolve,
    async connect(host: string, port: number, timeoutMs: number | undefined, signal: CancelSignal) {
      const ip = resolve(host)?.[0]
      if (!ip) return { kind: 'error' as const, code: 'resolve' as const }
      const live = o.hosts?.[ip]
      if (!live) return failure(ip, timeoutMs, signal)
      return live[port] ? { kind: 'open' as const, ip } : { kind: 'error' as const, code: 'refused' as const, ip }
    },
    async http(req: HttpRequest, signal: CancelSignal): Promise<HttpResult> {
      requests.push(req)
      const ip = resolve(req.host)?.[0]
      if (!ip) return { kind: 'error', code: 'resolve' }
      const live = o.hosts?.[ip]
      if (!live) return failure(ip, req.timeoutMs, signal)
      const server = live[req.port]
      if (!server) return { kind: 'error', code: 'refused', ip }
      if (server === 'tcp') return { kind: 'error', code: 'reset', ip }
      if (o.serverDelayMs) {
        if (req.timeoutMs !== undefined && req.timeoutMs < o.serverDelayMs) {
          await wait(req.timeoutMs, signal)
          return { kind: 'error', code: 'timeout', ip }
        }
        await wait(o.serverDelayMs, signal)
      }
      const res = server(req)
      const body = req.method === 'HEAD' ? '' : res.body
      return { kind: 'response', ip, status: res.status, reason: res.reason ?? REASONS[res.status] ?? '', headers: res.headers ?? [], body }
    },
    ping(host: string) {
      const ip = resolve(host)?.[0]
      if (!ip) return { kind: 'error' as const, code: 'resolve' as const }
      if (o.hosts?.[ip]) return { kind: 'reply' as const, ip, ttl: 64, rttMs: 0.05 }
      return { kind: 'error' as const, code: (o.unreachable?.includes(ip) ? 'unreachable' : 'timeout') as NetErrorCode, ip }
    },
  }
  return net
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' }

/** A shell with the network tools registered and `net` as its network (absent: no network). */
export function netShell(opts: { net?: (clock: ShellClock) => NetworkAccess; files?: { path: string; content: string }[]; cwd?: string } = {}) {
  const fs = new MemoryFileSystem(opts.files ?? [{ path: '/home/learner/.keep', content: '' }])
  const clock = fakeClock()
  const registry = createRegistry()
  for (const [name, info] of Object.entries(createNetTools())) registry.register(name, info)
  const shell = new Shell({ fs, registry, clock, net: opts.net?.(clock), cwd: opts.cwd })
  const run = async (line: string, io: { stdin?: string; isTTY?: boolean; abortAfterMs?: number } = {}) => {
    const out = collectWriter()
    const err = collectWriter()
    const cancel = createCancel()
    const start = clock.now()
    const status = await shell.run(line, { stdout: out, stderr: err, signal: cancel.signal, isTTY: io.isTTY ?? false, stdin: io.stdin !== undefined ? textReader(io.stdin) : undefined })
    return { status, stdout: out.text(), stderr: err.text(), elapsedMs: clock.now() - start }
  }
  return { fs, clock, shell, run }
}
