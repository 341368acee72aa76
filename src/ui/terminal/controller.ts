// The terminal's brain, free of xterm: keys (keys.ts) edit a line (lineBuffer.ts), Enter runs it
// through the engine, ↑/↓ browse history, Tab asks the engine for completions; everything is drawn
// through the Output interface. Terminal.tsx is the only file that connects this to xterm.
//
// While a command runs (or a completion is awaited) keys are queued and replayed afterwards, so
// typing ahead is never lost; Ctrl-C is the exception: it cancels the command at once.
import { parseKeys, type Key } from './keys'
import * as L from './lineBuffer'
import { HistoryNav } from './historyNav'
import { applyCompletion, formatColumns } from './completion'
import { promptFor, nestedPrompt, CONTINUATION_PROMPT, type Prompt } from './prompt'
import { isIncomplete } from './continuation'

export interface Output {
  write(data: string): void
  /** Clears screen and scrollback; the cursor goes to the top-left. */
  clear(): void
  readonly columns: number
}

export interface ShellEngine {
  /** Runs a line; returns the id its `out`/`exit` messages carry. */
  run(line: string, columns: number): number
  cancel(id: number): void
  complete(line: string, cursor: number): Promise<{ items: string[]; word: string }>
}

export interface HistoryStore {
  entries(): readonly string[]
  add(line: string): void
}

type Mode = { kind: 'booting' } | { kind: 'prompt' } | { kind: 'running'; id: number } | { kind: 'completing'; token: number }

/** Bell: what readline rings when Tab finds nothing. */
const BELL = '\x07'

export class TerminalController {
  private mode: Mode = { kind: 'booting' }
  private line: L.Line = L.EMPTY_LINE
  private ps1: Prompt
  /** A nested session's prompt while it owns the terminal (`kubectl exec -it`), else undefined. */
  private nested: Prompt | undefined
  /** Lines of a command still being typed (after PS2 `> `: open quote, heredoc, `if` ...). */
  private pending: string[] = []
  /** Cells from the prompt's start to where the cursor was last drawn (to find our way back). */
  private drawnCursor = 0
  private readonly queue: Key[] = []
  private readonly nav: HistoryNav
  private completionToken = 0
  /** Lines typed in the current nested session (↑ inside the container does not see the laptop's). */
  private nestedHistory: string[] = []
  /** Lines that ran to their exit: only background jobs they started may still write. */
  private readonly finished = new Set<number>()
  /** Whether the last output left the cursor at the start of a line. */
  private atLineStart = true

  constructor(
    private readonly out: Output,
    private readonly engine: ShellEngine,
    private readonly history: HistoryStore,
    private cwd: string,
  ) {
    this.ps1 = promptFor(cwd)
    // A nested shell keeps its own history (the container's), as after `kubectl exec -it`.
    this.nav = new HistoryNav(() => (this.nested ? this.nestedHistory : history.entries()))
  }

  /** The engine is ready: show the first prompt and replay anything typed during boot. */
  start(cwd?: string): void {
    if (this.mode.kind !== 'booting') return
    if (cwd) this.setCwd(cwd)
    this.showPrompt()
  }

  /** The current line and cursor (for tests and the accessible mirror). */
  get state(): { line: string; cursor: number; running: boolean; continuing: boolean } {
    return { line: this.line.text, cursor: this.line.cursor, running: this.mode.kind === 'running', continuing: this.pending.length > 0 }
  }

  setCwd(cwd: string): void {
    this.cwd = cwd
    this.ps1 = promptFor(cwd)
  }

  /** Raw data from the terminal (keys, escape sequences, pasted text). */
  input(data: string): void {
    for (const k of parseKeys(data)) {
      if (k.type === 'interrupt' && this.mode.kind !== 'prompt' && this.mode.kind !== 'booting') {
        this.interrupt()
        continue
      }
      this.queue.push(k)
    }
    this.drain()
  }

  /** Types `line` and presses Enter, as if the learner had (after anything already queued). */
  typeLine(line: string): void {
    this.queue.push({ type: 'typeLine', line })
    this.drain()
  }

  /**
   * An `out` chunk from the engine. A line that already finished can still write: a background
   * job (`kubectl port-forward pod/web 8000:80 &` printing `Handling connection for 8000`). Like a
   * real terminal, that text appears where the cursor is; at a prompt it goes above the prompt,
   * which is redrawn with the line being typed.
   */
  output(id: number, data: string): void {
    if (!data) return
    if (this.mode.kind === 'running' && this.mode.id === id) return this.writeOutput(data)
    if (!this.finished.has(id)) return
    if (this.mode.kind === 'prompt' || this.mode.kind === 'completing') {
      // Erase the prompt and typed line (it may wrap over rows), print, then draw them again below.
      this.moveToEnd()
      const up = Math.floor(this.drawnCursor / Math.max(1, this.out.columns))
      this.out.write(`${up > 0 ? `\x1b[${up}A` : ''}\r\x1b[J`)
      this.writeOutput(data)
      if (!this.atLineStart) this.out.write('\r\n')
      this.redraw(true)
      return
    }
    this.writeOutput(data)
  }

  /**
   * The command `id` finished. `cwd` is the shell's directory afterwards, when the engine tells;
   * `prompt` is the nested session's prompt while one owns the terminal (absent: the learner's).
   */
  exit(id: number, _code: number, cwd?: string, prompt?: string): void {
    if (this.mode.kind !== 'running' || this.mode.id !== id) return
    this.finished.add(id)
    if (cwd) this.setCwd(cwd)
    if (prompt === undefined || !this.nested) this.nestedHistory = []
    this.nested = prompt !== undefined ? nestedPrompt(prompt) : undefined
    this.showPrompt()
  }

  /** A message outside any command (an engine failure): printed above a fresh prompt. */
  error(message: string): void {
    if (this.mode.kind === 'prompt') {
      this.moveToEnd()
      this.out.write('\r\n')
      this.writeOutput(`kubelab: ${message}\n`)
      this.redraw(true)
      return
    }
    if (!this.atLineStart) this.out.write('\r\n')
    this.writeOutput(`kubelab: ${message}\n`)
  }

  private get prompt(): Prompt {
    return this.pending.length ? CONTINUATION_PROMPT : this.nested ?? this.ps1
  }

  private writeOutput(data: string): void {
    this.out.write(data.replace(/\r?\n/g, '\r\n'))
    this.atLineStart = data.endsWith('\n')
  }

  private showPrompt(): void {
    // Output without a final newline would leave the prompt mid-line; bash would, zsh marks it.
    if (!this.atLineStart) this.out.write('\r\n')
    this.mode = { kind: 'prompt' }
    this.line = L.EMPTY_LINE
    this.nav.reset()
    this.redraw(true)
    this.drain()
  }

  private interrupt(): void {
    if (this.mode.kind === 'running') {
      this.queue.length = 0 // typeahead is flushed on SIGINT, as the tty driver does
      this.engine.cancel(this.mode.id)
      this.out.write('^C')
      this.atLineStart = false
      return
    }
    if (this.mode.kind === 'completing') this.mode = { kind: 'prompt' }
    this.moveToEnd()
    this.out.write('^C\r\n')
    this.pending = []
    this.line = L.EMPTY_LINE
    this.nav.reset()
    this.redraw(true)
  }

  private drain(): void {
    while (this.mode.kind === 'prompt' && this.queue.length) this.handle(this.queue.shift()!)
  }

  private handle(k: Key): void {
    const l = this.line
    switch (k.type) {
      case 'text': return this.edit(L.insert(l, k.text))
      case 'backspace': return this.edit(L.backspace(l))
      case 'delete': return this.edit(L.del(l))
      case 'eof':
        // Ctrl-D on an empty line ends a nested shell (EOF makes sh exit); the learner's own shell
        // has no logout in the lab. On a non-empty line it deletes, as readline does.
        if (!l.text && this.nested && !this.pending.length) { this.edit(L.setText('exit')); return this.submit() }
        return this.edit(L.del(l))
      case 'left': return this.edit(L.left(l))
      case 'right': return this.edit(L.right(l))
      case 'home': return this.edit(L.home(l))
      case 'end': return this.edit(L.end(l))
      case 'wordLeft': return this.edit(L.wordLeft(l))
      case 'wordRight': return this.edit(L.wordRight(l))
      case 'killStart': return this.edit(L.killStart(l))
      case 'killEnd': return this.edit(L.killEnd(l))
      case 'killWordBack': return this.edit(L.killWordBack(l))
      case 'up': { const e = this.nav.up(l.text); if (e !== undefined) this.edit(L.setText(e)); return }
      case 'down': { const e = this.nav.down(); if (e !== undefined) this.edit(L.setText(e)); return }
      case 'clear':
        this.out.clear()
        this.drawnCursor = 0
        this.atLineStart = true
        return this.redraw(true)
      case 'interrupt': return this.interrupt()
      case 'tab': return this.complete()
      case 'enter': return this.submit()
      case 'typeLine':
        this.edit(L.setText(k.line))
        return this.submit()
    }
  }

  private edit(next: L.Line): void {
    if (next === this.line) return
    this.line = next
    this.redraw(false)
  }

  private submit(): void {
    this.moveToEnd()
    this.out.write('\r\n')
    const text = this.line.text
    this.nav.reset()
    this.line = L.EMPTY_LINE
    this.atLineStart = true
    if (!this.pending.length && !text.trim()) return this.redraw(true)
    if (text.trim()) {
      if (this.nested) this.nestedHistory.push(text)
      else this.history.add(text)
    }
    const full = [...this.pending, text].join('\n')
    if (isIncomplete(full)) {
      this.pending.push(text)
      return this.redraw(true)
    }
    this.pending = []
    this.mode = { kind: 'running', id: this.engine.run(full, this.out.columns) }
  }

  private complete(): void {
    const token = ++this.completionToken
    const asked = this.line
    this.mode = { kind: 'completing', token }
    this.engine.complete(asked.text, asked.cursor).then(({ items, word }) => {
      if (this.mode.kind !== 'completing' || this.mode.token !== token) return // cancelled meanwhile
      this.mode = { kind: 'prompt' }
      const { line, list } = applyCompletion(asked, word, items)
      if (items.length === 0) this.out.write(BELL)
      this.edit(line)
      if (list.length) {
        this.moveToEnd()
        this.out.write(`\r\n${formatColumns(list, this.out.columns).join('\r\n')}\r\n`)
        this.redraw(true)
      }
      this.drain()
    }, () => {
      if (this.mode.kind === 'completing' && this.mode.token === token) {
        this.mode = { kind: 'prompt' }
        this.drain()
      }
    })
  }

  /** Puts the terminal cursor after the last character of the line. */
  private moveToEnd(): void {
    if (this.line.cursor !== this.line.text.length) {
      this.line = L.end(this.line)
      this.redraw(false)
    }
  }

  /**
   * Redraws prompt + line and places the cursor. The line may wrap over several rows of
   * `columns` cells: go up to the prompt's row, erase to the end of the screen, write it all,
   * then walk back to the cursor. With 80 columns, a 19-cell prompt and a 70-char line the end
   * is cell 89 = row 1, col 9; a cursor at index 5 is cell 24 = row 0, col 24: up 1, right 24.
   */
  private redraw(fresh: boolean): void {
    const cols = Math.max(1, this.out.columns)
    let s = ''
    if (!fresh) {
      const up = Math.floor(this.drawnCursor / cols)
      if (up > 0) s += `\x1b[${up}A`
    }
    s += `\r\x1b[J${this.prompt.text}${this.line.text}`
    const endCell = this.prompt.width + this.line.text.length
    // Exactly filling the last row leaves the cursor pending a wrap; make the wrap real.
    if (endCell % cols === 0) s += '\r\n'
    const target = this.prompt.width + this.line.cursor
    const rowsUp = Math.floor(endCell / cols) - Math.floor(target / cols)
    if (rowsUp > 0) s += `\x1b[${rowsUp}A`
    s += '\r'
    const col = target % cols
    if (col > 0) s += `\x1b[${col}C`
    this.out.write(s)
    this.drawnCursor = target
    this.atLineStart = false
  }
}
