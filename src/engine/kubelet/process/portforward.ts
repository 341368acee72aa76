// `kubectl port-forward`'s far end: the runtime connects to localhost:<port> inside the pod's
// network namespace and relays bytes. We relay one HTTP exchange to the listener on the pod's IP.
import type { AbortSignalLike, ForwardedRequest, ForwardedResult, PortForwardTunnel } from '../../../api/client'
import { lowerHeaders, toResult } from '../../network/http'
import type { Fabric, HttpResponse } from '../../network/types'

export interface TunnelTarget {
  podIP: string
  port: number
  fabric: Fabric
  /** Virtual now, for the Date header the server adds. */
  now: () => number
  /**
   * The runtime's words when nothing listens (cri-dockerd runs `nsenter … socat - TCP4:localhost:80`):
   * `error forwarding port 80 to pod <sandbox id>, uid : exit status 1: 2026/01/01 00:00:05
   * socat[4242] E connect(5, AF=2 127.0.0.1:80, 16): Connection refused`.
   */
  refusedMessage: () => string
}

export function podTunnel(t: TunnelTarget): PortForwardTunnel {
  return {
    async http(req: ForwardedRequest, signal: AbortSignalLike): Promise<ForwardedResult> {
      const listener = t.fabric.listenerAt(t.podIP, t.port)
      if (!listener) return { kind: 'error', code: 'refused', message: t.refusedMessage() }
      // A TCP-only server (redis, postgres) accepts, reads an HTTP request it cannot parse and closes.
      if (!listener.http) return { kind: 'error', code: 'reset', ip: '127.0.0.1' }
      const answer = Promise.resolve(listener.http({
        method: req.method,
        path: req.path,
        headers: lowerHeaders(req.headers),
        body: req.body,
        remoteIP: '127.0.0.1',
        localIP: '127.0.0.1',
        localPort: t.port,
      }))
      let off = () => {}
      const aborted = new Promise<undefined>((resolve) => { off = signal.onAbort(() => resolve(undefined)) })
      const res: HttpResponse | undefined = await Promise.race([answer, aborted])
      off()
      if (!res) return { kind: 'error', code: 'reset', ip: '127.0.0.1' }
      return toResult(res, req.method, '127.0.0.1', t.now())
    },
  }
}
