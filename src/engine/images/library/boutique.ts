// Online Boutique (GoogleCloudPlatform/microservices-demo, formerly Hipster Shop): eleven services.
// The frontend panics naming the first *_SERVICE_ADDR it lacks, in the order main.go checks them;
// the others are gRPC servers answering grpc.health.v1 SERVING on their documented ports. The
// course's own builds (kovtalex/hipster-frontend, kovtalex/hipster-paymentservice) are aliases.
import type { IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { DISTROLESS_12, MiB } from './osrelease'
import type { Exit, LineCtx, LogStep, ServeCtx } from './server'
import { pathOf, printProgram, serverProgram, text } from './server'
import { goNano, isoMs, pyAsctime } from './timefmt'
import { GO_PID1_TERM_EXIT } from './nodeexporter'

/** The frontend's mustMapEnv calls, in main.go's order (checkout before shipping). */
export const FRONTEND_ENV = ['PRODUCT_CATALOG_SERVICE_ADDR', 'CURRENCY_SERVICE_ADDR', 'CART_SERVICE_ADDR', 'RECOMMENDATION_SERVICE_ADDR', 'CHECKOUT_SERVICE_ADDR', 'SHIPPING_SERVICE_ADDR', 'AD_SERVICE_ADDR']

/** main.go line of each mustMapEnv call in the 2019 source the course built (106 = the first). */
const FIRST_MUSTMAPENV_LINE = 106

/** Go's panic for a missing variable, with the goroutine trace the course's transcript shows. */
export function goEnvPanic(name: string, binary: string, line: number): string {
  // The string header's address and length: the length is the variable name's (0x1c = 28 for PRODUCT_CATALOG_SERVICE_ADDR).
  return `panic: environment variable "${name}" not set\n\ngoroutine 1 [running]:\nmain.mustMapEnv(0xc00039c000, 0xb03c4a, 0x${name.length.toString(16)})\n\t/go/src/github.com/GoogleCloudPlatform/microservices-demo/src/${binary}/main.go:248 +0x10e\nmain.main()\n\t/go/src/github.com/GoogleCloudPlatform/microservices-demo/src/${binary}/main.go:${line} +0x3e9`
}

/** Exit code of an unrecovered Go panic. */
export const GO_PANIC_EXIT = 2

const logrus = (message: string, extra: Record<string, string> = {}, afterMs?: number): LogStep => ({
  afterMs,
  // logrus' JSONFormatter sorts keys: message, severity, timestamp (RFC3339Nano).
  text: (c) => JSON.stringify({ ...extra, message, severity: 'info', timestamp: goNano(c.nowMs) }),
})

function requestId(nowMs: number, path: string): string {
  const h = (nowMs * 2654435761 + path.length * 40503) >>> 0
  const hex = h.toString(16).padStart(8, '0')
  return `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-a${hex.slice(5, 8)}-${hex}${hex.slice(0, 4)}`
}

async function frontendHttp(req: IncomingRequest, s: ServeCtx): Promise<ReturnType<typeof text>> {
  const path = pathOf(req)
  const id = requestId(s.ctx.clock.now(), req.path)
  const line = (message: string, extra: Record<string, string | number> = {}) =>
    s.log(JSON.stringify({ 'http.req.id': id, 'http.req.method': req.method, 'http.req.path': req.path, ...extra, message, session: id, severity: 'debug', timestamp: isoMs(s.ctx.clock.now()) }))
  line('request started')
  let res
  if (path === '/_healthz') res = text(200, 'ok')
  else if (path === '/robots.txt') res = text(200, 'User-agent: *\nDisallow: /')
  else if (path === '/') {
    const addr = s.ctx.env.CURRENCY_SERVICE_ADDR ?? ''
    const [h, p] = addr.split(':')
    const r = s.ctx.net ? await s.ctx.net.connect(h, Number(p), 3_000, s.ctx.signal) : { kind: 'open' as const }
    res = r.kind === 'open'
      ? text(200, '<!DOCTYPE html>\n<html lang="en">\n<head>\n    <meta charset="UTF-8">\n    <title>Online Boutique</title>\n</head>\n<body>\n    <h1>Online Boutique</h1>\n</body>\n</html>\n', 'text/html; charset=utf-8')
      : text(500, `<!DOCTYPE html>\n<html lang="en">\n<head><title>Online Boutique</title></head>\n<body>\n<h3>Uh, oh!</h3>\n<p>Something has failed. Below are some details for debugging.</p>\n<p><strong>HTTP Status:</strong> 500 Internal Server Error</p>\n<pre>could not retrieve currencies: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp: lookup ${h}: no such host"</pre>\n</body>\n</html>\n`, 'text/html; charset=utf-8')
  } else res = text(404, '404 page not found\n')
  line('request complete', { 'http.resp.bytes': res.body.length, 'http.resp.status': res.status, 'http.resp.took_ms': 1 })
  return res
}

/** The modern builds' trace (Go ≥ 1.17 register ABI, WORKDIR /src). */
function modernPanic(name: string, line: number): string {
  return `panic: environment variable "${name}" not set\n\ngoroutine 1 [running]:\nmain.mustMapEnv(0xc0000a6af8?, {0x1101b5a, 0x${name.length.toString(16)}})\n\t/src/main.go:203 +0xb8\nmain.main()\n\t/src/main.go:${line} +0x6f5`
}

interface FrontendBuild {
  /** v0.3+ log "Tracing disabled." and "Profiling disabled." before checking the environment. */
  announces: boolean
  /** Variables main.go maps, in order (v0.10 adds SHOPPING_ASSISTANT_SERVICE_ADDR). */
  env: string[]
  trace: (name: string, index: number) => string
}

/** The frontend binary: checks its addresses in main.go's order, then serves on PORT (8080). */
export function frontendProgramFor(b: FrontendBuild): Program {
  return (ctx, host) => serverProgram({
    listen: (c) => [{ port: Number(c.env.PORT || 8080), http: frontendHttp }],
    ready: (c) => [logrus(`starting server on ${c.env.LISTEN_ADDR ?? ''}:${c.env.PORT || 8080}`)],
    memoryBytes: 14 * MiB,
    cpuMillicores: 2,
    onTerm: { lines: [], exitCode: GO_PID1_TERM_EXIT },
  })(ctx, host)
}

/** The 2019 source the course built (kovtalex/hipster-frontend) and v0.1.x: no lines before the panic. */
export const frontendProgram = checkedFrontend({ announces: false, env: FRONTEND_ENV, trace: (name, i) => goEnvPanic(name, 'frontend', FIRST_MUSTMAPENV_LINE + i) })

/** Wrap the server with main.go's environment check (the panic comes before any listen). */
function checkedFrontend(b: FrontendBuild): Program {
  const serve = frontendProgramFor(b)
  return async (ctx, host) => {
    const i = b.env.findIndex((v) => !ctx.env[v])
    if (i < 0) return serve(ctx, host)
    const steps: LogStep[] = [...(b.announces ? [logrus('Tracing disabled.'), logrus('Profiling disabled.')] : []), { stderr: true, text: b.trace(b.env[i], i) }]
    return printProgram(steps, GO_PANIC_EXIT)(ctx, host)
  }
}

const MODERN_FRONTEND = checkedFrontend({ announces: true, env: FRONTEND_ENV, trace: (name, i) => modernPanic(name, 148 + i) })
const V010_FRONTEND = checkedFrontend({ announces: true, env: [...FRONTEND_ENV, 'SHOPPING_ASSISTANT_SERVICE_ADDR'], trace: (name, i) => modernPanic(name, 156 + i) })

/** `/bin/grpc_health_probe -addr=:3550`: older manifests' exec probe. */
export const grpcHealthProbe: Program = async (ctx) => {
  const addr = ctx.argv.find((a) => a.startsWith('-addr='))?.slice(6) ?? ''
  const i = addr.lastIndexOf(':')
  const h = addr.slice(0, i) || '127.0.0.1'
  const port = Number(addr.slice(i + 1))
  const r = ctx.net ? await ctx.net.connect(h, port, 1_000, ctx.signal) : { kind: 'error' as const }
  if (r.kind === 'open') { ctx.stdout.write('status: SERVING\n'); return 0 }
  ctx.stderr.write(`timeout: failed to connect service "${addr}" within 1s\n`)
  return 2
}

interface GrpcService {
  name: string
  port: number
  language: 'go' | 'node' | 'python' | 'dotnet' | 'java'
  /** Variables checked at start (checkoutservice's mustMapEnv, recommendation's raise). */
  required?: string[]
  lines: (c: LineCtx) => LogStep[]
  memoryBytes: number
}

function missing(s: GrpcService, c: LineCtx): Exit | undefined {
  const name = s.required?.find((v) => !c.env[v])
  if (!name) return undefined
  if (s.language === 'python') return { exitCode: 1, lines: [{ stderr: true, text: `Traceback (most recent call last):\n  File "/${s.name}/${s.name.replace('service', '_server')}.py", line 124, in <module>\n    raise Exception('${name} environment variable not set')\nException: ${name} environment variable not set` }] }
  return { exitCode: GO_PANIC_EXIT, lines: [{ stderr: true, text: goEnvPanic(name, s.name, 95 + (s.required ?? []).indexOf(name)).replace('main.go:248', 'main.go:301') }] }
}

/** Node and python servers have no SIGTERM handler (PID 1 ignores it); Go exits 2; .NET and Java stop cleanly. */
function termOf(s: GrpcService): 'ignore' | Exit {
  if (s.language === 'node' || s.language === 'python') return 'ignore'
  if (s.language === 'go') return { lines: [], exitCode: GO_PID1_TERM_EXIT }
  if (s.language === 'dotnet') return { lines: [{ text: 'info: Microsoft.Hosting.Lifetime[0]\n      Application is shutting down...' }], exitCode: 0 }
  return { lines: [], exitCode: 143 }
}

function grpcProgram(s: GrpcService): Program {
  return serverProgram({
    preflight: (c) => missing(s, c),
    startup: (c) => s.lines(c),
    listen: (c) => [{ port: Number(c.env.PORT || s.port), grpc: true }],
    memoryBytes: s.memoryBytes,
    cpuMillicores: 2,
    onTerm: termOf(s),
  })
}

const goLog = (message: string): LogStep => logrus(message)
const nodeLog = (name: string, message: string): LogStep => ({ text: (c) => JSON.stringify({ severity: 'info', time: c.nowMs, pid: 1, hostname: c.host.pod.name, name, message }) })
const pyLog = (name: string, message: string): LogStep => ({ text: (c) => JSON.stringify({ timestamp: pyAsctime(c.nowMs), severity: 'INFO', name, message }) })

const SERVICES: (GrpcService & { tools?: string[]; shell: ImageSpec['shell']; size: number; description: string })[] = [
  { name: 'productcatalogservice', port: 3550, language: 'go', memoryBytes: 10 * MiB, shell: 'none', size: 31_600_000, description: 'Online Boutique product catalog: gRPC on 3550.',
    lines: (c) => [goLog('Tracing disabled.'), goLog('Profiling disabled.'), goLog('successfully parsed product catalog json'), goLog(`starting grpc server at :${c.env.PORT || 3550}`)] },
  { name: 'currencyservice', port: 7000, language: 'node', memoryBytes: 48 * MiB, shell: 'sh', size: 118_000_000, description: 'Online Boutique currency conversion (Node.js): gRPC on 7000.',
    lines: (c) => [nodeLog('currencyservice-server', 'Profiler disabled.'), nodeLog('currencyservice-server', 'Tracing disabled.'), nodeLog('currencyservice-server', `Starting gRPC server on port ${c.env.PORT || 7000}...`)] },
  { name: 'cartservice', port: 7070, language: 'dotnet', memoryBytes: 60 * MiB, shell: 'none', size: 72_400_000, description: 'Online Boutique cart (.NET): gRPC on 7070; REDIS_ADDR selects redis, else an in-memory store.',
    lines: (c) => [
      { text: c.env.REDIS_ADDR ? `Creating redis cart store at ${c.env.REDIS_ADDR}` : 'Redis cache host(hostname+port) was not specified. Starting a cart service using in memory store' },
      { text: `info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:${c.env.PORT || 7070}`, afterMs: 800 },
      { text: 'info: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.\ninfo: Microsoft.Hosting.Lifetime[0]\n      Hosting environment: Production\ninfo: Microsoft.Hosting.Lifetime[0]\n      Content root path: /app' },
    ] },
  { name: 'recommendationservice', port: 8080, language: 'python', required: ['PRODUCT_CATALOG_SERVICE_ADDR'], memoryBytes: 62 * MiB, shell: 'bash', size: 165_000_000, description: 'Online Boutique recommendations (Python): gRPC on 8080; needs PRODUCT_CATALOG_SERVICE_ADDR.',
    lines: (c) => [pyLog('recommendationservice-server', 'initializing recommendationservice'), pyLog('recommendationservice-server', 'Profiler disabled.'), pyLog('recommendationservice-server', 'Tracing disabled.'), pyLog('recommendationservice-server', `listening on port: ${c.env.PORT || 8080}`)] },
  { name: 'shippingservice', port: 50051, language: 'go', memoryBytes: 9 * MiB, shell: 'none', size: 27_300_000, description: 'Online Boutique shipping quotes: gRPC on 50051.',
    lines: (c) => [goLog('Tracing disabled.'), goLog('Profiling disabled.'), goLog(`Shipping Service listening on port ${c.env.PORT || 50051}`)] },
  { name: 'checkoutservice', port: 5050, language: 'go', required: ['SHIPPING_SERVICE_ADDR', 'PRODUCT_CATALOG_SERVICE_ADDR', 'CART_SERVICE_ADDR', 'CURRENCY_SERVICE_ADDR', 'EMAIL_SERVICE_ADDR', 'PAYMENT_SERVICE_ADDR'], memoryBytes: 10 * MiB, shell: 'none', size: 27_900_000, description: 'Online Boutique checkout: gRPC on 5050; needs six *_SERVICE_ADDR variables.',
    lines: (c) => [goLog('Tracing disabled.'), goLog('Profiling disabled.'), goLog(`service config: &{productCatalogSvcAddr:${c.env.PRODUCT_CATALOG_SERVICE_ADDR} cartSvcAddr:${c.env.CART_SERVICE_ADDR} currencySvcAddr:${c.env.CURRENCY_SERVICE_ADDR} shippingSvcAddr:${c.env.SHIPPING_SERVICE_ADDR} emailSvcAddr:${c.env.EMAIL_SERVICE_ADDR} paymentSvcAddr:${c.env.PAYMENT_SERVICE_ADDR}}`), goLog(`starting to listen on tcp: "[::]:${c.env.PORT || 5050}"`)] },
  { name: 'adservice', port: 9555, language: 'java', memoryBytes: 180 * MiB, shell: 'sh', size: 207_000_000, description: 'Online Boutique ads (Java): gRPC on 9555.',
    lines: () => [{ text: (c) => JSON.stringify({ instant: { epochSecond: Math.floor(c.nowMs / 1000), nanoOfSecond: (c.nowMs % 1000) * 1e6 }, thread: 'main', level: 'INFO', loggerName: 'hipstershop.AdService', message: 'AdService starting.', endOfBatch: false, loggerFqcn: 'org.apache.logging.log4j.spi.AbstractLogger', threadId: 1, threadPriority: 5 }) },
      { afterMs: 1500, text: (c) => JSON.stringify({ instant: { epochSecond: Math.floor(c.nowMs / 1000), nanoOfSecond: (c.nowMs % 1000) * 1e6 }, thread: 'main', level: 'INFO', loggerName: 'hipstershop.AdService', message: 'Ad Service started, listening on 9555', endOfBatch: false, loggerFqcn: 'org.apache.logging.log4j.spi.AbstractLogger', threadId: 1, threadPriority: 5 }) }] },
  { name: 'paymentservice', port: 50051, language: 'node', memoryBytes: 45 * MiB, shell: 'sh', size: 118_000_000, description: 'Online Boutique payments (Node.js): gRPC on 50051.',
    lines: (c) => [nodeLog('paymentservice-server', 'Profiler disabled.'), nodeLog('paymentservice-server', 'Tracing disabled.'), nodeLog('paymentservice-server', `PaymentService gRPC server started on port ${c.env.PORT || 50051}`)] },
  { name: 'emailservice', port: 8080, language: 'python', memoryBytes: 52 * MiB, shell: 'bash', size: 162_000_000, description: 'Online Boutique confirmation e-mails (Python, dummy mode): gRPC on 8080.',
    lines: (c) => [pyLog('emailservice-server', 'Profiler disabled.'), pyLog('emailservice-server', 'Tracing disabled.'), pyLog('emailservice-server', 'starting the email service in dummy mode.'), pyLog('emailservice-server', `listening on port: ${c.env.PORT || 8080}`)] },
]

const BOUTIQUE_TAGS = ['v0.10.2', 'v0.10.1', 'v0.10.0', 'v0.9.0', 'v0.8.1', 'v0.8.0', 'v0.7.0', 'v0.6.0', 'v0.5.2', 'v0.4.2', 'v0.3.9', 'v0.3.6', 'v0.2.3', 'v0.2.0', 'v0.1.5', 'v0.1.3', 'v0.1.2', 'v0.1.0']
const GCR = 'gcr.io/google-samples/microservices-demo'
const AR = 'us-central1-docker.pkg.dev/google-samples/microservices-demo'

function serviceSpec(s: (typeof SERVICES)[number]): ImageSpec {
  const program = grpcProgram(s)
  return {
    repository: `${GCR}/${s.name}`,
    aliases: [`${AR}/${s.name}`],
    family: 'Online Boutique',
    tags: BOUTIQUE_TAGS,
    sizeBytes: s.size,
    description: s.description,
    entrypoint: [`/src/server`],
    cmd: [],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', PORT: String(s.port) },
    exposedPorts: [s.port],
    files: s.shell === 'none' ? { '/etc/os-release': DISTROLESS_12 } : undefined,
    shell: s.shell,
    tools: [],
    programs: { '/src/server': program, server: program, '/bin/grpc_health_probe': grpcHealthProbe, grpc_health_probe: grpcHealthProbe },
    memoryBytes: s.memoryBytes,
    requiredEnv: s.required,
    stopMs: 100,
  }
}

export const boutiqueServices: ImageSpec[] = SERVICES.map(serviceSpec)

const FRONTEND_BASE: Omit<ImageSpec, 'tags' | 'programs' | 'description'> = {
  repository: `${GCR}/frontend`,
  aliases: [`${AR}/frontend`],
  family: 'Online Boutique',
  sizeBytes: 41_800_000,
  entrypoint: ['/src/server'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  exposedPorts: [8080],
  files: { '/etc/os-release': DISTROLESS_12 },
  shell: 'none',
  tools: [],
  memoryBytes: 14 * MiB,
  requiredEnv: FRONTEND_ENV,
  stopMs: 100,
}

/** v0.10.x: also needs SHOPPING_ASSISTANT_SERVICE_ADDR (the manifests set it to "-" when unused). */
export const frontend: ImageSpec = {
  ...FRONTEND_BASE,
  tags: BOUTIQUE_TAGS.filter((t) => t.startsWith('v0.10')),
  description: 'Online Boutique web frontend on 8080 (/_healthz → ok); logs "Tracing disabled."/"Profiling disabled.", then panics naming the first missing *_SERVICE_ADDR (exit 2).',
  programs: { '/src/server': V010_FRONTEND, server: V010_FRONTEND },
  requiredEnv: [...FRONTEND_ENV, 'SHOPPING_ASSISTANT_SERVICE_ADDR'],
}

/** v0.2–v0.9: the same seven addresses, the two log lines first. */
export const frontendV0: ImageSpec = {
  ...FRONTEND_BASE,
  tags: BOUTIQUE_TAGS.filter((t) => !t.startsWith('v0.10') && !t.startsWith('v0.1.')),
  description: 'Online Boutique frontend v0.2–v0.9: the seven *_SERVICE_ADDR variables.',
  programs: { '/src/server': MODERN_FRONTEND, server: MODERN_FRONTEND },
}

/** v0.1.x (2019): the course-era source, no lines before the panic. */
export const frontendV01: ImageSpec = {
  ...FRONTEND_BASE,
  tags: BOUTIQUE_TAGS.filter((t) => t.startsWith('v0.1.')),
  sizeBytes: 33_100_000,
  description: 'Online Boutique frontend v0.1.x (2019): the panic alone, as the course transcripts show.',
  programs: { '/src/server': frontendProgram, server: frontendProgram },
}

/** The Otus course's own frontend build (2019 source, Alpine runtime with busybox tools). */
export const hipsterFrontend: ImageSpec = {
  ...frontend,
  repository: 'docker.io/kovtalex/hipster-frontend',
  aliases: undefined,
  requiredEnv: FRONTEND_ENV,
  family: 'Otus Kubernetes course',
  tags: ['v0.0.1', 'v0.0.2'],
  sizeBytes: 33_300_000,
  description: 'The course\'s build of the Online Boutique frontend (same behaviour; Alpine with busybox tools).',
  entrypoint: ['/app/server'],
  files: { '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.10.3\nPRETTY_NAME="Alpine Linux v3.10"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n' },
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps'],
  programs: { '/app/server': frontendProgram, server: frontendProgram },
}

/** The course's paymentservice build. */
export const hipsterPayment: ImageSpec = {
  ...boutiqueServices.find((s) => s.repository.endsWith('/paymentservice'))!,
  repository: 'docker.io/kovtalex/hipster-paymentservice',
  aliases: undefined,
  family: 'Otus Kubernetes course',
  tags: ['v0.0.1', 'v0.0.2'],
  description: 'The course\'s build of the Online Boutique paymentservice (gRPC on 50051).',
}

/** loadgenerator: locust against FRONTEND_ADDR; refuses to start without it. No port. */
const loadgen: Program = (ctx, host) => serverProgram({
  preflight: (c) => (c.env.FRONTEND_ADDR ? undefined : { lines: [{ stderr: true, text: 'FRONTEND_ADDR not specified' }], exitCode: 1 }),
  startup: (c) => [
    { text: `[${pyAsctime(c.nowMs)}] ${c.host.pod.name}/INFO/locust.main: Run time limit not set, running forever` },
    { text: `[${pyAsctime(c.nowMs)}] ${c.host.pod.name}/INFO/locust.main: Starting Locust 2.32.2` },
    { text: `[${pyAsctime(c.nowMs)}] ${c.host.pod.name}/INFO/locust.runners: Ramping to ${c.env.USERS || 10} users at a rate of ${c.env.RATE || 1}.00 per second` },
  ],
  listen: [],
  memoryBytes: 70 * MiB,
  cpuMillicores: 30,
  onTerm: 'ignore',
})(ctx, host)

export const loadgenerator: ImageSpec = {
  repository: `${GCR}/loadgenerator`,
  aliases: [`${AR}/loadgenerator`],
  family: 'Online Boutique',
  tags: BOUTIQUE_TAGS,
  sizeBytes: 190_000_000,
  description: 'Online Boutique load generator (locust) against FRONTEND_ADDR; exits 1 without it. No port.',
  entrypoint: ['/bin/sh', '-c', 'locust --host="http://${FRONTEND_ADDR}" --headless -u "${USERS:-10}" -r "${RATE:-1}" 2>&1'],
  cmd: [],
  env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' },
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps'],
  programs: { locust: loadgen },
  memoryBytes: 70 * MiB,
  requiredEnv: ['FRONTEND_ADDR'],
}

export const BOUTIQUE: ImageSpec[] = [frontend, frontendV0, frontendV01, hipsterFrontend, ...boutiqueServices, hipsterPayment, loadgenerator]
