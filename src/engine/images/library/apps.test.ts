import { describe, it, expect } from 'vitest'
import { frontend, frontendV0, hipsterFrontend, boutiqueServices, FRONTEND_ENV, loadgenerator } from './boutique'
import { simpleservice } from './simpleservice'
import { helloApp1, whoami, httpEchoImage } from './hello'
import { polinuxStress } from './stress'
import { busybox } from './busybox'
import { minio2019 } from './minio'
import { nodeExporter } from './nodeexporter'
import { echoserver, agnhostImage } from './echo'
import { startProgram } from '../testkit'
import { MiB } from './osrelease'

const ALL_ADDRS = Object.fromEntries(FRONTEND_ENV.map((v) => [v, 'svc:1']))

describe('Online Boutique frontend', () => {
  it('panics naming PRODUCT_CATALOG_SERVICE_ADDR first, with the goroutine trace, exit 2', async () => {
    const c = startProgram(hipsterFrontend)
    expect(await c.exited).toBe(2)
    expect(c.stderr()).toBe('panic: environment variable "PRODUCT_CATALOG_SERVICE_ADDR" not set\n\ngoroutine 1 [running]:\nmain.mustMapEnv(0xc00039c000, 0xb03c4a, 0x1c)\n\t/go/src/github.com/GoogleCloudPlatform/microservices-demo/src/frontend/main.go:248 +0x10e\nmain.main()\n\t/go/src/github.com/GoogleCloudPlatform/microservices-demo/src/frontend/main.go:106 +0x3e9\n')
  })

  it('names the first missing variable in main.go\'s order (checkout before shipping)', async () => {
    const env = { ...ALL_ADDRS }
    delete env.SHIPPING_SERVICE_ADDR
    delete env.CHECKOUT_SERVICE_ADDR
    delete env.AD_SERVICE_ADDR
    const c = startProgram(frontend, { env })
    expect(await c.exited).toBe(2)
    expect(c.stderr().split('\n')[0]).toBe('panic: environment variable "CHECKOUT_SERVICE_ADDR" not set')
  })

  it('v0.10 logs its two JSON lines first and also needs SHOPPING_ASSISTANT_SERVICE_ADDR', async () => {
    const c = startProgram(frontend, { env: ALL_ADDRS })
    expect(await c.exited).toBe(2)
    expect(c.stdout()).toBe('{"message":"Tracing disabled.","severity":"info","timestamp":"2026-01-01T00:00:00Z"}\n{"message":"Profiling disabled.","severity":"info","timestamp":"2026-01-01T00:00:00Z"}\n')
    expect(c.stderr().split('\n')[0]).toBe('panic: environment variable "SHOPPING_ASSISTANT_SERVICE_ADDR" not set')
  })

  it('serves on 8080 with /_healthz once every address is set', async () => {
    const c = startProgram(frontendV0, { env: ALL_ADDRS })
    await c.settle()
    expect(c.stdout()).toContain('"message":"starting server on :8080"')
    const res = await c.request(8080, '/_healthz')
    expect([res.status, res.body]).toEqual([200, 'ok'])
  })
})

describe('Online Boutique gRPC services', () => {
  it.each([
    ['productcatalogservice', 3550], ['currencyservice', 7000], ['cartservice', 7070], ['shippingservice', 50051], ['adservice', 9555], ['paymentservice', 50051], ['emailservice', 8080],
  ])('%s listens on %i and reports SERVING', async (name, port) => {
    const spec = boutiqueServices.find((s) => s.repository.endsWith('/' + name))!
    expect(spec.shell === 'none' || spec.shell === 'sh' || spec.shell === 'bash').toBe(true)
    const c = startProgram(spec)
    for (let i = 0; i < 3; i++) await c.settle()
    expect(c.listeners.get(port)?.grpcHealth?.('')).toBe('SERVING')
  })

  it('checkoutservice and recommendationservice need their addresses', async () => {
    const checkout = startProgram(boutiqueServices.find((s) => s.repository.endsWith('/checkoutservice'))!)
    expect(await checkout.exited).toBe(2)
    expect(checkout.stderr().split('\n')[0]).toBe('panic: environment variable "SHIPPING_SERVICE_ADDR" not set')
    const rec = startProgram(boutiqueServices.find((s) => s.repository.endsWith('/recommendationservice'))!)
    expect(await rec.exited).toBe(1)
    expect(rec.stderr()).toContain('Exception: PRODUCT_CATALOG_SERVICE_ADDR environment variable not set')
  })

  it('the load generator refuses to start without FRONTEND_ADDR', async () => {
    const c = startProgram(loadgenerator, { command: ['locust'] })
    expect(await c.exited).toBe(1)
    expect(c.stderr()).toBe('FRONTEND_ADDR not specified\n')
  })
})

describe('mhausenblas/simpleservice', () => {
  it('answers /info with host as requested, version and caller, and logs like the service', async () => {
    const c = startProgram(simpleservice)
    await c.settle()
    expect(c.stderr()).toBe('2026-01-01T12:00:00 INFO This is simple service in version v0.5.0 listening on port 9876 [at line 142]\n')
    const res = await c.request(9876, '/info', { host: 'localhost:9876' }, '127.0.0.1')
    expect(res.body).toBe('{"host": "localhost:9876", "version": "0.5.0", "from": "127.0.0.1"}')
    expect(c.stderr()).toContain('2026-01-01T12:00:00 INFO /info serving from localhost:9876 has been invoked from 127.0.0.1 [at line 101]\n')
    expect((await c.request(9876, '/health')).body).toBe('{"healthy": true}')
    expect((await c.request(9876, '/nope')).status).toBe(404)
  })

  it('honours SIMPLE_SERVICE_VERSION and ignores SIGTERM', async () => {
    const c = startProgram(simpleservice, { env: { SIMPLE_SERVICE_VERSION: '0.9' } })
    await c.settle()
    expect((await c.request(9876, '/info', { host: 'service-disc' }, '10.38.0.35')).body).toBe('{"host": "service-disc", "version": "0.9", "from": "10.38.0.35"}')
    c.term()
    await c.settle()
    expect(c.exitCode()).toBeUndefined()
    c.kill()
    expect(await c.exited).toBe(137)
  })
})

describe('demo servers', () => {
  it('hello-app answers with the pod\'s hostname', async () => {
    const c = startProgram(helloApp1, { podName: 'web-7d4b9c-x2kqp' })
    await c.settle()
    expect((await c.request(8080, '/')).body).toBe('Hello, world!\nVersion: 1.0.0\nHostname: web-7d4b9c-x2kqp\n')
    expect(c.stderr()).toBe('2026/01/01 00:00:00 Server listening on port 8080\n2026/01/01 00:00:00 Serving request: /\n')
  })

  it('whoami starts with its hostname', async () => {
    const c = startProgram(whoami, { podName: 'whoami-1' })
    await c.settle()
    expect((await c.request(80, '/')).body.split('\r\n')[0]).toBe('Hostname: whoami-1')
  })

  it('http-echo echoes -text and exits 127 without it', async () => {
    const c = startProgram(httpEchoImage, { args: ['-text=hello'] })
    await c.settle()
    expect((await c.request(5678, '/')).body).toBe('hello\n')
    const bare = startProgram(httpEchoImage)
    expect(await bare.exited).toBe(127)
    expect(bare.stderr()).toBe('Missing -text option!\n')
  })

  it('echoserver echoes the request', async () => {
    const c = startProgram(echoserver, { podName: 'hello-minikube-1' })
    await c.settle()
    const body = (await c.request(8080, '/foo?x=1')).body
    expect(body).toContain('Hostname: hello-minikube-1')
    expect(body).toContain('\treal path=/foo\n\tquery=x=1\n')
  })

  it('agnhost liveness fails its health check after 10 seconds', async () => {
    const c = startProgram(agnhostImage, { args: ['liveness'] })
    await c.settle()
    expect((await c.request(8080, '/healthz')).status).toBe(200)
    await c.clock.sleep(11_000, { aborted: false, onAbort: () => () => {} })
    expect((await c.request(8080, '/healthz')).status).toBe(500)
  })
})

describe('stress', () => {
  it('holds 250 MiB with --vm-bytes 250M and keeps running', async () => {
    const c = startProgram(polinuxStress, { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] })
    await c.settle()
    expect(c.stdout()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n')
    expect(c.memory()).toBeGreaterThanOrEqual(250 * MiB)
    expect(c.exitCode()).toBeUndefined()
    c.kill()
    expect(await c.exited).toBe(137)
  })
})

describe('busybox httpd, minio, node-exporter', () => {
  it('busybox httpd -f serves a directory', async () => {
    const c = startProgram(busybox, { command: ['httpd', '-f', '-p', '8080', '-h', '/www'], files: { '/www/index.html': 'hi\n' } })
    await c.settle()
    expect((await c.request(8080, '/')).body).toBe('hi\n')
  })

  it('minio server /data answers its liveness endpoint', async () => {
    const c = startProgram(minio2019, { args: ['server', '/data'], env: { MINIO_ACCESS_KEY: 'minio', MINIO_SECRET_KEY: 'minio123' } })
    await c.settle()
    expect((await c.request(9000, '/minio/health/live')).status).toBe(200)
    expect(c.stdout()).toContain('AccessKey: minio \n')
    expect(c.stdout()).toContain('Endpoint:  http://10.244.0.7:9000  http://127.0.0.1:9000')
  })

  it('node-exporter serves Prometheus text on /metrics', async () => {
    const c = startProgram(nodeExporter)
    await c.settle()
    const res = await c.request(9100, '/metrics')
    expect(res.headers?.['Content-Type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(res.body).toContain('# TYPE node_cpu_seconds_total counter\nnode_cpu_seconds_total{cpu="0",mode="idle"} ')
    expect(res.body).toMatch(/^node_memory_MemTotal_bytes 3\.952222208e\+09$/m)
    expect(c.stderr()).toContain('level=info msg="Listening on" address=[::]:9100')
  })
})
