// URLs as curl and busybox wget read them: `web`, `10.244.0.5:9876/info`, `http://web/`,
// `https://192.168.49.2:8443/version`. No scheme means http (curl guesses it, wget falls back).

export interface Url {
  scheme: 'http' | 'https'
  host: string
  port: number
  /** Path and query, `/` when the URL had none; the fragment is never sent. */
  path: string
  /** `user:password` before the host, if any. */
  userinfo?: string
  /** Whether the URL named the port (Host then carries it: `Host: web:8080`). */
  explicitPort: boolean
}

export const DEFAULT_PORT = { http: 80, https: 443 } as const

/** curl's (3)/(1) words for a URL it will not use. */
export type UrlError = { code: 1 | 3; message: string }

const HOST_RE = /^[A-Za-z0-9._~!$&'()*+,;=%-]+$/

export function parseUrl(input: string): Url | UrlError {
  if (input === '') return { code: 3, message: 'URL rejected: Malformed input to a URL function' }
  let rest = input
  let scheme = 'http'
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest)
  if (m) {
    scheme = m[1].toLowerCase()
    rest = rest.slice(m[0].length)
  }
  if (scheme !== 'http' && scheme !== 'https') return { code: 1, message: `Protocol "${scheme}" not supported` }
  const cut = rest.search(/[/?#]/)
  let authority = cut < 0 ? rest : rest.slice(0, cut)
  let path = cut < 0 ? '' : rest.slice(cut)
  path = path.replace(/#.*$/s, '')
  if (path === '' || path.startsWith('?')) path = `/${path}`
  let userinfo: string | undefined
  const at = authority.lastIndexOf('@')
  if (at >= 0) {
    userinfo = authority.slice(0, at)
    authority = authority.slice(at + 1)
  }
  let host = authority
  let portText: string | undefined
  const colon = authority.lastIndexOf(':')
  if (colon >= 0 && !authority.startsWith('[')) {
    host = authority.slice(0, colon)
    portText = authority.slice(colon + 1)
  }
  if (host === '') return { code: 3, message: 'URL rejected: No host part in the URL' }
  if (!HOST_RE.test(host)) return { code: 3, message: 'URL rejected: Bad hostname' }
  let port: number = DEFAULT_PORT[scheme]
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
      return { code: 3, message: 'URL rejected: Port number was not a decimal number between 0 and 65535' }
    }
    port = Number(portText)
  }
  return { scheme, host, port, path, userinfo, explicitPort: portText !== undefined && portText !== '' }
}

export const isUrlError = (u: Url | UrlError): u is UrlError => 'code' in u

/** The Host header's value: the port only when not the scheme's default. */
export function hostHeader(u: Url): string {
  return u.port === DEFAULT_PORT[u.scheme] ? u.host : `${u.host}:${u.port}`
}

/** A Location header against the URL it came from (absolute, or a path on the same server). */
export function resolveLocation(base: Url, location: string): Url | UrlError {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return parseUrl(location)
  if (location.startsWith('//')) return parseUrl(`${base.scheme}:${location}`)
  const origin = `${base.scheme}://${hostHeader(base)}`
  if (location.startsWith('/')) return parseUrl(origin + location)
  const dir = base.path.replace(/\?.*$/s, '').replace(/[^/]*$/, '')
  return parseUrl(origin + dir + location)
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}
