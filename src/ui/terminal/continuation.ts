// Whether a typed command is complete or bash would ask for more with its PS2 prompt `> `:
// an open quote, a trailing backslash, `|`, `&&` or `||`, an unfinished `if`/`case`/`do`/`{`/`(`,
// or a heredoc whose delimiter line has not come yet. The engine's parser has the last word; this
// conservative check only decides when to send the lines (the protocol has `run` but no "need
// more input" reply; see CONTEXT.md).
const OPENERS: Record<string, string> = { if: 'fi', case: 'esac', do: 'done', '{': '}' }
const CLOSERS = new Set(Object.values(OPENERS))
/** Words after which a new command starts (so a following `if` is a keyword). */
const COMMAND_STARTERS = new Set(['then', 'do', 'else', 'elif', '!', 'in', '{', '('])

interface Heredoc { delim: string; stripTabs: boolean }

export function isIncomplete(text: string): boolean {
  const stack: string[] = []
  const heredocs: Heredoc[] = []
  let i = 0
  let cmdStart = true
  let lastOp = ''
  const n = text.length

  const readWord = (): string => {
    let w = ''
    let quote = ''
    while (i < n) {
      const c = text[i]
      if (quote) {
        if (c === quote) quote = ''
        else w += c
        i++
        continue
      }
      if (c === "'" || c === '"') { quote = c; i++; continue }
      if (c === '\\' && i + 1 < n) { w += text[i + 1]; i += 2; continue }
      if (/[\s;&|<>()]/.test(c)) break
      w += c
      i++
    }
    return quote ? '\0' : w // an open quote inside a word: incomplete
  }

  while (i < n) {
    const c = text[i]
    if (c === '\n') {
      i++
      if (heredocs.length) {
        // Heredoc bodies follow this line: consume lines until each delimiter.
        while (heredocs.length) {
          const h = heredocs.shift()!
          let found = false
          while (i <= n && !found) {
            const end = text.indexOf('\n', i)
            if (end < 0 && i >= n) return true
            const line = text.slice(i, end < 0 ? n : end)
            i = end < 0 ? n : end + 1
            if ((h.stripTabs ? line.replace(/^\t+/, '') : line) === h.delim) found = true
            if (end < 0 && !found) return true
          }
          if (!found) return true
        }
      }
      if (lastOp === '' || lastOp === ';') cmdStart = true
      continue
    }
    if (c === ' ' || c === '\t') { i++; continue }
    if (c === '#') { while (i < n && text[i] !== '\n') i++; continue }
    if (c === '\\' && i === n - 1) return true // trailing backslash: line continuation
    if (text.startsWith('<<<', i)) { i += 3; lastOp = ''; continue } // here-string: no body
    if (c === '<' && text[i + 1] === '<') {
      i += 2
      let stripTabs = false
      if (text[i] === '-') { stripTabs = true; i++ }
      while (text[i] === ' ' || text[i] === '\t') i++
      const delim = readWord()
      if (delim === '\0') return true
      if (delim) heredocs.push({ delim, stripTabs })
      lastOp = ''
      continue
    }
    if (c === '|' || c === '&' || c === ';') {
      const two = text.slice(i, i + 2)
      const op = two === '&&' || two === '||' || two === ';;' ? two : c
      i += op.length
      lastOp = op === '&' || op === ';' || op === ';;' ? ';' : op
      cmdStart = true
      continue
    }
    if (c === '(') {
      if (!stack.includes('esac') || cmdStart) stack.push(')')
      i++
      cmdStart = true
      lastOp = ''
      continue
    }
    if (c === ')') {
      if (stack[stack.length - 1] === ')') stack.pop()
      i++
      lastOp = ''
      continue
    }
    if (c === '<' || c === '>') { i++; lastOp = ''; continue }
    if (c === '$' && text[i + 1] === '(') {
      stack.push(')')
      i += 2
      cmdStart = true
      continue
    }
    const w = readWord()
    if (w === '\0') return true
    if (w === '') { i++; continue }
    lastOp = ''
    if (cmdStart && OPENERS[w]) { stack.push(OPENERS[w]); cmdStart = true; continue }
    if (cmdStart && CLOSERS.has(w)) {
      if (stack[stack.length - 1] === w) stack.pop()
      cmdStart = false
      continue
    }
    cmdStart = COMMAND_STARTERS.has(w)
  }
  if (heredocs.length) return true
  if (lastOp === '|' || lastOp === '&&' || lastOp === '||') return true
  return stack.length > 0
}
