// `ps` from the runtime's process list, in busybox's or procps' format.
//   busybox `ps` (options are ignored, `ps aux` prints the same):
//     PID   USER     TIME  COMMAND
//         1 root      0:00 sleep 3600
//   procps `ps` (no terminal: every process, comm only):
//         PID TTY          TIME CMD
//           1 ?        00:00:00 sleep
//   procps `ps aux` / `ps -ef`:
//     USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
//     root           1  0.0  0.0   2484   512 ?        Ss   00:00   0:00 sleep 3600
//     UID          PID    PPID  C STIME TTY          TIME CMD
//     root           1       0  0 00:00 ?        00:00:00 sleep 3600
import type { CommandInfo, CommandContext } from '../../../shell'
import { NODE_MEMORY_K } from './table'
import { resolveUser } from './id'
import type { ContainerView, ProcessInfo } from './view'

/** What a small process holds when the runtime does not say (sleep, sh): 512 KiB resident, 2.4 MiB mapped. */
const DEFAULT_RSS_K = 512
const DEFAULT_VSZ_K = 2484

function userName(user: string, width: number): string {
  const u = resolveUser(user.split(':')[0])
  const name = u.name ?? String(u.uid)
  return name.length > width ? name.slice(0, width - 1) + '+' : name
}

/** m:ss of CPU time, as busybox and BSD-style ps print it. */
const mmss = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`
/** hh:mm:ss of CPU time (procps TIME). */
const hhmmss = (ms: number) => {
  const s = Math.floor(ms / 1000)
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}
/** START: HH:MM the same day, else MonDD (`Jan01`). */
function start(ms: number, now: number): string {
  const d = new Date(ms)
  if (now - ms < 24 * 3600 * 1000) return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]}${String(d.getUTCDate()).padStart(2, '0')}`
}

/** The process list, with this `ps` itself at the end when the runtime did not list it. */
function listWithSelf(view: ContainerView, ctx: CommandContext): ProcessInfo[] {
  const procs = [...view.processes()]
  const self = ctx.argv.join(' ')
  if (!procs.some((p) => p.command === self)) {
    const pid = Math.max(0, ...procs.map((p) => p.pid)) + 6
    procs.push({ pid, user: view.user, command: self, startedAtMs: view.now?.() ?? 0 })
  }
  return procs
}

export function psTool(view: ContainerView): CommandInfo {
  return {
    summary: 'Report a snapshot of the current processes',
    run(ctx) {
      const procs = listWithSelf(view, ctx)
      if (view.flavour === 'busybox') {
        let out = 'PID   USER     TIME  COMMAND\n'
        for (const p of procs) out += `${String(p.pid).padStart(5)} ${userName(p.user, 8).padEnd(8)} ${mmss(p.cpuMs ?? 0).padStart(5)} ${p.command}\n`
        ctx.stdout.write(out)
        return 0
      }
      const args = ctx.argv.slice(1).join(' ')
      const now = view.now?.() ?? 0
      if (/^-?\w*[au]\w*x|^-?aux$/.test(args) || args === 'aux') {
        let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n'
        for (const p of procs) {
          const rss = p.rssBytes !== undefined ? Math.round(p.rssBytes / 1024) : DEFAULT_RSS_K
          const mem = ((rss / NODE_MEMORY_K) * 100).toFixed(1)
          const stat = p.pid === 1 ? 'Ss' : p.command === ctx.argv.join(' ') ? 'Rs' : 'S'
          out += `${userName(p.user, 8).padEnd(8)} ${String(p.pid).padStart(7)}  0.0 ${mem.padStart(4)} ${String(Math.max(rss, DEFAULT_VSZ_K)).padStart(6)} ${String(rss).padStart(5)} ${'?'.padEnd(8)} ${stat.padEnd(4)} ${start(p.startedAtMs, now).padStart(5)} ${mmss(p.cpuMs ?? 0).padStart(6)} ${p.command}\n`
        }
        ctx.stdout.write(out)
        return 0
      }
      if (/(^|\s)-(e|A)\w*f|(^|\s)-f\w*e|-ef/.test(args)) {
        let out = 'UID          PID    PPID  C STIME TTY          TIME CMD\n'
        for (const p of procs) {
          out += `${userName(p.user, 8).padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 0).padStart(7)}  0 ${start(p.startedAtMs, now)} ${'?'.padEnd(8)} ${hhmmss(p.cpuMs ?? 0)} ${p.command}\n`
        }
        ctx.stdout.write(out)
        return 0
      }
      let out = '    PID TTY          TIME CMD\n'
      for (const p of procs) {
        const comm = (p.command.split(' ')[0].split('/').pop() ?? '').replace(/:$/, '').slice(0, 15)
        out += `${String(p.pid).padStart(7)} ${'?'.padEnd(8)} ${hhmmss(p.cpuMs ?? 0)} ${comm}\n`
      }
      ctx.stdout.write(out)
      return 0
    },
  }
}
