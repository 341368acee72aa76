// busybox: the tiny multi-call binary most Kubernetes examples use for sidecars, init containers
// and `sleep 3600` pods. Its default command is `sh`: with no TTY and no stdin it reads end of input
// and exits 0 at once (a bare busybox pod is `Completed`, then `CrashLoopBackOff`). The shell and
// its applets come from the project's shell (src/shell) and the network tools (src/shell/net).
import type { ImageSpec, Program } from '../types'
import { DEFAULT_PATH, MiB } from './osrelease'
import { serverProgram } from './server'
import { serveStatic } from './static'

/** Applets beyond the POSIX builtins that learners use (networking, processes, system info). */
export const BUSYBOX_TOOLS = ['wget', 'nc', 'nslookup', 'ping', 'telnet', 'traceroute', 'ps', 'top', 'free', 'df', 'mount', 'id', 'hostname', 'ifconfig', 'ip', 'route', 'netstat', 'uptime', 'httpd', 'vi']

const BUSYBOX_404 = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n'

/** `httpd -f -p 8080 -h /www`: busybox's web server applet (foreground, port, home directory). */
export const busyboxHttpd: Program = async (ctx, host) => {
  const argv = ctx.argv.slice(1)
  let port = 80
  let home = ctx.cwd
  let foreground = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '-f') foreground = true
    else if (a === '-p') port = Number(argv[++i]?.split(':').pop())
    else if (a === '-h') home = argv[++i] ?? home
    else if (/^-[fvp]+$/.test(a) && a.includes('f')) foreground = true
  }
  if (!foreground) return 0 // daemonises: the foreground process returns at once (the container then exits)
  return serverProgram({
    listen: [{ port, http: (req, s) => serveStatic({ root: home.replace(/\/$/, ''), index: 'index.html', server: 'busybox', errorPage: () => ({ body: BUSYBOX_404, contentType: 'text/html' }) }, req, s) }],
    bindError: () => ({ lines: [{ stderr: true, text: 'httpd: bind: Address already in use' }], exitCode: 1 }),
    memoryBytes: 1 * MiB,
    onTerm: { lines: [], exitCode: 0 },
  })(ctx, host)
}

const BUSYBOX_TAGS = ['latest', 'stable', 'musl', 'glibc', 'uclibc', '1', '1.37', '1.37.0', '1.36', '1.36.1', '1.36.0', '1.35', '1.35.0', '1.34', '1.34.1', '1.34.0', '1.33', '1.33.1', '1.32', '1.32.1', '1.32.0', '1.31', '1.31.1', '1.31.0', '1.30', '1.30.1', '1.29', '1.29.3', '1.28', '1.28.4', '1.28.0', '1.27', '1.27.2', '1.26', '1.25', '1.24']

export const busybox: ImageSpec = {
  repository: 'docker.io/library/busybox',
  family: 'busybox',
  tags: [...BUSYBOX_TAGS, /^1\.3[0-7](\.\d)?-(musl|glibc|uclibc)$/],
  sizeBytes: 4_261_550,
  tagSizes: [{ tag: /^1\.(2\d|3[0-3])(\.\d)?$/, sizeBytes: 1_219_782 }, { tag: /glibc/, sizeBytes: 4_420_000 }, { tag: /musl/, sizeBytes: 1_470_000 }],
  description: 'BusyBox: sh and the classic Unix tools in one small binary; `sh` with no TTY exits 0 at once.',
  entrypoint: [],
  cmd: ['sh'],
  env: { PATH: DEFAULT_PATH },
  shell: 'sh',
  tools: BUSYBOX_TOOLS,
  programs: { httpd: busyboxHttpd },
  memoryBytes: 256 * 1024,
  oneShot: true,
  stopMs: 0,
}

/** registry.k8s.io/busybox (gcr.io/google-containers/busybox): the old 1.24 build the e2e tests use. */
export const k8sBusybox: ImageSpec = {
  ...busybox,
  repository: 'registry.k8s.io/busybox',
  aliases: ['gcr.io/google-containers/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google_containers/busybox'],
  tags: ['latest', '1.24', '1.27.2'],
  sizeBytes: 1_113_554,
  tagSizes: undefined,
  description: 'The Kubernetes project\'s busybox mirror (BusyBox 1.24): same shell and applets.',
}

/** radial/busyboxplus:curl, the Kubernetes docs' old debugging image: busybox plus curl. */
export const busyboxplus: ImageSpec = {
  ...busybox,
  repository: 'docker.io/radial/busyboxplus',
  tags: ['curl', 'latest', 'git', 'base'],
  sizeBytes: 4_230_000,
  tagSizes: [{ tag: 'git', sizeBytes: 12_800_000 }],
  description: 'busybox with curl (the Kubernetes docs\' old `kubectl run curl --image=radial/busyboxplus:curl -i --tty`).',
  tools: [...BUSYBOX_TOOLS, 'curl'],
}
