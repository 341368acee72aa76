import { describe, expect, it } from 'vitest'
import type { Node } from './ast'
import { ShellSyntaxError } from './errors'
import { parse } from './parser'

const first = (src: string): Node => {
  const n = parse(src)
  if (n.type !== 'list') throw new Error('not a list')
  return n.items[0].node
}

const syntaxError = (src: string): string => {
  try {
    parse(src)
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message
    throw e
  }
  return 'parsed'
}

describe('parser', () => {
  it('parses a simple command with quoting structure', () => {
    const n = first(`echo 'a b' "c $X" d\\ e`)
    expect(n.type).toBe('simple')
    if (n.type !== 'simple') return
    expect(n.words.map((w) => w.raw)).toEqual(['echo', "'a b'", '"c $X"', 'd\\ e'])
    expect(n.words[2].parts).toEqual([{ kind: 'dq', parts: [{ kind: 'lit', text: 'c ' }, { kind: 'param', name: 'X' }] }])
  })

  it('separates assignments, words and redirections', () => {
    const n = first('A=1 B=two cmd arg >out 2>&1 <in')
    if (n.type !== 'simple') throw new Error(n.type)
    expect(n.assigns.map((a) => a.name)).toEqual(['A', 'B'])
    expect(n.words.map((w) => w.raw)).toEqual(['cmd', 'arg'])
    expect(n.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [1, '>', 'out'],
      [2, '>&', '1'],
      [0, '<', 'in'],
    ])
  })

  it('parses pipelines, and-or lists and negation', () => {
    const n = first('! a | b && c || d')
    expect(n.type).toBe('andor')
    if (n.type !== 'andor') return
    expect(n.first).toMatchObject({ type: 'pipeline', negate: true })
    expect(n.rest.map((r) => r.op)).toEqual(['&&', '||'])
  })

  it('parses compound commands', () => {
    expect(first('if a; then b; elif c; then d; else e; fi')).toMatchObject({ type: 'if', clauses: [{}, {}], elseBody: {} })
    expect(first('for x in 1 2 3; do echo $x; done')).toMatchObject({ type: 'for', name: 'x' })
    expect(first('for x\ndo echo; done')).toMatchObject({ type: 'for', items: undefined })
    expect(first('while true; do :; done')).toMatchObject({ type: 'while', until: false })
    expect(first('until false; do :; done')).toMatchObject({ type: 'while', until: true })
    expect(first('case $x in a|b) echo 1;; (c) ;; esac')).toMatchObject({ type: 'case', arms: [{ patterns: [{}, {}] }, { body: undefined }] })
    expect(first('( cd /; ls )')).toMatchObject({ type: 'subshell' })
    expect(first('{ echo a; echo b; } > f')).toMatchObject({ type: 'group', redirects: [{ op: '>' }] })
    expect(first('f() { echo hi; }')).toMatchObject({ type: 'func', name: 'f' })
  })

  it('parses command substitution, backticks and arithmetic inside words', () => {
    const n = first('echo $(ls | wc -l) `date` $((1 + 2)) ${X:-a b}')
    if (n.type !== 'simple') throw new Error(n.type)
    expect(n.words[1].parts[0]).toMatchObject({ kind: 'cmdsub', source: 'ls | wc -l' })
    expect(n.words[2].parts[0]).toMatchObject({ kind: 'cmdsub', source: 'date' })
    expect(n.words[3].parts[0]).toEqual({ kind: 'arith', source: '1 + 2' })
    expect(n.words[4].parts[0]).toMatchObject({ kind: 'param', name: 'X', op: ':-', arg: { raw: 'a b' } })
  })

  it('reads here-documents after the line, with and without expansion', () => {
    const n = first('cat <<EOF >out\nhello $USER\nEOF\n')
    if (n.type !== 'simple') throw new Error(n.type)
    expect(n.redirects[0].heredoc?.parts).toEqual([{ kind: 'lit', text: 'hello ' }, { kind: 'param', name: 'USER' }, { kind: 'lit', text: '\n' }])
    const q = first("cat <<'EOF'\nhello $USER\nEOF")
    if (q.type !== 'simple') throw new Error(q.type)
    expect(q.redirects[0].heredoc?.parts).toEqual([{ kind: 'sq', text: 'hello $USER\n' }])
    const t = first('cat <<-EOF\n\t\tindented\n\tEOF')
    if (t.type !== 'simple') throw new Error(t.type)
    expect(t.redirects[0].heredoc?.raw).toBe('indented\n')
  })

  it('drops comments and joins continued lines', () => {
    const n = first('echo a \\\n  b # comment')
    if (n.type !== 'simple') throw new Error(n.type)
    expect(n.words.map((w) => w.raw)).toEqual(['echo', 'a', 'b'])
  })

  it('reports incomplete input as unexpected end of file', () => {
    for (const src of ['echo "abc', "echo 'abc", 'if true; then echo', 'for x in 1; do', 'while true', 'echo $(ls', 'cat <<EOF\nbody', 'a &&', 'a |', '{ echo'])
      expect(syntaxError(src), src).toBe('syntax error: unexpected end of file')
  })

  it("reports a misplaced token as bash does: near unexpected token `fi'", () => {
    expect(syntaxError('fi')).toBe("syntax error near unexpected token `fi'")
    expect(syntaxError('echo )')).toBe("syntax error near unexpected token `)'")
    expect(syntaxError('; ls')).toBe("syntax error near unexpected token `;'")
    expect(syntaxError('if then fi')).toBe("syntax error near unexpected token `then'")
  })
})
