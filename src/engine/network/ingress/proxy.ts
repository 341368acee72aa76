// The data plane: nginx on :80/:443 in the controller pod. Routes each request (route.ts), answers
// what nginx answers itself (404 page, 503, redirects), otherwise proxies to the chosen endpoint —
// a pod IP:targetPort, never the ClusterIP, which is why a headless Service works as a backend —
// with the headers ingress-nginx sets, retrying the next endpoint on a connection error
// (proxy_next_upstream_tries 3) and answering 502/504 when none answers. One access-log line per
// request in ingress-nginx's log-format-upstream.
import type { CancelSignal, HttpResult, NetworkAccess, ShellClock } from '../../../shell'
import type { HttpResponse, IncomingRequest } from '../types'
import { utf8Length } from '../http'
import type { NginxModel } from './model'
import { NGINX_REASONS, nginxPage } from './pages'
import { route, RoundRobin, hostOf, type Dice } from './route'

/** proxy_next_upstream_tries in ingress-nginx's template. */
export const PROXY_NEXT_UPSTREAM_TRIES = 3
/** proxy-read-timeout default (60 s). */
export const PROXY_READ_TIMEOUT_MS = 60_000

export interface ProxyHost {
  http: NetworkAccess['http']
  clock: ShellClock
  signal: CancelSignal
  dice: Dice
  /** One access-log line (stdout). */
  access(line: string): void
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** $time_local: `01/Jan/2026:00:01:00 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

/** `user-agent` → `User-Agent`, as Go and curl print names. */
const canonical = (name: string) => name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('-')

/** Headers nginx's proxy module does not pass back from the upstream (it writes its own Server/Date). */
const HIDDEN = new Set(['server', 'date', 'connection', 'keep-alive', 'transfer-encoding'])

export function createIngressServer(model: () => NginxModel, h: ProxyHost) {
  const rr = new RoundRobin(h.dice)
  const reqId = () => Array.from({ length: 8 }, () => (h.dice(65536) - 1).toString(16).padStart(4, '0')).join('')

  return async function handle(req: IncomingRequest, https: boolean): Promise<HttpResponse> {
    const started = h.clock.now()
    const id = reqId()
    const hostHeader = req.headers.host ?? req.localIP
    const r = route(model(), { host: hostHeader, path: req.path, headers: req.headers, https }, rr, h.dice)
    const scheme = https ? 'https' : 'http'
    let res: HttpResponse
    let upstream = { name: '-', alt: '', addr: '-', length: '-', time: '-', status: '-' }
    if (r.kind === 'respond') {
      res = { status: r.status, reason: NGINX_REASONS[r.status], headers: { Server: 'nginx', ...r.headers }, body: r.body }
      upstream = { name: r.upstream, alt: r.alternative ?? '', addr: r.endpoint ? `${r.endpoint.ip}:${r.endpoint.port}` : '-', length: r.endpoint ? String(utf8Length(r.body)) : '-', time: r.endpoint ? '0.000' : '-', status: r.endpoint ? String(r.status) : '-' }
    } else {
      const headers: [string, string][] = [
        ['Host', hostHeader], ['X-Request-ID', id], ['X-Real-IP', req.remoteIP],
        ['X-Forwarded-For', req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${req.remoteIP}` : req.remoteIP],
        ['X-Forwarded-Host', hostOf(hostHeader)], ['X-Forwarded-Port', String(req.localPort)], ['X-Forwarded-Proto', scheme],
        ['X-Forwarded-Scheme', scheme], ['X-Scheme', scheme],
        ...Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'x-forwarded-for'].includes(k)).map(([k, v]) => [canonical(k), v] as [string, string]),
      ]
      let endpoint = r.endpoint
      let result: HttpResult = { kind: 'error', code: 'refused' }
      for (let attempt = 0; attempt < PROXY_NEXT_UPSTREAM_TRIES; attempt++) {
        result = await h.http({ host: endpoint.ip, port: endpoint.port, method: req.method, path: r.uri, headers, body: req.body, timeoutMs: PROXY_READ_TIMEOUT_MS }, h.signal)
        if (result.kind === 'response' || result.code === 'timeout') break
        if (r.upstream.endpoints.length < 2) break
        endpoint = rr.next(r.upstream)
      }
      const took = ((h.clock.now() - started) / 1000).toFixed(3)
      if (result.kind === 'response') {
        res = { status: result.status, reason: result.reason, headers: { Server: 'nginx', ...Object.fromEntries(result.headers.filter(([k]) => !HIDDEN.has(k.toLowerCase()))) }, body: result.body }
      } else {
        const status = result.code === 'timeout' ? 504 : 502
        res = { status, reason: NGINX_REASONS[status], headers: { Server: 'nginx', 'Content-Type': 'text/html' }, body: nginxPage(status) }
      }
      upstream = {
        // $proxy_upstream_name is the location's primary; the canary shows as the alternative.
        name: r.location.backend,
        alt: r.upstream.name !== r.location.backend ? r.upstream.name : '',
        addr: `${endpoint.ip}:${endpoint.port}`, length: result.kind === 'response' ? String(utf8Length(result.body)) : '0', time: took,
        status: result.kind === 'response' ? String(result.status) : '502',
      }
    }
    const reqLine = `${req.method} ${req.path} HTTP/1.1`
    const reqLength = utf8Length(`${reqLine}\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${req.body ?? ''}`)
    const total = ((h.clock.now() - started) / 1000).toFixed(3)
    const bytes = req.method === 'HEAD' ? 0 : utf8Length(res.body)
    h.access(`${req.remoteIP} - - [${timeLocal(h.clock.now())}] "${reqLine}" ${res.status} ${bytes} "${req.headers.referer ?? '-'}" "${req.headers['user-agent'] ?? '-'}" ${reqLength} ${total} [${upstream.name}] [${upstream.alt}] ${upstream.addr} ${upstream.length} ${upstream.time} ${upstream.status} ${id}`)
    return res
  }
}
