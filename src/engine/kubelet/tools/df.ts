// `df` and `df -h` in busybox's fixed columns or GNU coreutils' fitted ones.
//
// busybox (every mount with blocks, in /proc/mounts order):
//   Filesystem           1K-blocks      Used Available Use% Mounted on
//   overlay               61202244  10403720  47656984  18% /
//   Filesystem                Size      Used Available Use% Mounted on
//   overlay                  58.4G      9.9G     45.4G  18% /
// GNU (one row per device, its shortest mount point; widths fit the widest cell):
//   Filesystem     1K-blocks     Used Available Use% Mounted on
//   overlay         61202244 10403720  47656984  18% /
//   Filesystem      Size  Used Avail Use% Mounted on
//   overlay          59G   10G   46G  18% /
import { resolvePath, type CommandInfo } from '../../../shell'
import type { Flavour } from './view'
import { kernelMounts, type KernelMount, type TableOptions } from './table'

/** busybox make_human_readable_str(val, 1024, 0): one decimal with a unit, `0` for nothing. */
export function busyboxHuman(k: number): string {
  if (k === 0) return '0'
  const units = ['', 'K', 'M', 'G', 'T', 'P']
  let val = k * 1024
  let u = 0
  let frac = 0
  while (val >= 1024) {
    u++
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024)
    val = Math.floor(val / 1024)
  }
  if (frac >= 10) {
    val++
    frac = 0
  }
  return u === 0 ? String(val) : `${val}.${frac}${units[u]}`
}

/** GNU human_readable with -h: rounds up; one decimal below 10 (`3.9G`), whole above (`59G`). */
export function gnuHuman(k: number): string {
  if (k === 0) return '0'
  const units = ['K', 'M', 'G', 'T', 'P']
  let amt = k
  let u = 0
  while (amt >= 1024 && u < units.length - 1) {
    amt /= 1024
    u++
  }
  if (amt < 10) {
    const t = Math.ceil(amt * 10 - 1e-9) / 10
    if (t < 10) return `${t.toFixed(1)}${units[u]}`
    amt = 10
  }
  const whole = Math.ceil(amt - 1e-9)
  if (whole >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`
  return `${whole}${units[u]}`
}

/** GNU rounds Use% up; busybox to the nearest. */
function percent(m: KernelMount, flavour: Flavour): number {
  const used = m.usedK ?? 0
  const denom = used + (m.availK ?? 0)
  if (denom === 0) return 0
  return flavour === 'busybox' ? Math.floor((used * 100 + denom / 2) / denom) : Math.ceil((used * 100) / denom)
}

/** GNU df: one row per device, kept in the slot of its first mount, with its shortest mount point. */
function gnuRows(all: KernelMount[]): KernelMount[] {
  const byDev = new Map<string, KernelMount>()
  for (const m of all) {
    const seen = byDev.get(m.dev)
    if (!seen || seen.path.length > m.path.length) byDev.set(m.dev, m)
  }
  const order: string[] = []
  for (const m of all) if (!order.includes(m.dev)) order.push(m.dev)
  return order.map((d) => byDev.get(d)!)
}

/** The mount holding `path` (df FILE): the longest mount point that is a prefix. */
function mountOf(rows: KernelMount[], path: string): KernelMount | undefined {
  return rows.filter((m) => path === m.path || m.path === '/' || path.startsWith(m.path + '/')).sort((a, b) => b.path.length - a.path.length)[0]
}

export function dfTool(table: () => TableOptions, flavour: Flavour): CommandInfo {
  return {
    summary: 'Report file system disk space usage',
    run(ctx) {
      let human = false
      let showType = false
      const operands: string[] = []
      for (const a of ctx.argv.slice(1)) {
        if (a === '--human-readable') human = true
        else if (a === '--print-type') showType = true
        else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
          for (const c of a.slice(1)) {
            if (c === 'h') human = true
            else if (c === 'T' && flavour === 'procps') showType = true
            else if (c === 'k' || c === 'a' || c === 'P' || c === 'l') continue
            else {
              if (flavour === 'busybox') ctx.stderr.write(`df: invalid option -- '${c}'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: df [-PkmhT] [-t TYPE] [FILESYSTEM]...\n`)
              else ctx.stderr.write(`df: invalid option -- '${c}'\nTry 'df --help' for more information.\n`)
              return 1
            }
          }
        } else operands.push(a)
      }
      const all = kernelMounts(table()).filter((m) => m.sizeK !== undefined)
      let rows = flavour === 'busybox' ? all : gnuRows(all)
      if (operands.length > 0) {
        const picked: KernelMount[] = []
        for (const op of operands) {
          const p = resolvePath(ctx.cwd, op)
          if (!ctx.fs.exists(p)) {
            ctx.stderr.write(flavour === 'busybox' ? `df: ${op}: can't find mount point\n` : `df: ${op}: No such file or directory\n`)
            continue
          }
          const m = mountOf(all, p)
          if (m) picked.push(m)
        }
        rows = picked
        if (rows.length === 0) return 1
      }
      ctx.stdout.write(flavour === 'busybox' ? busybox(rows, human) : gnu(rows, human, showType))
      return rows.length === operands.length || operands.length === 0 ? 0 : 1
    },
  }
}

function busybox(rows: KernelMount[], human: boolean): string {
  const unitsHdr = human ? '     Size' : '1K-blocks'
  let out = `Filesystem           ${unitsHdr.padEnd(15)}Used Available Use% Mounted on\n`
  const fmt = (k: number) => (human ? busyboxHuman(k) : String(k))
  for (const m of rows) {
    let line = m.device.padEnd(20)
    if (m.device.length > 20) line += '\n' + ''.padEnd(20)
    line += ` ${fmt(m.sizeK!).padStart(9)} `
    line += `${fmt(m.usedK!).padStart(9)} `
    line += `${fmt(m.availK!).padStart(9)} ${String(percent(m, 'busybox')).padStart(3)}% ${m.path}\n`
    out += line
  }
  return out
}

function gnu(rows: KernelMount[], human: boolean, showType: boolean): string {
  const fmt = (k: number) => (human ? gnuHuman(k) : String(k))
  const header = ['Filesystem', ...(showType ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on']
  const minWidth = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0]
  const rightAligned = [false, ...(showType ? [false] : []), true, true, true, true, false]
  const cells = rows.map((m) => [m.device, ...(showType ? [m.fstype] : []), fmt(m.sizeK!), fmt(m.usedK!), fmt(m.availK!), `${percent(m, 'procps')}%`, m.path])
  const table = [header, ...cells]
  const widths = header.map((_, i) => Math.max(minWidth[i], ...table.map((r) => r[i].length)))
  return table.map((r) => r.map((c, i) => (i === r.length - 1 ? c : rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' ') + '\n').join('')
}
