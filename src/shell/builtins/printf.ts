// printf FORMAT [ARG...]: %s %b %c %d %i %u %o %x %X %f %e %g %%, with flags, width and precision.
// The format is reused while arguments remain: printf '%s\n' a b → "a\nb\n".
import type { Builtin } from './types'
import { unescape } from './escapes'

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sbcdiuoxXfFeEgG%])/g

function toNumber(arg: string | undefined, errors: string[]): number {
  if (arg === undefined || arg === '') return 0
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0
  const n = /^[-+]?0[xX][0-9a-fA-F]+$/.test(arg) ? parseInt(arg, 16) : Number(arg)
  if (Number.isNaN(n)) {
    errors.push(`printf: '${arg}': expected a numeric value`)
    const lead = /^[-+]?\d+/.exec(arg)
    return lead ? Number(lead[0]) : 0
  }
  return n
}

function pad(s: string, flags: string, width: number, numeric: boolean): string {
  if (s.length >= width) return s
  if (flags.includes('-')) return s.padEnd(width)
  if (flags.includes('0') && numeric) {
    const sign = /^[-+ ]/.test(s) ? s[0] : ''
    return sign + s.slice(sign.length).padStart(width - sign.length, '0')
  }
  return s.padStart(width)
}

/** Formats like printf(1): the format is reused while arguments remain. */
export function formatPrintf(format: string, args: string[]): { out: string; errors: string[] } {
  const errors: string[] = []
  let out = ''
  let ai = 0
  let stop = false
  do {
    const start = ai
    let text = ''
    let last = 0
    // Escapes apply to the format's own text, never to the arguments put into it.
    const literal = (from: number, to?: number) => {
      const u = unescape(format.slice(from, to), { octalNeedsZero: false })
      if (u.stop) stop = true
      return u.text
    }
    for (const m of format.matchAll(SPEC)) {
      text += literal(last, m.index)
      if (stop) break
      last = m.index! + m[0].length
      const [, flags, widthSpec, precSpec, conv] = m
      if (conv === '%') {
        text += '%'
        continue
      }
      const width = widthSpec === '*' ? toNumber(args[ai++], errors) : Number(widthSpec ?? 0)
      const prec = precSpec === undefined ? undefined : precSpec === '*' ? toNumber(args[ai++], errors) : Number(precSpec || 0)
      const arg = args[ai++]
      let s: string
      let numeric = true
      switch (conv) {
        case 's':
          s = arg ?? ''
          if (prec !== undefined) s = s.slice(0, prec)
          numeric = false
          break
        case 'b': {
          const u = unescape(arg ?? '', { octalNeedsZero: true })
          s = u.text
          if (u.stop) stop = true
          numeric = false
          break
        }
        case 'c':
          s = (arg ?? '').slice(0, 1)
          numeric = false
          break
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(toNumber(arg, errors))
          s = String(Math.abs(n))
          if (prec !== undefined) s = s.padStart(prec, '0')
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s
          break
        }
        case 'o':
        case 'x':
        case 'X': {
          const n = Math.trunc(toNumber(arg, errors))
          s = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(conv === 'o' ? 8 : 16)
          if (conv === 'X') s = s.toUpperCase()
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s
          break
        }
        default: {
          const n = toNumber(arg, errors)
          const p = prec ?? 6
          const lower = conv.toLowerCase()
          s = lower === 'f' ? n.toFixed(p) : lower === 'e' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)))
          if (conv === 'E' || conv === 'G') s = s.toUpperCase()
          if (n >= 0 && flags.includes('+')) s = '+' + s
        }
      }
      text += pad(s, flags, width, numeric)
      if (stop) break
    }
    if (!stop) text += literal(last)
    out += text
    if (stop) break
    if (ai === start) break
  } while (ai < args.length)
  return { out, errors }
}

export const printf: Builtin = {
  summary: 'Format and print data',
  utility: true,
  run(ctx) {
    const [format, ...args] = ctx.argv.slice(1)
    if (format === undefined) {
      ctx.stderr.write('printf: missing operand\nTry \'printf --help\' for more information.\n')
      return 1
    }
    const { out, errors } = formatPrintf(format, args)
    ctx.stdout.write(out)
    for (const e of errors) ctx.stderr.write(e + '\n')
    return errors.length > 0 ? 1 : 0
  },
}
