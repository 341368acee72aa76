// httpGet probes: upstream pkg/probe/http (request.go builds the request, http.go judges the
// answer). The kubelet's client follows redirects only to the same host (followNonLocalRedirects
// = false): a redirect elsewhere ends the probe as a success with a `ProbeWarning`.
import type { Container } from '../../../api/types'
import type { HttpRequest, HttpResult } from '../../../shell'
import { EPHEMERAL_PORT_MAX, EPHEMERAL_PORT_MIN, CLIENT_TIMEOUT, goQuote, httpGetError, joinHostPort } from './goerrors'
import { raceTimeout, TIMED_OUT, type ProbeContext, type ProbeOutcome } from './outcome'
import { resolveContainerPort } from './spec'

type HTTPGetAction = NonNullable<NonNullable<Container['livenessProbe']>['httpGet']>

/** `kube-probe/<major>.<minor>` (request.go userAgent): the cluster runs v1.30.0. */
export const PROBE_USER_AGENT = 'kube-probe/1.30'

/** http.Client's default CheckRedirect limit, kept by the prober's RedirectChecker. */
const MAX_REDIRECTS = 10

/** Status codes Go's client follows (redirectBehavior). */
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308])

/** Response bodies are read up to 10 KiB (maxRespBodyLength). */
const MAX_BODY = 10 * 1024

interface Target {
  scheme: 'http' | 'https'
  host: string
  port: number
  /** Path and query as sent (`/` when the probe has none). */
  path: string
  /** URL.String(): what error messages quote. */
  url: string
}

/** Run one httpGet probe. */
export async function httpProbe(action: HTTPGetAction, ctx: ProbeContext): Promise<ProbeOutcome> {
  const resolved = resolveContainerPort(action.port, ctx.container)
  if ('error' in resolved) return { result: 'unknown', output: '', error: resolved.error }
  const scheme = (action.scheme ?? '').toLowerCase() === 'https' ? 'https' : 'http'
  const first = target(scheme, action.host || ctx.podIP, resolved.port, action.path ?? '')
  const clock = ctx.host.clock
  const deadline = clock.now() + ctx.timeoutMs

  let cur = first
  for (let requests = 1; ; requests++) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) return { result: 'failure', output: `Get ${goQuote(cur.url)}: ${CLIENT_TIMEOUT}` }
    const headers = probeHeaders(action.httpHeaders ?? [], cur)
    const req: HttpRequest = { host: cur.host, port: cur.port, scheme: cur.scheme, method: 'GET', path: cur.path, headers, timeoutMs: remaining }
    const res = await raceTimeout(clock, remaining, ctx.host.net.http(req, ctx.signal))
    if (res === TIMED_OUT) return { result: 'failure', output: `Get ${goQuote(cur.url)}: ${CLIENT_TIMEOUT}` }
    if (res.kind === 'error') {
      const port = ctx.host.random.between(EPHEMERAL_PORT_MIN, EPHEMERAL_PORT_MAX)
      return { result: 'failure', output: httpGetError(cur.url, res.code, cur.host, cur.port, res.ip, port) }
    }
    if (!REDIRECT_CODES.has(res.status)) return judge(res)
    const loc = header(res.headers, 'location')
    // A 3xx without Location is returned as is (Go issues #17773, #49281).
    if (!loc) return judge(res)
    const next = resolveLocation(loc, cur)
    if (!next) return judge(res)
    // RedirectChecker: another host ends the chain with the 3xx in hand, before any count.
    if (next.host.toLowerCase() !== first.host.toLowerCase()) return judge(res)
    if (requests >= MAX_REDIRECTS) return { result: 'failure', output: `Get ${goQuote(loc)}: stopped after 10 redirects` }
    cur = next
  }
}

/** DoHTTPProbe's verdict on a response. */
function judge(res: Extract<HttpResult, { kind: 'response' }>): ProbeOutcome {
  const body = res.body.length > MAX_BODY ? res.body.slice(0, MAX_BODY) : res.body
  if (res.status >= 200 && res.status < 400) {
    if (res.status >= 300) return { result: 'warning', output: `Probe terminated redirects, Response body: ${body}` }
    return { result: 'success', output: body }
  }
  // Upstream keeps the body out of the message on purpose (issue 99425).
  return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}` }
}

function target(scheme: 'http' | 'https', host: string, port: number, rawPath: string): Target {
  // url.Parse + URL.String(): a path without a leading slash gets one once a host is present.
  const path = rawPath === '' ? '' : rawPath.startsWith('/') ? rawPath : `/${rawPath}`
  return { scheme, host, port, path: path || '/', url: `${scheme}://${joinHostPort(host, port)}${path}` }
}

/**
 * The headers Go writes (request.go + net/http's Request.write): Host, User-Agent (kube-probe
 * unless the probe sets one), the rest sorted by canonical name with Accept: * / * added when
 * absent (an empty Accept removes it), then Connection: close (keep-alives are off).
 */
export function probeHeaders(list: { name: string; value: string }[], t: Pick<Target, 'host' | 'port'>): [string, string][] {
  const byName = new Map<string, string[]>()
  for (const h of list) {
    const k = canonicalHeaderKey(h.name)
    byName.set(k, [...(byName.get(k) ?? []), h.value])
  }
  if (!byName.has('User-Agent')) byName.set('User-Agent', [PROBE_USER_AGENT])
  if (!byName.has('Accept')) byName.set('Accept', ['*/*'])
  else if (byName.get('Accept')![0] === '') byName.delete('Accept')
  const out: [string, string][] = [['Host', byName.get('Host')?.[0] ?? joinHostPort(t.host, t.port)]]
  const ua = byName.get('User-Agent')![0]
  if (ua !== '') out.push(['User-Agent', ua])
  const rest = [...byName.keys()].filter((k) => k !== 'Host' && k !== 'User-Agent').sort()
  for (const k of rest) for (const v of byName.get(k)!) out.push([k, v])
  out.push(['Connection', 'close'])
  return out
}

/** textproto.CanonicalMIMEHeaderKey: `x-custom-header` → `X-Custom-Header`; odd names stay as written. */
export function canonicalHeaderKey(name: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(name)) return name
  let upper = true
  let out = ''
  for (const c of name) {
    out += upper ? c.toUpperCase() : c.toLowerCase()
    upper = c === '-'
  }
  return out
}

function header(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1]
}

/** req.URL.Parse(Location): relative to the current URL. Undefined when it does not parse. */
function resolveLocation(loc: string, cur: Target): Target | undefined {
  let u: URL
  try {
    u = new URL(loc, cur.url)
  } catch {
    return undefined
  }
  const scheme = u.protocol === 'https:' ? 'https' : u.protocol === 'http:' ? 'http' : undefined
  if (!scheme) return undefined
  const port = u.port ? Number(u.port) : scheme === 'https' ? 443 : 80
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const path = `${u.pathname}${u.search}`
  // Go prints the URL as it was written (`http://web/x` keeps no port), a relative one against
  // the current URL (which always has host:port).
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.exec(loc)
  const hostPart = absolute ? loc.slice(absolute[0].length).split(/[/?#]/)[0] : joinHostPort(cur.host, cur.port)
  const url = `${scheme}://${hostPart}${path}`
  return { scheme, host, port, path, url }
}
