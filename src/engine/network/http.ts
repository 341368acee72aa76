// What a server's answer looks like on the wire: the reason phrase, and the headers every real
// HTTP server adds (Date, Content-Length) when the modelled program did not write them itself.
import type { HttpResult } from '../../shell'
import type { HttpResponse } from './types'
import { utf8Length } from '../../shell'

export { utf8Length }

/** Reason phrases as Go's net/http and nginx write them (RFC 9110). */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  100: 'Continue', 101: 'Switching Protocols',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large', 414: 'Request URI Too Long',
  415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 418: "I'm a teapot",
  422: 'Unprocessable Entity', 425: 'Too Early', 426: 'Upgrade Required', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
}


/** IMF-fixdate, as the Date header has it: `Thu, 01 Jan 2026 00:00:00 GMT`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

/** Responses that carry no body and no Content-Length (Go's net/http omits it for these). */
const BODYLESS = new Set([204, 304])

/**
 * The response as the client receives it. Date goes after Server (nginx's order: Server, Date,
 * Content-Type, Content-Length) or first; Content-Length after Content-Type or after Date. A HEAD
 * answer keeps the headers (Content-Length of the body it would have sent) and drops the body.
 */
export function toResult(res: HttpResponse, method: string, ip: string, nowMs: number): HttpResult {
  const headers: [string, string][] = Object.entries(res.headers ?? {})
  const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name)
  const indexOf = (name: string) => headers.findIndex(([k]) => k.toLowerCase() === name)
  if (!has('date')) headers.splice(indexOf('server') + 1, 0, ['Date', httpDate(nowMs)])
  if (!has('content-length') && !has('transfer-encoding') && !BODYLESS.has(res.status)) {
    const after = has('content-type') ? indexOf('content-type') : indexOf('date')
    headers.splice(after + 1, 0, ['Content-Length', String(utf8Length(res.body))])
  }
  const body = method.toUpperCase() === 'HEAD' || BODYLESS.has(res.status) ? '' : res.body
  return { kind: 'response', ip, status: res.status, reason: res.reason ?? STATUS_TEXT[res.status] ?? '', headers, body }
}

/** Request headers as a server sees them: names lower-cased, repeats joined with ", ". */
export function lowerHeaders(headers: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of headers) {
    const key = k.toLowerCase()
    out[key] = key in out ? `${out[key]}, ${v}` : v
  }
  return out
}
