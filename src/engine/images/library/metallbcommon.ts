// What MetalLB's controller and speaker share: the release differences (Flavour), go-kit JSON
// log lines, events, the annotations, and the wake-on-watch loop both programs run.
import type { CommandContext } from '../../../shell'
import { createCancel } from '../../../shell'
import type { ApiClient } from '../../../api/client'
import type { KubeObject, Service } from '../../../api/types'
import { isStatusError } from '../../../api/errors'
import type { ProcessHost } from '../types'
import { MiB } from './osrelease'
import { anyOf, text, whenAborted } from './server'
import type { SvcPort } from './metallbpool'

/** The legacy (≤ v0.12) and current annotation prefixes; both are honoured by every version. */
export const ANN_SHARED = ['metallb.universe.tf/allow-shared-ip', 'metallb.io/allow-shared-ip']
export const ANN_POOL = ['metallb.universe.tf/address-pool', 'metallb.io/address-pool']
export const ANN_IPS = ['metallb.universe.tf/loadBalancerIPs', 'metallb.io/loadBalancerIPs']
export const MONITORING_PORT = 7472
/** The speaker's events take the upper half of the sub-millisecond range (the controller the lower). */
export const SPEAKER_NANOS = 500_000
export const CONTROLLER_MEMORY = 12 * MiB
export const SPEAKER_MEMORY = 18 * MiB

/** What differs between MetalLB releases, as the lab shows it. */
export interface Flavour {
  version: string
  /** ≤ v0.12: pools from the ConfigMap; v0.13+: IPAddressPool objects. */
  legacyConfig: boolean
  /** v0.13+ loggers add "level". */
  levels: boolean
  /** go-kit caller of each log line. */
  callers: Record<string, string>
}

export function flavourOf(version: string): Flavour {
  const [maj, min] = version.split('.').map(Number)
  const legacy = maj === 0 && min <= 12
  return {
    version,
    legacyConfig: legacy,
    levels: !legacy,
    callers: legacy
      ? { start: 'main.go:142', synced: 'main.go:126', config: 'main.go:108', noConfig: 'main.go:60', startUpdate: 'main.go:49', endUpdate: 'main.go:51', allocated: 'service.go:98', failed: 'service.go:90', updated: 'main.go:96', deleted: 'main.go:75', announced: 'main.go:267', withdrawn: 'main.go:232' }
      : { start: 'main.go:156', synced: 'service_controller.go:101', config: 'config_controller.go:139', noConfig: 'service.go:66', startUpdate: 'service_controller.go:60', endUpdate: 'service_controller.go:106', allocated: 'service.go:170', failed: 'service.go:162', updated: 'service_controller.go:102', deleted: 'service_controller.go:64', announced: 'main.go:420', withdrawn: 'main.go:374' },
  }
}

/** Go's time.RFC3339Nano in UTC (trailing zeros trimmed). */
function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d*?)0*Z$/, (_m, f: string) => (f ? `.${f}Z` : 'Z'))
}

/** One go-kit JSON line: keys sorted (encoding/json orders map keys). */
export function jsonLine(fields: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {}
  for (const k of Object.keys(fields).sort()) sorted[k] = fields[k]
  return JSON.stringify(sorted)
}

export type Logger = (caller: string, fields: Record<string, unknown>, level?: 'info' | 'error' | 'debug') => void

export function logger(ctx: CommandContext, fl: Flavour): Logger {
  return (caller, fields, level = 'info') => {
    const f: Record<string, unknown> = { caller: fl.callers[caller] ?? caller, ...fields, ts: rfc3339Nano(ctx.clock.now()) }
    if (fl.levels) f.level = level
    ctx.stdout.write(jsonLine(f) + '\n')
  }
}

/** The MetalLB version this container runs, from its pod's image tag (`…:v0.9.6` → `0.9.6`). */
export function versionOf(api: ApiClient | undefined, host: ProcessHost, fallback: string): string {
  try {
    const pod = api?.get('pods', host.pod.namespace, host.pod.name) as { spec?: { containers?: { name: string; image?: string }[] } } | undefined
    const image = pod?.spec?.containers?.find((c) => c.name === host.container)?.image ?? ''
    const m = /:v?(\d+\.\d+\.\d+)(@|$)/.exec(image)
    if (m) return m[1]
  } catch { /* no API: the default */ }
  return fallback
}

/** An Event from `component` about a Service (what client-go's recorder writes). */
/**
 * client-go names an event `<object>.<UnixNano in hex>`; `nanos` (< 1e6) stands for the sub-millisecond
 * part, so the controller's IPAllocated and the speaker's nodeAssigned in one virtual millisecond differ.
 */
export function recordEvent(api: ApiClient, nowMs: number, nanos: number, component: string, svc: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const ns = svc.metadata.namespace ?? 'default'
  const now = new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z')
  try {
    api.create('events', {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name: `${svc.metadata.name}.${(BigInt(nowMs) * 1_000_000n + BigInt(nanos % 1_000_000)).toString(16)}`, namespace: ns },
      involvedObject: { kind: 'Service', namespace: ns, name: svc.metadata.name, uid: svc.metadata.uid, apiVersion: 'v1', resourceVersion: svc.metadata.resourceVersion },
      reason, message, type, source: { component }, firstTimestamp: now, lastTimestamp: now, count: 1,
      eventTime: null, reportingComponent: component, reportingInstance: '',
    } as unknown as KubeObject)
  } catch (e) {
    // Two events for one object in the same millisecond: the name is taken; upstream would have
    // used the nanosecond. Drop it, as a recorder drops what it cannot write.
    if (!isStatusError(e)) throw e
  }
}

/** k8salloc.Ports: the service's ports as `TCP/53`. */
export function servicePorts(svc: Service): SvcPort[] {
  return (svc.spec?.ports ?? []).map((p) => ({ proto: p.protocol ?? 'TCP', port: p.port }))
}

export function annotation(svc: Service, keys: string[]): string {
  const a = svc.metadata?.annotations ?? {}
  for (const k of [...keys].reverse()) if (a[k] !== undefined) return a[k]
  return ''
}

/** k8salloc.BackendKey: Local traffic policy services share only with the same selector. */
export function backendKey(svc: Service): string {
  if (svc.spec?.externalTrafficPolicy !== 'Local') return ''
  return Object.entries(svc.spec?.selector ?? {}).sort().map(([k, v]) => `${k}=${v}`).join(',')
}

/** A loop that runs `step` now and again whenever poked, until stop. */
export async function runLoop(stop: { aborted: boolean; onAbort(fn: () => void): () => void }, step: () => void, setPoke: (poke: () => void) => void): Promise<void> {
  while (!stop.aborted) {
    const wake = createCancel()
    setPoke(() => wake.abort())
    step()
    const both = anyOf(wake.signal, stop)
    await whenAborted(both.signal)
    both.dispose()
  }
}


/** `--config=config`: the ConfigMap's name. */
export function configName(argv: string[]): string {
  const a = argv.find((x) => x.startsWith('--config='))
  return a ? a.slice('--config='.length) : 'config'
}


/** The Prometheus port both programs open (7472, `--port`). */
export function listenMetrics(host: ProcessHost): () => void {
  try {
    return host.listen(MONITORING_PORT, { http: () => text(200, '# HELP metallb_k8s_client_config_loaded_bool 1 if the MetalLB configuration was successfully loaded at least once.\n', 'text/plain; version=0.0.4; charset=utf-8') })
  } catch {
    return () => {}
  }
}


/** minikube's addon runs v0.9.6. */
export const DEFAULT_VERSION = '0.9.6'
