// ProbeHost.grpc over the fabric's listeners: what the runtime passes so gRPC probes see each
// server's grpcHealth (engine/network/types.ts Listener).
import type { Listener } from '../../network/types'
import type { GrpcCheck, ProbeHost } from './types'

/**
 * `grpcViaListeners((ip, port) => fabric.listenerAt(ip, port))`. Nothing listening, or a listener
 * without grpcHealth (a plain HTTP or TCP server): `unavailable` (the probe then waits out its
 * timeout, as grpc-go's blocking dial does). The answer is immediate: health checks take no
 * virtual time.
 */
export function grpcViaListeners(listenerAt: (ip: string, port: number) => Listener | undefined): NonNullable<ProbeHost['grpc']> {
  return (ip, port, service) => {
    const l = listenerAt(ip, port)
    const check: GrpcCheck = l?.grpcHealth ? { kind: 'status', status: l.grpcHealth(service) } : { kind: 'unavailable' }
    return Promise.resolve(check)
  }
}
