// The request curl sends: its default headers (Host, User-Agent: curl/8.5.0, Accept: */*), the
// learner's -H lines merged in curl's way, -u as Basic auth, and the -d body.
import { encodeBase64 as base64 } from '../builtins/base64'
import { resolvePath } from '../path'
import type { CommandContext } from '../types'
import type { CurlOptions } from './curl-args'
import { byteLength } from './curl-out'
import { hostHeader, type Url } from './url'

export const CURL_USER_AGENT = 'curl/8.5.0'

/**
 * The -d pieces joined with `&`. `@file` reads the file (`-` = stdin); --data/--data-ascii strip
 * its CR and LF, --data-binary keeps them, --data-raw never reads files. Undefined: no -d.
 */
export async function requestBody(ctx: CommandContext, o: CurlOptions, warn: (msg: string) => void): Promise<string | undefined> {
  if (o.data.length === 0) return undefined
  const read = async (name: string): Promise<string> => {
    if (name === '-') return ctx.stdin.readAll()
    const text = ctx.fs.readFile(resolvePath(ctx.cwd, name))
    if (text === undefined) warn(`Couldn't read data from file "${name}", this makes an empty POST.`)
    return text ?? ''
  }
  const parts: string[] = []
  for (const d of o.data) {
    if (d.kind === 'raw') parts.push(d.text)
    else if (d.kind === 'urlencode') parts.push(await urlencodePart(d.text, read))
    else if (d.text.startsWith('@')) {
      const text = await read(d.text.slice(1))
      parts.push(d.kind === 'binary' ? text : text.replace(/[\r\n]/g, ''))
    } else parts.push(d.text)
  }
  return parts.join('&')
}

/** --data-urlencode: `content`, `=content`, `name=content`, `@file`, `name@file`. */
async function urlencodePart(spec: string, read: (name: string) => Promise<string>): Promise<string> {
  const eq = spec.indexOf('=')
  const at = spec.indexOf('@')
  if (eq >= 0 && (at < 0 || eq < at)) {
    const name = spec.slice(0, eq)
    const value = encodeURIComponent(spec.slice(eq + 1))
    return name ? `${name}=${value}` : value
  }
  if (at >= 0) {
    const name = spec.slice(0, at)
    const value = encodeURIComponent(await read(spec.slice(at + 1)))
    return name ? `${name}=${value}` : value
  }
  return encodeURIComponent(spec)
}

/**
 * Headers in curl's order: Host, Authorization, User-Agent, Accept, then -H lines, then
 * Content-Length/Content-Type for a body. `-H 'Name:'` drops a default, `-H 'Name;'` sends it
 * empty; a -H Host takes the default's place, other overrides move to the -H position.
 */
export function requestHeaders(u: Url, o: CurlOptions, body: string | undefined): [string, string][] {
  const defaults: [string, string][] = [['Host', hostHeader(u)]]
  const auth = o.user ?? u.userinfo
  if (auth !== undefined) defaults.push(['Authorization', `Basic ${base64(auth.includes(':') ? auth : `${auth}:`)}`])
  defaults.push(['User-Agent', o.userAgent ?? CURL_USER_AGENT], ['Accept', '*/*'])
  if (o.referer) defaults.push(['Referer', o.referer])
  const custom: [string, string][] = []
  const removed = new Set<string>()
  for (const line of o.headers) {
    const colon = line.indexOf(':')
    const semi = line.indexOf(';')
    if (colon < 0 && semi > 0 && line.slice(semi + 1).trim() === '') {
      custom.push([line.slice(0, semi), ''])
      continue
    }
    if (colon <= 0) continue // curl ignores a header line without a colon
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (value === '') removed.add(name.toLowerCase())
    else custom.push([name, value])
  }
  const overridden = new Set(custom.map(([k]) => k.toLowerCase()))
  const out: [string, string][] = []
  for (const [k, v] of defaults) {
    const key = k.toLowerCase()
    if (removed.has(key)) continue
    if (key === 'host' && overridden.has('host')) {
      out.push(custom.find(([c]) => c.toLowerCase() === 'host')!)
      continue
    }
    if (!overridden.has(key)) out.push([k, v])
  }
  for (const h of custom) if (h[0].toLowerCase() !== 'host') out.push(h)
  if (body !== undefined && !o.get) {
    if (!overridden.has('content-length') && !removed.has('content-length')) out.push(['Content-Length', String(byteLength(body))])
    if (!overridden.has('content-type') && !removed.has('content-type')) out.push(['Content-Type', 'application/x-www-form-urlencoded'])
  }
  return out
}

/** The method curl uses: -X wins; -d means POST (unless -G); -I means HEAD. */
export function requestMethod(o: CurlOptions, body: string | undefined): string {
  if (o.method) return o.method
  if (body !== undefined && !o.get) return 'POST'
  return o.head ? 'HEAD' : 'GET'
}
