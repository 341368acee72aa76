import { describe, it, expect } from 'vitest'
import { createCancel, type HttpRequest, type HttpResult } from '../../shell'
import { VirtualClock } from '../runtime/clock'
import { ARP_FAILURE_MS, KERNEL_CONNECT_TIMEOUT_MS, createFabric } from './fabric'
import type { IncomingRequest, Listener, Netns } from './types'

const web: Netns = { kind: 'pod', ip: '10.244.0.5', namespace: 'default', podName: 'web' }
const client: Netns = { kind: 'pod', ip: '10.244.0.7', namespace: 'default', podName: 'client' }
const node: Netns = { kind: 'node', ip: '192.168.49.2', name: 'minikube' }
const laptop: Netns = { kind: 'laptop' }

function setup() {
  const clock = new VirtualClock()
  const fabric = createFabric({ clock })
  fabric.attach(node)
  fabric.attach(web)
  fabric.attach(client)
  const seen: IncomingRequest[] = []
  const echo: Listener = {
    http(req) {
      seen.push(req)
      return { status: 200, headers: { Server: 'nginx/1.25.5', 'Content-Type': 'text/html' }, body: 'hello\n' }
    },
  }
  return { clock, fabric, seen, echo }
}

const get = (host: string, port = 80, extra: Partial<HttpRequest> = {}): HttpRequest => ({ host, port, method: 'GET', path: '/', headers: [['Host', host], ['User-Agent', 'curl/8.5.0']], ...extra })
const signal = () => createCancel().signal

/** Runs an exchange while advancing virtual time; returns its result and how long it took. */
async function timed(clock: VirtualClock, p: Promise<HttpResult | { kind: string }>, advanceMs: number) {
  const start = clock.now()
  let done: unknown
  let at = -1
  void p.then((r) => {
    done = r
    at = clock.now() - start
  })
  await clock.advanceAsync(advanceMs)
  return { result: done as HttpResult, elapsed: at }
}

describe('fabric: HTTP between namespaces', () => {
  it('delivers to the pod listener with lower-cased headers, the caller IP and the local address', async () => {
    const { fabric, seen, echo } = setup()
    fabric.listen(web, 80, echo)
    const r = await fabric.access(client).http(get('10.244.0.5'), signal())
    expect(r).toMatchObject({ kind: 'response', ip: '10.244.0.5', status: 200, reason: 'OK', body: 'hello\n' })
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/', remoteIP: '10.244.0.7', localIP: '10.244.0.5', localPort: 80 })
    expect(seen[0].headers).toEqual({ host: '10.244.0.5', 'user-agent': 'curl/8.5.0' })
  })

  it('adds Date after Server and Content-Length after Content-Type, like nginx', async () => {
    const { fabric, echo } = setup()
    fabric.listen(web, 80, echo)
    const r = await fabric.access(client).http(get('10.244.0.5'), signal())
    expect(r.kind === 'response' && r.headers).toEqual([
      ['Server', 'nginx/1.25.5'],
      ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '6'],
    ])
  })

  it('HEAD keeps Content-Length and drops the body; 404 gets its reason phrase', async () => {
    const { fabric } = setup()
    fabric.listen(web, 80, { http: (req) => (req.path === '/' ? { status: 200, body: 'abc' } : { status: 404, body: 'nope' }) })
    const head = await fabric.access(client).http(get('10.244.0.5', 80, { method: 'HEAD' }), signal())
    expect(head).toMatchObject({ status: 200, body: '' })
    expect(head.kind === 'response' && head.headers).toContainEqual(['Content-Length', '3'])
    const missing = await fabric.access(client).http(get('10.244.0.5', 80, { path: '/x' }), signal())
    expect(missing).toMatchObject({ status: 404, reason: 'Not Found', body: 'nope' })
  })

  it('localhost, the pod IP and the pod hostname reach the pod’s own listeners', async () => {
    const { fabric, seen, echo } = setup()
    fabric.listen(web, 9876, echo)
    const net = fabric.access(web)
    expect(await net.http(get('localhost', 9876), signal())).toMatchObject({ kind: 'response', ip: '127.0.0.1' })
    expect(seen.at(-1)).toMatchObject({ remoteIP: '127.0.0.1', localIP: '127.0.0.1' })
    expect(await net.http(get('web', 9876), signal())).toMatchObject({ kind: 'response', ip: '10.244.0.5' })
    expect(seen.at(-1)).toMatchObject({ remoteIP: '10.244.0.5' })
    // Another pod's localhost is its own: nothing listens there.
    expect(await fabric.access(client).http(get('localhost', 9876), signal())).toEqual({ kind: 'error', code: 'refused', ip: '127.0.0.1' })
  })

  it('the node reaches pods from cni0’s address (what kube-probe shows in nginx logs)', async () => {
    const { fabric, seen, echo } = setup()
    fabric.listen(web, 80, echo)
    await fabric.access(node).http(get('10.244.0.5'), signal())
    expect(seen[0].remoteIP).toBe('10.244.0.1')
    expect(fabric.access(node).resolve('minikube')).toEqual(['192.168.49.2'])
    expect(fabric.access(node).resolve('host.minikube.internal')).toEqual(['192.168.49.1'])
  })

  it('an attached address with nothing on the port refuses at once', async () => {
    const { fabric } = setup()
    expect(await fabric.access(client).http(get('10.244.0.5', 8080), signal())).toEqual({ kind: 'error', code: 'refused', ip: '10.244.0.5' })
  })

  it('a name nobody resolves is a resolve error', async () => {
    const { fabric } = setup()
    expect(await fabric.access(client).http(get('web-svc'), signal())).toEqual({ kind: 'error', code: 'resolve' })
    expect(fabric.access(client).resolve('web-svc')).toBeUndefined()
  })

  it('a TCP-only server answering HTTP resets the connection; connect() sees it open', async () => {
    const { fabric } = setup()
    fabric.listen(web, 6379, {})
    const net = fabric.access(client)
    expect(await net.http(get('10.244.0.5', 6379), signal())).toEqual({ kind: 'error', code: 'reset', ip: '10.244.0.5' })
    expect(await net.connect('10.244.0.5', 6379, 2000, signal())).toEqual({ kind: 'open', ip: '10.244.0.5' })
    expect(await net.connect('10.244.0.5', 6380, 2000, signal())).toEqual({ kind: 'error', code: 'refused', ip: '10.244.0.5' })
  })

  it('a server that throws gives an empty reply', async () => {
    const { fabric } = setup()
    fabric.listen(web, 80, { http: () => { throw new Error('boom') } })
    expect(await fabric.access(client).http(get('10.244.0.5'), signal())).toMatchObject({ kind: 'error', code: 'reset' })
  })
})

describe('fabric: timeouts on virtual time', () => {
  it('the laptop cannot reach pod IPs: silence until the kernel gives up after 130 s', async () => {
    const { clock, fabric, echo } = setup()
    fabric.listen(web, 80, echo)
    const { result, elapsed } = await timed(clock, fabric.access(laptop).http(get('10.244.0.5'), signal()), 200_000)
    expect(result).toEqual({ kind: 'error', code: 'timeout', ip: '10.244.0.5' })
    expect(elapsed).toBe(KERNEL_CONNECT_TIMEOUT_MS)
  })

  it('the caller’s own timeout ends the wait earlier', async () => {
    const { clock, fabric } = setup()
    const { result, elapsed } = await timed(clock, fabric.access(laptop).http(get('10.96.0.1', 443, { timeoutMs: 5001 }), signal()), 10_000)
    expect(result).toMatchObject({ code: 'timeout' })
    expect(elapsed).toBe(5001)
  })

  it('a dead address on the pod network fails with no route after ARP gives up (3 s)', async () => {
    const { clock, fabric } = setup()
    const { result, elapsed } = await timed(clock, fabric.access(client).http(get('10.244.0.99'), signal()), 10_000)
    expect(result).toEqual({ kind: 'error', code: 'unreachable', ip: '10.244.0.99' })
    expect(elapsed).toBe(ARP_FAILURE_MS)
    const short = await timed(clock, fabric.access(client).connect('10.244.0.99', 80, 1000, signal()), 10_000)
    expect(short).toMatchObject({ result: { code: 'timeout' }, elapsed: 1000 })
  })

  it('a slow server past the caller’s timeout is a timeout; Ctrl-C ends the wait', async () => {
    const { clock, fabric } = setup()
    fabric.listen(web, 80, { http: async () => { await clock.sleep(10_000); return { status: 200, body: '' } } })
    const slow = await timed(clock, fabric.access(client).http(get('10.244.0.5', 80, { timeoutMs: 2000 }), signal()), 20_000)
    expect(slow).toMatchObject({ result: { kind: 'error', code: 'timeout' }, elapsed: 2000 })
    const c = createCancel()
    const p = fabric.access(laptop).http(get('10.244.0.5'), c.signal)
    await clock.advanceAsync(1000)
    c.abort()
    expect(await p).toMatchObject({ kind: 'error', code: 'timeout', message: 'interrupted' })
  })

  it('a detached pod IP takes its listeners with it', async () => {
    const { clock, fabric, echo } = setup()
    fabric.listen(web, 80, echo)
    fabric.detach(web)
    expect(fabric.listenerAt('10.244.0.5', 80)).toBeUndefined()
    expect(fabric.isAttached('10.244.0.5')).toBe(false)
    const { result } = await timed(clock, fabric.access(client).http(get('10.244.0.5'), signal()), 10_000)
    expect(result).toMatchObject({ code: 'unreachable' })
  })
})

describe('fabric: the laptop and port-forward', () => {
  it('reaches node IPs; localhost is what port-forward bound; a taken port is in use', async () => {
    const { fabric, echo } = setup()
    fabric.listen(node, 30080, echo)
    const net = fabric.access(laptop)
    expect(await net.http(get('192.168.49.2', 30080), signal())).toMatchObject({ kind: 'response', status: 200 })
    const relay = async (req: HttpRequest): Promise<HttpResult> => fabric.access(web).http({ ...req, host: '127.0.0.1', port: 80 }, signal())
    fabric.listen(web, 80, echo)
    const close = net.listen!('127.0.0.1', 8080, relay)
    expect(() => net.listen!('localhost', 8080, relay)).toThrow('address already in use')
    expect(await net.http(get('localhost', 8080), signal())).toMatchObject({ kind: 'response', ip: '127.0.0.1', body: 'hello\n' })
    close()
    expect(await net.http(get('localhost', 8080), signal())).toMatchObject({ kind: 'error', code: 'refused' })
  })

  it('a relay whose pod side fails gives the local client an empty reply', async () => {
    const { fabric } = setup()
    const net = fabric.access(laptop)
    net.listen!('127.0.0.1', 8080, async () => ({ kind: 'error', code: 'refused' }))
    expect(await net.http(get('127.0.0.1', 8080), signal())).toMatchObject({ kind: 'error', code: 'reset' })
    expect(await net.connect('127.0.0.1', 8080, undefined, signal())).toEqual({ kind: 'open', ip: '127.0.0.1' })
  })

  it('listening twice on a pod port is refused with the kernel’s words', () => {
    const { fabric, echo } = setup()
    fabric.listen(web, 80, echo)
    expect(() => fabric.listen(web, 80, echo)).toThrow('address already in use')
    expect(fabric.listenerAt('10.244.0.5', 80)).toBe(echo)
  })
})

describe('fabric: hooks for Services and DNS', () => {
  it('resolvers add names; translators DNAT, reject or drop', async () => {
    const { clock, fabric, seen, echo } = setup()
    fabric.listen(web, 8080, echo)
    fabric.addResolver((name) => (name === 'web-svc' ? ['10.96.12.34'] : undefined))
    const remove = fabric.addTranslator(({ ip, port, from }) => {
      if (ip !== '10.96.12.34' || from.kind === 'laptop') return undefined
      if (port === 80) return { kind: 'forward', ip: '10.244.0.5', port: 8080 }
      if (port === 81) return { kind: 'reject' }
      return { kind: 'drop' }
    })
    const net = fabric.access(client)
    expect(await net.http(get('web-svc'), signal())).toMatchObject({ kind: 'response', ip: '10.96.12.34' })
    expect(seen[0]).toMatchObject({ localIP: '10.244.0.5', localPort: 8080, remoteIP: '10.244.0.7' })
    expect(await net.http(get('web-svc', 81), signal())).toMatchObject({ code: 'refused', ip: '10.96.12.34' })
    expect((await timed(clock, net.http(get('web-svc', 82), signal()), 200_000)).elapsed).toBe(KERNEL_CONNECT_TIMEOUT_MS)
    // The laptop: no rule matches, and 10.96.0.0/12 is not routed there.
    expect((await timed(clock, fabric.access(laptop).http(get('10.96.12.34'), signal()), 200_000)).result).toMatchObject({ code: 'timeout' })
    remove()
    expect((await timed(clock, net.http(get('web-svc'), signal()), 200_000)).result).toMatchObject({ code: 'timeout' })
  })
})

describe('fabric: ping', () => {
  it('pods and nodes answer; the laptop gets no answer from pod IPs; dead on-link IPs are unreachable', () => {
    const { fabric } = setup()
    expect(fabric.access(client).ping!('10.244.0.5')).toEqual({ kind: 'reply', ip: '10.244.0.5', ttl: 64, rttMs: 0.05 })
    expect(fabric.access(laptop).ping!('192.168.49.2')).toMatchObject({ kind: 'reply' })
    expect(fabric.access(laptop).ping!('10.244.0.5')).toEqual({ kind: 'error', code: 'timeout', ip: '10.244.0.5' })
    expect(fabric.access(client).ping!('10.244.0.77')).toMatchObject({ code: 'unreachable' })
    expect(fabric.access(client).ping!('nowhere')).toEqual({ kind: 'error', code: 'resolve' })
  })
})
