// The kubelet's timings as data, in the spirit of kwok's Stage resources: each step of a pod's
// life waits `delayMs` plus a seeded jitter in [0, jitterMs]. Read top to bottom, this is the
// timeline of `kubectl run web --image=nginx` on minikube:
//   0 ms      bound by the scheduler
//   ~30 ms    admit: the pod worker writes the first status (Pending, ContainerCreating)
//   ~0.6 s    sandbox: pause container + CNI ADD → pod IP, PodReadyToStartContainers
//   then      pull: `Pulling` … `Pulled` after PULL_BASE_MS + size / PULL_BYTES_PER_MS (nginx ≈ 2.6 s)
//   +~60 ms   create: `Created`
//   +~80 ms   start: `Started`, running, Ready
import type { SeededRandom } from '../runtime/random'

export interface Stage {
  delayMs: number
  jitterMs: number
  /** What happens at the end of the step (for readers and the golden test). */
  does: string
}

export const STAGES = {
  admit: { delayMs: 20, jitterMs: 20, does: 'first status: Pending, containers waiting ContainerCreating, hostIP, startTime' },
  sandbox: { delayMs: 450, jitterMs: 300, does: 'pod sandbox ready: podIP, PodReadyToStartContainers=True' },
  pullCached: { delayMs: 400, jitterMs: 800, does: 'imagePullPolicy Always on a cached image: only the manifest is checked' },
  create: { delayMs: 40, jitterMs: 40, does: 'container created: event Created' },
  start: { delayMs: 60, jitterMs: 40, does: 'container started: event Started, state running, ready' },
  pleg: { delayMs: 300, jitterMs: 700, does: 'a container exit is noticed by the 1 s PLEG relist' },
  restart: { delayMs: 100, jitterMs: 200, does: 'a restart after back-off: the pod worker syncs again' },
  kill: { delayMs: 10, jitterMs: 20, does: 'the pod worker sees deletionTimestamp: event Killing per container' },
  remove: { delayMs: 20, jitterMs: 30, does: 'after the containers stopped: final status, then DELETE with grace 0' },
  pullFailed: { delayMs: 900, jitterMs: 1200, does: 'the registry answers a missing tag or repository: Failed, ErrImagePull' },
  resync: { delayMs: 10_000, jitterMs: 5_000, does: 'a pod whose last sync failed is synced again (backOffPeriod 10 s, jitter 0.5)' },
} as const satisfies Record<string, Stage>

export type StageName = keyof typeof STAGES

/** A pull's fixed cost: resolving the tag and the registry round trips. */
export const PULL_BASE_MS = 300
/** 80 MB/s: nginx's 187,694,648 bytes take 300 + 2,346 ≈ 2.6 s, as on a minikube laptop. */
export const PULL_BYTES_PER_MS = 80_000
/** ±10 % jitter on a download: networks are never exact. */
export const PULL_JITTER = 0.1

/** Upstream's crash-loop back-off: 10 s, doubling, capped at 5 min (kubelet MaxContainerBackOff). */
export const BACKOFF_INITIAL_MS = 10_000
export const BACKOFF_MAX_MS = 300_000

/** Image pull back-off (kubelet's imageBackOff): the same 10 s doubling to 5 min. */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000
export const IMAGE_BACKOFF_MAX_MS = 300_000

/**
 * flowcontrol.Backoff.Next: an entry untouched for 2 × max (or new) starts at `initial`, otherwise
 * doubles up to `max`. Pull failures at 0 s, 10 s, 30 s wait 10 s, 20 s, 40 s.
 */
export function nextBackoff(currentMs: number, lastUpdateMs: number, nowMs: number, initialMs: number, maxMs: number): number {
  if (currentMs === 0 || nowMs - lastUpdateMs > 2 * maxMs) return initialMs
  return Math.min(currentMs * 2, maxMs)
}

/** spec.terminationGracePeriodSeconds' default. */
export const DEFAULT_GRACE_SECONDS = 30

export function stageDelay(stage: StageName, random: SeededRandom): number {
  const s = STAGES[stage]
  return s.delayMs + (s.jitterMs > 0 ? random.int(s.jitterMs + 1) : 0)
}

/** How long pulling `sizeBytes` takes: 2,645 ms ± 10 % for nginx. */
export function pullDuration(sizeBytes: number, random: SeededRandom): number {
  const base = PULL_BASE_MS + sizeBytes / PULL_BYTES_PER_MS
  return Math.round(base * (1 - PULL_JITTER + 2 * PULL_JITTER * random.next()))
}

/**
 * Go's time.Duration.String() for a duration truncated to the millisecond, as the `Pulled`
 * message prints it: 2613 ms → "2.613s", 850 ms → "850ms", 62500 ms → "1m2.5s".
 */
export function goDuration(ms: number): string {
  ms = Math.max(0, Math.floor(ms))
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const sMs = ms % 60_000
  const secs = `${Math.floor(sMs / 1000)}${sMs % 1000 ? '.' + String(sMs % 1000).padStart(3, '0').replace(/0+$/, '') : ''}s`
  if (h) return `${h}h${m}m${secs}`
  if (m) return `${m}m${secs}`
  return secs
}
