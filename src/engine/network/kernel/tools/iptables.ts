// iptables, iptables-save and iptables-restore (v1.8.7 legacy, as minikube's kicbase ships them).
import type { CommandContext, CommandInfo } from '../../../../shell'
import type { NodeKernel } from '../types'
import { emit, isRoot } from './common'

const V = 'v1.8.7 (legacy)'

function tableArg(argv: string[]): string {
  const i = argv.findIndex((a) => a === '-t' || a === '--table')
  return i >= 0 && argv[i + 1] ? argv[i + 1] : 'filter'
}

export function iptablesTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'administration tool for IPv4 packet filtering and NAT',
    run(ctx) {
      const args = ctx.argv.slice(1)
      if (args.includes('--version') || args.includes('-V')) return emit(ctx, { code: 0, stdout: `iptables ${V}\n`, stderr: '' })
      if (!isRoot(ctx.env)) {
        return emit(ctx, { code: 3, stdout: '', stderr: `iptables ${V}: can't initialize iptables table \`${tableArg(args)}': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.\n` })
      }
      return emit(ctx, kernel.iptables(args))
    },
  }
}

export function iptablesSaveTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'dump iptables rules',
    run(ctx) {
      const args = ctx.argv.slice(1)
      let table: string | undefined
      let counters = false
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (a === '-t' || a === '--table') table = args[++i]
        else if (a === '-c' || a === '--counters') counters = true
        else if (a === '--version' || a === '-V') return emit(ctx, { code: 0, stdout: `iptables-save ${V}\n`, stderr: '' })
        else return emit(ctx, { code: 2, stdout: '', stderr: `iptables-save ${V}: Unknown arguments found on commandline\n` })
      }
      if (!isRoot(ctx.env)) return emit(ctx, { code: 1, stdout: '', stderr: `iptables-save ${V}: Cannot initialize: Permission denied (you must be root)\n` })
      if (table && !['filter', 'nat', 'mangle', 'raw'].includes(table)) {
        return emit(ctx, { code: 1, stdout: '', stderr: `iptables-save ${V}: Cannot initialize: Table does not exist (do you need to insmod?)\n` })
      }
      return emit(ctx, { code: 0, stdout: kernel.iptablesSave({ table, counters }), stderr: '' })
    },
  }
}

export function iptablesRestoreTool(kernel: NodeKernel): CommandInfo {
  return {
    summary: 'restore iptables rules',
    async run(ctx: CommandContext) {
      const args = ctx.argv.slice(1)
      let noflush = false
      let test = false
      let file: string | undefined
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (a === '-n' || a === '--noflush') noflush = true
        else if (a === '-t' || a === '--test') test = true
        else if (a === '-c' || a === '--counters' || a === '-v' || a === '--verbose') continue
        else if (a === '-w' || a === '--wait') { if (/^\d+$/.test(args[i + 1] ?? '')) i++ }
        else if (a === '-W' || a === '--wait-interval' || a === '-T' || a === '--table' || a === '-M' || a === '--modprobe') i++
        else if (/^-[nvtc]+$/.test(a)) { noflush ||= a.includes('n'); test ||= a.includes('t') }
        else if (a.startsWith('-')) return emit(ctx, { code: 2, stdout: '', stderr: `iptables-restore: unrecognized option '${a}'\nUsage: iptables-restore [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs]\n\t   [ --counters ]\n\t   [ --verbose ]\n\t   [ --version]\n\t   [ --test ]\n\t   [ --help ]\n\t   [ --noflush ]\n\t   [ --wait=<seconds>\n\t   [ --wait-interval=<usecs>\n\t   [ --table=<TABLE> ]\n\t   [ --modprobe=<command> ]\n` })
        else file = a
      }
      let text: string | undefined
      if (file !== undefined) {
        const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`
        text = ctx.fs.isDir(path) ? undefined : ctx.fs.readFile(path)
        if (text === undefined) return emit(ctx, { code: 1, stdout: '', stderr: `Can't open ${file}: No such file or directory\n` })
      } else text = await ctx.stdin.readAll()
      if (!isRoot(ctx.env)) {
        const first = /^\*(\S+)/m.exec(text)?.[1] ?? 'filter'
        const line = text.split('\n').findIndex((l) => l.startsWith('*')) + 1 || 1
        return emit(ctx, { code: 2, stdout: '', stderr: `iptables-restore ${V}: iptables-restore: unable to initialize table '${first}'\n\nError occurred at line: ${line}\nTry \`iptables-restore -h' or 'iptables-restore --help' for more information.\n` })
      }
      if (test) return 0
      return emit(ctx, kernel.iptablesRestore(text, { noflush }))
    },
  }
}
