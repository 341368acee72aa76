// The prober's contract with the rest of the kubelet. One PodProber per pod; the container
// runtime (containers.ts) calls startContainer when a container starts and stopContainer when it
// stops; the prober runs liveness/readiness/startup workers on the virtual clock (upstream
// pkg/kubelet/prober/worker.go) and reports thresholded results back.
import type { Container, Pod, KubeObject } from '../../../api/types'
import type { NetworkAccess } from '../../../shell'
import type { VirtualClock } from '../../runtime/clock'
import type { SeededRandom } from '../../runtime/random'

export type ProbeKind = 'liveness' | 'readiness' | 'startup'

export interface ProbeHost {
  clock: VirtualClock
  random: SeededRandom
  /** The node's network (probes come from the node: remote address = node IP). */
  net: NetworkAccess
  /**
   * `exec` probes: run argv in the container; output is stdout+stderr. `timedOut` (optional) says
   * the runtime gave up at timeoutMs; the prober also races its own timer, so a host that never
   * resolves still ends in `command "…" timed out`. A throw is a probe error (`… probe errored: …`).
   */
  exec(container: string, argv: string[], timeoutMs: number): Promise<{ exitCode: number; output: string; timedOut?: boolean }>
  /**
   * Optional (added by PROBER): grpc.health.v1 Health/Check against ip:port, as the fabric's
   * Listener.grpcHealth answers it. `grpcViaListeners(fabric.listenerAt)` (prober/grpc.ts) builds
   * one. Absent: the prober falls back to a TCP connect (open = SERVING).
   */
  grpc?(ip: string, port: number, service: string, timeoutMs: number): Promise<GrpcCheck>
  /** A kubelet event on the pod (`Unhealthy`, `Killing`…), field path spec.containers{name}. */
  event(type: 'Normal' | 'Warning', reason: string, message: string, container: string): void
  /**
   * A probe's result changed after its thresholds (successThreshold/failureThreshold):
   * readiness → the container's ready flag; liveness failure → restart the container (the
   * runtime emits `Killing` "Container web failed liveness probe, will be restarted");
   * startup success → liveness/readiness begin; startup failure → restart like liveness.
   */
  onResult(kind: ProbeKind, container: string, success: boolean): void
}

/**
 * What a gRPC health check came to: a status from a grpc.health.v1 server, a gRPC server without
 * the health service, or nothing that speaks gRPC at all (refused, timed out, a plain HTTP/TCP
 * server: grpc-go's blocking dial then waits out the whole timeout).
 */
export type GrpcCheck =
  | { kind: 'status'; status: 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN' }
  | { kind: 'unimplemented' }
  | { kind: 'unavailable' }

/** Probes for one pod. */
export interface PodProberApi {
  /** The container (re)started at `startedAtMs`: begin its probes (initialDelaySeconds from then). */
  startContainer(spec: Container, podIP: string, startedAtMs: number): void
  /** The container stopped: stop its workers and forget their results. */
  stopContainer(name: string): void
  /**
   * Optional (added by PROBER): the pod got a deletionTimestamp. Upstream stops liveness and
   * startup probes quietly (no restarts while terminating); readiness keeps probing until
   * stopContainer.
   */
  terminating?(): void
  /** The pod is going away. */
  stop(): void
}

export type PodProberFactory = (pod: Pod & KubeObject, host: ProbeHost) => PodProberApi
