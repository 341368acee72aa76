// seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST: decimals as wide as the widest argument's.
import type { Builtin } from './types'
import { UsageError, withUsage } from './util'

export const seq: Builtin = {
  summary: 'Print a sequence of numbers',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'seq', 1, () => {
      const args = ctx.argv.slice(1)
      let sep = '\n'
      let equalWidth = false
      const nums: string[] = []
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (a === '-s') sep = args[++i] ?? ''
        else if (a.startsWith('-s')) sep = a.slice(2)
        else if (a === '-w') equalWidth = true
        else nums.push(a)
      }
      if (nums.length === 0) throw new UsageError('missing operand')
      if (nums.length > 3) throw new UsageError(`extra operand '${nums[3]}'`)
      for (const n of nums) if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) throw new UsageError(`invalid floating point argument: '${n}'`)
      const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums
      const decimals = Math.max(...[first, inc].map((n) => (n.includes('.') ? n.split('.')[1].length : 0)))
      const f = Number(first)
      const s = Number(inc)
      const l = Number(last)
      if (s === 0) throw new UsageError(`invalid Zero increment value: '${inc}'`)
      const out: string[] = []
      for (let k = 0; ; k++) {
        const v = f + k * s
        if ((s > 0 && v > l + 1e-9) || (s < 0 && v < l - 1e-9)) break
        out.push(v.toFixed(decimals))
        if (ctx.signal.aborted) break
      }
      const width = Math.max(...out.map((o) => o.length))
      ctx.stdout.write(out.map((o) => (equalWidth ? (o.startsWith('-') ? '-' + o.slice(1).padStart(width - 1, '0') : o.padStart(width, '0')) : o)).join(sep) + (out.length > 0 ? '\n' : ''))
      return 0
    }),
}
