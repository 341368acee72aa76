// The lexer: source text → tokens (words with their quoting structure, operators, newlines).
// Here-document bodies are read when the lexer passes the newline that ends their command, so the
// parser registers each `<<EOF` (addHeredoc) as soon as it has the delimiter word.
import type { Node, ParamOp, Redirect, Word, WordPart } from './ast'
import { parseAll, parseSubcommand } from './parser'
import { ShellSyntaxError } from './errors'

export type Token =
  | { t: 'word'; word: Word; start: number; end: number }
  | { t: 'op'; op: string; fd?: number; start: number; end: number; heredocEnd?: number }
  | { t: 'eof'; start: number; end: number }

/** Longest first, so `&&` wins over `&` and `<<-` over `<<`. */
const OPERATORS = ['&>>', '<<-', '<<<', '&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', '&>', ';', '&', '|', '(', ')', '<', '>', '\n']
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const SPECIAL_PARAMS = '?#@*$!-0123456789'
/** Longest first; `:` alone is bash's substring (${x:0:5}), `/` and `//` its replacement. */
const BRACE_OPS: ParamOp[] = [':-', ':=', ':+', ':?', ':', '##', '%%', '//', '-', '=', '+', '?', '#', '%', '/']
const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/
const ASSIGN_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*=$/

type Mode = 'word' | 'dq' | 'brace' | 'heredoc'

interface PendingHeredoc {
  redir: Redirect
  delim: string
  strip: boolean
  expand: boolean
}

export class Lexer {
  private pending: PendingHeredoc[] = []

  constructor(readonly src: string, public pos = 0) {}

  next(): Token {
    this.skipBlanks()
    const start = this.pos
    if (this.pos >= this.src.length) {
      if (this.pending.length > 0) throw new ShellSyntaxError(true)
      return { t: 'eof', start, end: start }
    }
    const c = this.src[this.pos]
    if (c === '\n') {
      this.pos++
      const tok: Token = { t: 'op', op: '\n', start, end: this.pos }
      if (this.pending.length > 0) tok.heredocEnd = this.readHeredocs()
      return tok
    }
    const io = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12))
    if (io) {
      this.pos += io[0].length
      const op = this.readOperator()
      if (op) return { t: 'op', op, fd: Number(io[0]), start, end: this.pos }
      this.pos = start
    }
    const op = this.readOperator()
    if (op) return { t: 'op', op, start, end: this.pos }
    const parts = this.readParts('word')
    return { t: 'word', word: { parts, raw: this.src.slice(start, this.pos) }, start, end: this.pos }
  }

  /** Registers a here-document whose body starts after the next newline. */
  addHeredoc(redir: Redirect, delimWord: Word): void {
    const quoted = delimWord.parts.some((p) => p.kind !== 'lit')
    this.pending.push({ redir, delim: literalText(delimWord.parts), strip: redir.op === '<<-', expand: !quoted })
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos]
      if (c === ' ' || c === '\t') this.pos++
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++
      } else return
    }
  }

  private readOperator(): string | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length
        return op
      }
    }
    return undefined
  }

  private readHeredocs(): number {
    for (const h of this.pending) {
      const lines: string[] = []
      for (;;) {
        if (this.pos >= this.src.length) throw new ShellSyntaxError(true)
        let nl = this.src.indexOf('\n', this.pos)
        if (nl < 0) nl = this.src.length
        let line = this.src.slice(this.pos, nl)
        this.pos = Math.min(nl + 1, this.src.length)
        if (h.strip) line = line.replace(/^\t+/, '')
        if (line === h.delim) break
        lines.push(line + '\n')
      }
      const body = lines.join('')
      h.redir.heredoc = h.expand
        ? { parts: new Lexer(body).readParts('heredoc'), raw: body }
        : { parts: [{ kind: 'sq', text: body }], raw: body }
    }
    this.pending = []
    return this.pos
  }

  /** Reads word parts until the mode's terminator (not consumed). */
  readParts(mode: Mode): WordPart[] {
    const parts: WordPart[] = []
    let lit = ''
    const flush = () => {
      if (lit !== '') parts.push({ kind: 'lit', text: lit })
      lit = ''
    }
    const src = this.src
    while (this.pos < src.length) {
      const c = src[this.pos]
      if (mode === 'word' && META.has(c)) break
      if (mode === 'brace' && c === '}') break
      if (mode === 'dq' && c === '"') break
      const quotes = mode === 'word' || mode === 'brace'
      if (c === '\\') {
        const n = src[this.pos + 1]
        if (n === undefined) {
          lit += '\\'
          this.pos++
        } else if (n === '\n') {
          this.pos += 2
        } else if (quotes) {
          flush()
          parts.push({ kind: 'sq', text: n })
          this.pos += 2
        } else if ((mode === 'dq' ? '$`"\\' : '$`\\').includes(n)) {
          lit += n
          this.pos += 2
        } else {
          lit += '\\'
          this.pos++
        }
      } else if (c === "'" && quotes) {
        const end = src.indexOf("'", this.pos + 1)
        if (end < 0) throw new ShellSyntaxError(true)
        flush()
        parts.push({ kind: 'sq', text: src.slice(this.pos + 1, end) })
        this.pos = end + 1
      } else if (c === '"' && quotes) {
        this.pos++
        const inner = this.readParts('dq')
        if (src[this.pos] !== '"') throw new ShellSyntaxError(true)
        this.pos++
        flush()
        parts.push({ kind: 'dq', parts: inner })
      } else if (c === '$') {
        const part = this.readDollar()
        if (part) {
          flush()
          parts.push(part)
        } else {
          lit += '$'
          this.pos++
        }
      } else if (c === '`') {
        flush()
        parts.push(this.readBacktick())
      } else if (c === '~' && mode === 'word' && parts.length === 0 && (lit === '' || ASSIGN_PREFIX.test(lit))) {
        // `~` starts a word, or follows NAME= (bash: `export KUBECONFIG=~/.kube/config`).
        const m = /^~([A-Za-z0-9_.-]*)/.exec(src.slice(this.pos))!
        const after = src[this.pos + m[0].length]
        if (after === undefined || after === '/' || META.has(after)) {
          flush()
          parts.push({ kind: 'tilde', user: m[1] })
          this.pos += m[0].length
        } else {
          lit += c
          this.pos++
        }
      } else {
        lit += c
        this.pos++
      }
    }
    flush()
    return parts
  }

  private readDollar(): WordPart | undefined {
    const src = this.src
    const n = src[this.pos + 1]
    if (n === '{') return this.readBrace()
    if (n === '(' && src[this.pos + 2] === '(') return this.readArith()
    if (n === '(') {
      const { node, end } = parseSubcommand(src, this.pos + 2)
      const source = src.slice(this.pos + 2, end - 1)
      this.pos = end
      return { kind: 'cmdsub', source, body: node }
    }
    if (n !== undefined && SPECIAL_PARAMS.includes(n)) {
      this.pos += 2
      return { kind: 'param', name: n }
    }
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 1
      while (end < src.length && NAME_CHAR.test(src[end])) end++
      const name = src.slice(this.pos + 1, end)
      this.pos = end
      return { kind: 'param', name }
    }
    return undefined
  }

  private readBrace(): WordPart {
    const src = this.src
    let p = this.pos + 2
    let len = false
    if (src[p] === '#' && src[p + 1] !== '}' && src[p + 1] !== undefined) {
      len = true
      p++
    }
    let name = ''
    if (src[p] !== undefined && NAME_START.test(src[p])) {
      while (p < src.length && NAME_CHAR.test(src[p])) name += src[p++]
    } else if (/[0-9]/.test(src[p] ?? '')) {
      while (/[0-9]/.test(src[p] ?? '')) name += src[p++]
    } else if (src[p] !== undefined && SPECIAL_PARAMS.includes(src[p])) {
      name = src[p++]
    }
    if (p >= src.length) throw new ShellSyntaxError(true)
    if (name === '') throw new ShellSyntaxError(false, undefined, 'bad substitution')
    if (src[p] === '}') {
      this.pos = p + 1
      return len ? { kind: 'param', name, op: 'len' } : { kind: 'param', name }
    }
    const op = BRACE_OPS.find((o) => src.startsWith(o, p))
    if (!op || len) throw new ShellSyntaxError(false, undefined, 'bad substitution')
    this.pos = p + op.length
    const argStart = this.pos
    const parts = this.readParts('brace')
    if (src[this.pos] !== '}') throw new ShellSyntaxError(true)
    const arg: Word = { parts, raw: src.slice(argStart, this.pos) }
    this.pos++
    return { kind: 'param', name, op, arg }
  }

  private readArith(): WordPart {
    const src = this.src
    let depth = 0
    for (let p = this.pos + 3; p < src.length; p++) {
      const c = src[p]
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) {
          if (src[p + 1] !== ')') throw new ShellSyntaxError(false, ')')
          const source = src.slice(this.pos + 3, p)
          this.pos = p + 2
          return { kind: 'arith', source }
        }
        depth--
      }
    }
    throw new ShellSyntaxError(true)
  }

  private readBacktick(): WordPart {
    const src = this.src
    let inner = ''
    let p = this.pos + 1
    for (; p < src.length && src[p] !== '`'; p++) {
      if (src[p] === '\\' && '`$\\'.includes(src[p + 1] ?? '')) inner += src[++p]
      else inner += src[p]
    }
    if (p >= src.length) throw new ShellSyntaxError(true)
    this.pos = p + 1
    const body: Node = parseAll(inner)
    return { kind: 'cmdsub', source: inner, body }
  }
}

/** The text of a word with quotes removed and no expansion (for here-doc delimiters, keywords). */
export function literalText(parts: WordPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'lit' || p.kind === 'sq') return p.text
      if (p.kind === 'dq') return literalText(p.parts)
      if (p.kind === 'tilde') return '~' + p.user
      if (p.kind === 'param') return '$' + p.name
      return ''
    })
    .join('')
}
