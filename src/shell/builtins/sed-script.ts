// Parsing sed scripts: [addr[,addr]][!]cmd, with s/re/repl/flags, d, p, q, =, a, i, c.
import { posixToJs } from './regex'

export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp }

export interface SedCommand {
  a1?: Address
  a2?: Address
  negate: boolean
  name: string
  /** s: the regex, replacement, global, occurrence, print. */
  re?: RegExp
  replacement?: string
  global?: boolean
  occurrence?: number
  print?: boolean
  text?: string
  /** Range state while running. */
  active?: boolean
}

export class SedError extends Error {}

export function parseSed(script: string, extended: boolean, exprNo = 1): SedCommand[] {
  const cmds: SedCommand[] = []
  let i = 0
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #${exprNo}, char ${i}: ${msg}`)
  }
  const skipWs = () => {
    while (i < script.length && /[ \t]/.test(script[i])) i++
  }
  const readDelimited = (delim: string): string => {
    let out = ''
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i + 1] === delim ? delim : script[i] + script[i + 1]
        i += 2
      } else if (script[i] === '\n') {
        break
      } else out += script[i++]
    }
    if (script[i] !== delim) return fail("unterminated `s' command")
    i++
    return out
  }
  const regex = (src: string, flags: string): RegExp => {
    try {
      return new RegExp(posixToJs(src, extended), flags)
    } catch {
      return fail('Invalid regular expression')
    }
  }
  const address = (): Address | undefined => {
    const m = /^\d+/.exec(script.slice(i))
    if (m) {
      i += m[0].length
      return { kind: 'line', n: Number(m[0]) }
    }
    if (script[i] === '$') {
      i++
      return { kind: 'last' }
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i] : '/'
      i++
      const src = readDelimited(delim)
      let flags = ''
      if (script[i] === 'I') {
        flags = 'i'
        i++
      }
      return { kind: 're', re: regex(src, flags) }
    }
    return undefined
  }
  while (i < script.length) {
    skipWs()
    if (script[i] === ';' || script[i] === '\n') {
      i++
      continue
    }
    if (i >= script.length) break
    const cmd: SedCommand = { negate: false, name: '' }
    cmd.a1 = address()
    if (cmd.a1 && script[i] === ',') {
      i++
      cmd.a2 = address() ?? fail('unexpected `,\'')
    }
    skipWs()
    while (script[i] === '!') {
      cmd.negate = true
      i++
      skipWs()
    }
    const name = script[i++]
    if (name === undefined) fail('missing command')
    cmd.name = name
    if (name === 's') {
      const delim = script[i++]
      if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command")
      const src = readDelimited(delim)
      cmd.replacement = readDelimited(delim)
      let flags = ''
      for (; i < script.length && /[gipIN0-9]/.test(script[i]); i++) {
        const f = script[i]
        if (f === 'g') cmd.global = true
        else if (f === 'p') cmd.print = true
        else if (f === 'i' || f === 'I') flags += 'i'
        else if (/[0-9]/.test(f)) cmd.occurrence = (cmd.occurrence ?? 0) * 10 + Number(f)
      }
      cmd.re = regex(src, flags + 'g')
    } else if (name === 'a' || name === 'i' || name === 'c') {
      if (script[i] === '\\') i++
      if (script[i] === '\n') i++
      skipWs()
      let end = script.indexOf('\n', i)
      if (end < 0) end = script.length
      cmd.text = script.slice(i, end)
      i = end
    } else if (!'dpqQ=n'.includes(name)) {
      fail(`unknown command: \`${name}'`)
    }
    skipWs()
    if (i < script.length && script[i] !== ';' && script[i] !== '\n' && script[i] !== '}') fail(`extra characters after command`)
    cmds.push(cmd)
  }
  return cmds
}

/** Applies s/// to one line: `&` is the match, `\1`..`\9` groups, `\n` a newline. */
export function substitute(line: string, cmd: SedCommand): { text: string; changed: boolean } {
  const re = cmd.re!
  re.lastIndex = 0
  let n = 0
  let changed = false
  const want = cmd.occurrence ?? 1
  const text = line.replace(re, (...args) => {
    const match = args[0] as string
    n++
    if (n < want || (!cmd.global && n > want)) return match
    changed = true
    const groups = args.slice(1, -2) as (string | undefined)[]
    return expandReplacement(cmd.replacement ?? '', match, groups)
  })
  return { text, changed }
}

function expandReplacement(r: string, match: string, groups: (string | undefined)[]): string {
  let out = ''
  for (let i = 0; i < r.length; i++) {
    const c = r[i]
    if (c === '&') out += match
    else if (c === '\\' && i + 1 < r.length) {
      const n = r[++i]
      if (/[1-9]/.test(n)) out += groups[Number(n) - 1] ?? ''
      else if (n === 'n') out += '\n'
      else if (n === 't') out += '\t'
      else out += n
    } else out += c
  }
  return out
}
