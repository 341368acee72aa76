// The line being edited and the cursor in it (readline's emacs-mode editing), as pure data.
export interface Line {
  text: string
  /** Cursor index in `text`, 0..text.length. */
  cursor: number
}

export const EMPTY_LINE: Line = { text: '', cursor: 0 }

const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c)

export function insert(l: Line, s: string): Line {
  return { text: l.text.slice(0, l.cursor) + s + l.text.slice(l.cursor), cursor: l.cursor + s.length }
}

export function backspace(l: Line): Line {
  if (l.cursor === 0) return l
  return { text: l.text.slice(0, l.cursor - 1) + l.text.slice(l.cursor), cursor: l.cursor - 1 }
}

export function del(l: Line): Line {
  if (l.cursor >= l.text.length) return l
  return { text: l.text.slice(0, l.cursor) + l.text.slice(l.cursor + 1), cursor: l.cursor }
}

export function left(l: Line): Line { return l.cursor > 0 ? { ...l, cursor: l.cursor - 1 } : l }
export function right(l: Line): Line { return l.cursor < l.text.length ? { ...l, cursor: l.cursor + 1 } : l }
export function home(l: Line): Line { return { ...l, cursor: 0 } }
export function end(l: Line): Line { return { ...l, cursor: l.text.length } }

/** Ctrl-U: kill from the start of the line to the cursor. */
export function killStart(l: Line): Line { return { text: l.text.slice(l.cursor), cursor: 0 } }

/** Ctrl-K: kill from the cursor to the end of the line. */
export function killEnd(l: Line): Line { return { text: l.text.slice(0, l.cursor), cursor: l.cursor } }

/** Ctrl-W (unix-word-rubout): kill back to the previous whitespace, skipping whitespace first. */
export function killWordBack(l: Line): Line {
  let i = l.cursor
  while (i > 0 && /\s/.test(l.text[i - 1])) i--
  while (i > 0 && !/\s/.test(l.text[i - 1])) i--
  return { text: l.text.slice(0, i) + l.text.slice(l.cursor), cursor: i }
}

/** Alt-B / Ctrl-←: to the start of the previous word (alphanumeric run). */
export function wordLeft(l: Line): Line {
  let i = l.cursor
  while (i > 0 && !isWordChar(l.text[i - 1])) i--
  while (i > 0 && isWordChar(l.text[i - 1])) i--
  return { ...l, cursor: i }
}

/** Alt-F / Ctrl-→: to the end of the next word. */
export function wordRight(l: Line): Line {
  let i = l.cursor
  while (i < l.text.length && !isWordChar(l.text[i])) i++
  while (i < l.text.length && isWordChar(l.text[i])) i++
  return { ...l, cursor: i }
}

export function setText(text: string): Line {
  return { text, cursor: text.length }
}
