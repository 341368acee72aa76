// base64 [-d] [-w COLS] [FILE]: text is UTF-8 (so "é" is "w6k="), lines wrap at 76 like GNU.
import type { Builtin } from './types'
import { getopt, readInput, UsageError, withUsage } from './util'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** GNU's default line length for encoded output. */
const DEFAULT_WRAP = 76

export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]
    out += c === undefined ? '=' : ALPHABET[c & 63]
  }
  return out
}

/** Decodes, ignoring newlines; undefined on invalid input. */
export function decodeBase64(s: string, ignoreGarbage = false): string | undefined {
  let clean = s.replace(/[\n\r]/g, '')
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || (clean.includes('=') && clean.length % 4 !== 0)) return undefined
  const body = clean.replace(/=+$/, '')
  if (body.length % 4 === 1) return undefined
  const bytes: number[] = []
  for (let i = 0; i < body.length; i += 4) {
    const v = [...body.slice(i, i + 4)].map((ch) => ALPHABET.indexOf(ch))
    bytes.push((v[0] << 2) | (v[1] >> 4))
    if (v[2] !== undefined) bytes.push(((v[1] & 15) << 4) | (v[2] >> 2))
    if (v[3] !== undefined) bytes.push(((v[2] & 3) << 6) | v[3])
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

export const base64: Builtin = {
  summary: 'Base64 encode/decode data and print to standard output',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'base64', 1, async () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'di', values: 'w', long: { decode: 'd', 'wrap=': 'w', 'ignore-garbage': 'i' } })
      if (p.operands.length > 1) throw new UsageError(`extra operand '${p.operands[1]}'`)
      const input = await readInput(ctx, 'base64', p.operands[0] ?? '-')
      if (input === undefined) return 1
      if (p.opts.has('d')) {
        const out = decodeBase64(input, p.opts.has('i'))
        if (out === undefined) {
          ctx.stderr.write('base64: invalid input\n')
          return 1
        }
        ctx.stdout.write(out)
        return 0
      }
      const wrapArg = p.opts.get('w')?.at(-1)
      if (wrapArg !== undefined && !/^\d+$/.test(wrapArg)) {
        ctx.stderr.write(`base64: invalid wrap size: '${wrapArg}'\n`)
        return 1
      }
      const wrap = wrapArg === undefined ? DEFAULT_WRAP : Number(wrapArg)
      const enc = encodeBase64(input)
      const out = wrap === 0 ? enc : (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n')
      ctx.stdout.write(out === '' ? '' : out + '\n')
      return 0
    }),
}
