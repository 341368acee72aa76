// A static file server over the container's filesystem, as nginx (`root` + `index`) and Apache
// httpd (`DocumentRoot` + `DirectoryIndex`) serve it: a learner who writes /usr/share/nginx/html/a.html
// (or mounts a ConfigMap there) gets that file back. Reads ctx.fs on every request, so the
// answer follows the files.
import type { HttpResponse, IncomingRequest } from '../../network/types'
import type { ServeCtx } from './server'
import { byteLength, hostHeader, pathOf } from './server'

/** Content-Type by extension (nginx's mime.types for the common ones). */
const MIME: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json',
  txt: 'text/plain', xml: 'text/xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  svg: 'image/svg+xml', ico: 'image/x-icon', yaml: 'application/octet-stream', sh: 'application/octet-stream',
}

export function mimeOf(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase()
  return (ext && MIME[ext]) ?? 'application/octet-stream'
}

export interface StaticSite {
  root: string
  index: string
  /** Server header value (`nginx/1.27.3`). */
  server: string
  /** Error pages by status (nginx's built-in 404 page…). */
  errorPage(status: number): { body: string; contentType: string }
  /** What the error log says when a file is missing (written to stderr); absent = nothing. */
  notFoundLog?: (file: string, req: IncomingRequest, nowMs: number) => string
  /** Extra headers on every 200 (Last-Modified, ETag, Accept-Ranges…). */
  okHeaders?: (body: string) => Record<string, string>
}

const REASONS: Record<number, string> = { 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed' }
export const reasonOf = (status: number): string => REASONS[status] ?? ''

/** Normalise `/a/../b//c` to `/b/c` (a request cannot climb above the root). */
export function cleanPath(p: string): string {
  const out: string[] = []
  for (const part of decodeSafe(p).split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return '/' + out.join('/')
}

function decodeSafe(p: string): string {
  try { return decodeURIComponent(p) } catch { return p }
}

function error(site: StaticSite, status: number, extra: Record<string, string> = {}): HttpResponse {
  const page = site.errorPage(status)
  return { status, headers: { Server: site.server, 'Content-Type': page.contentType, 'Content-Length': String(byteLength(page.body)), ...extra }, body: page.body }
}

/** Answer one request from the filesystem under site.root. */
export function serveStatic(site: StaticSite, req: IncomingRequest, s: ServeCtx): HttpResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return error(site, 405)
  const raw = pathOf(req)
  const rel = cleanPath(raw)
  const fs = s.ctx.fs
  let file = site.root + (rel === '/' ? '' : rel)
  if (fs.isDir(file)) {
    if (!raw.endsWith('/')) return error(site, 301, { Location: `http://${hostHeader(req)}${rel}/` })
    const index = `${file.replace(/\/$/, '')}/${site.index}`
    if (!fs.exists(index)) return error(site, 403)
    file = index
  }
  const body = fs.readFile(file)
  if (body === undefined) {
    const line = site.notFoundLog?.(file, req, s.ctx.clock.now())
    if (line) s.log(line, true)
    return error(site, 404)
  }
  return {
    status: 200,
    headers: { Server: site.server, 'Content-Type': mimeOf(file), 'Content-Length': String(byteLength(body)), ...site.okHeaders?.(body) },
    body: req.method === 'HEAD' ? '' : body,
  }
}
