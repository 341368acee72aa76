import { describe, it, expect } from 'vitest'
import { createCancel } from '../../../shell'
import { canonicalHeaderKey, httpProbe, probeHeaders } from './http'
import type { ProbeContext, ProbeOutcome } from './outcome'
import { fakeHost, POD_IP, type FakeHost } from './testhost'

const container = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }

function ctx(host: FakeHost, timeoutMs = 1000): ProbeContext {
  return { host, container, podIP: POD_IP, timeoutMs, signal: createCancel().signal }
}

/** Run the probe to completion on virtual time. */
async function settle(host: FakeHost, p: Promise<ProbeOutcome>, ms = 30_000): Promise<ProbeOutcome> {
  let out: ProbeOutcome | undefined
  void p.then((o) => { out = o })
  await host.clock.advanceAsync(0)
  for (let t = 0; !out && t < ms; t += 100) await host.clock.advanceAsync(100)
  if (!out) throw new Error('probe never finished')
  return out
}

describe('httpGet probe', () => {
  it('succeeds on 200–399 with the body as output', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200, body: 'ok' })
    expect(await settle(h, httpProbe({ port: 80, path: '/index.html' }, ctx(h)))).toEqual({ result: 'success', output: 'ok' })
    expect(h.requests[0]).toMatchObject({ host: POD_IP, port: 80, scheme: 'http', method: 'GET', path: '/index.html', timeoutMs: 1000 })
  })

  it('fails on ≥ 400 with upstream\'s words and without the body', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 404, body: 'not found' })
    expect(await settle(h, httpProbe({ port: 'http', path: '/healthz' }, ctx(h)))).toEqual({
      result: 'failure', output: 'HTTP probe failed with statuscode: 404',
    })
  })

  it('turns a refused connection into Go\'s url.Error text', async () => {
    const h = fakeHost()
    expect((await settle(h, httpProbe({ port: 80, path: '/index.html' }, ctx(h)))).output).toBe(
      'Get "http://10.244.0.7:80/index.html": dial tcp 10.244.0.7:80: connect: connection refused',
    )
  })

  it('maps the other network errors to Go\'s words', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:81`, { error: 'unreachable' })
    h.servers.set(`${POD_IP}:82`, { error: 'timeout' })
    h.servers.set(`${POD_IP}:83`, { error: 'reset' })
    const out = async (port: number) => (await settle(h, httpProbe({ port, path: '/' }, ctx(h)))).output
    expect(await out(81)).toBe('Get "http://10.244.0.7:81/": dial tcp 10.244.0.7:81: connect: no route to host')
    expect(await out(82)).toBe('Get "http://10.244.0.7:82/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)')
    expect(await out(83)).toMatch(/^Get "http:\/\/10\.244\.0\.7:83\/": read tcp 10\.244\.0\.1:\d{5}->10\.244\.0\.7:83: read: connection reset by peer$/)
    expect((await settle(h, httpProbe({ port: 80, host: 'backend' }, ctx(h)))).output).toBe(
      'Get "http://backend:80": dial tcp: lookup backend on 192.168.49.1:53: no such host',
    )
  })

  it('times out after timeoutSeconds when the server is slow', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 200, delayMs: Infinity })
    const t0 = h.clock.now()
    let doneAt = 0
    const p = httpProbe({ port: 80, path: '/healthz' }, ctx(h, 2000)).then((o) => { doneAt = h.clock.now(); return o })
    expect((await settle(h, p)).output).toBe(
      'Get "http://10.244.0.7:80/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    )
    expect(doneAt - t0).toBe(2000)
  })

  it('builds the URL as Go prints it: no path → no slash in the message, "/" on the wire', async () => {
    const h = fakeHost()
    const out = await settle(h, httpProbe({ port: 80 }, ctx(h)))
    expect(out.output).toBe('Get "http://10.244.0.7:80": dial tcp 10.244.0.7:80: connect: connection refused')
    expect(h.requests[0].path).toBe('/')
    await settle(h, httpProbe({ port: 80, path: 'health?x=1', scheme: 'HTTPS' }, ctx(h)))
    expect(h.requests[1]).toMatchObject({ path: '/health?x=1', scheme: 'https' })
  })

  it('reports a probe error (not a failure) for an unknown named port', async () => {
    const h = fakeHost()
    expect(await settle(h, httpProbe({ port: 'web' }, ctx(h)))).toEqual({
      result: 'unknown', output: '', error: 'strconv.Atoi: parsing "web": invalid syntax',
    })
    expect(h.requests).toHaveLength(0)
  })

  it('follows redirects on the same host', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, (req) => req.path === '/old'
      ? { kind: 'response', ip: POD_IP, status: 301, reason: 'Moved', headers: [['Location', '/new']], body: '' }
      : { kind: 'response', ip: POD_IP, status: 200, reason: 'OK', headers: [], body: 'new' })
    expect(await settle(h, httpProbe({ port: 80, path: '/old' }, ctx(h)))).toEqual({ result: 'success', output: 'new' })
    expect(h.requests.map((r) => r.path)).toEqual(['/old', '/new'])
  })

  it('stops at a redirect to another host: success with a warning', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 302, headers: [['Location', 'http://example.com/']], body: 'moved' })
    expect(await settle(h, httpProbe({ port: 80, path: '/' }, ctx(h)))).toEqual({
      result: 'warning', output: 'Probe terminated redirects, Response body: moved',
    })
    expect(h.requests).toHaveLength(1)
  })

  it('gives up after 10 redirects', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 302, headers: [['Location', '/loop']] })
    expect(await settle(h, httpProbe({ port: 80, path: '/' }, ctx(h)))).toEqual({
      result: 'failure', output: 'Get "/loop": stopped after 10 redirects',
    })
    expect(h.requests).toHaveLength(10)
  })

  it('a 3xx without Location ends as a warning', async () => {
    const h = fakeHost()
    h.servers.set(`${POD_IP}:80`, { status: 304 })
    expect((await settle(h, httpProbe({ port: 80 }, ctx(h)))).result).toBe('warning')
  })
})

describe('probe request headers', () => {
  it('sends Host, kube-probe/1.30, Accept */* and Connection: close by default', () => {
    expect(probeHeaders([], { host: POD_IP, port: 80 })).toEqual([
      ['Host', '10.244.0.7:80'], ['User-Agent', 'kube-probe/1.30'], ['Accept', '*/*'], ['Connection', 'close'],
    ])
  })

  it('canonicalises names, keeps repeats, sorts, and lets the probe override Host, User-Agent and Accept', () => {
    expect(probeHeaders([
      { name: 'x-custom', value: 'b' }, { name: 'User-Agent', value: 'me' }, { name: 'accept', value: '' },
      { name: 'X-Custom', value: 'c' }, { name: 'host', value: 'www.example.com' }, { name: 'authorization', value: 't' },
    ], { host: POD_IP, port: 80 })).toEqual([
      ['Host', 'www.example.com'], ['User-Agent', 'me'], ['Authorization', 't'], ['X-Custom', 'b'], ['X-Custom', 'c'], ['Connection', 'close'],
    ])
  })

  it('canonicalHeaderKey is textproto\'s', () => {
    expect(canonicalHeaderKey('content-TYPE')).toBe('Content-Type')
    expect(canonicalHeaderKey('bad header')).toBe('bad header')
  })
})
