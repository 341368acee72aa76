// curl 8.5.0 (Ubuntu 24.04's) over ctx.net: one transfer per URL, curl's verbose trace, progress
// meter, -w write-out, and its error words and exit codes:
//   (6) Could not resolve host: web
//   (7) Failed to connect to 10.244.0.5 port 81 after 0 ms: Couldn't connect to server
//   (28) Failed to connect to 10.244.0.9 port 80 after 130000 ms: Couldn't connect to server
//        — the kernel gave up (ETIMEDOUT): curl 8 words it "Couldn't connect", exits 28
//   (28) Connection timed out after 5001 milliseconds — curl's own --connect-timeout/--max-time
//   (52) Empty reply from server, (22) The requested URL returned error: 404 (-f), (3) URL rejected: …
import type { CommandContext, CommandInfo, HttpResult } from '../types'
import { CURL_HINT, CURL_USAGE, CURL_VERSION, CurlUsage, parseCurlArgs, type CurlOptions } from './curl-args'
import { METER_HEADER, byteLength, headerBlock, headerValue, meterLine, writeOut } from './curl-out'
import { requestBody, requestHeaders, requestMethod } from './curl-request'
import { STRERROR, netOf, since, writeDownload } from './common'
import { isIPv4, isUrlError, parseUrl, resolveLocation, type Url } from './url'

/** curl's multi timer fires on the first check after the deadline: a 5 s limit reports 5001 ms. */
const TIMER_SLACK_MS = 1
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308])
/** What curl adds after a (60). */
const SSL_ADVICE = `More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`

type Response = Extract<HttpResult, { kind: 'response' }>

/** One transfer's state: what has been printed, and how to end with curl's words. */
class Transfer {
  readonly start: number
  meterShown = false
  tracedData = false
  httpCode = 0
  remoteIP = ''
  remotePort = 0
  redirects = 0
  received = 0
  contentType = ''
  headerBytes = 0
  url: string

  constructor(readonly ctx: CommandContext, readonly o: CurlOptions, url: string) {
    this.start = ctx.clock.now()
    this.url = url
  }

  info(line: string): void {
    if (this.o.verbose) this.ctx.stderr.write(`* ${line}\n`)
  }

  /** Body goes somewhere other than the terminal: curl then shows the meter and `{ [N bytes data]`. */
  get offTerminal(): boolean {
    return this.o.output !== undefined || this.o.remoteName || !this.ctx.isTTY
  }

  startMeter(): void {
    if (this.o.silent || !this.offTerminal) return
    this.meterShown = true
    this.ctx.stderr.write(METER_HEADER)
  }

  endMeter(done: boolean, uploaded: number): void {
    if (!this.meterShown) return
    const line = meterLine({ total: done ? this.received : 0, received: this.received, uploaded, elapsedMs: since(this.ctx, this.start), done })
    this.ctx.stderr.write(`\r${line}\n`)
  }

  /** Ends the transfer with `curl: (code) message` (unless -s without -S) and the -w output. */
  fail(code: number, message: string): number {
    this.info(message)
    this.info('Closing connection')
    this.endMeter(false, 0)
    if (!this.o.silent || this.o.showError) this.ctx.stderr.write(`curl: (${code}) ${message}\n`)
    this.writeOut(code, message)
    return code
  }

  writeOut(exitCode: number, errorMsg: string, method = 'GET'): void {
    if (this.o.writeOut === undefined) return
    const text = writeOut(this.o.writeOut, {
      httpCode: this.httpCode, sizeDownload: this.received, sizeHeader: this.headerBytes, contentType: this.contentType,
      remoteIP: this.remoteIP, remotePort: this.remotePort, url: this.url, redirects: this.redirects,
      timeTotalMs: since(this.ctx, this.start), exitCode, errorMsg, method,
    }, (name) => this.ctx.stderr.write(`curl: unknown --write-out variable: '${name}'\n`))
    this.ctx.stdout.write(text)
  }
}

async function runCurl(ctx: CommandContext): Promise<number> {
  let o: CurlOptions
  try {
    o = parseCurlArgs(ctx.argv.slice(1))
  } catch (e) {
    if (!(e instanceof CurlUsage)) throw e
    ctx.stderr.write(`curl: ${e.message}\n${CURL_HINT}`)
    return 2
  }
  if (o.help) return ctx.stdout.write(CURL_USAGE), 0
  if (o.version) return ctx.stdout.write(CURL_VERSION), 0
  if (o.urls.length === 0) {
    ctx.stderr.write(`curl: no URL specified!\n${CURL_HINT}`)
    return 2
  }
  let status = 0
  for (const url of o.urls) {
    const code = await transfer(ctx, o, url)
    if (ctx.signal.aborted) return 130
    if (code !== 0) status = code
  }
  return status
}

async function transfer(ctx: CommandContext, o: CurlOptions, urlText: string): Promise<number> {
  const t = new Transfer(ctx, o, urlText)
  let u = parseUrl(urlText)
  if (isUrlError(u)) return t.fail(u.code, u.message)
  const outName = o.output ?? (o.remoteName ? remoteFileName(u) : undefined)
  if (outName === '') {
    ctx.stderr.write('curl: Remote file name has no length!\n')
    return 23
  }
  let body = await requestBody(ctx, o, (msg) => ctx.stderr.write(`Warning: ${msg}\n`))
  let method = requestMethod(o, body)
  if (o.get && body !== undefined) u = { ...u, path: `${u.path}${u.path.includes('?') ? '&' : '?'}${body}` }
  const net = netOf(ctx)
  const budget = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * 1000) + TIMER_SLACK_MS)
  const maxTime = budget(o.maxTimeS)
  const connectBudget = [budget(o.connectTimeoutS), maxTime].filter((x): x is number => x !== undefined)
  const connectLimit = connectBudget.length ? Math.min(...connectBudget) : undefined
  let headersOut = ''
  t.startMeter()
  for (;;) {
    t.url = urlString(u)
    const pinned = pinnedAddress(o.resolve, u)
    const ips = pinned ? [pinned] : net.resolve(u.host)
    if (!ips) return t.fail(6, `Could not resolve host: ${u.host}`)
    const ip = ips[0]
    if (!isIPv4(u.host)) t.info(`Host ${u.host}:${u.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ips.join(', ')}`)
    t.info(`  Trying ${ip}:${u.port}...`)
    const limit = connectLimit === undefined ? undefined : connectLimit - since(ctx, t.start)
    const c = await net.connect(ip, u.port, limit, ctx.signal)
    if (ctx.signal.aborted) return 130
    if (c.kind === 'error') return connectFailure(t, u, ip, c.code, connectLimit)
    t.info(`Connected to ${u.host} (${ip}) port ${u.port}`)
    t.remoteIP = ip
    t.remotePort = u.port
    // Every TLS server in the lab (the API server, an ingress) has a certificate from a cluster CA
    // no system trust store knows: without -k or --cacert, curl refuses it.
    if (u.scheme === 'https' && !o.insecure && o.cacert === undefined) {
      const code = t.fail(60, 'SSL certificate problem: unable to get local issuer certificate')
      if (!o.silent || o.showError) ctx.stderr.write(SSL_ADVICE)
      return code
    }
    const headers = requestHeaders(u, o, body)
    if (o.verbose) {
      const lines = [`${method} ${u.path} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`), '']
      ctx.stderr.write(lines.map((l) => `> ${l}\r\n`).join(''))
      if (body !== undefined && !o.get && t.offTerminal) {
        ctx.stderr.write(`} [${byteLength(body)} bytes data]\n`)
        t.tracedData = true
      }
    }
    const remaining = maxTime === undefined ? undefined : maxTime - since(ctx, t.start)
    const r = await net.http({ host: ip, port: u.port, scheme: u.scheme, method, path: u.path, headers, body: o.get ? undefined : body, timeoutMs: remaining }, ctx.signal)
    if (ctx.signal.aborted) return 130
    if (r.kind === 'error') {
      if (r.code === 'reset') return t.fail(52, 'Empty reply from server')
      if (r.code === 'timeout') return t.fail(28, `Operation timed out after ${since(ctx, t.start)} milliseconds with 0 bytes received`)
      return connectFailure(t, u, ip, r.code, connectLimit)
    }
    t.httpCode = r.status
    t.contentType = headerValue(r.headers, 'content-type') ?? ''
    const block = headerBlock(r)
    t.headerBytes += byteLength(block)
    if (o.verbose) ctx.stderr.write(block.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''))
    const location = headerValue(r.headers, 'location')
    if (o.location && REDIRECT_CODES.has(r.status) && location !== undefined) {
      const next = resolveLocation(u, location)
      if (isUrlError(next)) return t.fail(next.code, next.message)
      if (++t.redirects > o.maxRedirs) return t.fail(47, `Maximum (${o.maxRedirs}) redirects followed`)
      if (o.include || o.head) headersOut += block
      if (r.body) t.info('Ignoring the response-body')
      t.info(`Connection #0 to host ${u.host} left intact`)
      t.info(`Issue another request to this URL: '${urlString(next)}'`)
      // 303 always, 301/302 for POST (what browsers do, and curl without --post30x) switch to GET.
      if (r.status === 303 || ((r.status === 301 || r.status === 302) && method === 'POST')) {
        if (!o.method) method = 'GET'
        body = undefined
      }
      u = next
      continue
    }
    const error = `The requested URL returned error: ${r.status}`
    if (o.fail && !o.failWithBody && r.status >= 400) return t.fail(22, error)
    const code = deliver(t, u, r, headersOut + (o.include || o.head ? block : ''), outName, method, body, o.failWithBody && r.status >= 400)
    return code === 0 && o.failWithBody && r.status >= 400 ? t.fail(22, error) : code
  }
}

function connectFailure(t: Transfer, u: Url, ip: string, code: string, limit: number | undefined): number {
  const elapsed = since(t.ctx, t.start)
  if (code === 'resolve') return t.fail(6, `Could not resolve host: ${u.host}`)
  if (code === 'timeout' && limit !== undefined && elapsed >= limit) return t.fail(28, `Connection timed out after ${elapsed} milliseconds`)
  t.info(`connect to ${ip} port ${u.port} failed: ${STRERROR[code as keyof typeof STRERROR] ?? code}`)
  return t.fail(code === 'timeout' ? 28 : 7, `Failed to connect to ${u.host} port ${u.port} after ${elapsed} ms: Couldn't connect to server`)
}

/** Writes headers (-i/-I) and the body to stdout or the -o file; the meter, the trace's end and -w. */
function deliver(t: Transfer, u: Url, r: Response, headers: string, outName: string | undefined, method: string, body: string | undefined, failing = false): number {
  const { ctx, o } = t
  const content = headers + (o.head ? '' : r.body)
  t.received = byteLength(r.body)
  if (o.verbose && r.body && !t.tracedData && t.offTerminal) ctx.stderr.write(`{ [${t.received} bytes data]\n`)
  if (outName !== undefined) {
    const written = writeDownload(ctx, outName, content)
    if (written !== 'ok') {
      ctx.stderr.write(`Warning: Failed to open the file ${outName}: ${written}\n`)
      return t.fail(23, 'Failure writing output to destination')
    }
  } else if (content) ctx.stdout.write(content)
  if (failing) return 0 // --fail-with-body: the caller ends with (22)
  t.info(`Connection #0 to host ${u.host} left intact`)
  t.endMeter(true, body === undefined || o.get ? 0 : byteLength(body))
  t.writeOut(0, '', method)
  return 0
}

/** --resolve web:80:10.244.0.5 (curl also accepts `*` for any port and `+` prefixes). */
function pinnedAddress(entries: string[], u: Url): string | undefined {
  for (const e of entries) {
    const [host, port, addr] = e.replace(/^\+/, '').split(':')
    if (host?.toLowerCase() === u.host.toLowerCase() && (port === '*' || Number(port) === u.port) && addr) return addr
  }
  return undefined
}

/** -O: the last path segment (`/files/app.tar.gz` → `app.tar.gz`; `/` → none). */
function remoteFileName(u: Url): string {
  const path = u.path.replace(/\?.*$/s, '')
  return path.slice(path.lastIndexOf('/') + 1)
}

function urlString(u: Url): string {
  const port = u.explicitPort ? `:${u.port}` : ''
  return `${u.scheme}://${u.host}${port}${u.path}`
}

export const curl: CommandInfo = { summary: 'transfer a URL', run: runCurl }
