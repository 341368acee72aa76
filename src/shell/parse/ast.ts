// The syntax tree: what the parser builds and the interpreter walks. Words keep their quoting
// structure so expansion knows what may be split and globbed.

export type WordPart =
  /** Unquoted literal text: subject to globbing. */
  | { kind: 'lit'; text: string }
  /** Single-quoted or backslash-escaped text: taken as is. */
  | { kind: 'sq'; text: string }
  /** A double-quoted group: expansions inside are not split or globbed. */
  | { kind: 'dq'; parts: WordPart[] }
  /** `$name`, `${name}`, `${name:-word}`, `${#name}`... `op` is the operator, `arg` its word. */
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word }
  /** `$(...)` or backticks: `body` is parsed when the word is lexed. */
  | { kind: 'cmdsub'; source: string; body: Node }
  /** `$((...))`: the raw expression, expanded then evaluated at run time. */
  | { kind: 'arith'; source: string }
  /** `~` or `~user` at the start of a word. */
  | { kind: 'tilde'; user: string }

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'len' | ':' | '/' | '//'

export interface Word {
  parts: WordPart[]
  /** The source text of the word, as typed. */
  raw: string
}

export type RedirOp = '>' | '>>' | '>|' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '<>'

export interface Redirect {
  /** The file descriptor redirected (1 for `>`, 0 for `<`, 2 for `2>`). */
  fd: number
  op: RedirOp
  target: Word
  /** For `<<` and `<<-`: the body, filled in when the lexer reaches the next line. */
  heredoc?: Word
}

export interface Assign {
  name: string
  value: Word
}

export type Node =
  | { type: 'simple'; assigns: Assign[]; words: Word[]; redirects: Redirect[] }
  | { type: 'pipeline'; negate: boolean; commands: Node[] }
  | { type: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { type: 'list'; items: { node: Node; background: boolean }[] }
  | { type: 'if'; clauses: { cond: Node; body: Node }[]; elseBody?: Node; redirects: Redirect[] }
  | { type: 'for'; name: string; items?: Word[]; body: Node; redirects: Redirect[] }
  | { type: 'while'; until: boolean; cond: Node; body: Node; redirects: Redirect[] }
  | { type: 'case'; word: Word; arms: { patterns: Word[]; body?: Node }[]; redirects: Redirect[] }
  | { type: 'subshell'; body: Node; redirects: Redirect[] }
  | { type: 'group'; body: Node; redirects: Redirect[] }
  | { type: 'func'; name: string; body: Node }

/** A word made of one literal (used for synthesised argv). */
export const literalWord = (text: string): Word => ({ parts: [{ kind: 'sq', text }], raw: text })
