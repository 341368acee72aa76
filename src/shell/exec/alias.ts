// Aliases and `set -x` tracing: two things done to a simple command before it runs.
import type { Node, Word } from '../parse/ast'
import { parse } from '../parse/parser'

/**
 * `k get pods` with `alias k=kubectl`: the alias text replaces the first word. An alias that is
 * more than one simple command (`alias kw='kubectl get pods | grep web'`) is re-parsed with the
 * rest of the command line appended, and that whole tree runs instead.
 */
export function expandAlias(node: Extract<Node, { type: 'simple' }>, aliases: Map<string, string>): Word[] | Node {
  const words = node.words
  const first = words[0]
  if (!first || first.parts.length !== 1 || first.parts[0].kind !== 'lit') return words
  const value = aliases.get(first.parts[0].text)
  if (value === undefined) return words
  try {
    const parsed = parse(value)
    const cmd = parsed.type === 'list' && parsed.items.length === 1 ? parsed.items[0].node : undefined
    if (cmd?.type === 'simple' && cmd.words.length > 0 && cmd.redirects.length === 0) return [...cmd.words, ...words.slice(1)]
    if (node.assigns.length > 0 || node.redirects.some((r) => r.heredoc)) return words
    const rest = [...words.slice(1).map((w) => w.raw), ...node.redirects.map((r) => `${r.op.startsWith('&') ? '' : r.fd}${r.op} ${r.target.raw}`)]
    return parse([value, ...rest].join(' '))
  } catch {
    return words
  }
}

/** Words that bash's xtrace prints without quotes. */
const TRACE_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/

/** `set -x`: "+ kubectl get pods -l 'app in (web)'" on stderr before each simple command. */
export function traceLine(assigns: [string, string][], argv: string[]): string {
  const q = (w: string) => (TRACE_PLAIN.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)
  return '+ ' + [...assigns.map(([k, v]) => `${k}=${q(v)}`), ...argv.map(q)].join(' ') + '\n'
}
