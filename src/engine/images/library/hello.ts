// Small HTTP demo servers that answer with who they are — for Services, load balancing and
// Ingress lessons: gcr.io/google-samples/hello-app, traefik/whoami, hashicorp/http-echo.
import type { ImageSpec, Program } from '../types'
import { DISTROLESS_12, MiB } from './osrelease'
import { GO_PID1_TERM_EXIT } from './nodeexporter'
import { byteLength, hostHeader, pathOf, printProgram, serverProgram, text } from './server'
import { nginxTime } from './timefmt'

/** Go's log package: `2026/01/01 00:00:05 message` on stderr. */
export const goLogLine = (nowMs: number, msg: string) => `${nginxTime(nowMs)} ${msg}`

/** hello-app: `Hello, world!` + version + the pod's hostname, on PORT (8080). */
function helloApp(version: string): Program {
  return (ctx, host) => serverProgram({
    listen: (c) => [{
      port: Number(c.env.PORT || 8080),
      http: (req, s) => {
        s.log(goLogLine(s.ctx.clock.now(), `Serving request: ${pathOf(req)}`), true)
        return text(200, `Hello, world!\nVersion: ${version}\nHostname: ${s.host.pod.name}\n`)
      },
    }],
    ready: (c) => [{ stderr: true, text: goLogLine(c.nowMs, `Server listening on port ${c.env.PORT || 8080}`) }],
    memoryBytes: 4 * MiB,
    onTerm: { lines: [], exitCode: GO_PID1_TERM_EXIT },
  })(ctx, host)
}

export const helloApp1: ImageSpec = {
  repository: 'gcr.io/google-samples/hello-app',
  aliases: ['us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
  family: 'demo servers',
  tags: ['1.0'],
  sizeBytes: 9_860_000,
  description: 'Google\'s hello-app on 8080: "Hello, world!", its version and the pod\'s hostname.',
  entrypoint: ['/hello-app'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', PORT: '8080' },
  exposedPorts: [8080],
  shell: 'none',
  programs: { '/hello-app': helloApp('1.0.0'), 'hello-app': helloApp('1.0.0') },
  memoryBytes: 4 * MiB,
  stopMs: 50,
}

export const helloApp2: ImageSpec = {
  ...helloApp1,
  tags: ['2.0'],
  description: 'hello-app 2.0: the same answer with "Version: 2.0.0" (rolling update demos).',
  programs: { '/hello-app': helloApp('2.0.0'), 'hello-app': helloApp('2.0.0') },
}

/** traefik/whoami: hostname, IPs, the request line and headers, on 80 (WHOAMI_PORT_NUMBER / --port). */
const whoamiProgram: Program = (ctx, host) => {
  const i = ctx.argv.findIndex((a) => a === '--port' || a === '-port')
  const port = Number(i > 0 ? ctx.argv[i + 1] : ctx.env.WHOAMI_PORT_NUMBER || 80)
  return serverProgram({
    listen: [{
      port,
      http: (req, s) => {
        const headers = Object.entries(req.headers).map(([k, v]) => `${k.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase())}: ${v}`)
        const body = [`Hostname: ${s.host.pod.name}`, 'IP: 127.0.0.1', `IP: ${s.host.pod.ip}`, `RemoteAddr: ${req.remoteIP}:${40000 + (s.ctx.clock.now() % 20000)}`, `${req.method} ${req.path} HTTP/1.1`, ...headers, '', ''].join('\r\n')
        return text(200, body)
      },
    }],
    ready: (c) => [{ stderr: true, text: goLogLine(c.nowMs, `Starting up on port ${port}`) }],
    memoryBytes: 3 * MiB,
    onTerm: { lines: [], exitCode: GO_PID1_TERM_EXIT },
  })(ctx, host)
}

export const whoami: ImageSpec = {
  repository: 'docker.io/traefik/whoami',
  aliases: ['docker.io/containous/whoami'],
  family: 'demo servers',
  tags: ['latest', 'v1.10', 'v1.10.3', 'v1.10.2', 'v1.10.1', 'v1.9.0', 'v1.8.7', 'v1.8.0', 'v1.7.1'],
  sizeBytes: 6_890_000,
  description: 'traefik/whoami on 80: the pod\'s hostname and IPs, then the request line and headers.',
  entrypoint: ['/whoami'],
  cmd: [],
  exposedPorts: [80],
  shell: 'none',
  programs: { '/whoami': whoamiProgram, whoami: whoamiProgram },
  memoryBytes: 3 * MiB,
  stopMs: 50,
}

/** hashicorp/http-echo: `-text="hello"` on `-listen=:5678`; no text → exit 127. */
const httpEcho: Program = (ctx, host) => {
  const flag = (name: string) => {
    for (let i = 1; i < ctx.argv.length; i++) {
      const a = ctx.argv[i].replace(/^--/, '-')
      if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2)
      if (a === `-${name}`) return ctx.argv[i + 1]
    }
    return undefined
  }
  const body = flag('text')
  if (body === undefined || body === '') return printProgram([{ stderr: true, text: 'Missing -text option!' }], 127)(ctx, host)
  const listen = flag('listen') ?? ':5678'
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1))
  return serverProgram({
    listen: [{
      port,
      http: (req, s) => {
        if (pathOf(req) === '/health') return text(200, '{"status":"ok"}\n', 'application/json')
        const res = text(200, body + '\n')
        s.log(goLogLine(s.ctx.clock.now(), `${hostHeader(req)} ${req.remoteIP}:${40000 + (s.ctx.clock.now() % 20000)} "${req.method} ${req.path} HTTP/1.1" 200 ${byteLength(res.body)} "${req.headers['user-agent'] ?? ''}" 31.2µs`), true)
        return res
      },
    }],
    ready: [{ stderr: true, text: (c) => goLogLine(c.nowMs, `[INFO] server is listening on ${listen}`) }],
    memoryBytes: 2 * MiB,
    onTerm: { lines: [{ stderr: true, text: (c) => goLogLine(c.nowMs, '[INFO] received interrupt, shutting down...') }], exitCode: 0 },
  })(ctx, host)
}

export const httpEchoImage: ImageSpec = {
  repository: 'docker.io/hashicorp/http-echo',
  family: 'demo servers',
  tags: ['latest', '1.0', '1.0.0', '0.2.3', '0.2.1'],
  sizeBytes: 4_430_000,
  tagSizes: [{ tag: /^0\./, sizeBytes: 3_970_000 }],
  description: 'hashicorp/http-echo: answers every request with its -text on -listen (:5678); exits 127 without -text.',
  entrypoint: ['/http-echo'],
  cmd: [],
  exposedPorts: [5678],
  files: { '/etc/os-release': DISTROLESS_12 },
  shell: 'none',
  programs: { '/http-echo': httpEcho, 'http-echo': httpEcho },
  memoryBytes: 2 * MiB,
  requiredEnv: [],
  stopMs: 50,
}
