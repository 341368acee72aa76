// One request through the built configuration, as nginx + ingress-nginx's Lua balancer handle it:
// pick the server by Host (exact name, then `*.foo.com` as the single-label regex ingress-nginx's
// buildServerName writes, then `_`), pick the location (nginx's rules: `= exact`, then the longest
// prefix; when any location of the server rewrites or uses regex, every location becomes
// `~* "^path"` and the first match in the sorted order wins), redirect (ssl-redirect, app-root),
// choose canary or primary (balancer.lua route_to_alternative_balancer), rewrite, pick an endpoint.
import { DEFAULT_UPSTREAM, needsRewrite, ROOT_LOCATION, type Endpoint, type Location, type NginxModel, type Server, type Upstream } from './model'
import { nginxPage } from './pages'

export interface IngressRequest {
  /** The Host header (may carry a port). */
  host: string
  /** Path and query as sent. */
  path: string
  /** Lower-case names. */
  headers: Record<string, string>
  https: boolean
}

export type RouteResult =
  /** Proxy to `endpoint` with `uri` (rewritten, with its query). `alternative`: the canary upstream considered. */
  | { kind: 'proxy'; server: Server; location: Location; upstream: Upstream; alternative?: string; endpoint: Endpoint; uri: string }
  /** nginx answers itself: the default backend's 404, 503 without endpoints, redirects. */
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string; upstream: string; alternative?: string; endpoint?: Endpoint }

/** Random integers for canary weights (math.random(n): 1..n) and balancer start offsets. */
export type Dice = (n: number) => number

export function hostOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase()
  return h.startsWith('[') ? h : h.replace(/:\d*$/, '')
}

export function selectServer(model: NginxModel, hostHeader: string): Server {
  const host = hostOf(hostHeader)
  const exact = model.servers.find((s) => s.hostname === host)
  if (exact) return exact
  for (const s of model.servers) {
    if (!s.hostname.startsWith('*.')) continue
    const rest = s.hostname.slice(2).split('.').map(escapeRegex).join('\\.')
    if (new RegExp(`^[\\w-]+\\.${rest}$`).test(host)) return s
  }
  return model.servers.find((s) => s.hostname === '_')!
}

export function enforceRegex(server: Server): boolean {
  return server.locations.some((l) => needsRewrite(l) || l.annotations.useRegex)
}

/** nginx's $uri: the path without the query, %-decoded, with `//` merged. */
export function normalizeUri(path: string): string {
  const raw = path.split('?')[0] || '/'
  let decoded = raw
  try { decoded = decodeURIComponent(raw) } catch { /* nginx keeps undecodable bytes */ }
  return decoded.replace(/\/{2,}/g, '/')
}

const regexCache = new Map<string, RegExp | null>()
/** `~* "^path"` (or `(?i)path` for rewrite): PCRE read as a JS RegExp; undefined when it does not compile. */
function compile(source: string): RegExp | undefined {
  if (!regexCache.has(source)) {
    try { regexCache.set(source, new RegExp(source, 'i')) } catch { regexCache.set(source, null) }
  }
  return regexCache.get(source) ?? undefined
}

export function selectLocation(server: Server, uri: string): Location | undefined {
  if (enforceRegex(server)) return server.locations.find((l) => compile(`^${l.path}`)?.test(uri))
  const exact = server.locations.find((l) => l.pathType === 'Exact' && l.path === uri)
  if (exact) return exact
  let best: Location | undefined
  for (const l of server.locations) {
    if (l.pathType === 'Exact' || !uri.startsWith(l.path)) continue
    if (!best || l.path.length > best.path.length) best = l
  }
  return best
}

/**
 * `rewrite "(?i)<path>" <target> break;`: the whole URI becomes the target with $1..$9 (and named
 * groups) filled in; the original query follows (after `&` when the target has its own, none when
 * the target ends in `?`). `/web/index.html` with path `/web` and target `/` becomes `/`.
 */
export function rewriteUri(loc: Location, uri: string, query: string): string {
  if (!needsRewrite(loc)) return query ? `${uri}?${query}` : uri
  const m = compile(loc.path)?.exec(uri)
  if (!m) return query ? `${uri}?${query}` : uri
  const target = loc.annotations.rewriteTarget.replace(/\$(\d)|\$\{(\d)\}|\$\{?([A-Za-z_]\w*)\}?/g, (all, d1?: string, d2?: string, name?: string) => {
    const d = d1 ?? d2
    if (d !== undefined) return m[Number(d)] ?? ''
    return m.groups?.[name!] ?? all
  })
  if (target.endsWith('?')) return target.slice(0, -1)
  if (target.includes('?')) return query ? `${target}&${query}` : target
  return query ? `${target}?${query}` : target
}

function cookieOf(headers: Record<string, string>, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** balancer.lua route_to_alternative_balancer: header, then cookie, then weight. */
export function routeToCanary(alt: Upstream, headers: Record<string, string>, dice: Dice): boolean {
  const p = alt.trafficShaping
  if (!p) return false
  const header = p.header ? headers[p.header.toLowerCase()] : undefined
  if (header !== undefined) {
    if (p.headerValue) { if (p.headerValue === header) return true }
    else if (p.headerPattern) { if (compile(p.headerPattern)?.test(header) ?? false) return true }
    else if (header === 'always') return true
    else if (header === 'never') return false
  }
  const cookie = p.cookie ? cookieOf(headers, p.cookie) : undefined
  if (cookie === 'always') return true
  if (cookie === 'never') return false
  const total = p.weightTotal > 100 ? p.weightTotal : 100
  return dice(total) <= p.weight
}

/** ingress-nginx's default load-balance: round_robin, one cursor per upstream. */
export class RoundRobin {
  private cursor = new Map<string, number>()
  constructor(private readonly dice: Dice) {}
  next(ups: Upstream): Endpoint {
    const start = this.cursor.get(ups.name) ?? this.dice(ups.endpoints.length) - 1
    const ep = ups.endpoints[start % ups.endpoints.length]
    this.cursor.set(ups.name, (start + 1) % ups.endpoints.length)
    return ep
  }
}

function page(status: number, upstream: string, extra: Record<string, string> = {}, endpoint?: Endpoint): RouteResult {
  return { kind: 'respond', status, headers: { 'Content-Type': 'text/html', ...extra }, body: nginxPage(status), upstream, ...(endpoint ? { endpoint } : {}) }
}

export function route(model: NginxModel, req: IngressRequest, rr: RoundRobin, dice: Dice): RouteResult {
  const server = selectServer(model, req.host)
  const uri = normalizeUri(req.path)
  const q = req.path.indexOf('?')
  const query = q >= 0 ? req.path.slice(q + 1) : ''
  const loc = selectLocation(server, uri)
  const host = hostOf(req.host) || server.hostname
  if (!loc || loc.isDefBackend && loc.backend === DEFAULT_UPSTREAM) return page(404, DEFAULT_UPSTREAM, {}, { ip: '127.0.0.1', port: 8181 })
  if (!req.https && (loc.annotations.forceSslRedirect || (server.tls && loc.annotations.sslRedirect))) {
    return page(308, '-', { Location: `https://${host}${req.path}` })
  }
  const root = server.locations.find((l) => l.path === ROOT_LOCATION)
  if (uri === '/' && root?.annotations.appRoot) return page(302, '-', { Location: `${req.https ? 'https' : 'http'}://${host}${root.annotations.appRoot}` })
  let upstream = model.upstreams.get(loc.backend)
  if (!upstream) return page(503, loc.backend)
  const altName = upstream.alternatives[0]
  const alt = altName ? model.upstreams.get(altName) : undefined
  if (alt && alt.endpoints.length && routeToCanary(alt, req.headers, dice)) upstream = alt
  if (!upstream.endpoints.length) return { ...page(503, upstream.name), alternative: altName }
  return { kind: 'proxy', server, location: loc, upstream, alternative: altName, endpoint: rr.next(upstream), uri: rewriteUri(loc, uri, query) }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
