// A fake ProbeHost for the prober's tests: a virtual clock, servers as plain functions keyed
// "ip:port", scripted exec results, and recorders for events and results.
import type { Container, KubeObject, Pod } from '../../../api/types'
import type { CancelSignal, HttpRequest, HttpResult, NetErrorCode } from '../../../shell'
import { VirtualClock } from '../../runtime/clock'
import { SeededRandom } from '../../runtime/random'
import type { GrpcCheck, ProbeHost, ProbeKind } from './types'

/** A server: answers after `delayMs` (never, when Infinity), or fails with a network error. */
export type FakeServer =
  | { status: number; body?: string; headers?: [string, string][]; delayMs?: number }
  | { error: NetErrorCode }
  | ((req: HttpRequest) => HttpResult)

export interface FakeHost extends ProbeHost {
  servers: Map<string, FakeServer>
  requests: HttpRequest[]
  /** Virtual ms since the host was made, per request. */
  requestTimes: number[]
  events: { at: number; type: string; reason: string; message: string; container: string }[]
  results: { at: number; kind: ProbeKind; container: string; success: boolean }[]
  execs: { at: number; container: string; argv: string[] }[]
  /** What exec answers; a function may vary it per call. */
  execResult: (argv: string[]) => { exitCode: number; output: string } | 'hang' | Error
  grpcStatus: Map<string, GrpcCheck>
}

export function fakeHost(seed = 1): FakeHost {
  const clock = new VirtualClock()
  const servers = new Map<string, FakeServer>()
  const host: FakeHost = {
    clock,
    random: new SeededRandom(seed),
    servers,
    requests: [],
    requestTimes: [],
    events: [],
    results: [],
    execs: [],
    grpcStatus: new Map(),
    execResult: () => ({ exitCode: 0, output: '' }),
    net: {
      http(req: HttpRequest, signal: CancelSignal): Promise<HttpResult> {
        host.requests.push(req)
        host.requestTimes.push(clock.now() - clock0)
        const s = servers.get(`${req.host}:${req.port}`)
        if (!s) return Promise.resolve({ kind: 'error', code: /^\d/.test(req.host) ? 'refused' : 'resolve' })
        if (typeof s === 'function') return Promise.resolve(s(req))
        if ('error' in s) return Promise.resolve({ kind: 'error', code: s.error })
        const res: HttpResult = { kind: 'response', ip: req.host, status: s.status, reason: '', headers: s.headers ?? [], body: s.body ?? '' }
        if (!s.delayMs) return Promise.resolve(res)
        if (s.delayMs === Infinity) return new Promise(() => {})
        return new Promise((resolve) => {
          const cancel = clock.after(s.delayMs!, () => resolve(res))
          signal.onAbort(cancel)
        })
      },
      connect(h: string, port: number) {
        const s = servers.get(`${h}:${port}`)
        if (!s) return Promise.resolve({ kind: 'error' as const, code: 'refused' as const })
        if (typeof s !== 'function' && 'error' in s) return Promise.resolve({ kind: 'error' as const, code: s.error })
        if (typeof s !== 'function' && s.delayMs === Infinity) return new Promise(() => {})
        return Promise.resolve({ kind: 'open' as const, ip: h })
      },
      resolve: () => undefined,
    },
    exec(container: string, argv: string[], timeoutMs: number) {
      host.execs.push({ at: clock.now(), container, argv })
      const r = host.execResult(argv)
      if (r === 'hang') return clock.sleep(timeoutMs * 10).then(() => ({ exitCode: 0, output: '' }))
      if (r instanceof Error) return Promise.reject(r)
      return Promise.resolve(r)
    },
    grpc(ip: string, port: number) {
      return Promise.resolve(host.grpcStatus.get(`${ip}:${port}`) ?? { kind: 'unavailable' })
    },
    event(type, reason, message, container) {
      host.events.push({ at: clock.now() - clock0, type, reason, message, container })
    },
    onResult(kind, container, success) {
      host.results.push({ at: clock.now() - clock0, kind, container, success })
    },
  }
  const clock0 = clock.now()
  return host
}

export const POD_IP = '10.244.0.7'

export function testPod(containers: Container[]): Pod & KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-1' },
    spec: { containers },
  }
}
