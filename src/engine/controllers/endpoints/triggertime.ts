// TriggerTimeTracker (pkg/controller/util/endpoint/trigger_time_tracker.go): the time of the
// earliest change (a pod's Ready transition, the Service's creation) not yet reflected in the
// Service's Endpoints/EndpointSlices, written as `endpoints.kubernetes.io/last-change-trigger-time`.
//   Service created 00:00:00, first sync → 00:00:00 (a new Service uses its creationTimestamp).
//   pod A ready at 00:00:04, pod B at 00:00:05, one sync sees both → 00:00:04.
//   A resync with nothing changed → no time: the annotation is dropped on the next write.
import type { Pod, Service } from '../../../api/types'
import { podReadyCondition } from '../podutil'

interface State {
  lastPodTriggerTimes: Map<string, number>
  lastServiceTriggerTime: number
}

export class TriggerTimeTracker {
  private states = new Map<string, State>()

  /** ComputeEndpointLastChangeTriggerTime: ms since the epoch, or undefined (Go's zero time). */
  compute(key: string, svc: Service, pods: readonly Pod[]): number | undefined {
    const state = this.states.get(key)
    let min: number | undefined
    const podTimes = new Map<string, number>()
    for (const pod of pods) {
      const t = podTriggerTime(pod)
      if (t === undefined) continue
      podTimes.set(pod.metadata!.name!, t)
      if (t > (state?.lastPodTriggerTimes.get(pod.metadata!.name!) ?? -Infinity)) min = min === undefined ? t : Math.min(min, t)
    }
    const svcTime = toMs(svc.metadata?.creationTimestamp)
    if (svcTime !== undefined && svcTime > (state?.lastServiceTriggerTime ?? -Infinity)) min = min === undefined ? svcTime : Math.min(min, svcTime)
    this.states.set(key, { lastPodTriggerTimes: podTimes, lastServiceTriggerTime: svcTime ?? -Infinity })
    if (!state) return svcTime
    return min
  }

  /** DeleteService: forget a Service that went. */
  delete(key: string): void {
    this.states.delete(key)
  }
}

/** getPodTriggerTime: the Ready condition's lastTransitionTime. */
function podTriggerTime(pod: Pod): number | undefined {
  return toMs(podReadyCondition(pod)?.lastTransitionTime)
}

/** Parsed timestamps: pods share second-resolution times, and 1,000 Date.parse calls per sync add up. */
const parsed = new Map<string, number | undefined>()
/** Bound on the memo (timestamps are per second: a day of changes is 86,400 entries at most). */
const PARSED_MAX = 10_000

function toMs(t: string | undefined): number | undefined {
  if (!t) return undefined
  if (parsed.has(t)) return parsed.get(t)
  const ms = Date.parse(t)
  if (parsed.size >= PARSED_MAX) parsed.clear()
  const v = Number.isNaN(ms) ? undefined : ms
  parsed.set(t, v)
  return v
}

/** time.RFC3339Nano in UTC: trailing zero fractions dropped (`2026-01-01T00:00:04Z`, `…04.25Z`). */
export function formatRFC3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'))
}
