// The course notes' ingress-nginx walk-through on minikube: enable the ingress addon, publish a
// headless Service at /web with rewrite-target, see the controller's 404 page, route only
// `canary: always` requests to the canary pods, and a regex rewrite with `/$2`. Traffic comes from
// a pod (curl in curlimages/curl) through the node's hostPort 80 and to the controller pod's IP.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import { ADDONS, enableAddon } from '../engine/addons'

const NODE_IP = '192.168.49.2'
const NOT_FOUND_PAGE = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: web-svc
spec:
  selector:
    app: web
  type: ClusterIP
  clusterIP: None
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`

const ingressYaml = (o: { name?: string; ns?: string; host?: string; path?: string; pathType?: string; annotations?: Record<string, string>; cls?: boolean }) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${o.name ?? 'web'}
  namespace: ${o.ns ?? 'default'}
  annotations:
${Object.entries(o.annotations ?? {}).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}
spec:
${o.cls === false ? '' : '  ingressClassName: nginx\n'}  rules:
  - ${o.host ? `host: ${o.host}\n    ` : ''}http:
      paths:
      - path: ${o.path ?? '/web'}
        pathType: ${o.pathType ?? 'Prefix'}
        backend:
          service:
            name: web-svc
            port:
              number: 80
`

/** Wrapped: a TestCluster is awaitable, so an async function cannot return it bare. */
async function withIngressAddon(): Promise<{ c: TestCluster }> {
  const c = new TestCluster({ seed: 7 })
  enableAddon(c.api, ADDONS.ingress, { nodeName: 'minikube', nodeIP: NODE_IP })
  await c.sh('kubectl run client --image=curlimages/curl --command -- sleep 36000')
    .sh('kubectl create deployment web --image=traefik/whoami --replicas=3')
    .advance('60s')
  c.fs.writeFile('/home/learner/web-svc-headless.yaml', WEB)
  await c.sh('kubectl apply -f web-svc-headless.yaml').advance('5s')
  return { c }
}

/** curl from the client pod; returns stdout (the page). */
async function curl(c: TestCluster, args: string): Promise<string> {
  const r = await c.run(`kubectl exec client -- curl -s ${args}`)
  return r.stdout
}

const hostnameOf = (page: string) => /Hostname: (\S+)/.exec(page)?.[1] ?? ''

describe('ingress-nginx (minikube addons enable ingress)', () => {
  it('runs the controller, its admission Jobs and the default IngressClass', async () => {
    const { c } = await withIngressAddon()
    c.expectPods('app.kubernetes.io/component=controller', { namespace: 'ingress-nginx', ready: 1, phase: 'Running' })
    const pods = (await c.run('kubectl get pods -n ingress-nginx')).stdout
    expect(pods).toMatch(/ingress-nginx-admission-create-\w{5}\s+0\/1\s+Completed\s+0/)
    expect(pods).toMatch(/ingress-nginx-admission-patch-\w{5}\s+0\/1\s+Completed\s+0/)
    expect(pods).toMatch(/ingress-nginx-controller-\w+-\w{5}\s+1\/1\s+Running\s+0/)
    expect((await c.run('kubectl get ingressclass')).stdout).toMatch(/^nginx\s+k8s\.io\/ingress-nginx\s+<none>/m)
    const logs = (await c.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller')).output
    expect(logs).toContain('  Release:       v1.10.1\n')
    expect(logs).toMatch(/^I0101 \d\d:\d\d:\d\d\.\d{6}       7 controller\.go:210\] "Backend successfully reloaded"$/m)
    // Nothing matches yet: the controller's catch-all answers with nginx's own 404 page.
    expect(await curl(c, `http://${NODE_IP}/`)).toBe(NOT_FOUND_PAGE)
  }, 60_000)

  it('serves a headless Service at /web with rewrite-target /, balancing over the pods', async () => {
    const { c } = await withIngressAddon()
    c.fs.writeFile('/home/learner/web-ingress.yaml', ingressYaml({ annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }))
    expect((await c.run('kubectl apply -f web-ingress.yaml')).stdout).toBe('ingress.networking.k8s.io/web created\n')
    // The status is written by the leader's periodic sync (every 60 s): ADDRESS appears within a minute.
    await c.advance('60s')
    expect((await c.run('kubectl get ingress web')).stdout).toMatch(/^web\s+nginx\s+\*\s+192\.168\.49\.2\s+80\s+\d+s$/m)
    const describe = (await c.run('kubectl describe ingress web')).stdout
    expect(describe).toMatch(/Normal\s+Sync\s+\S+ \(x2 over \S+\)\s+nginx-ingress-controller\s+Scheduled for sync/)

    // Through the node's hostPort 80: the pod sees `GET /` (rewritten), and successive requests rotate.
    const pages = [await curl(c, `http://${NODE_IP}/web/index.html`), await curl(c, `http://${NODE_IP}/web`), await curl(c, `http://${NODE_IP}/web/`)]
    for (const p of pages) expect(p).toContain('\r\nGET / HTTP/1.1\r\n')
    const webPods = c.api.list('pods', { namespace: 'default', labelSelector: 'app=web' }).items.map((p) => p.metadata.name)
    expect(new Set(pages.map(hostnameOf))).toEqual(new Set(webPods))
    expect(pages[0]).toContain(`X-Forwarded-Host: ${NODE_IP}`)

    // The controller pod's IP answers the same way (what the NodePort Service also leads to).
    const controllerIP = (c.api.list('pods', { namespace: 'ingress-nginx', labelSelector: 'app.kubernetes.io/component=controller' }).items[0] as { status?: { podIP?: string } }).status?.podIP
    expect(await curl(c, `http://${controllerIP}/web`)).toContain('Hostname: web-')
    expect(await curl(c, `http://${controllerIP}/nope`)).toBe(NOT_FOUND_PAGE)
    // With rewrite-target the location is the regex `~* "^/web"` (not normalized to /web/), so
    // /webx matches too: ingress-nginx's documented caveat for rewrites.
    expect(await curl(c, `http://${NODE_IP}/WEBX`)).toContain('\r\nGET / HTTP/1.1\r\n')

    const access = (await c.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller --tail=6')).stdout
    expect(access).toMatch(/^\S+ - - \[01\/Jan\/2026:\d\d:\d\d:\d\d \+0000\] "GET \/web\/index\.html HTTP\/1\.1" 200 \d+ "-" "curl\/[\d.]+" \d+ 0\.000 \[default-web-svc-80\] \[\] 10\.244\.0\.\d+:80 \d+ 0\.000 200 [0-9a-f]{32}$/m)

    // The learner's laptop reaches the node's hostPort too (192.168.49.0/24 is on-link).
    const laptop = await c.run(`curl -s http://${NODE_IP}/web`)
    expect(laptop.stdout).toContain('\r\nGET / HTTP/1.1\r\n')

    // No ready endpoints: 503 from the balancer.
    await c.sh('kubectl scale deployment web --replicas=0').advance('40s')
    expect(await curl(c, `http://${NODE_IP}/web`)).toContain('<head><title>503 Service Temporarily Unavailable</title></head>')
  }, 60_000)

  it('routes only `canary: always` requests to the canary pods', async () => {
    const { c } = await withIngressAddon()
    c.fs.writeFile('/home/learner/web-ingress.yaml', ingressYaml({ host: 'app.local', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }))
    c.fs.writeFile('/home/learner/canary/canary-svc-headless.yaml', WEB.replace('name: web-svc', 'name: web-svc\n  namespace: canary'))
    c.fs.writeFile('/home/learner/canary/canary-ingress.yaml', ingressYaml({
      ns: 'canary', host: 'app.local', cls: false,
      annotations: { 'kubernetes.io/ingress.class': 'nginx', 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-by-header': 'canary' },
    }))
    await c.sh('kubectl apply -f web-ingress.yaml')
      .sh('kubectl create namespace canary')
      .sh('kubectl create deployment web -n canary --image=traefik/whoami --replicas=2')
      .advance('30s')
      .sh('kubectl apply -f canary/canary-svc-headless.yaml -f canary/canary-ingress.yaml')
      .advance('5s')
    const canaryPods = new Set(c.api.list('pods', { namespace: 'canary', labelSelector: 'app=web' }).items.map((p) => p.metadata.name))
    const mainPods = new Set(c.api.list('pods', { namespace: 'default', labelSelector: 'app=web' }).items.map((p) => p.metadata.name))
    for (let i = 0; i < 4; i++) {
      expect(canaryPods.has(hostnameOf(await curl(c, `-H "Host: app.local" -H "canary: always" http://${NODE_IP}/web/index.html`)))).toBe(true)
      expect(mainPods.has(hostnameOf(await curl(c, `-H "Host: app.local" http://${NODE_IP}/web/index.html`)))).toBe(true)
      expect(mainPods.has(hostnameOf(await curl(c, `-H "Host: app.local" -H "canary: never" http://${NODE_IP}/web/index.html`)))).toBe(true)
    }
    // Another Host reaches the catch-all server: 404.
    expect(await curl(c, `-H "Host: other.local" http://${NODE_IP}/web`)).toBe(NOT_FOUND_PAGE)
  }, 60_000)

  it('a host-less canary cannot merge, as the notes warn, and the controller logs why', async () => {
    const { c } = await withIngressAddon()
    c.fs.writeFile('/home/learner/web-ingress.yaml', ingressYaml({}))
    c.fs.writeFile('/home/learner/canary.yaml', ingressYaml({ name: 'web-canary', annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-by-header': 'canary' } }))
    await c.sh('kubectl apply -f web-ingress.yaml -f canary.yaml').advance('5s')
    const logs = (await c.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller')).stdout
    expect(logs).toMatch(/^E0101 [\d:.]+ +7 controller\.go:\d+\] cannot merge alternative backend default-web-svc-80 into hostname  that does not exist$/m)
  }, 60_000)

  it('ignores an Ingress of another class, and says so in its log', async () => {
    const { c } = await withIngressAddon()
    c.fs.writeFile('/home/learner/web-ingress.yaml', ingressYaml({}).replace('ingressClassName: nginx', 'ingressClassName: traefik'))
    await c.sh('kubectl apply -f web-ingress.yaml').advance('65s')
    const logs = (await c.run('kubectl logs -n ingress-nginx deploy/ingress-nginx-controller')).stdout
    expect(logs).toContain(' store.go:432] "Ignoring ingress because of error while validating ingress class" ingress="default/web" error="no object matching key \\"traefik\\" in local store"\n')
    expect(await curl(c, `http://${NODE_IP}/web`)).toBe(NOT_FOUND_PAGE)
    expect((await c.run('kubectl get ingress web')).stdout).toMatch(/^web\s+traefik\s+\*\s+80\s/m)
  }, 60_000)

  it('rewrites with a regex capture: /dashboard(/|$)(.*) → /$2', async () => {
    const { c } = await withIngressAddon()
    c.fs.writeFile('/home/learner/dashboard-ingress.yaml', ingressYaml({ name: 'dashboard', path: '/dashboard(/|$)(.*)', pathType: 'ImplementationSpecific', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } }))
    await c.sh('kubectl apply -f dashboard-ingress.yaml').advance('5s')
    expect(await curl(c, `http://${NODE_IP}/dashboard/api/v1/login?x=1`)).toContain('\r\nGET /api/v1/login?x=1 HTTP/1.1\r\n')
    expect(await curl(c, `http://${NODE_IP}/dashboard`)).toContain('\r\nGET / HTTP/1.1\r\n')
    expect(await curl(c, `http://${NODE_IP}/dash`)).toBe(NOT_FOUND_PAGE)
  }, 60_000)

  it('refuses the notes\' networking.k8s.io/v1beta1 manifest as a v1.30 cluster does', async () => {
    const c = new TestCluster({ seed: 7 })
    c.fs.writeFile('/home/learner/web-ingress.yaml', ingressYaml({}).replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1'))
    const r = await c.run('kubectl apply -f web-ingress.yaml')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('error: resource mapping not found for name: "web" namespace: "default" from "web-ingress.yaml": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"\nensure CRDs are installed first\n')
  }, 60_000)
})
