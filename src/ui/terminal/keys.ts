// Key parsing: the bytes xterm's onData hands us (typed keys, escape sequences, pasted text)
// become a list of editing keys. Consecutive printable characters stay one `text` key, so a
// pasted block is inserted with one redraw.
export type SimpleKey = 'enter' | 'backspace' | 'delete' | 'tab' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
  | 'wordLeft' | 'wordRight' | 'killStart' | 'killEnd' | 'killWordBack' | 'clear' | 'interrupt' | 'eof'

export type Key =
  | { type: 'text'; text: string }
  | { type: SimpleKey }
  /** Not a key: a line another panel asked to run as if typed (the editor's Apply). */
  | { type: 'typeLine'; line: string }

/** Control characters by code (C0 range) and what they do in readline's emacs mode. */
const CONTROL: Record<string, SimpleKey> = {
  '\x01': 'home',        // Ctrl-A
  '\x02': 'left',        // Ctrl-B
  '\x03': 'interrupt',   // Ctrl-C
  '\x04': 'eof',         // Ctrl-D
  '\x05': 'end',         // Ctrl-E
  '\x06': 'right',       // Ctrl-F
  '\x08': 'backspace',   // Ctrl-H
  '\x09': 'tab',
  '\x0b': 'killEnd',     // Ctrl-K
  '\x0c': 'clear',       // Ctrl-L
  '\x0e': 'down',        // Ctrl-N
  '\x10': 'up',          // Ctrl-P
  '\x15': 'killStart',   // Ctrl-U
  '\x17': 'killWordBack', // Ctrl-W
  '\x7f': 'backspace',
}

/** CSI sequences (`ESC [ params final`) by params+final. */
const CSI: Record<string, SimpleKey> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '3~': 'delete',
  '1;5C': 'wordRight', '1;5D': 'wordLeft', '1;3C': 'wordRight', '1;3D': 'wordLeft',
}

/** SS3 sequences (`ESC O x`), sent by some keyboards in application cursor mode. */
const SS3: Record<string, SimpleKey> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' }

/** Alt-key sequences (`ESC x`). */
const ALT: Record<string, SimpleKey> = { b: 'wordLeft', f: 'wordRight', '\x7f': 'killWordBack' }

export function parseKeys(data: string): Key[] {
  const keys: Key[] = []
  let text = ''
  const flush = () => { if (text) { keys.push({ type: 'text', text }); text = '' } }
  const push = (type: SimpleKey) => { flush(); keys.push({ type }) }
  let i = 0
  while (i < data.length) {
    const ch = data[i]
    if (ch === '\x1b') {
      const next = data[i + 1]
      if (next === '[') {
        // CSI: parameter bytes 0x30–0x3f, then one final byte 0x40–0x7e.
        let j = i + 2
        while (j < data.length && data.charCodeAt(j) >= 0x30 && data.charCodeAt(j) <= 0x3f) j++
        const seq = data.slice(i + 2, j + 1)
        const k = CSI[seq]
        if (k) push(k)
        else flush() // unknown sequence (focus events, bracketed-paste markers): dropped
        i = j + 1
      } else if (next === 'O' && i + 2 < data.length) {
        const k = SS3[data[i + 2]]
        if (k) push(k)
        i += 3
      } else if (next !== undefined && ALT[next]) {
        push(ALT[next])
        i += 2
      } else {
        i += next === undefined ? 1 : 2
      }
      continue
    }
    if (ch === '\r' || ch === '\n') {
      push('enter')
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1
      continue
    }
    const ctl = CONTROL[ch]
    if (ctl) { push(ctl); i++; continue }
    if (ch < ' ') { i++; continue } // other C0 controls: ignored
    text += ch
    i++
  }
  flush()
  return keys
}
