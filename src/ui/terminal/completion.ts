// Tab completion on the UI side: the engine answers with candidate words for the partial word
// before the cursor; here we insert a unique match or the common prefix and lay out a list of
// several matches in columns, the way bash does.
import type { Line } from './lineBuffer'

export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return ''
  let p = items[0]
  for (const s of items) {
    let i = 0
    while (i < p.length && i < s.length && p[i] === s[i]) i++
    p = p.slice(0, i)
  }
  return p
}

/** Replaces the `word` that ends at the cursor by `replacement`. */
function replaceWord(l: Line, word: string, replacement: string): Line {
  const start = l.text.slice(0, l.cursor).endsWith(word) ? l.cursor - word.length : l.cursor
  return {
    text: l.text.slice(0, start) + replacement + l.text.slice(l.cursor),
    cursor: start + replacement.length,
  }
}

export interface CompletionResult {
  line: Line
  /** Candidates to list below the prompt (several matches), else empty. */
  list: string[]
}

export function applyCompletion(l: Line, word: string, items: readonly string[]): CompletionResult {
  const unique = [...new Set(items)]
  if (unique.length === 0) return { line: l, list: [] }
  if (unique.length === 1) {
    const only = unique[0]
    // A directory keeps the cursor inside it ("pods/" then more Tab); a word gets its space.
    return { line: replaceWord(l, word, only.endsWith('/') ? only : `${only} `), list: [] }
  }
  const prefix = commonPrefix(unique)
  const line = prefix.length > word.length ? replaceWord(l, word, prefix) : l
  return { line, list: unique }
}

/** What bash shows for a candidate: the last path segment (`dir/a.yaml` → `a.yaml`, `dir/sub/` → `sub/`). */
export function displayName(item: string): string {
  const trimmed = item.endsWith('/') ? item.slice(0, -1) : item
  const i = trimmed.lastIndexOf('/')
  return i < 0 ? item : item.slice(i + 1)
}

/** Two spaces between columns, as bash (readline) separates completions. */
const COLUMN_GAP = 2

/**
 * Lays candidates out like readline: sorted, down the columns first, each column as wide as the
 * longest name plus the gap. Returns lines without line endings.
 */
export function formatColumns(items: readonly string[], width: number): string[] {
  const names = items.map(displayName).sort()
  if (names.length === 0) return []
  const colWidth = Math.max(...names.map((n) => n.length)) + COLUMN_GAP
  const cols = Math.max(1, Math.floor(width / colWidth))
  const rows = Math.ceil(names.length / cols)
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r
      if (i >= names.length) break
      const last = c === cols - 1 || (c + 1) * rows + r >= names.length
      line += last ? names[i] : names[i].padEnd(colWidth)
    }
    lines.push(line)
  }
  return lines
}
