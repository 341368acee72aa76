// Compound commands: if/elif/else/fi, for/do/done, while and until, case/esac.
// Each takes the parser positioned on its keyword and returns the node (redirections after the
// closing keyword are added by the parser).
import type { Node, Word } from './ast'
import type { Token } from './lexer'
import { keyword, type Parser } from './parser'

export function parseIf(p: Parser): Node {
  p.take()
  const clauses: { cond: Node; body: Node }[] = []
  let elseBody: Node | undefined
  for (;;) {
    const cond = p.parseList(true, false)
    p.expectKeyword('then')
    clauses.push({ cond, body: p.parseList(true, false) })
    const kw = keyword(p.take()) ?? ''
    if (kw === 'elif') continue
    if (kw === 'else') {
      elseBody = p.parseList(true, false)
      p.expectKeyword('fi')
    } else if (kw !== 'fi') p.unexpected(p.lastToken)
    break
  }
  return { type: 'if', clauses, elseBody, redirects: [] }
}

export function parseFor(p: Parser): Node {
  p.take()
  const nameTok = p.take()
  if (nameTok.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.word.raw)) return p.unexpected(nameTok)
  let items: Word[] | undefined
  p.skipSeparator()
  if (keyword(p.peek()) === 'in') {
    p.take()
    items = []
    for (let t = p.peek(); t.t === 'word'; t = p.peek()) items.push((p.take() as Extract<Token, { t: 'word' }>).word)
    const sep = p.take()
    if (!(sep.t === 'op' && (sep.op === ';' || sep.op === '\n'))) p.unexpected(sep)
    p.skipNewlines()
  }
  p.expectKeyword('do')
  const body = p.parseList(true, false)
  p.expectKeyword('done')
  return { type: 'for', name: nameTok.word.raw, items, body, redirects: [] }
}

export function parseWhile(p: Parser, until: boolean): Node {
  p.take()
  const cond = p.parseList(true, false)
  p.expectKeyword('do')
  const body = p.parseList(true, false)
  p.expectKeyword('done')
  return { type: 'while', until, cond, body, redirects: [] }
}

export function parseCase(p: Parser): Node {
  p.take()
  const w = p.take()
  if (w.t !== 'word') return p.unexpected(w)
  p.skipNewlines()
  p.expectKeyword('in')
  const arms: { patterns: Word[]; body?: Node }[] = []
  for (;;) {
    p.skipNewlines()
    if (keyword(p.peek()) === 'esac') break
    const open = p.peek()
    if (open.t === 'op' && open.op === '(') p.take()
    const patterns: Word[] = []
    for (;;) {
      const pat = p.take()
      if (pat.t !== 'word') return p.unexpected(pat)
      patterns.push(pat.word)
      const sep = p.take()
      if (sep.t === 'op' && sep.op === '|') continue
      if (sep.t === 'op' && sep.op === ')') break
      return p.unexpected(sep)
    }
    const body = p.parseList(true, true)
    arms.push({ patterns, body: body.items.length > 0 ? body : undefined })
    const end = p.peek()
    if (end.t === 'op' && end.op === ';;') p.take()
    else if (keyword(end) !== 'esac') p.unexpected(end)
  }
  p.take()
  return { type: 'case', word: w.word, arms, redirects: [] }
}
