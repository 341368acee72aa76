// What the network tools share: the machine without a network, the C library's error words, and
// reading a whole file operand.
import { dirname, resolvePath } from '../path'
import type { CommandContext, NetErrorCode, NetworkAccess } from '../types'
import { isIPv4 } from './url'

/** glibc's strerror() for the errno each failure comes with (busybox prints these after `: `). */
export const STRERROR: Record<NetErrorCode, string> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'No route to host',
  reset: 'Connection reset by peer',
  resolve: 'Name or service not known',
}

/**
 * A machine with no network (ctx.net absent): names do not resolve, an IP literal fails at once
 * (ENETUNREACH, curl's "Couldn't connect to server"), loopback has nothing listening.
 */
export const NO_NETWORK: NetworkAccess = {
  async http(req) {
    const ip = NO_NETWORK.resolve(req.host)?.[0]
    if (!ip) return { kind: 'error', code: 'resolve' }
    return { kind: 'error', code: ip.startsWith('127.') ? 'refused' : 'unreachable', ip }
  },
  async connect(host) {
    const ip = NO_NETWORK.resolve(host)?.[0]
    if (!ip) return { kind: 'error', code: 'resolve' }
    return { kind: 'error', code: ip.startsWith('127.') ? 'refused' : 'unreachable', ip }
  },
  resolve(name) {
    if (isIPv4(name)) return [name]
    return name === 'localhost' ? ['127.0.0.1'] : undefined
  },
}

export const netOf = (ctx: CommandContext): NetworkAccess => ctx.net ?? NO_NETWORK

/** Elapsed virtual milliseconds since `start`, rounded like a C timer (whole ms). */
export const since = (ctx: CommandContext, start: number) => Math.max(0, Math.round(ctx.clock.now() - start))

/**
 * Writes a downloaded file (curl -o, wget -O) as open(2) would: /dev/null, /dev/stdout and
 * /dev/stderr are devices; a missing directory or a directory in the way is an error (the
 * workspace filesystem would otherwise create parents silently).
 */
export function writeDownload(ctx: CommandContext, name: string, content: string): 'ok' | 'No such file or directory' | 'Is a directory' {
  const path = resolvePath(ctx.cwd, name)
  if (path === '/dev/null') return 'ok'
  if (path === '/dev/stdout' || path === '/dev/stderr') {
    ;(path === '/dev/stdout' ? ctx.stdout : ctx.stderr).write(content)
    return 'ok'
  }
  if (ctx.fs.isDir(path)) return 'Is a directory'
  if (!ctx.fs.isDir(dirname(path))) return 'No such file or directory'
  ctx.fs.writeFile(path, content)
  return 'ok'
}
