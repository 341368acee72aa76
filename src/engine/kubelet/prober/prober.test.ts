import { describe, it, expect } from 'vitest'
import type { Container } from '../../../api/types'
import { createPodProber, initialProbeState } from './prober'
import { fakeHost, POD_IP, testPod, type FakeHost } from './testhost'

/** Advance virtual time in 100 ms steps, letting probe promises settle between timers. */
async function run(h: FakeHost, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) await h.clock.advanceAsync(100)
}

function start(h: FakeHost, c: Container) {
  const prober = createPodProber(testPod([c]), h)
  prober.startContainer(c, POD_IP, h.clock.now())
  return prober
}

const http = (extra: object = {}) => ({ httpGet: { port: 80, path: '/healthz' }, ...extra })
const messages = (h: FakeHost) => h.events.map((e) => `${e.type} ${e.reason} ${e.message}`)

describe('readiness', () => {
  it('starts not ready and reports ready once, within a second of the start (the status sync trigger)', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    start(h, { name: 'web', readinessProbe: http() })
    await run(h, 60_000)
    expect(h.results).toHaveLength(1)
    expect(h.results[0]).toMatchObject({ kind: 'readiness', container: 'web', success: true })
    expect(h.results[0].at).toBeLessThan(1000)
    expect(h.events).toEqual([])
    // Then every period: the ticker keeps probing.
    expect(h.requests.length).toBeGreaterThanOrEqual(6)
  })

  it('goes unready after failureThreshold failures in a row, emitting each failure', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    start(h, { name: 'web', readinessProbe: http({ periodSeconds: 5 }) })
    await run(h, 10_000)
    expect(h.results.map((r) => r.success)).toEqual([true])
    h.servers.delete(`${POD_IP}:80`)
    await run(h, 9_000)
    // Two failures: still ready.
    expect(h.results).toHaveLength(1)
    expect(messages(h)).toEqual([
      'Warning Unhealthy Readiness probe failed: Get "http://10.244.0.7:80/healthz": dial tcp 10.244.0.7:80: connect: connection refused',
      'Warning Unhealthy Readiness probe failed: Get "http://10.244.0.7:80/healthz": dial tcp 10.244.0.7:80: connect: connection refused',
    ])
    await run(h, 5_000)
    expect(h.results.map((r) => r.success)).toEqual([true, false])
    // The sync after the flip runs one more probe at once (UpdatePodStatus' manual trigger).
    const flipAt = h.results[1].at
    expect(h.events.filter((e) => e.at === flipAt)).toHaveLength(2)
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    await run(h, 5_000)
    expect(h.results.map((r) => r.success)).toEqual([true, false, true])
  })

  it('needs successThreshold successes in a row to become ready', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    start(h, { name: 'web', readinessProbe: http({ periodSeconds: 2, successThreshold: 3 }) })
    await run(h, 3000)
    expect(h.results).toEqual([])
    await run(h, 4000)
    expect(h.results.map((r) => r.success)).toEqual([true])
  })

  it('waits initialDelaySeconds from the container start before the first probe', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    start(h, { name: 'web', readinessProbe: http({ initialDelaySeconds: 15, periodSeconds: 5 }) })
    await run(h, 14_900)
    expect(h.requests).toHaveLength(0)
    await run(h, 5_100)
    expect(h.requests).toHaveLength(1)
    expect(h.results[0].at).toBeGreaterThanOrEqual(15_000)
    expect(h.results[0].at).toBeLessThan(20_000)
  })
})

describe('liveness', () => {
  it('starts healthy (no report), probes first within one period (seeded jitter), then every period', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    start(h, { name: 'web', livenessProbe: http() })
    await run(h, 10_000)
    expect(h.requests).toHaveLength(1)
    await run(h, 30_000)
    expect(h.requests).toHaveLength(4)
    expect(h.results).toEqual([])
  })

  it('reports a failure once the run reaches failureThreshold, then holds until the container restarts', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 404 })
    const c = { name: 'web', livenessProbe: http({ periodSeconds: 3 }) }
    const prober = start(h, c)
    await run(h, 9_000)
    expect(messages(h)).toEqual(Array(3).fill('Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404'))
    expect(h.results.map((r) => [r.kind, r.success])).toEqual([['liveness', false]])
    await run(h, 30_000)
    // On hold: no probes, no events, until a new container.
    expect(h.events).toHaveLength(3)
    prober.stopContainer('web')
    prober.startContainer(c, POD_IP, h.clock.now())
    await run(h, 9_000)
    expect(h.events).toHaveLength(6)
    expect(h.results.map((r) => r.success)).toEqual([false, false])
  })

  it('a success in between resets the failure run', async () => {
    const h = fakeHost()
    let n = 0
    // fail, fail, ok, fail, fail, ok … never three in a row
    h.servers.set(`${POD_IP}:80`, () => ({ kind: 'response', ip: POD_IP, status: ++n % 3 === 0 ? 200 : 500, reason: '', headers: [], body: '' }))
    start(h, { name: 'web', livenessProbe: http({ periodSeconds: 1 }) })
    await run(h, 20_000)
    expect(h.events.length).toBeGreaterThan(10)
    expect(h.results).toEqual([])
  })

  it('a probe error (unknown named port) is reported but never counts', async () => {
    const h = fakeHost()
    start(h, { name: 'web', livenessProbe: { httpGet: { port: 'web' }, periodSeconds: 1 } })
    await run(h, 10_000)
    expect(h.events.length).toBeGreaterThanOrEqual(9)
    expect(new Set(messages(h))).toEqual(new Set(['Warning Unhealthy Liveness probe errored: strconv.Atoi: parsing "web": invalid syntax']))
    expect(h.results).toEqual([])
  })

  it('exec: the command output is the event message', async () => {
    const h = fakeHost()
    h.execResult = () => ({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" })
    start(h, { name: 'busybox', livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, initialDelaySeconds: 5 } })
    await run(h, 30_000)
    expect(h.events[0]).toMatchObject({
      type: 'Warning', reason: 'Unhealthy', container: 'busybox',
      message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    })
    expect(h.results).toMatchObject([{ kind: 'liveness', container: 'busybox', success: false }])
  })

  it('tcp: refused connections fail with dial words', async () => {
    const h = fakeHost()
    start(h, { name: 'web', livenessProbe: { tcpSocket: { port: 8000 }, failureThreshold: 1 } })
    await run(h, 10_000)
    expect(messages(h)).toEqual(['Warning Unhealthy Liveness probe failed: dial tcp 10.244.0.7:8000: connect: connection refused'])
  })

  it('a slow probe (timeout ≥ period) runs again right after it ends, never two at once', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200, delayMs: Infinity })
    start(h, { name: 'web', livenessProbe: http({ periodSeconds: 1, timeoutSeconds: 3, failureThreshold: 100 }) })
    await run(h, 30_000)
    // Each probe takes 3 s and the buffered tick starts the next at once: ~10 in 30 s, not 30.
    expect(h.requests.length).toBeGreaterThanOrEqual(9)
    expect(h.requests.length).toBeLessThanOrEqual(11)
    expect(messages(h)[0]).toBe(
      'Warning Unhealthy Liveness probe failed: Get "http://10.244.0.7:80/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    )
  })
})

describe('startup', () => {
  it('gates liveness and readiness until it succeeds', async () => {
    const h = fakeHost()
    const c = {
      name: 'web',
      startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 2, failureThreshold: 30 },
      livenessProbe: { httpGet: { port: 80, path: '/live' }, periodSeconds: 2 },
      readinessProbe: { httpGet: { port: 80, path: '/ready' }, periodSeconds: 2 },
    }
    start(h, c)
    await run(h, 10_000)
    // Startup keeps failing (nothing listens); the others never run.
    expect(h.requests).toHaveLength(0)
    expect(h.events.every((e) => e.message.startsWith('Startup probe failed: dial tcp 10.244.0.7:80'))).toBe(true)
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    await run(h, 2_000)
    expect(h.results.map((r) => `${r.kind}=${r.success}`)).toEqual(['startup=true', 'readiness=true'])
    // Readiness ran at once after startup succeeded (the sync's trigger).
    expect(h.results[1].at).toBe(h.results[0].at)
    await run(h, 10_000)
    expect(h.requests.some((r) => r.path === '/live')).toBe(true)
  })

  it('a startup failure run is reported like liveness, and the worker holds', async () => {
    const h = fakeHost()
    start(h, { name: 'web', startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 1, failureThreshold: 3 }, livenessProbe: http() })
    await run(h, 20_000)
    expect(h.results).toMatchObject([{ kind: 'startup', success: false }])
    expect(h.events).toHaveLength(3)
  })

  it('initialProbeState says what the runtime shows before any result', () => {
    expect(initialProbeState({ name: 'a' })).toEqual({ started: true, ready: true })
    expect(initialProbeState({ name: 'a', readinessProbe: http() })).toEqual({ started: true, ready: false })
    expect(initialProbeState({ name: 'a', startupProbe: http() })).toEqual({ started: false, ready: false })
  })
})

describe('lifecycle and cost', () => {
  it('a container without probes costs no timer', () => {
    const h = fakeHost()
    const before = h.clock.pending()
    start(h, { name: 'web', image: 'nginx' })
    expect(h.clock.pending()).toBe(before)
  })

  it('stopContainer and stop leave nothing behind and drop a probe in flight', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 500, delayMs: 5000 })
    const prober = start(h, { name: 'web', livenessProbe: { httpGet: { port: 80, path: '/live' }, periodSeconds: 1, timeoutSeconds: 10, failureThreshold: 1 }, readinessProbe: http() })
    await run(h, 1_200)
    // The liveness probe is in flight (its answer takes 5 s, its timeout is 10 s).
    expect(h.requests.filter((r) => r.path === '/live')).toHaveLength(1)
    prober.stop()
    await run(h, 30_000)
    expect(h.clock.pending()).toBe(0)
    expect(h.results.filter((r) => r.kind === 'liveness')).toHaveLength(0)
  })

  it('terminating stops liveness quietly; readiness keeps probing', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    const prober = start(h, { name: 'web', livenessProbe: { httpGet: { port: 80, path: '/live' }, periodSeconds: 1 }, readinessProbe: http({ periodSeconds: 1 }) })
    await run(h, 3_000)
    prober.terminating?.()
    const n = h.requests.length
    await run(h, 5_000)
    const later = h.requests.slice(n).map((r) => r.path)
    expect(later.length).toBeGreaterThanOrEqual(4)
    expect(later.every((p) => p === '/healthz')).toBe(true)
  })

  it('restarts keep the tick phase (the worker outlives the container upstream)', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200 })
    const c = { name: 'web', livenessProbe: http() }
    const prober = start(h, c)
    await run(h, 25_000)
    prober.stopContainer('web')
    await run(h, 3_000)
    prober.startContainer(c, POD_IP, h.clock.now())
    await run(h, 20_000)
    expect(h.requestTimes).toHaveLength(4)
    const phases = new Set(h.requestTimes.map((t) => t % 10_000))
    expect(phases.size).toBe(1)
  })

  it('is deterministic for a seed', async () => {
    const once = async () => {
      const h = fakeHost(42)
      h.servers.set(`${POD_IP}:80`, { status: 503 })
      start(h, { name: 'web', readinessProbe: http(), livenessProbe: http({ periodSeconds: 7 }) })
      await run(h, 60_000)
      return JSON.stringify([h.events, h.results])
    }
    expect(await once()).toBe(await once())
  })
})
