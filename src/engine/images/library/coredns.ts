// registry.k8s.io/coredns/coredns: the cluster DNS server. `/coredns -conf /etc/coredns/Corefile`
// reads the Corefile (the `coredns` ConfigMap), watches Services, EndpointSlices and Namespaces
// through the pod's API access, and answers DNS on 53 (UDP and TCP) through the Corefile's plugin
// chain (engine/network/dns). /health on 8080 (the liveness probe), /ready on 8181 (readiness),
// Prometheus metrics on 9153. The `reload` plugin re-reads the Corefile every 30 s and logs the
// new SHA512 when a learner edited the ConfigMap. Logs as CoreDNS v1.11.1 prints them:
//   .:53
//   [INFO] plugin/reload: Running configuration SHA512 = <sha512 of the Corefile>
//   CoreDNS-1.11.1
//   linux/amd64, go1.20.7, ae2bbc2
import type { CommandContext } from '../../../shell'
import type { ImageSpec, Program, ProcessHost } from '../types'
import type { Listener } from '../../network/types'
import { createDnsCache, type ClusterDnsView } from '../../network/dns/cache'
import { parseCorefile, type CorefileConfig } from '../../network/dns/corefile'
import { dnsListener } from '../../network/dns/server'
import { sha512Hex } from '../../network/dns/sha512'
import { DISTROLESS_12, MiB } from './osrelease'
import { SIGKILL_EXIT, anyOf, sleep, text, whenAborted } from './server'

const VERSION = '1.11.1'
/** The build line CoreDNS v1.11.1 prints (its Go version and git commit). */
const BUILD = 'linux/amd64, go1.20.7, ae2bbc2'
/** The reload plugin's default check interval (30 s; its jitter is left out to stay deterministic). */
const RELOAD_INTERVAL_MS = 30_000
/** `health { lameduck 5s }`: after SIGTERM it keeps answering for 5 s before exiting. */
const LAMEDUCK_MS = 5_000
const DEFAULT_COREFILE = 'Corefile'

const METRICS = '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="go1.20.7",revision="ae2bbc2",version="1.11.1"} 1\n'

/** A cluster with nothing in it: CoreDNS started outside a cluster (unit tests) answers NXDOMAIN for cluster names. */
const EMPTY_VIEW: ClusterDnsView = {
  namespaceExists: () => false,
  service: () => undefined,
  endpoints: () => [],
  serviceByIP: () => undefined,
  endpointByIP: () => undefined,
  serial: () => 0,
}

function confPath(ctx: CommandContext): string {
  const argv = ctx.argv.slice(1)
  const i = argv.findIndex((a) => a === '-conf' || a === '--conf')
  const path = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('-conf='))?.slice('-conf='.length)
  const p = path ?? DEFAULT_COREFILE
  return p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`
}

export const corednsProgram: Program = async (ctx: CommandContext, host: ProcessHost) => {
  const out = (line: string) => ctx.stdout.write(line + '\n')
  const path = confPath(ctx)
  let corefile = ctx.fs.readFile(path)
  if (corefile === undefined) {
    // coremain's mustLogFatal: the loader's error behind [FATAL], exit 1.
    out(`[FATAL] open ${path}: no such file or directory`)
    return 1
  }
  let cfg: CorefileConfig = parseCorefile(corefile)
  const cache = host.cluster ? createDnsCache(host.cluster.api, () => ctx.clock.now()) : undefined
  cache?.watchPods(cfg.kubernetes?.pods === 'verified')
  const view = cache ?? EMPTY_VIEW
  let answer = dnsListener(view, cfg, { selfIP: host.pod.ip, log: out })
  const closes: (() => void)[] = []
  try {
    out(`.:${cfg.port}`)
    out(`[INFO] plugin/reload: Running configuration SHA512 = ${sha512Hex(corefile)}`)
    out(`CoreDNS-${VERSION}`)
    out(BUILD)
    const dns: Listener = { dns: (q) => answer(q) }
    try {
      closes.push(host.listen(cfg.port, dns))
      closes.push(host.listen(8080, { http: (req) => (req.path.split('?')[0] === '/health' ? text(200, 'OK') : text(404, '404 page not found\n')) }))
      closes.push(host.listen(8181, { http: (req) => (req.path.split('?')[0] === '/ready' ? text(200, 'OK') : text(404, '404 page not found\n')) }))
      closes.push(host.listen(9153, { http: (req) => (req.path.split('?')[0] === '/metrics' ? text(200, METRICS) : text(404, '404 page not found\n')) }))
    } catch {
      out(`Listen: listen tcp :${cfg.port}: bind: address already in use`)
      return 1
    }
    host.setMemoryBytes(13 * MiB)
    host.setCpuMillicores(3)
    const stop = anyOf(ctx.signal, host.term)
    try {
      // The reload plugin: re-read the Corefile; a changed one is parsed and swapped in.
      const reload = (async () => {
        while (!stop.signal.aborted) {
          await sleep(ctx, RELOAD_INTERVAL_MS, stop.signal)
          if (stop.signal.aborted) return
          const now = ctx.fs.readFile(path)
          if (now === undefined || now === corefile) continue
          corefile = now
          cfg = parseCorefile(now)
          cache?.watchPods(cfg.kubernetes?.pods === 'verified')
          answer = dnsListener(view, cfg, { selfIP: host.pod.ip, log: out })
          out('[INFO] Reloading')
          out(`[INFO] plugin/reload: Running configuration SHA512 = ${sha512Hex(now)}`)
          out('[INFO] Reloading complete')
        }
      })()
      await whenAborted(stop.signal)
      await reload
    } finally {
      stop.dispose()
    }
    if (ctx.signal.aborted) return SIGKILL_EXIT
    out('[INFO] SIGTERM: Shutting down servers then terminating')
    out(`[INFO] plugin/health: Going into lameduck mode for ${LAMEDUCK_MS / 1000}s`)
    await sleep(ctx, LAMEDUCK_MS)
    return ctx.signal.aborted ? SIGKILL_EXIT : 0
  } finally {
    for (const c of closes) c()
    cache?.stop()
  }
}

export const coredns: ImageSpec = {
  repository: 'registry.k8s.io/coredns/coredns',
  aliases: ['k8s.gcr.io/coredns/coredns'],
  family: 'Kubernetes system',
  tags: ['v1.11.1', 'v1.11.3', 'v1.10.1'],
  sizeBytes: 59_800_000,
  description: 'CoreDNS, the cluster DNS (53; /health on 8080, /ready on 8181, metrics on 9153); reads /etc/coredns/Corefile.',
  entrypoint: ['/coredns'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  exposedPorts: [53, 9153],
  files: { '/etc/os-release': DISTROLESS_12 },
  shell: 'none',
  programs: { '/coredns': corednsProgram },
  memoryBytes: 13 * MiB,
  stopMs: LAMEDUCK_MS,
}
