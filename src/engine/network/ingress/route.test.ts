import { describe, it, expect } from 'vitest'
import type { EndpointSlice, Ingress, IngressClass, Service } from '../../../api/types'
import { buildModel, type BackendLookup } from './model'
import { route, RoundRobin, rewriteUri, selectServer, type Dice, type IngressRequest } from './route'
import { nginxPage } from './pages'
import { ingressClassOf, isOurIngress } from './class'

const svc = (ns: string, name: string, port = 8000, portName = ''): Service =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { clusterIP: 'None', ports: [{ name: portName || undefined, port, targetPort: port }] } }) as Service
const slice = (ns: string, svcName: string, ips: string[], port = 8000, notReady: string[] = []): EndpointSlice =>
  ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${svcName}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svcName } }, addressType: 'IPv4',
    ports: [{ name: '', port, protocol: 'TCP' }], endpoints: [...ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })), ...notReady.map((ip) => ({ addresses: [ip], conditions: { ready: false } }))] }) as EndpointSlice

function lookup(services: Service[], slices: EndpointSlice[]): BackendLookup {
  return {
    service: (ns, name) => services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
    slices: (ns, name) => slices.filter((s) => s.metadata?.namespace === ns && s.metadata?.labels?.['kubernetes.io/service-name'] === name),
  }
}

let created = 0
function ing(name: string, paths: { path: string; pathType?: string; service: string; port?: number }[], o: { ns?: string; host?: string; annotations?: Record<string, string> } = {}): Ingress {
  created++
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, namespace: o.ns ?? 'default', annotations: o.annotations, creationTimestamp: `2026-01-01T00:00:${String(created).padStart(2, '0')}Z` },
    spec: { ingressClassName: 'nginx', rules: [{ host: o.host, http: { paths: paths.map((p) => ({ path: p.path, pathType: p.pathType ?? 'Prefix', backend: { service: { name: p.service, port: { number: p.port ?? 8000 } } } })) } }] },
  } as Ingress
}

const first: Dice = () => 1
const req = (path: string, headers: Record<string, string> = {}, host = '192.168.49.2'): IngressRequest => ({ host, path, headers, https: false })

const WEB = lookup([svc('default', 'web-svc'), svc('default', 'api'), svc('canary', 'web-svc'), svc('default', 'empty')],
  [slice('default', 'web-svc', ['10.244.0.5', '10.244.0.6', '10.244.0.7'], 8000, ['10.244.0.9']), slice('default', 'api', ['10.244.0.20']), slice('canary', 'web-svc', ['10.244.0.30', '10.244.0.31'])])

describe('ingress-nginx routing', () => {
  it('answers the default backend 404 page (146 bytes, CRLF) for unmatched requests', () => {
    const m = buildModel([ing('web', [{ path: '/web', service: 'web-svc' }])], WEB)
    const r = route(m, req('/nope'), new RoundRobin(first), first)
    expect(r).toMatchObject({ kind: 'respond', status: 404, upstream: 'upstream-default-backend' })
    expect(nginxPage(404)).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n')
    expect(nginxPage(404).length).toBe(146)
  })

  it('matches Prefix element-wise: /web and /web/x, not /webx', () => {
    const m = buildModel([ing('web', [{ path: '/web', service: 'web-svc' }])], WEB)
    const rr = new RoundRobin(first)
    expect(route(m, req('/web'), rr, first).kind).toBe('proxy')
    expect(route(m, req('/web/index.html'), rr, first).kind).toBe('proxy')
    expect(route(m, req('/webx'), rr, first)).toMatchObject({ status: 404 })
    const locs = m.servers.find((s) => s.hostname === '_')!.locations.map((l) => `${l.pathType}:${l.path}`)
    expect(locs).toEqual(['Prefix:/web/', 'Exact:/web', 'Prefix:/'])
  })

  it('Exact matches only the path itself', () => {
    const m = buildModel([ing('web', [{ path: '/healthz', pathType: 'Exact', service: 'api' }])], WEB)
    expect(route(m, req('/healthz'), new RoundRobin(first), first).kind).toBe('proxy')
    expect(route(m, req('/healthz/x'), new RoundRobin(first), first)).toMatchObject({ status: 404 })
  })

  it('balances round-robin over ready endpoints only, at the slice port', () => {
    const m = buildModel([ing('web', [{ path: '/web', service: 'web-svc' }])], WEB)
    const rr = new RoundRobin(first)
    const ips = [1, 2, 3, 4].map(() => { const r = route(m, req('/web'), rr, first); return r.kind === 'proxy' ? `${r.endpoint.ip}:${r.endpoint.port}` : '' })
    expect(ips).toEqual(['10.244.0.5:8000', '10.244.0.6:8000', '10.244.0.7:8000', '10.244.0.5:8000'])
  })

  it('rewrite-target / replaces the whole URI (captures with $2), keeping the query', () => {
    const m = buildModel([ing('web', [{ path: '/web', service: 'web-svc' }], { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } })], WEB)
    const r = route(m, req('/web/index.html?x=1'), new RoundRobin(first), first)
    expect(r).toMatchObject({ kind: 'proxy', uri: '/?x=1' })
    const d = buildModel([ing('dashboard', [{ path: '/dashboard(/|$)(.*)', pathType: 'ImplementationSpecific', service: 'api' }], { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } })], WEB)
    const rr = new RoundRobin(first)
    expect(route(d, req('/dashboard/api/v1/login'), rr, first)).toMatchObject({ kind: 'proxy', uri: '/api/v1/login' })
    expect(route(d, req('/dashboard'), rr, first)).toMatchObject({ kind: 'proxy', uri: '/' })
    expect(route(d, req('/DASHBOARD/x'), rr, first)).toMatchObject({ kind: 'proxy', uri: '/x' }) // ~* is case-insensitive
    expect(route(d, req('/other'), rr, first)).toMatchObject({ status: 404 })
  })

  it('a rewrite on one Ingress turns every location of the host into a regex (~* "^path")', () => {
    const m = buildModel([
      ing('a', [{ path: '/api', pathType: 'Exact', service: 'api' }]),
      ing('b', [{ path: '/web', service: 'web-svc' }], { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }),
    ], WEB)
    // The Exact /api location is now `~* "^/api"`: /api/more matches too (ingress-nginx's documented caveat).
    expect(route(m, req('/api/more'), new RoundRobin(first), first)).toMatchObject({ kind: 'proxy', upstream: { name: 'default-api-8000' } })
    expect(rewriteUri(m.servers[0].locations.find((l) => l.path === '/web')!, '/web/a', '')).toBe('/')
  })

  it('selects servers by exact host, then single-label wildcard, then the catch-all', () => {
    const m = buildModel([
      ing('a', [{ path: '/', service: 'api' }], { host: 'app.local' }),
      ing('b', [{ path: '/', service: 'web-svc' }], { host: '*.foo.com' }),
    ], WEB)
    expect(selectServer(m, 'app.local:80').hostname).toBe('app.local')
    expect(selectServer(m, 'bar.foo.com').hostname).toBe('*.foo.com')
    expect(selectServer(m, 'a.bar.foo.com').hostname).toBe('_')
    expect(route(m, req('/', {}, 'other.local'), new RoundRobin(first), first)).toMatchObject({ status: 404 })
  })

  it('503 when the Service has no ready endpoints', () => {
    const m = buildModel([ing('e', [{ path: '/e', service: 'empty' }])], WEB)
    expect(route(m, req('/e'), new RoundRobin(first), first)).toMatchObject({ kind: 'respond', status: 503, upstream: 'default-empty-8000' })
    expect(m.warnings.map((w) => w.text)).toContain('Service "default/empty" does not have any active Endpoint.')
  })

  it('a canary by header merges into the primary of the same host and path', () => {
    const main = ing('web', [{ path: '/web', service: 'web-svc' }], { host: 'app.local', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } })
    const canary = ing('web', [{ path: '/web', service: 'web-svc' }], { ns: 'canary', host: 'app.local', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-by-header': 'canary' } })
    const m = buildModel([main, canary], WEB)
    const rr = new RoundRobin(first)
    const to = (h: Record<string, string>) => { const r = route(m, req('/web/index.html', h, 'app.local'), rr, () => 100); return r.kind === 'proxy' ? r.upstream.name : r.status }
    expect(to({})).toBe('default-web-svc-8000')
    expect(to({ canary: 'always' })).toBe('canary-web-svc-8000')
    expect(to({ canary: 'never' })).toBe('default-web-svc-8000')
    expect(to({ canary: 'yes' })).toBe('default-web-svc-8000')
  })

  it('a host-less canary cannot merge (the course notes\' error) and its upstream is dropped', () => {
    const main = ing('web', [{ path: '/web', service: 'web-svc' }])
    const canary = ing('web', [{ path: '/web', service: 'web-svc' }], { ns: 'canary', annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-by-header': 'canary' } })
    const m = buildModel([main, canary], WEB)
    expect(m.warnings.map((w) => w.text)).toContain('cannot merge alternative backend canary-web-svc-8000 into hostname  that does not exist')
    expect(route(m, req('/web', { canary: 'always' }), new RoundRobin(first), first)).toMatchObject({ upstream: { name: 'default-web-svc-8000' } })
  })

  it('canary-by-header-value, -pattern, cookie and weight', () => {
    const mk = (a: Record<string, string>) => buildModel([
      ing('web', [{ path: '/', service: 'web-svc' }], { host: 'h' }),
      ing('c', [{ path: '/', service: 'web-svc' }], { ns: 'canary', host: 'h', annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', ...a } }),
    ], WEB)
    const go = (m: ReturnType<typeof mk>, h: Record<string, string>, dice: Dice = () => 100) => { const r = route(m, req('/', h, 'h'), new RoundRobin(first), dice); return r.kind === 'proxy' ? r.upstream.namespace : '' }
    const byValue = mk({ 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Env', 'nginx.ingress.kubernetes.io/canary-by-header-value': 'beta' })
    expect(go(byValue, { 'x-env': 'beta' })).toBe('canary')
    expect(go(byValue, { 'x-env': 'always' })).toBe('default')
    const byPattern = mk({ 'nginx.ingress.kubernetes.io/canary-by-header': 'x-env', 'nginx.ingress.kubernetes.io/canary-by-header-pattern': '^be' })
    expect(go(byPattern, { 'x-env': 'beta' })).toBe('canary')
    const byCookie = mk({ 'nginx.ingress.kubernetes.io/canary-by-cookie': 'canary' })
    expect(go(byCookie, { cookie: 'a=1; canary=always' })).toBe('canary')
    const weighted = mk({ 'nginx.ingress.kubernetes.io/canary-weight': '30' })
    expect(go(weighted, {}, () => 30)).toBe('canary')
    expect(go(weighted, {}, () => 31)).toBe('default')
  })

  it('app-root redirects / with 302; ssl-redirect only matters once the host has TLS', () => {
    const a = ing('a', [{ path: '/', service: 'api' }], { host: 'h', annotations: { 'nginx.ingress.kubernetes.io/app-root': '/app1' } })
    const m = buildModel([a], WEB)
    expect(route(m, req('/', {}, 'h'), new RoundRobin(first), first)).toMatchObject({ status: 302, headers: { Location: 'http://h/app1' } })
    expect(route(m, req('/x', {}, 'h'), new RoundRobin(first), first).kind).toBe('proxy')
    const tls = { ...a, spec: { ...a.spec, tls: [{ hosts: ['h'] }] } } as Ingress
    expect(route(buildModel([tls], WEB), req('/x', {}, 'h'), new RoundRobin(first), first)).toMatchObject({ status: 308, headers: { Location: 'https://h/x' } })
  })

  it('spec.defaultBackend of a rule-less Ingress takes the catch-all server', () => {
    const d = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'd', namespace: 'default' }, spec: { defaultBackend: { service: { name: 'api', port: { number: 8000 } } } } } as Ingress
    expect(route(buildModel([d], WEB), req('/anything'), new RoundRobin(first), first)).toMatchObject({ kind: 'proxy', upstream: { name: 'default-api-8000' } })
  })

  it('the first Ingress (oldest) to claim a host+path keeps it', () => {
    const m = buildModel([ing('old', [{ path: '/x', service: 'api' }]), ing('new', [{ path: '/x', service: 'web-svc' }])], WEB)
    expect(route(m, req('/x'), new RoundRobin(first), first)).toMatchObject({ upstream: { name: 'default-api-8000' } })
  })
})

describe('ingress class selection', () => {
  const nginxClass: IngressClass = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } }
  it('takes the annotation nginx, ingressClassName of a class it controls, and ignores class-less Ingresses', () => {
    const base = ing('x', [{ path: '/', service: 'api' }])
    expect(isOurIngress(base, [nginxClass])).toBe(true)
    expect(isOurIngress({ ...base, spec: { ...base.spec, ingressClassName: 'traefik' } }, [nginxClass])).toBe(false)
    expect(isOurIngress({ ...base, spec: { ...base.spec, ingressClassName: 'nginx' } }, [])).toBe(false)
    expect(isOurIngress({ ...base, spec: { ...base.spec, ingressClassName: undefined } }, [nginxClass])).toBe(false)
    expect(isOurIngress({ ...base, metadata: { ...base.metadata, annotations: { 'kubernetes.io/ingress.class': 'nginx' } }, spec: { ...base.spec, ingressClassName: undefined } }, [])).toBe(true)
  })
  it('says why it ignores one (store.go GetIngressClass errors)', () => {
    const base = ing('x', [{ path: '/', service: 'api' }])
    expect(ingressClassOf({ ...base, spec: { ...base.spec, ingressClassName: 'traefik' } }, [nginxClass])).toEqual({ ok: false, error: 'no object matching key "traefik" in local store' })
    expect(ingressClassOf({ ...base, metadata: { ...base.metadata, annotations: { 'kubernetes.io/ingress.class': 'traefik' } }, spec: { ...base.spec, ingressClassName: undefined } }, [nginxClass])).toEqual({ ok: false, error: 'ingress class annotation is not equal to the expected by Ingress Controller' })
    expect(ingressClassOf({ ...base, spec: { ...base.spec, ingressClassName: undefined } }, [nginxClass])).toEqual({ ok: false, error: 'ingress does not contain a valid IngressClass' })
  })
})
