// KubeProxyConfiguration as kube-proxy reads it from --config (the kube-proxy ConfigMap mounted at
// /var/lib/kube-proxy/config.conf): mode, ipvs.strictARP/scheduler, clusterCIDR, sync periods,
// with kube-proxy's defaults (pkg/proxy/apis/config/v1alpha1/defaults.go) for zero values.
import { parse } from 'yaml'
import type { ProxyMode } from './proxier'

export const CONFIG_PATH = '/var/lib/kube-proxy/config.conf'
/** iptables/ipvs minSyncPeriod default: 1 s (a burst of endpoint changes becomes one restore per second). */
export const DEFAULT_MIN_SYNC_MS = 1000
/** syncPeriod default: 30 s (why the notes' flushed rules come back "in about 30 seconds"). */
export const DEFAULT_SYNC_MS = 30_000

export interface KubeProxyConfig {
  /** "" in the file (kubeadm's default) means iptables on Linux; `modeWasEmpty` keeps that for the log line. */
  mode: ProxyMode
  modeWasEmpty: boolean
  strictARP: boolean
  scheduler: string
  clusterCIDR: string
  masqueradeAll: boolean
  minSyncPeriodMs: number
  syncPeriodMs: number
  metricsBindAddress: string
}

export type ConfigResult = { ok: true; config: KubeProxyConfig } | { ok: false; error: string }

/** Go durations as the config writes them: `0s`, `1s`, `30s`, `1m0s`, `500ms`. 0 or unparsable → undefined. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined
  let total = 0
  let matched = false
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    matched = true
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
  }
  return matched && total > 0 ? total : undefined
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})

export function parseKubeProxyConfig(text: string | undefined): ConfigResult {
  if (text === undefined) return { ok: false, error: `failed complete: open ${CONFIG_PATH}: no such file or directory` }
  let doc: Obj
  try {
    doc = obj(parse(text))
  } catch (err) {
    return { ok: false, error: `failed complete: failed to decode: ${(err as Error).message.split('\n')[0]}` }
  }
  if (doc.kind !== undefined && doc.kind !== 'KubeProxyConfiguration') return { ok: false, error: `failed complete: failed to decode: no kind "${String(doc.kind)}" is registered for version "${String(doc.apiVersion)}" in scheme "pkg/proxy/apis/config/scheme/scheme.go:28"` }
  const rawMode = doc.mode === undefined || doc.mode === null ? '' : String(doc.mode)
  if (rawMode !== '' && rawMode !== 'iptables' && rawMode !== 'ipvs') {
    return { ok: false, error: `KubeProxyConfiguration.Mode: Invalid value: "${rawMode}": must be iptables, ipvs or blank (blank means the best-available proxy [currently iptables])` }
  }
  const mode: ProxyMode = rawMode === 'ipvs' ? 'ipvs' : 'iptables'
  const ipvs = obj(doc.ipvs)
  const ipt = obj(doc.iptables)
  const section = mode === 'ipvs' ? ipvs : ipt
  return {
    ok: true,
    config: {
      mode,
      modeWasEmpty: rawMode === '',
      strictARP: ipvs.strictARP === true,
      scheduler: typeof ipvs.scheduler === 'string' && ipvs.scheduler ? ipvs.scheduler : '',
      clusterCIDR: typeof doc.clusterCIDR === 'string' ? doc.clusterCIDR : '',
      masqueradeAll: ipt.masqueradeAll === true,
      minSyncPeriodMs: parseDuration(section.minSyncPeriod) ?? DEFAULT_MIN_SYNC_MS,
      syncPeriodMs: parseDuration(section.syncPeriod) ?? DEFAULT_SYNC_MS,
      metricsBindAddress: typeof doc.metricsBindAddress === 'string' && doc.metricsBindAddress ? doc.metricsBindAddress : '127.0.0.1:10249',
    },
  }
}
