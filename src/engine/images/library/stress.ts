// Memory and CPU stress images for resource lessons: polinux/stress (`stress --vm 1 --vm-bytes
// 250M --vm-hang 1`, the Kubernetes docs' memory example) and vish/stress (`-cpus 2`, the CPU
// example). The worker's memory becomes the container's working set: above the limit the runtime
// OOM-kills it (OOMKilled, 137).
import type { ImageSpec, Program } from '../types'
import { MiB } from './osrelease'
import { SIGKILL_EXIT, sleep } from './server'
import { klogLine } from './timefmt'

/** stress' size syntax: a number with an optional B/K/M/G suffix, powers of 1024 (250M = 262144000). */
export function stressBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s)
  if (!m) return NaN
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g']
  return Math.round(Number(m[1]) * unit)
}

/** stress' seconds syntax for --timeout: 10, 10s, 2m, 1h. */
function stressSeconds(s: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(s)
  return m ? Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] : NaN
}

/** `stress [--cpu N] [--vm N] [--vm-bytes B] [--vm-hang S] [--timeout T]`. */
export const stressProgram: Program = async (ctx, host) => {
  const a = ctx.argv.slice(1)
  const opt = (long: string, short: string) => {
    const i = a.findIndex((x) => x === long || x === short)
    return i >= 0 ? a[i + 1] : undefined
  }
  const cpu = Number(opt('--cpu', '-c') ?? 0)
  const vm = Number(opt('--vm', '-m') ?? 0)
  const io = Number(opt('--io', '-i') ?? 0)
  const hdd = Number(opt('--hdd', '-d') ?? 0)
  const vmBytes = stressBytes(opt('--vm-bytes', '--vm-bytes') ?? '256M')
  const timeout = opt('--timeout', '-t')
  if (a.length === 0 || (cpu + vm + io + hdd === 0)) {
    ctx.stdout.write('`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n     --backoff N    wait factor of N microseconds before work starts\n -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n     --vm-stride B  touch a byte every B bytes (default is 4096)\n     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n     --vm-keep      redirty memory instead of freeing and reallocating\n -d, --hdd N        spawn N workers spinning on write()/unlink()\n     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\nExample: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\nNote: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n')
    return a.length === 0 ? 0 : 1
  }
  if (Number.isNaN(vmBytes)) {
    ctx.stderr.write(`stress: FAIL: [1] (1) invalid number: ${opt('--vm-bytes', '--vm-bytes')}\n`)
    return 1
  }
  ctx.stdout.write(`stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`)
  // The parent's own ~1 MiB plus each vm worker's allocation.
  host.setMemoryBytes(MiB + vm * vmBytes)
  host.setCpuMillicores(cpu * 1000 + vm * 1000 + io * 100)
  const seconds = timeout ? stressSeconds(timeout) : Infinity
  if (Number.isFinite(seconds)) {
    await sleep(ctx, seconds * 1000, host.term)
    if (ctx.signal.aborted) return SIGKILL_EXIT
    if (!host.term.aborted) {
      ctx.stdout.write(`stress: info: [1] successful run completed in ${seconds}s\n`)
      return 0
    }
  } else {
    await new Promise<void>((resolve) => { ctx.signal.onAbort(resolve); host.term.onAbort(resolve) })
    if (ctx.signal.aborted) return SIGKILL_EXIT
  }
  // SIGTERM reaches the workers too: the parent reports each one and fails.
  ctx.stderr.write('stress: FAIL: [1] (415) <-- worker 7 got signal 15\nstress: WARN: [1] (417) now reaping child worker processes\nstress: FAIL: [1] (451) failed run completed in ' + '1s\n')
  return 1
}

export const polinuxStress: ImageSpec = {
  repository: 'docker.io/polinux/stress',
  family: 'resource demos',
  tags: ['latest', '1.0.4'],
  sizeBytes: 9_740_000,
  description: 'stress 1.0.4 on Alpine: `stress --vm 1 --vm-bytes 250M --vm-hang 1` holds 250 MiB (OOMKilled under a 100Mi limit).',
  entrypoint: [],
  cmd: ['stress'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  shell: 'sh',
  tools: ['stress', 'wget', 'nc', 'ping', 'nslookup', 'ps'],
  programs: { stress: stressProgram, '/usr/local/bin/stress': stressProgram, '/usr/bin/stress': stressProgram },
  memoryBytes: 1 * MiB,
  stopMs: 0,
}

/** vish/stress: `-cpus N` burns N CPUs; `-mem-total 150Mi -mem-alloc-size 10Mi -mem-alloc-sleep 1s` grows memory. */
const vishStressProgram: Program = async (ctx, host) => {
  const a = ctx.argv.slice(1)
  const val = (k: string) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : undefined }
  const cpus = Number(val('-cpus') ?? 0)
  const total = quantityBytes(val('-mem-total') ?? '0')
  const step = quantityBytes(val('-mem-alloc-size') ?? '4Ki')
  const pause = Number((val('-mem-alloc-sleep') ?? '1s').replace(/ms$/, 'e-3').replace(/s$/, '')) * 1000
  host.setCpuMillicores(cpus * 1000 || 1)
  let used = 0
  host.setMemoryBytes(2 * MiB)
  while (!ctx.signal.aborted && !host.term.aborted) {
    if (used < total) {
      used = Math.min(total, used + step)
      host.setMemoryBytes(2 * MiB + used)
      ctx.stderr.write(klogLine(ctx.clock.now(), 'main.go:40', `Allocated "${val('-mem-alloc-size')}" memory`) + '\n')
    }
    await sleep(ctx, used < total ? pause : 3_600_000, host.term)
  }
  return ctx.signal.aborted ? SIGKILL_EXIT : 2
}

/** Kubernetes quantity bytes for vish/stress flags (Ki, Mi, Gi; k, M, G). */
function quantityBytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(q)
  if (!m) return 0
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 }[m[2] as 'Ki'] ?? 1
  return Math.round(Number(m[1]) * unit)
}

export const vishStress: ImageSpec = {
  repository: 'docker.io/vish/stress',
  family: 'resource demos',
  tags: ['latest'],
  sizeBytes: 5_470_000,
  description: 'vish/stress (the Kubernetes docs\' CPU example): `-cpus 2` uses two CPUs; -mem-total grows memory step by step.',
  entrypoint: ['/stress', '-logtostderr'],
  cmd: [],
  shell: 'none',
  programs: { '/stress': vishStressProgram, stress: vishStressProgram },
  memoryBytes: 2 * MiB,
  stopMs: 50,
}
