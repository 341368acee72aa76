// curl's command line: short options combine (`-sSL`, `-XPOST`), long options take their value
// as the next word (curl has no `--opt=value`), everything else is a URL. Errors use curl's words
// and exit 2.

export interface CurlOptions {
  urls: string[]
  silent: boolean
  showError: boolean
  verbose: boolean
  include: boolean
  head: boolean
  location: boolean
  fail: boolean
  /** --fail-with-body: the body is still written before the (22). */
  failWithBody: boolean
  remoteName: boolean
  get: boolean
  method?: string
  headers: string[]
  /** -d pieces, joined with `&` (curl's rule). `binary` keeps newlines of @file data. */
  data: { text: string; kind: 'ascii' | 'raw' | 'binary' | 'urlencode' }[]
  output?: string
  writeOut?: string
  maxTimeS?: number
  connectTimeoutS?: number
  userAgent?: string
  referer?: string
  user?: string
  maxRedirs: number
  /** -k: accept the cluster's self-signed certificates. */
  insecure: boolean
  /** --cacert FILE: trust that CA (the serviceaccount's ca.crt). */
  cacert?: string
  /** --resolve host:port:addr — use addr for host on that port (DNS bypassed). */
  resolve: string[]
  help: boolean
  version: boolean
}

type Kind = 'flag' | 'value'
interface Opt { name: keyof CurlOptions | 'data' | 'ignore' | 'ignoreValue'; kind: Kind; data?: CurlOptions['data'][number]['kind'] }

const LONG: Record<string, Opt> = {
  silent: { name: 'silent', kind: 'flag' }, 'show-error': { name: 'showError', kind: 'flag' },
  verbose: { name: 'verbose', kind: 'flag' }, include: { name: 'include', kind: 'flag' },
  head: { name: 'head', kind: 'flag' }, location: { name: 'location', kind: 'flag' },
  fail: { name: 'fail', kind: 'flag' }, 'fail-with-body': { name: 'failWithBody', kind: 'flag' },
  'remote-name': { name: 'remoteName', kind: 'flag' }, get: { name: 'get', kind: 'flag' },
  insecure: { name: 'insecure', kind: 'flag' }, compressed: { name: 'ignore', kind: 'flag' },
  'no-buffer': { name: 'ignore', kind: 'flag' }, http1: { name: 'ignore', kind: 'flag' },
  'http1.1': { name: 'ignore', kind: 'flag' }, ipv4: { name: 'ignore', kind: 'flag' },
  globoff: { name: 'ignore', kind: 'flag' }, 'no-progress-meter': { name: 'ignore', kind: 'flag' },
  help: { name: 'help', kind: 'flag' }, version: { name: 'version', kind: 'flag' },
  request: { name: 'method', kind: 'value' }, header: { name: 'headers', kind: 'value' },
  data: { name: 'data', kind: 'value', data: 'ascii' }, 'data-ascii': { name: 'data', kind: 'value', data: 'ascii' },
  'data-raw': { name: 'data', kind: 'value', data: 'raw' }, 'data-binary': { name: 'data', kind: 'value', data: 'binary' },
  'data-urlencode': { name: 'data', kind: 'value', data: 'urlencode' },
  output: { name: 'output', kind: 'value' }, 'write-out': { name: 'writeOut', kind: 'value' },
  'max-time': { name: 'maxTimeS', kind: 'value' }, 'connect-timeout': { name: 'connectTimeoutS', kind: 'value' },
  'user-agent': { name: 'userAgent', kind: 'value' }, referer: { name: 'referer', kind: 'value' },
  user: { name: 'user', kind: 'value' }, 'max-redirs': { name: 'maxRedirs', kind: 'value' },
  cacert: { name: 'cacert', kind: 'value' }, capath: { name: 'cacert', kind: 'value' }, resolve: { name: 'resolve', kind: 'value' },
  retry: { name: 'ignoreValue', kind: 'value' }, 'retry-delay': { name: 'ignoreValue', kind: 'value' },
}

const SHORT: Record<string, string> = {
  s: 'silent', S: 'show-error', v: 'verbose', i: 'include', I: 'head', L: 'location', f: 'fail',
  O: 'remote-name', G: 'get', k: 'insecure', N: 'no-buffer', '4': 'ipv4', g: 'globoff', h: 'help', V: 'version',
  X: 'request', H: 'header', d: 'data', o: 'output', w: 'write-out', m: 'max-time', A: 'user-agent',
  e: 'referer', u: 'user',
}

const NUMERIC = new Set(['maxTimeS', 'connectTimeoutS', 'maxRedirs'])

/** A usage error: curl prints `curl: <message>` and its hint, exit 2. */
export class CurlUsage extends Error {}

export function parseCurlArgs(args: string[]): CurlOptions {
  const o: CurlOptions = {
    urls: [], silent: false, showError: false, verbose: false, include: false, head: false, location: false,
    fail: false, failWithBody: false, remoteName: false, get: false, headers: [], data: [], maxRedirs: 50, resolve: [], insecure: false, help: false, version: false,
  }
  const apply = (spelled: string, opt: Opt, value: string | undefined) => {
    if (opt.name === 'ignore' || opt.name === 'ignoreValue') return
    if (opt.kind === 'flag') {
      ;(o as unknown as Record<string, boolean>)[opt.name] = true
      return
    }
    if (value === undefined) throw new CurlUsage(`option ${spelled}: requires parameter`)
    if (opt.name === 'data') o.data.push({ text: value, kind: opt.data ?? 'ascii' })
    else if (opt.name === 'headers') o.headers.push(value)
    else if (opt.name === 'resolve') o.resolve.push(value)
    else if (NUMERIC.has(opt.name)) {
      if (!/^(\d+\.?\d*|\.\d+)$/.test(value)) throw new CurlUsage(`option ${spelled}: expected a proper numerical parameter`)
      ;(o as unknown as Record<string, number>)[opt.name] = Number(value)
    } else (o as unknown as Record<string, string>)[opt.name] = value
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--') && a.length > 2) {
      const opt = LONG[a.slice(2)]
      if (!opt) throw new CurlUsage(`option ${a}: is unknown`)
      apply(a, opt, opt.kind === 'value' ? args[++i] : undefined)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const long = SHORT[a[j]]
        if (!long) throw new CurlUsage(`option -${a.slice(j)}: is unknown`)
        const opt = LONG[long]
        if (opt.kind === 'value') {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          apply(`-${a[j]}`, opt, value)
          break
        }
        apply(`-${a[j]}`, opt, undefined)
      }
      continue
    }
    o.urls.push(a)
  }
  return o
}

export const CURL_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n"

export const CURL_USAGE = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`

export const CURL_VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtmpe rtmps rtmpt rtmpte rtmpts rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`
