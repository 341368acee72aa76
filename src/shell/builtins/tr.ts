// tr [-d] [-s] [-c] SET1 [SET2]: ranges (a-z), classes ([:upper:]), escapes (\n \t \\).
// SET2 shorter than SET1 repeats its last character: tr abc x → a,b,c all become x.
import type { Builtin } from './types'
import { getopt, UsageError, withUsage } from './util'

const CLASS_CHARS: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
}
CLASS_CHARS.alpha = CLASS_CHARS.lower + CLASS_CHARS.upper
CLASS_CHARS.alnum = CLASS_CHARS.digit + CLASS_CHARS.upper + CLASS_CHARS.lower

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' }

export function expandSet(s: string): string[] {
  const chars: string[] = []
  const src = [...s]
  for (let i = 0; i < src.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(src.slice(i).join(''))
    if (cls) {
      const set = CLASS_CHARS[cls[1]]
      if (set === undefined) throw new UsageError(`invalid character class '${cls[1]}'`, false)
      chars.push(...set)
      i += cls[0].length - 1
      continue
    }
    let c = src[i]
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i]
      const oct = /^[0-7]{1,3}/.exec(src.slice(i).join(''))
      if (oct) {
        c = String.fromCharCode(parseInt(oct[0], 8))
        i += oct[0].length - 1
      } else c = ESC[n] ?? n
    }
    if (src[i + 1] === '-' && i + 2 < src.length) {
      const end = src[i + 2]
      if (end.codePointAt(0)! < c.codePointAt(0)!) throw new UsageError(`range-endpoints of '${c}-${end}' are in reverse collating sequence order`, false)
      for (let k = c.codePointAt(0)!; k <= end.codePointAt(0)!; k++) chars.push(String.fromCodePoint(k))
      i += 2
      continue
    }
    chars.push(c)
  }
  return chars
}

export const tr: Builtin = {
  summary: 'Translate or delete characters',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'tr', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'dscC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } })
      const [s1, s2] = p.operands
      const del = p.opts.has('d')
      const squeeze = p.opts.has('s')
      if (s1 === undefined) throw new UsageError('missing operand')
      if (!del && !squeeze && s2 === undefined) throw new UsageError(`missing operand after '${s1}'\nTwo strings must be given when translating.`)
      const set1 = new Set(expandSet(s1))
      const complement = p.opts.has('c') || p.opts.has('C')
      const in1 = (c: string) => set1.has(c) !== complement
      const list1 = expandSet(s1)
      const list2 = s2 !== undefined ? expandSet(s2) : []
      const map = new Map<string, string>()
      if (!del && s2 !== undefined && !complement) list1.forEach((c, i) => map.set(c, list2[Math.min(i, list2.length - 1)] ?? c))
      const squeezeSet = new Set(del || s2 === undefined ? list1 : list2)
      let prev = ''
      // Chunk by chunk, so a stream (kubectl get -w) is translated as it arrives.
      for (let text = await ctx.stdin.read(); text !== null; text = await ctx.stdin.read()) {
        let out = ''
        for (const ch of text) {
          if (del && in1(ch)) continue
          let c = ch
          if (!del) c = complement && s2 !== undefined && in1(ch) ? list2[list2.length - 1] : map.get(ch) ?? ch
          if (squeeze && c === prev && (del || s2 === undefined ? in1(c) : squeezeSet.has(c))) continue
          out += c
          prev = c
        }
        ctx.stdout.write(out)
      }
      return 0
    }),
}
