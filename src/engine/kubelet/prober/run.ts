// One probe, start to event: upstream prober.go probe() + runProbeWithRetries() + runProbe().
// Picks the handler, retries a probe that *errored* (not one that failed) up to 3 times, and
// records the Warning events; thresholds are the worker's business.
import type { Container, KubeObject, Pod } from '../../../api/types'
import { execProbe, grpcProbe, tcpProbe } from './handlers'
import { httpProbe } from './http'
import type { ProbeContext, ProbeOutcome } from './outcome'
import { KIND_WORD } from './spec'
import type { ProbeKind } from './types'

type Probe = NonNullable<Container['livenessProbe']>

/** Tries for a probe that errors (maxProbeRetries). */
const MAX_PROBE_RETRIES = 3

/** Event reasons (pkg/kubelet/events). */
export const REASON_UNHEALTHY = 'Unhealthy'
export const REASON_PROBE_WARNING = 'ProbeWarning'

/** What the worker counts: an error is thrown away; `dropped` = the container stopped meanwhile. */
export type ProbeVerdict = 'success' | 'failure' | 'error' | 'dropped'

export async function runProbe(kind: ProbeKind, probe: Probe, pod: Pod & KubeObject, ctx: ProbeContext): Promise<ProbeVerdict> {
  let out: ProbeOutcome = { result: 'unknown', output: '', error: '' }
  for (let i = 0; i < MAX_PROBE_RETRIES; i++) {
    out = await handle(probe, pod, ctx)
    if (ctx.signal.aborted) return 'dropped'
    if (!('error' in out)) break
  }
  const word = KIND_WORD[kind]
  const name = ctx.container.name
  if ('error' in out) {
    ctx.host.event('Warning', REASON_UNHEALTHY, `${word} probe errored: ${out.error}`, name)
    return 'error'
  }
  switch (out.result) {
    case 'success':
      return 'success'
    case 'warning':
      ctx.host.event('Warning', REASON_PROBE_WARNING, `${word} probe warning: ${out.output}`, name)
      return 'success'
    case 'failure':
      ctx.host.event('Warning', REASON_UNHEALTHY, `${word} probe failed: ${out.output}`, name)
      return 'failure'
    default:
      // probe.Unknown without an error: a failure, silently.
      return 'failure'
  }
}

function handle(probe: Probe, pod: Pod & KubeObject, ctx: ProbeContext): Promise<ProbeOutcome> {
  if (probe.exec) return execProbe(probe.exec, ctx)
  if (probe.httpGet) return httpProbe(probe.httpGet, ctx)
  if (probe.tcpSocket) return tcpProbe(probe.tcpSocket, ctx)
  if (probe.grpc) return grpcProbe(probe.grpc, ctx)
  // format.Pod: name_namespace(uid).
  const m = pod.metadata
  const error = `missing probe handler for ${m.name ?? ''}_${m.namespace ?? ''}(${m.uid ?? ''}):${ctx.container.name}`
  return Promise.resolve({ result: 'unknown', output: '', error })
}
