// tcpSocket, exec and grpc probes: upstream pkg/probe/tcp, pkg/probe/exec (+ the runtime's
// ExecSync timeout), pkg/probe/grpc.
import type { Container } from '../../../api/types'
import { goDuration } from '../stages'
import { dialError, goQuote, joinHostPort } from './goerrors'
import { errorText, raceTimeout, TIMED_OUT, type ProbeContext, type ProbeOutcome } from './outcome'
import { expandCommand, resolveContainerPort } from './spec'
import type { GrpcCheck } from './types'

type Probe = NonNullable<Container['livenessProbe']>

/** The exec prober keeps at most 10 KiB of output (maxReadLength). */
const MAX_EXEC_OUTPUT = 10 * 1024

/** A TCP connect to host (default the pod IP):port. Open = success with no output. */
export async function tcpProbe(action: NonNullable<Probe['tcpSocket']>, ctx: ProbeContext): Promise<ProbeOutcome> {
  const resolved = resolveContainerPort(action.port, ctx.container)
  if ('error' in resolved) return { result: 'unknown', output: '', error: resolved.error }
  const host = action.host || ctx.podIP
  const res = await raceTimeout(ctx.host.clock, ctx.timeoutMs, ctx.host.net.connect(host, resolved.port, ctx.timeoutMs, ctx.signal))
  if (res === TIMED_OUT) return { result: 'failure', output: dialError('timeout', host, resolved.port) }
  if (res.kind === 'open') return { result: 'success', output: '' }
  return { result: 'failure', output: dialError(res.code, host, resolved.port, res.ip) }
}

/**
 * Run the command in the container: exit 0 = success, anything else = failure whose message is
 * the command's output verbatim (trailing newline included, as upstream; `kubectl describe`
 * trims it). A timeout is a failure `command "cat /tmp/healthy" timed out` (ExecProbeTimeout,
 * on since 1.20); a host that throws is a probe error.
 */
export async function execProbe(action: NonNullable<Probe['exec']>, ctx: ProbeContext): Promise<ProbeOutcome> {
  const argv = expandCommand(action.command ?? [], ctx.container)
  const timedOut = { result: 'failure' as const, output: `command ${goQuote(argv.join(' '))} timed out` }
  const clock = ctx.host.clock
  const deadline = clock.now() + ctx.timeoutMs
  let res
  try {
    res = await raceTimeout(clock, ctx.timeoutMs, ctx.host.exec(ctx.container.name, argv, ctx.timeoutMs))
  } catch (e) {
    return { result: 'unknown', output: '', error: errorText(e) }
  }
  // A host that kills the command at the deadline answers with some exit code: still a timeout.
  if (res === TIMED_OUT || res.timedOut || clock.now() >= deadline) return timedOut
  const output = res.output.length > MAX_EXEC_OUTPUT ? res.output.slice(0, MAX_EXEC_OUTPUT) : res.output
  return { result: res.exitCode === 0 ? 'success' : 'failure', output }
}

/**
 * grpc.health.v1 Health/Check on the pod IP. grpc-go dials with WithBlock, so nothing listening
 * (or something that is not a gRPC server) is only noticed when the whole timeout has passed:
 * `timeout: failed to connect service "10.244.0.7:9090" within 1s: context deadline exceeded`.
 */
export async function grpcProbe(action: NonNullable<Probe['grpc']>, ctx: ProbeContext): Promise<ProbeOutcome> {
  const host = ctx.podIP
  const addr = joinHostPort(host, action.port)
  const service = action.service ?? ''
  const clock = ctx.host.clock
  const started = clock.now()
  const check = ctx.host.grpc
    ? ctx.host.grpc(host, action.port, service, ctx.timeoutMs)
    : ctx.host.net.connect(host, action.port, ctx.timeoutMs, ctx.signal).then(
      (r): GrpcCheck => (r.kind === 'open' ? { kind: 'status', status: 'SERVING' } : { kind: 'unavailable' }),
    )
  const res = await raceTimeout(clock, ctx.timeoutMs, check)
  const within = goDuration(ctx.timeoutMs)
  const connectTimeout: ProbeOutcome = {
    result: 'failure',
    output: `timeout: failed to connect service ${goQuote(addr)} within ${within}: context deadline exceeded`,
  }
  if (res === TIMED_OUT) return connectTimeout
  switch (res.kind) {
    case 'unavailable': {
      // The blocking dial keeps retrying until the deadline.
      const left = started + ctx.timeoutMs - clock.now()
      if (left > 0) await clock.sleep(left)
      return connectTimeout
    }
    case 'unimplemented':
      return {
        result: 'failure',
        output: 'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health',
      }
    case 'status':
      if (res.status === 'SERVING') return { result: 'success', output: 'service healthy' }
      if (res.status === 'SERVICE_UNKNOWN') {
        // grpc-go's health server answers codes.NotFound "unknown service".
        return { result: 'failure', output: 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service' }
      }
      return { result: 'failure', output: `service unhealthy (responded with ${goQuote(res.status)})` }
  }
}
