// Word expansion, in sh's order: tilde, parameters, command substitution and arithmetic; then
// field splitting of the unquoted results; then pathname globbing; then quote removal.
//   x='a b'; echo $x "$x"   → fields: a | b | a b
import type { Node, Word, WordPart } from '../parse/ast'
import { Lexer } from '../parse/lexer'
import type { FileSystem } from '../types'
import { evalArith } from './arith'
import { ExpansionError } from './control'
import { globPaths, hasGlob, patternSource, type PatChar } from './glob'
import type { IO } from './io'
import type { ShellState } from './state'

export interface ExpandHost {
  state: ShellState
  fs: FileSystem
  /** Runs `body` in a subshell and returns its stdout. */
  substitute(body: Node, io: IO): Promise<string>
}

/** A piece of expanded text: `quoted` text is never split or globbed. */
interface Seg {
  text: string
  quoted: boolean
  split: boolean
}
const BREAK = 'break' as const
type Piece = Seg | typeof BREAK

const DEFAULT_IFS = ' \t\n'
/** $$: the shell is always PID 1 of its little world. */
const SHELL_PID = '1'

/** Expands words to argv: splitting and globbing apply. */
export async function expandWords(words: Word[], h: ExpandHost, io: IO): Promise<string[]> {
  const out: string[] = []
  for (const w of words) out.push(...(await expandFields(w, h, io, true)))
  return out
}

/** Expands one word to one string (assignments, here-documents, `case` words): no split, no glob. */
export async function expandString(word: Word, h: ExpandHost, io: IO): Promise<string> {
  const pieces = await expandParts(word.parts, false, h, io)
  return pieces.map((p) => (p === BREAK ? ' ' : p.text)).join('')
}

/** Expands a word to a pattern (for `case` and `${x#pat}`): quoted characters match literally. */
export async function expandPattern(word: Word, h: ExpandHost, io: IO): Promise<PatChar[]> {
  const pieces = await expandParts(word.parts, false, h, io)
  return toPatChars(pieces.filter((p): p is Seg => p !== BREAK))
}

export async function expandFields(word: Word, h: ExpandHost, io: IO, glob: boolean): Promise<string[]> {
  const pieces = await expandParts(word.parts, false, h, io)
  const ifs = h.state.get('IFS') ?? DEFAULT_IFS
  const fields: { segs: Seg[]; forced: boolean }[] = []
  let cur = { segs: [] as Seg[], forced: false }
  const has = () => cur.forced || cur.segs.some((s) => s.text !== '')
  for (const p of pieces) {
    if (p === BREAK) {
      fields.push(cur)
      cur = { segs: [], forced: true }
    } else if (p.split) {
      for (const ch of p.text) {
        if (ifs.includes(ch)) {
          if (has()) fields.push(cur)
          cur = { segs: [], forced: false }
        } else cur.segs.push({ text: ch, quoted: false, split: false })
      }
    } else {
      cur.segs.push(p)
      if (p.quoted) cur.forced = true
    }
  }
  if (has()) fields.push(cur)
  const out: string[] = []
  for (const f of fields) {
    const text = f.segs.map((s) => s.text).join('')
    const pat = toPatChars(f.segs)
    if (glob && hasGlob(pat)) {
      const matches = globPaths(pat, h.state.cwd, h.fs)
      if (matches.length > 0) {
        out.push(...matches)
        continue
      }
    }
    out.push(text)
  }
  return out
}

function toPatChars(segs: Seg[]): PatChar[] {
  const out: PatChar[] = []
  for (const s of segs) for (const ch of s.text) out.push({ ch, special: !s.quoted })
  return out
}

async function expandParts(parts: WordPart[], inDq: boolean, h: ExpandHost, io: IO): Promise<Piece[]> {
  const out: Piece[] = []
  const value = (text: string): Seg => ({ text, quoted: inDq, split: !inDq })
  for (const part of parts) {
    switch (part.kind) {
      case 'lit':
        out.push({ text: part.text, quoted: inDq, split: false })
        break
      case 'sq':
        out.push({ text: part.text, quoted: true, split: false })
        break
      case 'dq': {
        const only = part.parts.length === 1 ? part.parts[0] : undefined
        if (only?.kind === 'param' && only.name === '@' && !only.op && h.state.positional.length === 0) break
        out.push({ text: '', quoted: true, split: false }, ...(await expandParts(part.parts, true, h, io)))
        break
      }
      case 'tilde': {
        const home = part.user === '' ? h.state.get('HOME') ?? '/' : part.user === 'root' ? '/root' : `/home/${part.user}`
        out.push({ text: home, quoted: true, split: false })
        break
      }
      case 'param':
        if ((part.name === '@' || part.name === '*') && !part.op) {
          h.state.positional.forEach((p, i) => {
            if (i > 0) out.push(inDq && part.name === '@' ? BREAK : value(' '))
            out.push(value(p))
          })
        } else out.push(value(await paramValue(part, h, io)))
        break
      case 'cmdsub':
        out.push(value((await h.substitute(part.body, io)).replace(/\n+$/, '')))
        break
      case 'arith': {
        const src = await expandString({ parts: new Lexer(part.source).readParts('heredoc'), raw: part.source }, h, io)
        const vars = { get: (n: string) => h.state.get(n), set: (n: string, v: string) => h.state.set(n, v) }
        out.push(value(String(evalArith(src, vars))))
        break
      }
    }
  }
  return out
}

function rawParam(name: string, s: ShellState): string | undefined {
  if (name === '?') return String(s.lastStatus)
  if (name === '#') return String(s.positional.length)
  if (name === '@' || name === '*') return s.positional.join(' ')
  if (name === '$') return SHELL_PID
  if (name === '!' || name === '-') return ''
  if (name === '0') return s.scriptName
  if (/^[0-9]+$/.test(name)) return s.positional[Number(name) - 1]
  return s.get(name)
}

async function paramValue(part: Extract<WordPart, { kind: 'param' }>, h: ExpandHost, io: IO): Promise<string> {
  const v = rawParam(part.name, h.state)
  const op = part.op
  if (!op) return v ?? ''
  if (op === 'len') return String((v ?? '').length)
  const arg = async () => (part.arg ? expandString(part.arg, h, io) : '')
  const missing = op.startsWith(':') ? v === undefined || v === '' : v === undefined
  switch (op) {
    case ':-':
    case '-':
      return missing ? arg() : (v as string)
    case ':=':
    case '=':
      if (!missing) return v as string
      {
        const a = await arg()
        h.state.set(part.name, a)
        return a
      }
    case ':+':
    case '+':
      return missing ? '' : arg()
    case ':?':
    case '?':
      if (!missing) return v as string
      throw new ExpansionError(`${part.name}: ${(await arg()) || 'parameter null or not set'}`)
    case ':':
      return substring(v ?? '', part.arg ? await expandString(part.arg, h, io) : '', h)
    case '/':
    case '//':
      return replacePattern(v ?? '', op === '//', part.arg?.raw ?? '', h, io)
    default:
      return removeAffix(v ?? '', op, part.arg ? await expandPattern(part.arg, h, io) : [])
  }
}

/** bash ${x:offset:length}: "kubernetes" with 0:4 is "kube"; a negative offset counts from the end. */
function substring(v: string, spec: string, h: ExpandHost): string {
  const vars = { get: (n: string) => h.state.get(n), set: (n: string, x: string) => h.state.set(n, x) }
  const [offText, lenText] = spec.split(':')
  let off = evalArith(offText, vars)
  if (off < 0) off = Math.max(0, v.length + off)
  if (lenText === undefined) return v.slice(off)
  const len = evalArith(lenText, vars)
  return len < 0 ? v.slice(off, Math.max(off, v.length + len)) : v.slice(off, off + len)
}

/** bash ${x/pat/repl} (first match) and ${x//pat/repl} (all): nginx:1.25 with /1.25/1.26 → nginx:1.26. */
async function replacePattern(v: string, all: boolean, raw: string, h: ExpandHost, io: IO): Promise<string> {
  let cut = -1
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++
    else if (raw[i] === '/') {
      cut = i
      break
    }
  }
  let patRaw = cut < 0 ? raw : raw.slice(0, cut)
  const replRaw = cut < 0 ? '' : raw.slice(cut + 1)
  // ${x/#pat/r} anchors at the start, ${x/%pat/r} at the end.
  const anchor = patRaw[0] === '#' ? '^' : patRaw[0] === '%' ? '$' : ''
  if (anchor) patRaw = patRaw.slice(1)
  const pat = await expandPattern({ parts: new Lexer(patRaw).readParts('brace'), raw: patRaw }, h, io)
  const repl = await expandString({ parts: new Lexer(replRaw).readParts('brace'), raw: replRaw }, h, io)
  if (pat.length === 0) return v
  const src = patternSource(pat)
  const re = new RegExp(anchor === '^' ? `^${src}` : anchor === '$' ? `${src}$` : src, all && !anchor ? 'g' : '')
  return v.replace(re, () => repl)
}

/** ${x#pat} ${x##pat} ${x%pat} ${x%%pat}: remove the shortest/longest matching prefix/suffix. */
function removeAffix(v: string, op: '#' | '##' | '%' | '%%', pat: PatChar[]): string {
  const re = new RegExp(`^${patternSource(pat)}$`)
  const n = v.length
  if (op === '#') for (let i = 0; i <= n; i++) if (re.test(v.slice(0, i))) return v.slice(i)
  if (op === '##') for (let i = n; i >= 0; i--) if (re.test(v.slice(0, i))) return v.slice(i)
  if (op === '%') for (let i = n; i >= 0; i--) if (re.test(v.slice(i))) return v.slice(0, i)
  if (op === '%%') for (let i = 0; i <= n; i++) if (re.test(v.slice(i))) return v.slice(0, i)
  return v
}
