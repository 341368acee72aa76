import { describe, it, expect } from 'vitest'
import { createCancel } from '../../../shell'
import { runProbe, type ProbeVerdict } from './run'
import { fakeHost, POD_IP, testPod, type FakeHost } from './testhost'

const container = { name: 'web', image: 'nginx' }
const pod = testPod([container])

async function probe(h: FakeHost, p: object, kind: 'liveness' | 'readiness' | 'startup' = 'readiness'): Promise<ProbeVerdict> {
  let v: ProbeVerdict | undefined
  void runProbe(kind, p, pod, { host: h, container, podIP: POD_IP, timeoutMs: 1000, signal: createCancel().signal }).then((r) => { v = r })
  for (let i = 0; i < 50 && !v; i++) await h.clock.advanceAsync(100)
  return v!
}

describe('runProbe (prober.go probe)', () => {
  it('a failure records Warning Unhealthy "<Kind> probe failed: <output>"', async () => {
    const h = fakeHost()
    expect(await probe(h, { tcpSocket: { port: 8000 } })).toBe('failure')
    expect(h.events).toMatchObject([{ type: 'Warning', reason: 'Unhealthy', container: 'web', message: 'Readiness probe failed: dial tcp 10.244.0.7:8000: connect: connection refused' }])
  })

  it('a success records nothing', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 204 })
    expect(await probe(h, { httpGet: { port: 80 } }, 'startup')).toBe('success')
    expect(h.events).toEqual([])
  })

  it('a redirect elsewhere succeeds with a ProbeWarning event', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 301, headers: [['Location', 'https://example.com/']], body: 'moved' })
    expect(await probe(h, { httpGet: { port: 80 } }, 'liveness')).toBe('success')
    expect(h.events).toMatchObject([{ type: 'Warning', reason: 'ProbeWarning', message: 'Liveness probe warning: Probe terminated redirects, Response body: moved' }])
  })

  it('an error is retried 3 times, then recorded once as "errored"', async () => {
    const h = fakeHost()
    h.execResult = () => new Error('container not running')
    expect(await probe(h, { exec: { command: ['true'] } }, 'startup')).toBe('error')
    expect(h.execs).toHaveLength(3)
    expect(h.events.map((e) => e.message)).toEqual(['Startup probe errored: container not running'])
  })

  it('a probe without a handler is an error naming the pod as format.Pod does', async () => {
    const h = fakeHost()
    expect(await probe(h, {})).toBe('error')
    expect(h.events[0].message).toBe('Readiness probe errored: missing probe handler for web_default(uid-1):web')
  })
})
