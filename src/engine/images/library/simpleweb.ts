// kovtalex/simple-web: the Otus course's static web server (nginx on Alpine, running as UID 1001,
// serving the container's /app on port 8000). The course fills /app from an init container through
// an emptyDir; before that, `/` answers 403 and /index.html 404 — the readiness-probe lesson.
// Only 0.1 was ever pushed: the course's `0.2` is its example of a tag that does not exist.
import type { ImageSpec } from '../types'
import { nginxEntrypoint, nginxProgram } from './nginx'
import { MiB } from './osrelease'
import type { Program } from '../types'

const NGINX_1_19 = '1.19.2'

function programs(): Record<string, Program> {
  const p: Record<string, Program> = {}
  p.nginx = nginxProgram({ version: NGINX_1_19, port: 8000, root: '/app', builtBy: 'gcc 9.3.0 (Alpine 9.3.0) ' })
  p['/docker-entrypoint.sh'] = nginxEntrypoint(() => p, [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: error: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ])
  p['docker-entrypoint.sh'] = p['/docker-entrypoint.sh']
  return p
}

const CONF = `server {
    listen       8000;
    server_name  localhost;

    location / {
        root   /app;
        index  index.html index.htm;
    }
}
`

export const simpleWeb: ImageSpec = {
  repository: 'docker.io/kovtalex/simple-web',
  family: 'Otus Kubernetes course',
  tags: ['0.1'],
  sizeBytes: 22_100_000,
  description: 'The course\'s static web server: nginx (Alpine) as UID 1001 serving /app on port 8000; tag 0.2 does not exist.',
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: NGINX_1_19, NJS_VERSION: '0.4.3', PKG_RELEASE: '1' },
  workingDir: '/app',
  user: '1001',
  exposedPorts: [8000],
  files: {
    '/etc/nginx/conf.d/default.conf': CONF,
    '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.12.0\nPRETTY_NAME="Alpine Linux v3.12"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n',
  },
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps', 'curl'],
  programs: programs(),
  memoryBytes: 4 * MiB,
  stopMs: 150,
}
