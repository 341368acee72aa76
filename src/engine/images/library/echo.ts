// Kubernetes' own test images: registry.k8s.io/echoserver (nginx + lua echoing the request on
// 8080, the minikube docs' hello-minikube) and registry.k8s.io/e2e-test-images/agnhost (one binary,
// many subcommands: netexec, serve-hostname, liveness, pause, test-webserver).
import type { IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { MiB } from './osrelease'
import { GO_PID1_TERM_EXIT } from './nodeexporter'
import type { ServerOptions } from './server'
import { combinedLog, hostHeader, idleProgram, pathOf, printProgram, serverProgram, text } from './server'
import { clfTime, klogLine } from './timefmt'

function echoBody(req: IncomingRequest, hostname: string): string {
  const q = req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : ''
  const headers = Object.keys(req.headers).sort().map((k) => `\t${k}=${req.headers[k]}`).join('\n')
  return `\n\nHostname: ${hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.remoteIP}\n\tmethod=${req.method}\n\treal path=${pathOf(req)}\n\tquery=${q}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${hostHeader(req)}${req.path}\n\nRequest Headers:\n${headers}\n\nRequest Body:\n${req.body ? req.body : '\t-no body in request-'}\n\n`
}

const echoserverProgram: Program = serverProgram({
  startup: [{ text: 'Generating self-signed cert\nGenerating a 2048 bit RSA private key\n......+++\n..........................+++\nwriting new private key to \'/certs/privateKey.key\'\n-----\nStarting nginx', afterMs: 300 }],
  listen: [
    { port: 8080, http: (req, s) => text(200, echoBody(req, s.host.pod.name)), accessLog: (req, res, now) => combinedLog(req, res, now, clfTime, false) },
    { port: 8443, http: (req, s) => text(200, echoBody(req, s.host.pod.name)) },
  ],
  memoryBytes: 4 * MiB,
  onTerm: { lines: [], exitCode: 0 },
})

export const echoserver: ImageSpec = {
  repository: 'registry.k8s.io/echoserver',
  aliases: ['k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'],
  family: 'Kubernetes test images',
  tags: ['1.10', '1.9', '1.8', '1.4', '1.3'],
  sizeBytes: 95_400_000,
  description: 'echoserver: nginx + lua on 8080 (8443 TLS) answering with the pod\'s hostname and the request it got.',
  entrypoint: [],
  cmd: ['/usr/local/bin/run.sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  exposedPorts: [8080, 8443],
  shell: 'bash',
  tools: ['ps'],
  programs: { '/usr/local/bin/run.sh': echoserverProgram, 'run.sh': echoserverProgram },
  memoryBytes: 4 * MiB,
  stopMs: 100,
}

const goTerm: ServerOptions['onTerm'] = { lines: [], exitCode: GO_PID1_TERM_EXIT }

/** `agnhost <subcommand> [flags]`: the subcommands tutorials use. */
const agnhost: Program = (ctx, host) => {
  const [sub, ...flags] = ctx.argv.slice(1)
  const flag = (name: string, def: string) => flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? def
  const started = ctx.clock.now()
  switch (sub) {
    case 'netexec':
      return serverProgram({
        listen: [{ port: Number(flag('http-port', '8080')), http: (req, s) => {
          const path = pathOf(req)
          const q = new URLSearchParams(req.path.split('?')[1] ?? '')
          if (path === '/hostname') return text(200, s.host.pod.name)
          if (path === '/echo') return text(200, q.get('msg') ?? '')
          if (path === '/clientip') return text(200, `${req.remoteIP}:${40000 + (s.ctx.clock.now() % 20000)}`)
          if (path === '/healthz' || path === '/') return text(200, path === '/' ? 'NOW: ' + new Date(s.ctx.clock.now()).toISOString() : 'ok')
          if (path === '/exit') return text(200, '')
          return text(404, '404 page not found\n')
        } }],
        ready: [{ stderr: true, text: (c) => klogLine(c.nowMs, 'log.go:245', `Started HTTP server on port ${flag('http-port', '8080')}`) }, { stderr: true, text: (c) => klogLine(c.nowMs, 'log.go:245', `Started UDP server on port  ${flag('udp-port', '8081')}`) }],
        memoryBytes: 6 * MiB,
        onTerm: goTerm,
      })(ctx, host)
    case 'serve-hostname':
      return serverProgram({ listen: [{ port: Number(flag('port', '9376')), http: (_req, s) => text(200, s.host.pod.name) }], memoryBytes: 4 * MiB, onTerm: goTerm })(ctx, host)
    case 'liveness':
      // The docs' liveness example: /healthz answers 200 for the first 10 seconds, then 500.
      return serverProgram({
        listen: [{ port: 8080, http: (_req, s) => {
          const elapsed = (s.ctx.clock.now() - started) / 1000
          return elapsed > 10 ? text(500, `error: ${elapsed.toFixed(6)}`) : text(200, 'ok')
        } }],
        memoryBytes: 4 * MiB,
        onTerm: goTerm,
      })(ctx, host)
    case 'test-webserver':
      return serverProgram({ listen: [{ port: Number(flag('port', '80')), http: () => text(200, 'hello\n') }], memoryBytes: 4 * MiB, onTerm: goTerm })(ctx, host)
    case 'pause':
      return serverProgram({ startup: [{ text: 'Paused' }], listen: [], memoryBytes: 1 * MiB, onTerm: { lines: [{ text: 'Shutting down after receiving signal: terminated.' }, { text: 'Exiting' }], exitCode: 0 } })(ctx, host)
    default:
      return printProgram([{ stderr: true, text: sub ? `Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.` : 'Usage:\n  agnhost [command]\n\nAvailable Commands:\n  liveness        Starts a http server that fails its health check after 10 seconds\n  netexec         Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n  pause           Pauses the execution\n  serve-hostname  Serves the hostname\n  test-webserver  Starts a simple HTTP fileserver' }], sub ? 1 : 0)(ctx, host)
  }
}

export const agnhostImage: ImageSpec = {
  repository: 'registry.k8s.io/e2e-test-images/agnhost',
  aliases: ['k8s.gcr.io/e2e-test-images/agnhost'],
  family: 'Kubernetes test images',
  tags: ['2.53', '2.52', '2.51', '2.50', '2.47', '2.45', '2.43', '2.40', '2.39', '2.36', '2.33', '2.32', '2.21'],
  sizeBytes: 52_800_000,
  description: 'agnhost: Kubernetes\' e2e Swiss army knife — netexec (/hostname, /echo), serve-hostname (9376), liveness (/healthz fails after 10 s), pause.',
  entrypoint: ['/agnhost'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  exposedPorts: [80, 8080, 8081, 9376],
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps', 'curl', 'dig'],
  programs: { '/agnhost': agnhost, agnhost },
  memoryBytes: 6 * MiB,
  stopMs: 50,
}

/** The infrastructure container of every pod: sleeps until signalled. */
export const pause: ImageSpec = {
  repository: 'registry.k8s.io/pause',
  aliases: ['k8s.gcr.io/pause', 'gcr.io/google_containers/pause'],
  family: 'Kubernetes system',
  tags: ['3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.2', '3.1', 'latest'],
  sizeBytes: 743_952,
  description: 'pause: does nothing until stopped (the pod sandbox\'s process).',
  entrypoint: ['/pause'],
  cmd: [],
  shell: 'none',
  programs: { '/pause': idleProgram(256 * 1024), pause: idleProgram(256 * 1024) },
  memoryBytes: 256 * 1024,
  stopMs: 0,
}
