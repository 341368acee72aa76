// The pages nginx itself writes (ngx_http_special_response.c): CRLF line endings, and the
// `<hr><center>nginx</center>` tail without a version because ingress-nginx turns server_tokens
// off. The controller's catch-all server answers 404 with this page; an upstream without
// endpoints gets 503.
export const PAGE_TITLES: Record<number, string> = {
  302: '302 Found',
  308: '308 Permanent Redirect',
  404: '404 Not Found',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
}

/** nginx's reason phrases where they differ from the usual ones (503, 504). */
export const NGINX_REASONS: Record<number, string> = {
  302: 'Moved Temporarily',
  308: 'Permanent Redirect',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** The body nginx sends for `status`: 146 bytes for the 404. */
export function nginxPage(status: number): string {
  const title = PAGE_TITLES[status] ?? `${status}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}
