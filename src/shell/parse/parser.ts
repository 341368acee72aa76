// The parser: tokens → AST, by recursive descent over the POSIX grammar (lists, and-or lists,
// pipelines, compound commands, simple commands with assignments and redirections).
import type { Assign, Node, RedirOp, Redirect, Word } from './ast'
import { ShellSyntaxError } from './errors'
import { parseCase, parseFor, parseIf, parseWhile } from './compound'
import { Lexer, type Token } from './lexer'

const REDIR_OPS = new Set<string>(['>', '>>', '>|', '<', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<', '<>'])
/** Reserved words that end a list (the parser returns to the compound command that expects them). */
const LIST_END_WORDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}'])
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/

type ListNode = Extract<Node, { type: 'list' }>

/** A top-level command with its source span (for splitCommands). */
export interface Span {
  start: number
  end: number
}

export class Parser {
  private readonly lx: Lexer
  private buf: Token | null = null
  private lastEnd = 0

  constructor(src: string, pos = 0) {
    this.lx = new Lexer(src, pos)
  }

  /** The whole input: its commands as one list, and the span of each line's complete command. */
  parseProgram(): { node: ListNode; spans: Span[] } {
    const items: ListNode['items'] = []
    const spans: Span[] = []
    for (;;) {
      this.skipNewlines()
      const first = this.peek()
      if (first.t === 'eof') break
      const list = this.parseList(false, false)
      let end = this.lastEnd
      const t = this.peek()
      if (t.t === 'op' && t.op === '\n') {
        this.take()
        if (t.heredocEnd !== undefined) end = Math.max(end, t.heredocEnd)
      } else if (t.t !== 'eof') this.unexpected(t)
      spans.push({ start: first.start, end })
      items.push(...list.items)
    }
    return { node: { type: 'list', items }, spans }
  }

  /** `$(` ... `)`: the list up to the closing parenthesis; `end` is just past it. */
  parseUntilParen(): { node: Node; end: number } {
    const node = this.parseList(true, true)
    const t = this.take()
    if (t.t === 'op' && t.op === ')') return { node, end: t.end }
    return this.unexpected(t)
  }

  parseList(multiline: boolean, allowEmpty: boolean): ListNode {
    const items: ListNode['items'] = []
    for (;;) {
      if (multiline) this.skipNewlines()
      const t = this.peek()
      if (t.t === 'eof' || (t.t === 'op' && (t.op === ')' || t.op === ';;')) || LIST_END_WORDS.has(keyword(t) ?? '')) break
      const node = this.parseAndOr()
      const sep = this.peek()
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take()
        items.push({ node, background: sep.op === '&' })
        continue
      }
      items.push({ node, background: false })
      if (!(multiline && sep.t === 'op' && sep.op === '\n')) break
    }
    if (items.length === 0 && !allowEmpty) this.unexpected(this.peek())
    return { type: 'list', items }
  }

  private parseAndOr(): Node {
    const first = this.parsePipeline()
    const rest: { op: '&&' | '||'; node: Node }[] = []
    for (let t = this.peek(); t.t === 'op' && (t.op === '&&' || t.op === '||'); t = this.peek()) {
      this.take()
      this.skipNewlines()
      rest.push({ op: t.op as '&&' | '||', node: this.parsePipeline() })
    }
    return rest.length === 0 ? first : { type: 'andor', first, rest }
  }

  private parsePipeline(): Node {
    let negate = false
    if (keyword(this.peek()) === '!') {
      this.take()
      negate = true
    }
    const commands = [this.parseCommand()]
    for (let t = this.peek(); t.t === 'op' && t.op === '|'; t = this.peek()) {
      this.take()
      this.skipNewlines()
      commands.push(this.parseCommand())
    }
    return commands.length === 1 && !negate ? commands[0] : { type: 'pipeline', negate, commands }
  }

  parseCommand(): Node {
    const t = this.peek()
    const kw = keyword(t)
    if (kw === 'if') return this.withRedirects(parseIf(this))
    if (kw === 'for') return this.withRedirects(parseFor(this))
    if (kw === 'while' || kw === 'until') return this.withRedirects(parseWhile(this, kw === 'until'))
    if (kw === 'case') return this.withRedirects(parseCase(this))
    if (kw === '{') {
      this.take()
      const body = this.parseList(true, false)
      this.expectKeyword('}')
      return this.withRedirects({ type: 'group', body, redirects: [] })
    }
    if (t.t === 'op' && t.op === '(') {
      this.take()
      const body = this.parseList(true, false)
      const close = this.take()
      if (!(close.t === 'op' && close.op === ')')) this.unexpected(close)
      return this.withRedirects({ type: 'subshell', body, redirects: [] })
    }
    if (kw === 'function') {
      // bash's `function name { ...; }` (parentheses optional).
      this.take()
      const name = this.take()
      if (name.t !== 'word') return this.unexpected(name)
      const open = this.peek()
      if (open.t === 'op' && open.op === '(') {
        this.take()
        const close = this.take()
        if (!(close.t === 'op' && close.op === ')')) this.unexpected(close)
      }
      this.skipNewlines()
      return { type: 'func', name: name.word.raw, body: this.parseCommand() }
    }
    if (kw !== undefined && LIST_END_WORDS.has(kw)) this.unexpected(t)
    return this.parseSimple()
  }

  private parseSimple(): Node {
    const assigns: Assign[] = []
    const words: Word[] = []
    const redirects: Redirect[] = []
    for (;;) {
      const t = this.peek()
      if (t.t === 'op' && REDIR_OPS.has(t.op)) {
        redirects.push(this.parseRedirect())
      } else if (t.t === 'word') {
        this.take()
        const assign = words.length === 0 ? toAssign(t.word) : undefined
        if (assign) {
          assigns.push(assign)
          continue
        }
        words.push(t.word)
        const next = this.peek()
        if (words.length === 1 && assigns.length === 0 && next.t === 'op' && next.op === '(') {
          return this.parseFunction(t.word)
        }
      } else break
    }
    if (assigns.length + words.length + redirects.length === 0) this.unexpected(this.peek())
    return { type: 'simple', assigns, words, redirects }
  }

  private parseFunction(nameWord: Word): Node {
    this.take()
    const close = this.take()
    if (!(close.t === 'op' && close.op === ')')) this.unexpected(close)
    this.skipNewlines()
    const body = this.parseCommand()
    return { type: 'func', name: nameWord.raw, body }
  }

  private parseRedirect(): Redirect {
    const t = this.take() as Extract<Token, { t: 'op' }>
    const target = this.take()
    if (target.t !== 'word') return this.unexpected(target)
    const op = t.op as RedirOp
    const fd = t.fd ?? (op.startsWith('<') ? 0 : 1)
    const redir: Redirect = { fd, op, target: target.word }
    if (op === '<<' || op === '<<-') this.lx.addHeredoc(redir, target.word)
    return redir
  }

  /** Redirections after a compound command: `while ...; done < file`. */
  private withRedirects(node: Node): Node {
    const redirects = (node as { redirects?: Redirect[] }).redirects ?? []
    for (let t = this.peek(); t.t === 'op' && REDIR_OPS.has(t.op); t = this.peek()) redirects.push(this.parseRedirect())
    return node
  }

  lastToken: Token = { t: 'eof', start: 0, end: 0 }

  peek(): Token {
    if (!this.buf) this.buf = this.lx.next()
    return this.buf
  }

  take(): Token {
    const t = this.peek()
    this.buf = null
    this.lastToken = t
    if (t.t !== 'eof') this.lastEnd = t.end
    return t
  }

  skipNewlines(): void {
    for (let t = this.peek(); t.t === 'op' && t.op === '\n'; t = this.peek()) this.take()
  }

  /** After `for x`: an optional `;` or newlines before `in` or `do`. */
  skipSeparator(): void {
    const t = this.peek()
    if (t.t === 'op' && t.op === ';') this.take()
    this.skipNewlines()
  }

  expectKeyword(kw: string): void {
    const t = this.take()
    if (keyword(t) !== kw) this.unexpected(t)
  }

  unexpected(t: Token): never {
    if (t.t === 'eof') throw new ShellSyntaxError(true)
    throw new ShellSyntaxError(false, t.t === 'op' ? t.op : t.word.raw)
  }
}

/** The reserved word a token spells, if it is one unquoted literal word. */
export function keyword(t: Token): string | undefined {
  if (t.t !== 'word' || t.word.parts.length !== 1) return undefined
  const p = t.word.parts[0]
  return p.kind === 'lit' ? p.text : undefined
}

/** `NAME=value` as an assignment (the name must be unquoted; the lexer already made `=~/` a tilde). */
function toAssign(word: Word): Assign | undefined {
  const first = word.parts[0]
  if (!first || first.kind !== 'lit') return undefined
  const m = ASSIGNMENT.exec(first.text)
  if (!m) return undefined
  const restText = first.text.slice(m[0].length)
  const parts = [...word.parts.slice(1)]
  if (restText !== '') parts.unshift({ kind: 'lit', text: restText })
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) } }
}

/** Parses a whole script into one list. Throws ShellSyntaxError. */
export function parse(source: string): Node {
  return new Parser(source).parseProgram().node
}

export const parseAll = parse

export function parseSubcommand(src: string, pos: number): { node: Node; end: number } {
  return new Parser(src, pos).parseUntilParen()
}
