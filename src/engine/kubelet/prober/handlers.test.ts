import { describe, it, expect } from 'vitest'
import { createCancel } from '../../../shell'
import type { Listener } from '../../network/types'
import { grpcViaListeners } from './grpc'
import { execProbe, grpcProbe, tcpProbe } from './handlers'
import type { ProbeContext, ProbeOutcome } from './outcome'
import { fakeHost, POD_IP, type FakeHost } from './testhost'

const container = {
  name: 'app', image: 'busybox', ports: [{ name: 'redis', containerPort: 6379 }],
  env: [{ name: 'HEALTH_FILE', value: '/tmp/healthy' }],
}

function ctx(host: FakeHost, timeoutMs = 1000): ProbeContext {
  return { host, container, podIP: POD_IP, timeoutMs, signal: createCancel().signal }
}

/** Run to completion on virtual time; also says how much virtual time it took. */
async function settle(host: FakeHost, p: Promise<ProbeOutcome>): Promise<ProbeOutcome & { tookMs: number }> {
  const t0 = host.clock.now()
  let out: (ProbeOutcome & { tookMs: number }) | undefined
  void p.then((o) => { out = { ...o, tookMs: host.clock.now() - t0 } })
  await host.clock.advanceAsync(0)
  for (let t = 0; !out && t < 60_000; t += 100) await host.clock.advanceAsync(100)
  if (!out) throw new Error('probe never finished')
  return out
}

describe('tcpSocket probe', () => {
  it('succeeds when something accepts, with no output', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:6379`, { status: 200 })
    expect(await settle(h, tcpProbe({ port: 'redis' }, ctx(h)))).toMatchObject({ result: 'success', output: '' })
  })

  it('fails with net.Dial\'s words', async () => {
    const h = fakeHost()
    expect((await settle(h, tcpProbe({ port: 8000 }, ctx(h)))).output).toBe('dial tcp 10.244.0.7:8000: connect: connection refused')
    h.servers.set('10.0.0.9:8000', { error: 'unreachable' })
    expect((await settle(h, tcpProbe({ port: 8000, host: '10.0.0.9' }, ctx(h)))).output).toBe('dial tcp 10.0.0.9:8000: connect: no route to host')
  })

  it('times out after timeoutSeconds: i/o timeout', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:8000`, { status: 200, delayMs: Infinity })
    expect(await settle(h, tcpProbe({ port: 8000 }, ctx(h, 3000)))).toEqual({
      result: 'failure', output: 'dial tcp 10.244.0.7:8000: i/o timeout', tookMs: 3000,
    })
  })

  it('an unknown port name is a probe error', async () => {
    const h = fakeHost()
    expect(await settle(h, tcpProbe({ port: 'db' }, ctx(h)))).toMatchObject({ result: 'unknown', error: 'strconv.Atoi: parsing "db": invalid syntax' })
  })
})

describe('exec probe', () => {
  it('exit 0 succeeds; the command gets $(VAR) expanded from the container env', async () => {
    const h = fakeHost()
    expect(await settle(h, execProbe({ command: ['cat', '$(HEALTH_FILE)'] }, ctx(h)))).toMatchObject({ result: 'success' })
    expect(h.execs[0]).toMatchObject({ container: 'app', argv: ['cat', '/tmp/healthy'] })
  })

  it('a non-zero exit fails with the output verbatim', async () => {
    const h = fakeHost()
    h.execResult = () => ({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" })
    expect(await settle(h, execProbe({ command: ['cat', '/tmp/healthy'] }, ctx(h)))).toMatchObject({
      result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    })
  })

  it('a command that outlives timeoutSeconds fails as the runtime words it', async () => {
    const h = fakeHost()
    h.execResult = () => 'hang'
    expect(await settle(h, execProbe({ command: ['sh', '-c', 'sleep 5'] }, ctx(h)))).toEqual({
      result: 'failure', output: 'command "sh -c sleep 5" timed out', tookMs: 1000,
    })
  })

  it('honours a host that reports the timeout itself', async () => {
    const h = fakeHost()
    h.exec = () => Promise.resolve({ exitCode: 137, output: '', timedOut: true })
    expect((await settle(h, execProbe({ command: ['x'] }, ctx(h)))).output).toBe('command "x" timed out')
  })

  it('a host that kills the command at the deadline still reads as a timeout', async () => {
    const h = fakeHost()
    h.exec = (_c, _argv, timeoutMs) => h.clock.sleep(timeoutMs).then(() => ({ exitCode: 130, output: '' }))
    expect((await settle(h, execProbe({ command: ['sleep', '9'] }, ctx(h)))).output).toBe('command "sleep 9" timed out')
  })

  it('a host that throws is a probe error', async () => {
    const h = fakeHost()
    h.execResult = () => new Error('container not running')
    expect(await settle(h, execProbe({ command: ['true'] }, ctx(h)))).toMatchObject({ result: 'unknown', error: 'container not running' })
  })
})

describe('grpc probe', () => {
  const addr = `${POD_IP}:9090`

  it('SERVING succeeds', async () => {
    const h = fakeHost()
    h.grpcStatus.set(addr, { kind: 'status', status: 'SERVING' })
    expect(await settle(h, grpcProbe({ port: 9090 }, ctx(h)))).toMatchObject({ result: 'success', output: 'service healthy' })
  })

  it('NOT_SERVING, an unknown service and a server without health fail with grpc-go\'s words', async () => {
    const h = fakeHost()
    h.grpcStatus.set(addr, { kind: 'status', status: 'NOT_SERVING' })
    expect((await settle(h, grpcProbe({ port: 9090 }, ctx(h)))).output).toBe('service unhealthy (responded with "NOT_SERVING")')
    h.grpcStatus.set(addr, { kind: 'status', status: 'SERVICE_UNKNOWN' })
    expect((await settle(h, grpcProbe({ port: 9090, service: 'foo' }, ctx(h)))).output).toBe(
      'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
    )
    h.grpcStatus.set(addr, { kind: 'unimplemented' })
    expect((await settle(h, grpcProbe({ port: 9090 }, ctx(h)))).output).toBe(
      'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health',
    )
  })

  it('nothing to talk to: the blocking dial waits out the whole timeout', async () => {
    const h = fakeHost()
    expect(await settle(h, grpcProbe({ port: 9090 }, ctx(h, 2000)))).toEqual({
      result: 'failure', output: 'timeout: failed to connect service "10.244.0.7:9090" within 2s: context deadline exceeded', tookMs: 2000,
    })
  })

  it('without host.grpc falls back to a TCP connect', async () => {
    const h = fakeHost()
    delete h.grpc
    h.servers.set(addr, { status: 200 })
    expect((await settle(h, grpcProbe({ port: 9090 }, ctx(h)))).result).toBe('success')
  })

  it('grpcViaListeners asks the listener\'s grpcHealth', async () => {
    const listeners = new Map<string, Listener>([
      [addr, { grpcHealth: (s) => (s === '' ? 'SERVING' : 'SERVICE_UNKNOWN') }],
      [`${POD_IP}:80`, { http: () => ({ status: 200, body: '' }) }],
    ])
    const grpc = grpcViaListeners((ip, port) => listeners.get(`${ip}:${port}`))
    expect(await grpc(POD_IP, 9090, '', 1000)).toEqual({ kind: 'status', status: 'SERVING' })
    expect(await grpc(POD_IP, 9090, 'x', 1000)).toEqual({ kind: 'status', status: 'SERVICE_UNKNOWN' })
    expect(await grpc(POD_IP, 80, '', 1000)).toEqual({ kind: 'unavailable' })
    expect(await grpc(POD_IP, 81, '', 1000)).toEqual({ kind: 'unavailable' })
  })
})
