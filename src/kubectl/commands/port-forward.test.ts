import { describe, it, expect } from 'vitest'
import type { ForwardedRequest } from '../../api/client'
import type { CancelSignal, HttpRequest, HttpResult, NetworkAccess } from '../../shell/types'
import { FakeApi } from '../testing/fakeApi'
import { TestSignal, kubectl, newFs, words } from '../testing/harness'
import { createKubectl } from '../index'
import { parseAddresses, parsePorts } from './port-forward'
import { ephemeralPort, servicePortToTarget } from './port-forward-ports'
import type { PodObject } from './exec-target'

type Handler = (req: HttpRequest, signal: CancelSignal) => Promise<HttpResult>

/** The laptop's network: who listens where. */
function laptop(taken: string[] = []) {
  const listeners = new Map<string, Handler>()
  for (const t of taken) listeners.set(t, async () => ({ kind: 'error', code: 'refused' }))
  const net: NetworkAccess = {
    http: async (req, signal) => {
      const h = listeners.get(`127.0.0.1:${req.port}`)
      return h ? h(req, signal) : { kind: 'error', code: 'refused' }
    },
    connect: async () => ({ kind: 'error', code: 'refused' }),
    resolve: () => undefined,
    listen(address, port, handler) {
      const key = `${address}:${port}`
      if (listeners.has(key)) throw new Error('address already in use')
      listeners.set(key, handler)
      return () => { listeners.delete(key) }
    },
  }
  return { net, listeners }
}

function cluster() {
  const api = new FakeApi()
  const pod = (name: string, phase: string, labels: Record<string, string> = {}) => api.create('pods', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels, uid: `uid-${name}` },
    spec: { nodeName: 'minikube', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] }, status: { phase },
  })
  pod('web', 'Running', { app: 'web' })
  pod('slow', 'Pending')
  const forwarded: Array<{ pod: string; port: number; req: ForwardedRequest }> = []
  api.subresources.podPortForward = (_ns, name, port) => ({
    http: async (req) => {
      forwarded.push({ pod: name, port, req })
      if (port !== 80) return { kind: 'error', code: 'refused' }
      return { kind: 'response', ip: '127.0.0.1', status: 200, reason: 'OK', headers: [], body: 'welcome\n' }
    },
  })
  return { api, forwarded }
}

const get = (port: number, path = '/'): HttpRequest => ({ host: 'localhost', port, method: 'GET', path, headers: [] })
const tick = () => new Promise((r) => setTimeout(r, 0))

async function start(api: FakeApi, line: string, net: NetworkAccess) {
  const signal = new TestSignal()
  const result = { out: '', err: '', code: -1 }
  const ctx = {
    argv: ['kubectl', ...words(line)],
    stdin: { read: async () => null, readAll: async () => '' },
    stdout: { write: (s: string) => { result.out += s } },
    stderr: { write: (s: string) => { result.err += s } },
    env: { HOME: '/home/learner' }, cwd: '/home/learner', fs: newFs(),
    clock: { now: () => Date.UTC(2026, 0, 1), sleep: async () => {} },
    signal, isTTY: true, net,
  }
  const done = Promise.resolve(createKubectl({ api }).run(ctx)).then((code) => { result.code = code; return result })
  await tick()
  return { signal, result, done }
}

describe('kubectl port-forward', () => {
  it('listens on both loopbacks, forwards each connection, and runs until Ctrl-C', async () => {
    const { api, forwarded } = cluster()
    const { net, listeners } = laptop()
    const run = await start(api, 'port-forward pod/web 8000:80', net)
    expect(run.result.out).toBe('Forwarding from 127.0.0.1:8000 -> 80\nForwarding from [::1]:8000 -> 80\n')
    expect(await net.http(get(8000, '/index.html'), new TestSignal())).toMatchObject({ kind: 'response', status: 200, body: 'welcome\n' })
    expect(forwarded.map((f) => [f.pod, f.port, f.req.path])).toEqual([['web', 80, '/index.html']])
    expect(run.result.out).toMatch(/Handling connection for 8000\n$/)
    run.signal.abort()
    expect((await run.done).code).toBe(0)
    expect(listeners.size).toBe(0)
  })

  it('REMOTE alone, named ports, --address', async () => {
    const { api } = cluster()
    const { net } = laptop()
    const a = await start(api, 'port-forward web http', net)
    expect(a.result.out).toBe('Forwarding from 127.0.0.1:80 -> 80\nForwarding from [::1]:80 -> 80\n')
    a.signal.abort(); await a.done
    const b = await start(api, 'port-forward pod/web 9000:http --address 0.0.0.0', net)
    expect(b.result.out).toBe('Forwarding from 0.0.0.0:9000 -> 80\n')
    b.signal.abort(); await b.done
  })

  it("translates a Service's ports to the pod's container ports", () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 80 }] }] } } as unknown as PodObject
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'front', port: 8080, targetPort: 'http' }, { port: 9090, targetPort: 9000 }, { port: 7070 }] } }
    expect(servicePortToTarget(['front', '9000:front', '9090', '7070'], svc, pod)).toEqual(['8080:80', '9000:80', '9090:9000', '7070'])
    expect(() => servicePortToTarget(['9000'], svc, pod)).toThrow('error: Service web does not have a service port 9000')
    expect(() => servicePortToTarget(['x'], svc, pod)).toThrow("error: Service 'web' does not have a named port 'x'")
  })

  it('svc/x forwards to a ready pod behind the Service, mapping the service port to its targetPort', async () => {
    const { api, forwarded } = cluster()
    // Two pods match: the not-ready one is skipped (AttachablePodForObject sorts ready pods first).
    api.create('pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-unready', namespace: 'default', labels: { app: 'web' } },
      spec: { nodeName: 'minikube', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] },
    })
    const ready = api.get('pods', 'default', 'web')
    api.update('pods', { ...ready, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] } })
    api.create('services', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'default' },
      spec: { clusterIP: '10.96.45.12', selector: { app: 'web' }, ports: [{ name: 'front', port: 8080, protocol: 'TCP', targetPort: 'http' }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] },
    })
    const { net } = laptop()
    const run = await start(api, 'port-forward svc/web-svc 8000:8080', net)
    expect(run.result.out).toBe('Forwarding from 127.0.0.1:8000 -> 80\nForwarding from [::1]:8000 -> 80\n')
    expect(await net.http(get(8000), new TestSignal())).toMatchObject({ kind: 'response', status: 200 })
    expect(forwarded.map((f) => [f.pod, f.port])).toEqual([['web', 80]])
    run.signal.abort(); await run.done
    const named = await start(api, 'port-forward service/web-svc 9000:front', net)
    expect(named.result.out).toBe('Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n')
    named.signal.abort(); await named.done
    expect(await (await start(api, 'port-forward svc/web-svc 53', net)).done).toEqual({ code: 1, out: '', err: 'error: UDP protocol is not supported for 53\n' })
    expect(await (await start(api, 'port-forward svc/web-svc 8000:9999', net)).done).toEqual({ code: 1, out: '', err: 'error: Service web-svc does not have a service port 9999\n' })
    api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bare', namespace: 'default' }, spec: { ports: [{ port: 80 }] } })
    expect(await (await start(api, 'port-forward svc/bare 80', net)).done).toEqual({ code: 1, out: '', err: "error: invalid service 'bare': Service is defined without a selector\n" })
  })

  it(':REMOTE picks the same free ephemeral port every run', async () => {
    const { api } = cluster()
    const { net } = laptop()
    const port = ephemeralPort(Date.UTC(2026, 0, 1), 80, () => true)
    expect(port).toBeGreaterThanOrEqual(32768)
    expect(port).toBeLessThanOrEqual(60999)
    const a = await start(api, 'port-forward pod/web :80', net)
    expect(a.result.out).toBe(`Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`)
    a.signal.abort(); await a.done
  })

  it('a refused connection in the pod is logged and ends the forward: lost connection to pod', async () => {
    const { api } = cluster()
    const { net, listeners } = laptop()
    const run = await start(api, 'port-forward pod/web 8000:8000', net)
    expect(await net.http(get(8000), new TestSignal())).toEqual({ kind: 'error', code: 'reset' })
    expect(run.result.err).toBe(`E0101 00:00:00.000000       1 portforward.go:409] an error occurred forwarding 8000 -> 8000: error forwarding port 8000 to pod ${api.get('pods', 'default', 'web').metadata.uid}, uid : exit status 1: socat[1] E connect(5, AF=2 127.0.0.1:8000, 16): Connection refused\nerror: lost connection to pod\n`)
    expect((await run.done).code).toBe(1)
    expect(listeners.size).toBe(0)
  })

  it('a port in use: client-go\'s words', async () => {
    const { api } = cluster()
    const { net } = laptop(['127.0.0.1:8000', '::1:8000'])
    const run = await start(api, 'port-forward pod/web 8000:80', net)
    expect(await run.done).toEqual({ code: 1, out: '', err: 'Unable to listen on port 8000: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8000: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8000: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8000 80}]\n' })
  })

  it("learner mistakes in kubectl's words", async () => {
    const { api } = cluster()
    const { net } = laptop()
    const run = async (line: string) => (await start(api, line, net)).done
    expect(await run('port-forward pod/web')).toEqual({ code: 1, out: '', err: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n" })
    expect(await run('port-forward pod/slow 8000:80')).toEqual({ code: 1, out: '', err: 'error: unable to forward port because pod is not running. Current status=Pending\n' })
    expect(await run('port-forward pod/web 8000:nope')).toEqual({ code: 1, out: '', err: "error: Pod 'web' does not have a named port 'nope'\n" })
    expect(await run('port-forward pod/web 8000:0')).toEqual({ code: 1, out: '', err: 'error: remote port must be > 0\n' })
    expect(await run('port-forward pod/web 99999:80')).toEqual({ code: 1, out: '', err: 'error: error parsing local port \'99999\': strconv.ParseUint: parsing "99999": value out of range\n' })
    expect(await run('port-forward pod/web 80 --address nowhere')).toEqual({ code: 1, out: '', err: 'error: nowhere is not a valid IP\n' })
    expect(await run('port-forward nope 80')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(await kubectl(api, newFs(), 'port-forward pod/web 80')).toEqual({ code: 1, out: '', err: 'error: port-forward needs a network to listen on, and this terminal has none\n' })
  })

  it('parses ports and addresses as client-go does', () => {
    expect(parsePorts(['8080:80', ':80', '5000'])).toEqual([{ local: 8080, remote: 80 }, { local: 0, remote: 80 }, { local: 5000, remote: 5000 }])
    expect(parseAddresses(['localhost', '0.0.0.0']).map((a) => a.address)).toEqual(['0.0.0.0', '127.0.0.1', '::1'])
  })
})
