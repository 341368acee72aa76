// registry.k8s.io/kube-proxy: the real program, not a log-printer. It reads its KubeProxyConfiguration
// (/var/lib/kube-proxy/config.conf, the kube-proxy ConfigMap), logs start-up as v1.30 does, watches
// Services and EndpointSlices through the API, and programs the node's kernel (iptables-restore text,
// or IPVS + ipsets + kube-ipvs0) through engine/network/proxy. Syncs are bounded like the real
// BoundedFrequencyRunner: at most once per minSyncPeriod (1 s) and at least every syncPeriod (30 s).
// Like v1.30 it does not clean up the other mode's leftovers on start (platformCleanup only acts when
// switching to or from nftables), so after a switch to IPVS the old KUBE-SVC-/KUBE-SEP- chains linger.
import type { CancelSignal, CommandContext } from '../../../shell'
import { createCancel } from '../../../shell'
import type { EndpointSlice, Service } from '../../../api/types'
import type { WatchEvent } from '../../../api/types'
import type { ImageSpec, ProcessHost, Program } from '../types'
import { CONFIG_PATH, parseKubeProxyConfig } from '../../network/proxy/config'
import { MINIKUBE_PROXIER_CONFIG } from '../../network/proxy/iptables'
import type { ProxierConfig } from '../../network/proxy/iptables'
import { canaryMissing, cleanupLeftovers, initProxier, syncProxyRules } from '../../network/proxy/proxier'
import { DISTROLESS_12, MiB } from './osrelease'
import { json, pathOf, text } from './server'
import { klogLine } from './timefmt'

const KUBE_VERSION = 'v1.30.0'
const HEALTHZ_PORT = 10256
const METRICS_PORT = 10249
/** The process's working set while syncing a small cluster. */
const MEMORY_BYTES = 18 * MiB

/** Go's time.Time.String() in UTC: `2026-01-01 00:00:05.123 +0000 UTC` (fraction trimmed of zeros). */
function goTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  const frac = iso.slice(20, 23).replace(/0+$/, '')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`
}

/** A signal that can be aborted by us (a wake-up) or by any of `parents`. */
function wakeable(parents: CancelSignal[]): { signal: CancelSignal; wake(): void; dispose(): void } {
  const c = createCancel()
  const offs = parents.map((p) => p.onAbort(() => c.abort()))
  return { signal: c.signal, wake: () => c.abort(), dispose: () => offs.forEach((o) => o()) }
}

export const kubeProxyProgram: Program = async (ctx: CommandContext, host: ProcessHost) => {
  const log = (file: string, msg: string, sev: 'I' | 'W' | 'E' = 'I') => ctx.stderr.write(klogLine(ctx.clock.now(), file, msg, sev) + '\n')
  // `kube-proxy --cleanup` (the notes run it with kubectl exec): remove both proxiers' rules and exit.
  if (ctx.argv.includes('--cleanup')) {
    const k = host.cluster?.node?.kernel
    return k && cleanupLeftovers(k) ? 1 : 0
  }
  const parsed = parseKubeProxyConfig(ctx.fs.readFile(CONFIG_PATH))
  if (!parsed.ok) {
    log('run.go:74', `"command failed" err=${JSON.stringify(parsed.error)}`, 'E')
    return 1
  }
  const conf = parsed.config
  const node = host.cluster?.node
  const nodeIP = node?.ip ?? host.pod.ip
  if (conf.modeWasEmpty) log('server_linux.go:69', '"Using iptables proxy"')
  log('server.go:1062', `"Successfully retrieved node IP(s)" IPs=["${nodeIP}"]`)
  log('server.go:659', '"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"')
  if (conf.mode === 'iptables') log('server_linux.go:165', '"Using iptables Proxier"')
  else log('server_linux.go:223', '"Using ipvs Proxier"')
  log('server_linux.go:528', '"Detect-local-mode set to ClusterCIDR, but no IPv6 cluster CIDR defined, defaulting to no-op detect-local for IPv6"')
  if (conf.mode === 'iptables') {
    log('proxier.go:243', '"Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"')
  } else if (!conf.scheduler) {
    log('proxier.go:334', '"IPVS scheduler not specified, use rr by default" ipFamily="IPv4"')
  }
  log('server.go:872', `"Version info" version="${KUBE_VERSION}"`)
  log('server.go:874', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""')

  const cfg: ProxierConfig = {
    ...MINIKUBE_PROXIER_CONFIG,
    nodeName: node?.name ?? host.pod.nodeName,
    nodeIP,
    clusterCIDR: conf.clusterCIDR || MINIKUBE_PROXIER_CONFIG.clusterCIDR,
    masqueradeAll: conf.masqueradeAll,
  }
  const kernel = node?.kernel
  if (kernel) initProxier(kernel, conf.mode, conf.strictARP)

  let lastUpdated = ctx.clock.now()
  const closers: (() => void)[] = []
  closers.push(host.listen(HEALTHZ_PORT, {
    http: (req) => {
      const path = pathOf(req)
      if (path === '/livez' || path === '/healthz') {
        return json(200, `{"lastUpdated": "${goTime(lastUpdated)}","currentTime": "${goTime(ctx.clock.now())}", "nodeEligible": true}`, { 'X-Content-Type-Options': 'nosniff' })
      }
      return text(404, '404 page not found\n')
    },
  }))
  let syncs = 0
  closers.push(host.listen(METRICS_PORT, {
    http: (req) => {
      const path = pathOf(req)
      // kube-proxy answers which proxier it runs on /proxyMode.
      if (path === '/proxyMode') return text(200, conf.mode)
      if (path === '/healthz') return text(200, 'ok')
      if (path === '/metrics') {
        return text(200, [
          '# HELP kubeproxy_sync_proxy_rules_last_timestamp_seconds [ALPHA] The last time proxy rules were successfully synced',
          '# TYPE kubeproxy_sync_proxy_rules_last_timestamp_seconds gauge',
          `kubeproxy_sync_proxy_rules_last_timestamp_seconds ${(lastUpdated / 1000).toFixed(3)}`,
          '# HELP kubeproxy_sync_proxy_rules_duration_seconds_count [ALPHA] SyncProxyRules latency in seconds',
          `kubeproxy_sync_proxy_rules_duration_seconds_count ${syncs}`,
          '',
        ].join('\n'), 'text/plain; version=0.0.4; charset=utf-8')
      }
      return text(404, '404 page not found\n')
    },
  }))
  host.setMemoryBytes(MEMORY_BYTES)
  host.setCpuMillicores(2)

  // Informers: the lists arrive as ADDED events, then changes.
  const services = new Map<string, Service>()
  const slices = new Map<string, EndpointSlice>()
  let dirty = true
  /** Services (`namespace/name`) whose Service or EndpointSlices changed since the last sync. */
  let changed = new Set<string>()
  let needFullSync = true
  let sleeper: ReturnType<typeof wakeable> | undefined
  const keyOf = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace}/${o.metadata?.name}`
  const onEvent = <T extends Service | EndpointSlice>(store: Map<string, T>) => (ev: WatchEvent<T>) => {
    if (ev.type === 'DELETED') store.delete(keyOf(ev.object))
    else store.set(keyOf(ev.object), ev.object)
    const o = ev.object as { kind?: string; metadata?: { namespace?: string; name?: string; labels?: Record<string, string> } }
    const svcName = o.kind === 'EndpointSlice' ? o.metadata?.labels?.['kubernetes.io/service-name'] : o.metadata?.name
    if (svcName) changed.add(`${o.metadata?.namespace}/${svcName}`)
    dirty = true
    sleeper?.wake()
  }
  log('config.go:192', '"Starting service config controller"')
  log('shared_informer.go:313', 'Waiting for caches to sync for service config')
  log('config.go:101', '"Starting endpoint slice config controller"')
  log('shared_informer.go:313', 'Waiting for caches to sync for endpoint slice config')
  log('config.go:319', '"Starting node config controller"')
  log('shared_informer.go:313', 'Waiting for caches to sync for node config')
  const api = host.cluster?.api
  if (api) {
    closers.push(api.watch('services', {}, onEvent(services) as unknown as (ev: WatchEvent) => void))
    closers.push(api.watch('endpointslices', {}, onEvent(slices) as unknown as (ev: WatchEvent) => void))
  }
  log('shared_informer.go:320', 'Caches are synced for node config')
  log('shared_informer.go:320', 'Caches are synced for service config')
  log('shared_informer.go:320', 'Caches are synced for endpoint slice config')

  // The iptables proxier writes only the chains of changed services (a partial sync) unless its
  // Monitor found the canary chain gone (someone flushed the tables: the notes' iptables-restore
  // of a cleanup file), which forces a full sync; the IPVS proxier always re-syncs everything.
  const sync = () => {
    dirty = false
    if (!kernel) return
    if (conf.mode === 'iptables' && canaryMissing(kernel)) {
      initProxier(kernel, 'iptables', false)
      needFullSync = true
    }
    const partial = conf.mode === 'iptables' && !needFullSync ? { changed } : {}
    changed = new Set()
    const out = syncProxyRules(kernel, conf.mode, cfg, [...services.values()], [...slices.values()], partial)
    // A failed restore loses the change set: the next sync is a full one (upstream's needFullSync).
    needFullSync = !out.ok
    if (!out.ok) {
      log('proxier.go:1558', `"Failed to execute iptables-restore" err="exit status 1" ipFamily="IPv4" rules=${JSON.stringify(out.stderr.trim())}`, 'E')
      log('proxier.go:822', `"Sync failed" ipFamily="IPv4" retryingTime="${conf.syncPeriodMs / 1000}s"`)
      return
    }
    syncs++
    lastUpdated = ctx.clock.now()
  }

  const stop = createCancel()
  const offTerm = host.term.onAbort(() => stop.abort())
  const offKill = ctx.signal.onAbort(() => stop.abort())
  let lastSync = Number.NEGATIVE_INFINITY
  try {
    // BoundedFrequencyRunner: a change syncs at once if minSyncPeriod has passed since the last
    // sync, else when it has; with no change, a full resync every syncPeriod.
    while (!stop.signal.aborted) {
      const now = ctx.clock.now()
      const due = dirty ? Math.max(lastSync + conf.minSyncPeriodMs, now) : lastSync + conf.syncPeriodMs
      if (now >= due) {
        sync()
        lastSync = now
        continue
      }
      sleeper = wakeable([stop.signal])
      try {
        await ctx.clock.sleep(due - now, sleeper.signal)
      } catch {
        // Woken early (an event or a signal): loop and recompute.
      } finally {
        sleeper.dispose()
        sleeper = undefined
      }
    }
  } finally {
    offTerm()
    offKill()
    for (const close of closers) close()
  }
  return ctx.signal.aborted ? 137 : 0
}

/** registry.k8s.io/kube-proxy (moved here from system.ts: the image now carries the real program). */
export const kubeProxyImage: ImageSpec = {
  repository: 'registry.k8s.io/kube-proxy',
  aliases: ['k8s.gcr.io/kube-proxy'],
  family: 'Kubernetes system',
  tags: ['v1.30.0', 'v1.30.1', 'v1.30.2', 'v1.29.4', 'v1.29.0', 'v1.28.3', 'v1.28.0'],
  sizeBytes: 84_700_000,
  description: 'kube-proxy, the node\'s Service rules: iptables or IPVS from its ConfigMap (health on 10256, metrics on 10249).',
  entrypoint: [],
  cmd: ['kube-proxy'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  exposedPorts: [HEALTHZ_PORT],
  files: { '/etc/os-release': DISTROLESS_12 },
  shell: 'none',
  programs: { 'kube-proxy': kubeProxyProgram, '/usr/local/bin/kube-proxy': kubeProxyProgram },
  memoryBytes: MEMORY_BYTES,
  stopMs: 300,
}
