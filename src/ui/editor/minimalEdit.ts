// When the shell changes an open file, the editor applies the smallest single edit that turns the
// old text into the new one (common prefix and suffix kept), so the cursor and scroll position of
// a learner working elsewhere in the file stay where they were.
export interface TextEdit {
  /** Offsets in the old text. */
  start: number
  end: number
  text: string
}

export function minimalEdit(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null
  let start = 0
  const max = Math.min(oldText.length, newText.length)
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++
  let oldEnd = oldText.length
  let newEnd = newText.length
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--
    newEnd--
  }
  return { start, end: oldEnd, text: newText.slice(start, newEnd) }
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end)
}
