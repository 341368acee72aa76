// The JSONPath template parser, ported from k8s.io/client-go/util/jsonpath/parser.go.
// Text outside `{...}` is literal; inside, `.field`, `[0:2]`, `[*]`, `[?(@.x=="y")]`, `..`,
// `'quoted'`, numbers, `range`/`end`. Errors use upstream's words ("unclosed action").

import { newList, type JPNode, type ListNode, type ParamsEntry } from './nodes'
import { EOF_RUNE, isEndOfLine, isDigit, isAlphaNumeric, isTerminator, goRune, atoi, unquoteExtend, JSONPathSyntaxError } from './lex'

export { JSONPathSyntaxError } from './lex'

const LEFT_DELIM = '{'
const RIGHT_DELIM = '}'
const DICT_KEY_REX = /^'([^']*)'$/
const SLICE_OPERATOR_REX = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/
const FILTER_REX = /^([^!<>=]+)([!<>=]+)(.+?)$/

export class Parser {
  root: ListNode = newList()
  private input = ''
  private pos = 0
  private start = 0
  private width = 0

  constructor(readonly name: string) {}

  static parse(name: string, text: string): Parser {
    const p = new Parser(name)
    p.input = text
    p.root = newList()
    p.pos = 0
    p.parseText(p.root)
    return p
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): string {
    if (this.pos >= this.input.length) { this.width = 0; return EOF_RUNE }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += this.width
    return r
  }

  private peek(): string { const r = this.next(); this.backup(); return r }
  private backup() { this.pos -= this.width }
  private rest() { return this.input.slice(this.pos) }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith(LEFT_DELIM)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        return this.parseLeftDelim(cur)
      }
      if (this.next() === EOF_RUNE) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += LEFT_DELIM.length
    this.consumeText()
    const node = newList()
    cur.nodes.push(node)
    this.parseInsideAction(node)
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith(RIGHT_DELIM)) return this.parseRightDelim()
      if (rest.startsWith('[?(')) return this.parseFilter(cur)
      if (rest.startsWith('..')) return this.parseRecursive(cur)
      const r = this.next()
      if (r === EOF_RUNE || isEndOfLine(r)) throw new JSONPathSyntaxError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') { this.consumeText(); continue } // `@`/`$`: the current object
      if (r === '[') return this.parseArray(cur)
      if (r === '"' || r === "'") return this.parseQuote(cur, r)
      if (r === '.') return this.parseField(cur)
      if (r === '+' || r === '-' || isDigit(r)) { this.backup(); return this.parseNumber(cur) }
      if (isAlphaNumeric(r)) { this.backup(); return this.parseIdentifier(cur) }
      throw new JSONPathSyntaxError(`unrecognized character in action: ${goRune(r)}`)
    }
  }

  private parseRightDelim(): void {
    this.pos += RIGHT_DELIM.length
    this.consumeText()
    this.parseText(this.root)
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) { this.backup(); break }
    }
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
    this.parseInsideAction(cur)
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1]
    if (last && last.type === 'recursive') throw new JSONPathSyntaxError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) return this.parseField(cur)
    this.parseInsideAction(cur)
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      r = this.next()
      if (r !== '.' && !isDigit(r)) { this.backup(); break }
    }
    const value = this.consumeText()
    const i = atoi(value)
    if (i !== undefined) cur.nodes.push({ type: 'int', value: i })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: parseFloat(value) })
    else throw new JSONPathSyntaxError(`cannot parse number ${value}`)
    this.parseInsideAction(cur)
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF_RUNE || r === '\n') throw new JSONPathSyntaxError('unterminated array')
      if (r === ']') break
    }
    let text = this.consumeText()
    text = text.slice(1, text.length - 1)
    if (text === '*') text = ':'

    // union operator
    const strs = text.split(',')
    if (strs.length > 1) {
      const union = strs.map((s) => parseAction('union', `[${s.trim()}]`).root)
      cur.nodes.push({ type: 'union', nodes: union })
      return this.parseInsideAction(cur)
    }

    // dict key
    const key = DICT_KEY_REX.exec(text)
    if (key) {
      const parser = parseAction('arraydict', `.${key[1]}`)
      cur.nodes.push(...parser.root.nodes)
      return this.parseInsideAction(cur)
    }

    // slice operator
    const m = SLICE_OPERATOR_REX.exec(text)
    if (!m) throw new JSONPathSyntaxError(`invalid array index ${text}`)
    const value = m.slice(1).map((v) => v ?? '')
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [0, 1, 2].map(() => ({ value: 0, known: false, derived: false })) as [ParamsEntry, ParamsEntry, ParamsEntry]
    for (let i = 0; i < 3; i++) {
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1)
        if (i > 0 && value[i] === '') params[i].known = false
        else {
          const n = atoi(value[i])
          if (n === undefined) throw new JSONPathSyntaxError(`array index ${value[i]} is not a number`)
          params[i].known = true
          params[i].value = n
        }
      } else if (i === 1) {
        params[i] = { known: true, value: params[0].value + 1, derived: true }
      } else {
        params[i] = { known: false, value: 0, derived: false }
      }
    }
    cur.nodes.push({ type: 'array', params })
    this.parseInsideAction(cur)
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF_RUNE || r === '\n') throw new JSONPathSyntaxError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')') {
        if (begin === end) break
      }
    }
    if (this.next() !== ']') throw new JSONPathSyntaxError('unclosed array expect ]')
    let text = this.consumeText()
    text = text.slice(0, text.length - 2)
    const m = FILTER_REX.exec(text)
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction('text', text).root, right: newList(), operator: 'exists' })
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction('left', m[1]).root, right: parseAction('right', m[3]).root, operator: m[2] })
    }
    this.parseInsideAction(cur)
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF_RUNE || r === '\n') throw new JSONPathSyntaxError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    let s: string
    try {
      s = unquoteExtend(value)
    } catch (e) {
      throw new JSONPathSyntaxError(`unquote string ${value} error ${(e as Error).message}`)
    }
    cur.nodes.push({ type: 'text', text: s })
    this.parseInsideAction(cur)
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    while (this.advance()) { /* scan to the next unescaped terminator */ }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', value: value.replaceAll('\\', '') })
    this.parseInsideAction(cur)
  }

  private advance(): boolean {
    const r = this.next()
    if (r === '\\') this.next()
    else if (isTerminator(r)) { this.backup(); return false }
    return true
  }
}

/** parseAction: parse `{text}` and return its single action list. */
function parseAction(name: string, text: string): Parser {
  const p = Parser.parse(name, `${LEFT_DELIM}${text}${RIGHT_DELIM}`)
  p.root = p.root.nodes[0] as ListNode
  return p
}

export type { JPNode }
