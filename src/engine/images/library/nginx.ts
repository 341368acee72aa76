// nginx, the official image (debian bookworm based; `-alpine` variants in their own entry). The
// entrypoint script prints its configuration lines, nginx logs [notice] lines to stderr (its error
// log is a symlink to /dev/stderr) and one combined-format access line per request to stdout.
// It serves the container's files under /usr/share/nginx/html, so writing index.html changes the
// page. The image sets STOPSIGNAL SIGQUIT: the runtime's stop is nginx's graceful shutdown.
import type { IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { entrypointProgram } from './entrypoint'
import { DEBIAN_12, DEFAULT_PATH, MiB } from './osrelease'
import type { LogStep } from './server'
import { combinedLog, serverProgram } from './server'
import { serveStatic, type StaticSite } from './static'
import { patchTags } from './tags'
import { clfTime, nginxTime } from './timefmt'
import { DEFAULT_CONF, NGINX_50X_HTML, NGINX_CONF, NGINX_INDEX_HTML } from './nginxfiles'

export { NGINX_INDEX_HTML }

/** The version `latest` and `mainline` point at. */
export const NGINX_VERSION = '1.27.3'

/** nginx's built-in error pages (`<hr><center>nginx/1.27.3</center>`). */
export function nginxErrorPage(status: number, version = NGINX_VERSION): string {
  const title = { 301: '301 Moved Permanently', 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Not Allowed' }[status] ?? `${status} Error`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
}

/** Worker process ids: `worker_processes auto` on the 2-CPU minikube node starts two workers. */
const WORKERS = [29, 30]

const notice = (pid: number, msg: string): LogStep => ({ stderr: true, text: (c) => `${nginxTime(c.nowMs)} [notice] ${pid}#${pid}: ${msg}` })

function nginxSite(version: string, root: string): StaticSite {
  return {
    root,
    index: 'index.html',
    server: `nginx/${version}`,
    errorPage: (status) => ({ body: nginxErrorPage(status, version), contentType: 'text/html' }),
    notFoundLog: (file: string, req: IncomingRequest, nowMs: number) =>
      `${nginxTime(nowMs)} [error] ${WORKERS[0]}#${WORKERS[0]}: *1 open() "${file}" failed (2: No such file or directory), client: ${req.remoteIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers['host'] ?? req.localIP}"`,
  }
}

export interface NginxOptions {
  version: string
  /** Port and document root of the default server (a course image serves /app on 8000). */
  port?: number
  root?: string
  /** Whether startup/shutdown [notice] lines are logged (`error_log … notice`, images since 1.19). */
  notices?: boolean
  /** The `built by` line's compiler. */
  builtBy?: string
}

/** The nginx binary: `nginx -g 'daemon off;'` serving /usr/share/nginx/html on port 80. */
export function nginxProgram(o: NginxOptions): Program {
  const version = o.version
  const site = nginxSite(version, o.root ?? '/usr/share/nginx/html')
  const notices = o.notices ?? true
  return serverProgram({
    startup: notices
      ? [
          notice(1, 'using the "epoll" event method'),
          notice(1, `nginx/${version}`),
          notice(1, `built by ${o.builtBy ?? 'gcc 12.2.0 (Debian 12.2.0-14) '}`),
          notice(1, 'OS: Linux 5.15.0'),
          notice(1, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
          notice(1, 'start worker processes'),
          ...WORKERS.map((w) => notice(1, `start worker process ${w}`)),
        ]
      : [],
    listen: [{
      port: o.port ?? 80,
      http: (req, s) => serveStatic(site, req, s),
      accessLog: (req, res, now) => combinedLog(req, res, now, clfTime),
    }],
    bindError: (port) => ({ lines: [{ stderr: true, text: (c) => `${nginxTime(c.nowMs)} [emerg] 1#1: bind() to 0.0.0.0:${port} failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)` }], exitCode: 1 }),
    memoryBytes: 9 * MiB,
    onTerm: notices
      ? {
          exitCode: 0,
          lines: [
            notice(1, 'signal 3 (SIGQUIT) received, shutting down'),
            ...WORKERS.flatMap((w) => [notice(w, 'gracefully shutting down'), notice(w, 'exiting'), notice(w, 'exit')]),
            { ...notice(1, `signal 17 (SIGCHLD) received from ${WORKERS[1]}`), afterMs: 40 },
            ...WORKERS.slice().reverse().map((w) => notice(1, `worker process ${w} exited with code 0`)),
            notice(1, 'exit'),
          ],
        }
      : { exitCode: 0, lines: [] },
  })
}

/** /docker-entrypoint.sh as in nginx ≥ 1.25 (the 15-local-resolvers step arrived in 1.25). */
export function nginxEntrypoint(programs: () => Record<string, Program>, lines?: string[]): Program {
  const say = (text: string): LogStep => ({ text })
  return entrypointProgram({
    script: '/docker-entrypoint.sh',
    applies: (argv) => argv[0] === 'nginx' || argv[0] === 'nginx-debug',
    lines: (_argv, ctx) => ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS ? [] : lines ? lines.map(say) : [
      say('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration'),
      say('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'),
      say('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'),
      say('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'),
      say('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'),
      say('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'),
      say('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'),
      say('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh'),
      say('/docker-entrypoint.sh: Configuration complete; ready for start up'),
    ],
  }, programs)
}

function nginxPrograms(version: string, builtBy?: string): Record<string, Program> {
  const programs: Record<string, Program> = {}
  programs.nginx = nginxProgram({ version, builtBy })
  programs['nginx-debug'] = programs.nginx
  programs['/docker-entrypoint.sh'] = nginxEntrypoint(() => programs)
  programs['docker-entrypoint.sh'] = programs['/docker-entrypoint.sh']
  return programs
}

export const NGINX_FILES = {
  '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
  '/usr/share/nginx/html/50x.html': NGINX_50X_HTML,
  '/etc/nginx/nginx.conf': NGINX_CONF,
  '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
  '/etc/os-release': DEBIAN_12,
}

/** Debian-based tags with the entrypoint script (1.19 and later). */
const MODERN = [
  'latest', 'mainline', 'stable', '1', 'bookworm', 'mainline-bookworm', 'stable-bookworm',
  ...patchTags({ '1.27': 3, '1.26': 2, '1.25': 5, '1.24': 0, '1.23': 4, '1.22': 1, '1.21': 6, '1.20': 2, '1.19': 10 }),
]

export const nginx: ImageSpec = {
  repository: 'docker.io/library/nginx',
  family: 'nginx',
  tags: MODERN,
  sizeBytes: 187_694_648,
  description: 'nginx web server: the welcome page on port 80, files from /usr/share/nginx/html, access log on stdout.',
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEFAULT_PATH, NGINX_VERSION, NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' },
  exposedPorts: [80],
  files: NGINX_FILES,
  shell: 'bash',
  tools: ['curl'],
  programs: nginxPrograms(NGINX_VERSION),
  memoryBytes: 9 * MiB,
  stopMs: 150,
}

/** The 2014–2018 tags the Kubernetes docs used (nginx:1.7.9, nginx:1.14.2): no entrypoint script, quiet startup. */
export const nginxLegacy: ImageSpec = {
  repository: 'docker.io/library/nginx',
  family: 'nginx',
  tags: patchTags({ '1.18': 0, '1.17': 10, '1.16': 1, '1.15': 12, '1.14': 2, '1.13': 12, '1.12': 2, '1.11': 13, '1.10': 3, '1.9': 15, '1.8': 1, '1.7': 12 }).filter((t) => t !== '1.7.0'),
  sizeBytes: 109_294_489,
  tagSizes: [{ tag: /^1\.7(\.\d+)?$/, sizeBytes: 91_664_166 }, { tag: /^1\.(8|9|10|11)(\.\d+)?$/, sizeBytes: 181_541_412 }],
  description: 'Older nginx (1.7–1.18, Debian jessie/stretch/buster): the same server, no entrypoint lines, SIGTERM stops it.',
  entrypoint: [],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.14.2-1~stretch' },
  exposedPorts: [80],
  files: { ...NGINX_FILES, '/etc/os-release': DEBIAN_12.replace(/12 \(bookworm\)/g, '9 (stretch)').replace('VERSION_ID="12"', 'VERSION_ID="9"').replace(/bookworm/g, 'stretch') },
  shell: 'bash',
  tools: [],
  programs: { nginx: nginxProgram({ version: '1.14.2', notices: false }) },
  memoryBytes: 3 * MiB,
  stopMs: 100,
}

/** nginx:alpine and nginx:<version>-alpine: the same server on Alpine (busybox tools, curl). */
export const nginxAlpine: ImageSpec = {
  ...nginx,
  tags: ['alpine', 'mainline-alpine', 'stable-alpine', 'alpine-slim', ...patchTags({ '1.27': 3, '1.26': 2, '1.25': 5, '1.24': 0, '1.23': 4, '1.22': 1, '1.21': 6 }, '-alpine')],
  sizeBytes: 47_984_128,
  description: 'nginx on Alpine Linux: the same server and page, a busybox shell.',
  programs: nginxPrograms(NGINX_VERSION, 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '),
  shell: 'sh',
  tools: ['curl', 'wget', 'nc', 'ping', 'nslookup', 'ps'],
  files: { ...NGINX_FILES, '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n' },
}
