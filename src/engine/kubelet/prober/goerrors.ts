// Go's words for network failures, as the kubelet's net/http and net.Dial print them. Probe events
// carry these verbatim (`Readiness probe failed: Get "http://10.244.0.7:80/": dial tcp
// 10.244.0.7:80: connect: connection refused`), so a learner can search them.
import type { NetErrorCode } from '../../../shell'

/**
 * The node's resolver, as Go's "lookup NAME on SERVER" names it. minikube's node container uses
 * the docker network's gateway (192.168.49.1) as its nameserver; the kubelet does not use
 * cluster DNS.
 */
export const NODE_NAMESERVER = '192.168.49.1:53'

/** The node's own address (InternalIP): the source of probes to anything outside the pod network. */
export const NODE_IP = '192.168.49.2'

/**
 * The bridge's address on the node's pod CIDR (10.244.0.0/24 → 10.244.0.1): the source address of
 * probes to pod IPs, which Go prints in read errors (`read tcp 10.244.0.1:41234->…`).
 */
export const POD_BRIDGE_IP = '10.244.0.1'

/** Go's %q for the strings we quote (URLs, commands): close enough to strconv.Quote for ASCII. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}

/** net.JoinHostPort: IPv6 literals get brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * net.Dial's error for a TCP connect that failed: `dial tcp 10.244.0.7:8000: connect: connection
 * refused`. A name that does not resolve fails before any address exists: `dial tcp: lookup web
 * on 192.168.49.1:53: no such host`.
 */
export function dialError(code: NetErrorCode, host: string, port: number, ip?: string): string {
  const addr = joinHostPort(ip ?? host, port)
  switch (code) {
    case 'resolve':
      return `dial tcp: lookup ${host} on ${NODE_NAMESERVER}: no such host`
    case 'refused':
      return `dial tcp ${addr}: connect: connection refused`
    case 'unreachable':
      return `dial tcp ${addr}: connect: no route to host`
    case 'timeout':
      return `dial tcp ${addr}: i/o timeout`
    case 'reset':
      return `dial tcp ${addr}: connect: connection reset by peer`
  }
}

/** Client.Timeout firing after the connection was made (the server is slow to answer). */
export const CLIENT_TIMEOUT = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'

/**
 * http.Client.Do's error (a *url.Error: `Get "URL": cause`) for an exchange that got no response.
 * `ephemeralPort` is the local port Go prints for a reset (`read tcp 10.244.0.1:41234->…`).
 */
export function httpGetError(url: string, code: NetErrorCode, host: string, port: number, ip: string | undefined, ephemeralPort: number): string {
  let cause: string
  if (code === 'timeout') cause = CLIENT_TIMEOUT
  else if (code === 'reset') {
    const remote = ip ?? host
    const local = remote.startsWith('10.244.') ? POD_BRIDGE_IP : NODE_IP
    cause = `read tcp ${local}:${ephemeralPort}->${joinHostPort(remote, port)}: read: connection reset by peer`
  } else cause = dialError(code, host, port, ip)
  return `Get ${goQuote(url)}: ${cause}`
}

/** Linux's default ip_local_port_range (32768–60999): where Go's local ports come from. */
export const EPHEMERAL_PORT_MIN = 32768
export const EPHEMERAL_PORT_MAX = 60999
