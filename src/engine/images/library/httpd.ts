// httpd: the Apache HTTP Server official image. `httpd-foreground` prints the ServerName warning
// twice (config test + start) and its notice lines to stderr, serves /usr/local/apache2/htdocs
// ("It works!") on 80 and writes common-format access lines to stdout. STOPSIGNAL SIGWINCH: the
// runtime's stop is a graceful stop.
import type { ImageSpec } from '../types'
import { DEBIAN_12, DEFAULT_PATH, MiB } from './osrelease'
import type { LogStep } from './server'
import { byteLength, serverProgram } from './server'
import { serveStatic } from './static'
import { clfTime, httpdTime } from './timefmt'

export const HTTPD_VERSION = '2.4.62'
export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n'

const notice = (mod: string, code: string, msg: string): LogStep => ({ stderr: true, text: (c) => `[${httpdTime(c.nowMs)}] [${mod}] [pid 1:tid 140126385043328] ${code}: ${msg}` })
const serverName: LogStep = { stderr: true, text: (c) => `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${c.host.pod.ip}. Set the 'ServerName' directive globally to suppress this message` }

const errorPage = (status: number) => {
  const title = { 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed', 301: '301 Moved Permanently' }[status] ?? `${status} Error`
  const p = status === 404 ? 'The requested URL was not found on this server.' : status === 403 ? 'You don\'t have permission to access this resource.' : ''
  return { body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${title.replace(/^\d+ /, '')}</h1>\n<p>${p}</p>\n</body></html>\n`, contentType: 'text/html; charset=iso-8859-1' }
}

const httpdForeground = serverProgram({
  startup: [serverName, serverName],
  listen: [{
    port: 80,
    http: (req, s) => serveStatic({ root: '/usr/local/apache2/htdocs', index: 'index.html', server: `Apache/${HTTPD_VERSION} (Unix)`, errorPage }, req, s),
    accessLog: (req, res, now) => `${req.remoteIP} - - [${clfTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${byteLength(res.body)}`,
  }],
  ready: [notice('mpm_event:notice', 'AH00489', `Apache/${HTTPD_VERSION} (Unix) configured -- resuming normal operations`), notice('core:notice', 'AH00094', "Command line: 'httpd -D FOREGROUND'")],
  bindError: (port) => ({ lines: [{ stderr: true, text: `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}\nno listening sockets available, shutting down\nAH00015: Unable to open logs` }], exitCode: 1 }),
  memoryBytes: 8 * MiB,
  onTerm: { exitCode: 0, lines: [notice('mpm_event:notice', 'AH00492', 'caught SIGWINCH, shutting down gracefully')] },
})

export const httpd: ImageSpec = {
  repository: 'docker.io/library/httpd',
  family: 'httpd',
  tags: ['latest', '2', '2.4', '2.4.62', '2.4.61', '2.4.59', '2.4.58', '2.4.57', 'bookworm', '2.4-bookworm', 'alpine', '2-alpine', '2.4-alpine', '2.4.62-alpine'],
  sizeBytes: 147_960_470,
  tagSizes: [{ tag: /alpine/, sizeBytes: 62_000_000 }],
  description: 'Apache httpd on 80: "It works!" from /usr/local/apache2/htdocs, common-format access lines.',
  entrypoint: [],
  cmd: ['httpd-foreground'],
  env: { PATH: `/usr/local/apache2/bin:${DEFAULT_PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION },
  workingDir: '/usr/local/apache2',
  exposedPorts: [80],
  files: { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX_HTML, '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: [],
  programs: { 'httpd-foreground': httpdForeground, '/usr/local/bin/httpd-foreground': httpdForeground },
  memoryBytes: 8 * MiB,
  stopMs: 1_000,
}
