// prom/node-exporter: Prometheus' host metrics exporter on 9100. Logs go-kit logfmt lines to
// stderr, serves a landing page on / and the text exposition format on /metrics. Go without a
// SIGTERM handler: as PID 1 the runtime's re-raised signal is dropped and it exits with 2.
import type { ImageSpec } from '../types'
import { MiB } from './osrelease'
import type { LineCtx, LogStep } from './server'
import { pathOf, serverProgram, text } from './server'
import { isoMs } from './timefmt'

export const NODE_EXPORTER_VERSION = '1.8.2'

/** Exit code of a Go program whose default SIGTERM death is dropped because it is PID 1. */
export const GO_PID1_TERM_EXIT = 2

const COLLECTORS = ['arp', 'bcache', 'bonding', 'btrfs', 'conntrack', 'cpu', 'cpufreq', 'diskstats', 'dmi', 'edac', 'entropy', 'fibrechannel', 'filefd', 'filesystem', 'hwmon', 'infiniband', 'ipvs', 'loadavg', 'mdadm', 'meminfo', 'netclass', 'netdev', 'netstat', 'nfs', 'nfsd', 'nvme', 'os', 'powersupplyclass', 'pressure', 'rapl', 'schedstat', 'selinux', 'sockstat', 'softnet', 'stat', 'tapestats', 'textfile', 'thermal_zone', 'time', 'timex', 'udp_queues', 'uname', 'vmstat', 'watchdog', 'xfs', 'zfs']

const kv = (caller: string, rest: string): LogStep => ({ stderr: true, text: (c) => `ts=${isoMs(c.nowMs)} caller=${caller} level=info ${rest}` })

/** The node's numbers as /proc would show them on the 2-CPU, ~3.8 GiB minikube VM. */
const MEM_TOTAL = 3_952_222_208

function metrics(c: LineCtx, startMs: number): string {
  const up = (c.nowMs - startMs) / 1000
  const bootTime = Math.floor(startMs / 1000) - 3600
  const cpu = (mode: string, perCpu: number) => [0, 1].map((n) => `node_cpu_seconds_total{cpu="${n}",mode="${mode}"} ${(perCpu + up * (mode === 'idle' ? 0.93 : 0.02)).toFixed(2)}`).join('\n')
  return [
    '# HELP go_goroutines Number of goroutines that currently exist.',
    '# TYPE go_goroutines gauge',
    'go_goroutines 7',
    '# HELP node_boot_time_seconds Node boot time, in unixtime.',
    '# TYPE node_boot_time_seconds gauge',
    `node_boot_time_seconds ${bootTime}`,
    '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.',
    '# TYPE node_cpu_seconds_total counter',
    cpu('idle', 3340.12), cpu('iowait', 4.31), cpu('irq', 0), cpu('nice', 0.12), cpu('softirq', 1.9), cpu('steal', 0), cpu('system', 61.45), cpu('user', 118.77),
    '# HELP node_exporter_build_info A metric with a constant \'1\' value labeled by version, revision, branch, goversion from which node_exporter was built, and the goos and goarch for the build.',
    '# TYPE node_exporter_build_info gauge',
    `node_exporter_build_info{branch="HEAD",goarch="amd64",goos="linux",goversion="go1.22.5",revision="f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895",tags="unknown",version="${NODE_EXPORTER_VERSION}"} 1`,
    '# HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.',
    '# TYPE node_filesystem_avail_bytes gauge',
    'node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.4183419904e+10',
    '# HELP node_filesystem_size_bytes Filesystem size in bytes.',
    '# TYPE node_filesystem_size_bytes gauge',
    'node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.9945680896e+10',
    '# HELP node_load1 1m load average.',
    '# TYPE node_load1 gauge',
    'node_load1 0.42',
    '# HELP node_load15 15m load average.',
    '# TYPE node_load15 gauge',
    'node_load15 0.36',
    '# HELP node_load5 5m load average.',
    '# TYPE node_load5 gauge',
    'node_load5 0.39',
    '# HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.',
    '# TYPE node_memory_MemAvailable_bytes gauge',
    'node_memory_MemAvailable_bytes 2.301329408e+09',
    '# HELP node_memory_MemFree_bytes Memory information field MemFree_bytes.',
    '# TYPE node_memory_MemFree_bytes gauge',
    'node_memory_MemFree_bytes 9.85018368e+08',
    '# HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.',
    '# TYPE node_memory_MemTotal_bytes gauge',
    `node_memory_MemTotal_bytes ${MEM_TOTAL.toExponential().replace(/e\+(\d)$/, 'e+0$1')}`,
    '# HELP node_network_receive_bytes_total Network device statistic receive_bytes.',
    '# TYPE node_network_receive_bytes_total counter',
    `node_network_receive_bytes_total{device="eth0"} ${Math.round(1.2e8 + up * 5200)}`,
    '# HELP node_network_transmit_bytes_total Network device statistic transmit_bytes.',
    '# TYPE node_network_transmit_bytes_total counter',
    `node_network_transmit_bytes_total{device="eth0"} ${Math.round(4.1e7 + up * 2100)}`,
    '# HELP node_time_seconds System time in seconds since epoch (1970).',
    '# TYPE node_time_seconds gauge',
    `node_time_seconds ${(c.nowMs / 1000).toFixed(3)}`,
    '# HELP node_uname_info Labeled system information as provided by the uname system call.',
    '# TYPE node_uname_info gauge',
    `node_uname_info{domainname="(none)",machine="x86_64",nodename="${c.host.pod.nodeName}",release="5.15.0",sysname="Linux",version="#1 SMP"} 1`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    'process_resident_memory_bytes 1.2034048e+07',
    '# HELP promhttp_metric_handler_requests_total Total number of scrapes by HTTP status code.',
    '# TYPE promhttp_metric_handler_requests_total counter',
    'promhttp_metric_handler_requests_total{code="200"} 0',
    '',
  ].join('\n')
}

const LANDING = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Node Exporter</title>
  </head>
  <body>
    <header>
      <h1>Node Exporter</h1>
    </header>
    <div class="main">
      <h2>Prometheus Node Exporter</h2>
      <div>Version: (version=${NODE_EXPORTER_VERSION}, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)</div>
      <div>
        <ul>
          <li><a href="metrics">Metrics</a></li>
        </ul>
      </div>
    </div>
  </body>
</html>
`

const nodeExporterProgram = serverProgram({
  startup: [
    kv('node_exporter.go:193', `msg="Starting node_exporter" version="(version=${NODE_EXPORTER_VERSION}, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`),
    kv('node_exporter.go:194', 'msg="Build context" build_context="(go=go1.22.5, platform=linux/amd64, user=root@03d440803209, date=20240714-11:53:45, tags=unknown)"'),
    kv('filesystem_common.go:111', 'collector=filesystem msg="Parsed flag --collector.filesystem.mount-points-exclude" flag=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)'),
    kv('filesystem_common.go:113', 'collector=filesystem msg="Parsed flag --collector.filesystem.fs-types-exclude" flag=^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$'),
    kv('node_exporter.go:111', 'msg="Enabled collectors"'),
    ...COLLECTORS.map((c) => kv('node_exporter.go:118', `collector=${c}`)),
  ],
  listen: (c) => {
    const startMs = c.nowMs
    return [{
      port: 9100,
      http: (req, s) => {
        const path = pathOf(req)
        if (path === '/metrics') return text(200, metrics({ nowMs: s.ctx.clock.now(), env: s.ctx.env, argv: s.ctx.argv, host: s.host }, startMs), 'text/plain; version=0.0.4; charset=utf-8')
        if (path === '/') return text(200, LANDING, 'text/html; charset=UTF-8')
        return text(404, '404 page not found\n')
      },
    }]
  },
  ready: [
    kv('tls_config.go:313', 'msg="Listening on" address=[::]:9100'),
    kv('tls_config.go:316', 'msg="TLS is disabled." http2=false address=[::]:9100'),
  ],
  bindError: (p) => ({ lines: [{ stderr: true, text: (c) => `ts=${isoMs(c.nowMs)} caller=node_exporter.go:223 level=error err="listen tcp :${p}: bind: address already in use"` }], exitCode: 1 }),
  memoryBytes: 12 * MiB,
  onTerm: { lines: [], exitCode: GO_PID1_TERM_EXIT },
})

export const nodeExporter: ImageSpec = {
  repository: 'docker.io/prom/node-exporter',
  aliases: ['quay.io/prometheus/node-exporter'],
  family: 'Prometheus',
  tags: ['latest', 'v1.8.2', 'v1.8.1', 'v1.8.0', 'v1.7.0', 'v1.6.1', 'v1.6.0', 'v1.5.0', 'v1.4.0', 'v1.3.1', 'v1.2.2', 'v1.1.2', 'v1.0.1', 'v0.18.1', 'master'],
  sizeBytes: 22_700_000,
  tagSizes: [{ tag: /^v0\./, sizeBytes: 22_900_000 }],
  description: 'Prometheus node exporter on 9100: /metrics in the text exposition format (node_cpu_seconds_total, node_memory_*, node_load1…).',
  entrypoint: ['/bin/node_exporter'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  user: 'nobody',
  exposedPorts: [9100],
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps'],
  programs: { '/bin/node_exporter': nodeExporterProgram, node_exporter: nodeExporterProgram },
  memoryBytes: 12 * MiB,
  stopMs: 50,
}
