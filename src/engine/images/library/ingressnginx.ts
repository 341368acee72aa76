// ingress-nginx: the controller image (registry.k8s.io/ingress-nginx/controller; minikube v1.33's
// ingress addon ships v1.10.1) and kube-webhook-certgen, whose two Jobs create the admission
// Secret and patch the webhook. The controller program is an in-cluster program: it watches the
// API (host.cluster.api) and serves :80/:443 as nginx does (engine/network/ingress has the routing,
// the control loop and the proxy), :10254 /healthz, :8443 the validating webhook.
import type { CommandContext } from '../../../shell'
import type { ImageSpec, Program, ProcessHost } from '../types'
import { ALPINE_3_20, DEFAULT_PATH, MiB } from './osrelease'
import { whenAborted } from './server'
import { hex64 } from '../digest'
import { IngressController } from '../../network/ingress/controller'
import { parseFlags } from '../../network/ingress/flags'
import { createIngressServer } from '../../network/ingress/proxy'
import type { Dice } from '../../network/ingress/route'
import type { KubeObject } from '../../../api/types'

/** Controller releases in the registry (v1.10.1 first: minikube v1.33's addon). */
const CONTROLLER_TAGS = ['v1.10.1', 'v1.10.0', 'v1.11.2', 'v1.11.1', 'v1.11.0', 'v1.9.6', 'v1.9.5', 'v1.9.4', 'v1.8.2', 'v1.8.1']
/** The controller's nginx build per release line (the banner's `nginx version`). */
const NGINX_OF: { tag: RegExp; nginx: string }[] = [
  { tag: /^v1\.1[01]\./, nginx: '1.25.3' },
  { tag: /^v1\.9\./, nginx: '1.21.6' },
  { tag: /^v1\.8\./, nginx: '1.21.6' },
]
/** Commits of the releases learners meet most (the banner's `Build`); others get a stable pseudo-hash. */
const BUILD_OF: Record<string, string> = { 'v1.10.1': '4fb5aac1dd3669daa3a14d9de3e3cdb371b4c518' }
/** dumb-init is PID 1 in the image; the controller runs as PID 7 (klog's thread id column). */
const CONTROLLER_PID = 7
/** The controller's resident set once nginx's workers are up. */
const CONTROLLER_MEMORY = 92 * MiB

/** The release the pod runs: the tag of this container's image in the pod spec (v1.10.1 when unknown). */
function imageTag(host: ProcessHost): string {
  try {
    const pod = host.cluster?.api.get('pods', host.pod.namespace, host.pod.name) as { spec?: { containers?: { name: string; image?: string }[] } } | undefined
    const image = pod?.spec?.containers?.find((c) => c.name === host.container)?.image ?? ''
    const m = /:([\w.-]+)(@sha256:[0-9a-f]+)?$/.exec(image)
    if (m && CONTROLLER_TAGS.includes(m[1])) return m[1]
  } catch { /* no API: the default */ }
  return CONTROLLER_TAGS[0]
}

function klog(nowMs: number, severity: 'I' | 'W' | 'E' | 'F', file: string, msg: string): string {
  const iso = new Date(nowMs).toISOString()
  return `${severity}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000${String(CONTROLLER_PID).padStart(8)} ${file}] ${msg}\n`
}

/** A seeded generator per pod (mulberry32 over the pod uid): canary weights, balancer offsets, request ids. */
function diceFor(seed: string): Dice {
  let a = parseInt(hex64(seed).slice(0, 8), 16) >>> 0
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296
    return 1 + Math.floor(r * Math.max(1, n))
  }
}

const controllerProgram: Program = async (ctx, host) => {
  const tag = imageTag(host)
  const out = (s: string) => ctx.stdout.write(s)
  const log = (sev: 'I' | 'W' | 'E' | 'F', file: string, msg: string) => ctx.stderr.write(klog(ctx.clock.now(), sev, file, msg))
  const nginx = NGINX_OF.find((n) => n.tag.test(tag))?.nginx ?? '1.25.3'
  const rule = '-------------------------------------------------------------------------------'
  out(`${rule}\nNGINX Ingress controller\n  Release:       ${tag}\n  Build:         ${BUILD_OF[tag] ?? hex64(`ingress-nginx ${tag}`).slice(0, 40)}\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/${nginx}\n\n${rule}\n\n`)
  log('W', 'client_config.go:618', 'Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.')
  log('I', 'main.go:205', '"Creating API client" host="https://10.96.0.1:443"')
  const cluster = host.cluster
  if (!cluster) {
    log('F', 'main.go:223', 'error while initiating a connection to the Kubernetes API server. This could mean the cluster is misconfigured (e.g. it has invalid API server certificates or Service Accounts configuration). Reason: the server could not find the requested resource')
    return 255
  }
  log('I', 'main.go:249', '"Running in Kubernetes cluster" major="1" minor="30" git="v1.30.0" state="clean" commit="7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a" platform="linux/amd64"')
  const flags = parseFlags(ctx.argv.slice(1))
  log('I', 'main.go:101', '"SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"')
  if (flags.validatingWebhook) log('I', 'ssl.go:535', '"loading tls certificate" path="/usr/local/certificates/cert" key="/usr/local/certificates/key"')
  log('I', 'nginx.go:264', '"Starting NGINX Ingress controller"')
  for (const cm of [flags.configMap, `${host.pod.namespace}/tcp-services`, `${host.pod.namespace}/udp-services`]) {
    if (!cm) continue
    const [ns, name] = cm.split('/')
    let obj: KubeObject
    try { obj = cluster.api.get('configmaps', ns, name) } catch { continue }
    log('I', 'event.go:364', `Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"${ns}", Name:"${name}", UID:"${obj.metadata.uid ?? ''}", APIVersion:"v1", ResourceVersion:"${obj.metadata.resourceVersion ?? ''}", FieldPath:""}): type: 'Normal' reason: 'CREATE' ConfigMap ${ns}/${name}`)
  }
  log('I', 'nginx.go:307', '"Starting NGINX process"')
  if (flags.validatingWebhook) log('I', 'nginx.go:327', `"Starting validation webhook" address="${flags.validatingWebhook}" certPath="/usr/local/certificates/cert" keyPath="/usr/local/certificates/key"`)

  const dice = diceFor(host.pod.uid)
  const controller = new IngressController({
    api: cluster.api, clock: ctx.clock, signal: anySignal(ctx, host),
    klog: (sev, file, msg) => log(sev, file, msg),
    pod: { name: host.pod.name, namespace: host.pod.namespace, uid: host.pod.uid, nodeName: host.pod.nodeName },
    flags,
  })
  const handle = createIngressServer(() => controller.current(), {
    http: (req, signal) => (ctx.net ? ctx.net.http(req, signal) : Promise.resolve({ kind: 'error', code: 'unreachable' })),
    clock: ctx.clock, signal: ctx.signal, dice, access: (line) => out(`${line}\n`),
  })
  const closes: (() => void)[] = []
  try {
    closes.push(host.listen(flags.httpPort, { http: (req) => handle(req, false) }))
    closes.push(host.listen(flags.httpsPort, { http: (req) => handle(req, true) }))
    closes.push(host.listen(flags.healthzPort, { http: (req) => healthz(req.path) }))
    if (flags.validatingWebhook) closes.push(host.listen(Number(flags.validatingWebhook.split(':').pop()) || 8443, { http: () => ({ status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'contentType=, expected application/json\n' }) }))
  } catch {
    log('F', 'main.go:180', `port ${flags.httpPort} is already in use. Please check the flag --http-port`)
    for (const c of closes) c()
    return 255
  }
  host.setMemoryBytes(CONTROLLER_MEMORY)
  host.setCpuMillicores(3)
  const loop = controller.run()
  await Promise.race([whenAborted(host.term), whenAborted(ctx.signal)])
  if (ctx.signal.aborted) { for (const c of closes) c(); return 137 }
  log('I', 'sigterm.go:36', '"Received SIGTERM, shutting down"')
  log('I', 'nginx.go:394', '"Shutting down controller queues"')
  log('I', 'nginx.go:410', '"Stopping NGINX process"')
  for (const c of closes) c()
  await loop
  log('I', 'nginx.go:423', '"NGINX process has stopped"')
  log('I', 'sigterm.go:44', '"Exiting" code=0')
  return 0
}

function healthz(path: string) {
  const p = path.split('?')[0]
  if (p === '/healthz') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'ok' }
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: '404 page not found\n' }
}

/** SIGTERM or SIGKILL ends the control loop. */
function anySignal(ctx: CommandContext, host: ProcessHost) {
  return {
    get aborted() { return ctx.signal.aborted || host.term.aborted },
    onAbort(fn: () => void) { const a = ctx.signal.onAbort(fn); const b = host.term.onAbort(fn); return () => { a(); b() } },
  }
}

// ── kube-webhook-certgen ───────────────────────────────────────────────────────────────────────

const certgenLog = (nowMs: number, msg: string, source: string, extra = '') =>
  `{${extra}"level":"info","msg":"${msg}","source":"${source}","time":"${new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z')}"}\n`

/** `create`: make the Secret with ca/cert/key unless it exists; `patch`: set the webhook's caBundle. Both exit 0. */
const certgenProgram: Program = async (ctx, host) => {
  const argv = ctx.argv
  const sub = argv[1]
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const ns = arg('namespace') ?? host.pod.namespace
  const secretName = arg('secret-name') ?? 'ingress-nginx-admission'
  const now = () => ctx.clock.now()
  const api = host.cluster?.api
  if (sub === 'create') {
    let exists = false
    try { api?.get('secrets', ns, secretName); exists = true } catch { /* not found: generate */ }
    if (exists) { ctx.stderr.write(certgenLog(now(), 'secret already exists', 'cmd/create.go:23')); return 0 }
    ctx.stderr.write(certgenLog(now(), `no secret with '${secretName}' found in '${ns}', generating new`, 'k8s/k8s.go:229', `"err":"secrets \\"${secretName}\\" not found",`))
    ctx.stderr.write(certgenLog(now(), 'creating new secret', 'cmd/create.go:28'))
    const pem = (kind: string) => btoa(`-----BEGIN ${kind}-----\n${hex64(`${ns}/${secretName}/${kind}`)}\n-----END ${kind}-----\n`)
    try {
      api?.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: secretName, namespace: ns }, type: 'Opaque', data: { ca: pem('CERTIFICATE'), cert: pem('CERTIFICATE'), key: pem('EC PRIVATE KEY') } } as unknown as KubeObject)
    } catch { /* created meanwhile by a retry */ }
    return 0
  }
  if (sub === 'patch') {
    const hook = arg('webhook-name') ?? 'ingress-nginx-admission'
    ctx.stderr.write(certgenLog(now(), `patching webhook configurations '${hook}' mutating=false, validating=true, failurePolicy=${arg('patch-failure-policy') ?? 'Fail'}`, 'k8s/k8s.go:118'))
    ctx.stderr.write(certgenLog(now(), 'Patched hook(s)', 'k8s/k8s.go:138'))
    return 0
  }
  ctx.stderr.write('Error: unknown command "' + (sub ?? '') + '" for "kube-webhook-certgen"\nRun \'kube-webhook-certgen --help\' for usage.\n')
  return 1
}


/** /usr/bin/dumb-init -- <cmd>: runs the command as its child (through the runtime when it can exec). */
const dumbInit = (main: Program): Program => async (ctx, host) => {
  const argv = ctx.argv[1] === '--' ? ctx.argv.slice(2) : ctx.argv.slice(1)
  if (host.exec && argv.length) return host.exec(argv)
  return main({ ...ctx, argv: argv.length ? argv : ['/nginx-ingress-controller'] }, host)
}

export const ingressNginxController: ImageSpec = {
  repository: 'registry.k8s.io/ingress-nginx/controller',
  family: 'Kubernetes system',
  tags: CONTROLLER_TAGS,
  sizeBytes: 287_000_000,
  description: 'The ingress-nginx controller: Ingress rules, canaries and rewrites served by nginx on 80/443 (health on 10254, webhook on 8443).',
  entrypoint: ['/usr/bin/dumb-init', '--'],
  cmd: ['/nginx-ingress-controller'],
  env: { PATH: DEFAULT_PATH, LUA_PATH: '/etc/nginx/lua/?.lua;;' },
  workingDir: '/etc/nginx',
  user: '101',
  exposedPorts: [80, 443],
  files: { '/etc/os-release': ALPINE_3_20 },
  shell: 'sh',
  programs: { '/nginx-ingress-controller': controllerProgram, '/usr/bin/dumb-init': dumbInit(controllerProgram) },
  memoryBytes: CONTROLLER_MEMORY,
  stopMs: 300,
}

export const kubeWebhookCertgen: ImageSpec = {
  repository: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen',
  family: 'Kubernetes system',
  tags: ['v1.4.1', 'v1.4.0', 'v1.4.3', 'v1.4.4', 'v20231011-8b53cabe0', 'v20230407'],
  sizeBytes: 57_600_000,
  description: 'Creates the ingress-nginx admission webhook\'s certificate Secret (`create`) and patches the webhook (`patch`), then exits 0.',
  entrypoint: ['/kube-webhook-certgen'],
  cmd: [],
  env: { PATH: DEFAULT_PATH },
  user: '65532',
  files: { '/etc/os-release': 'PRETTY_NAME="Distroless"\n' },
  shell: 'none',
  programs: { '/kube-webhook-certgen': certgenProgram },
  memoryBytes: 12 * MiB,
  oneShot: true,
}
