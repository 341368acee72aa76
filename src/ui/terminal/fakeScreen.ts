// A tiny terminal emulator for tests: enough VT100 (text with auto-wrap, \r, \n, CSI A/B/C/D/J/K,
// pending wrap at the last column) to check what a learner would see. Not used by the app.
import type { Output } from './controller'

export class FakeScreen implements Output {
  rows: string[] = ['']
  row = 0
  col = 0
  private pendingWrap = false
  writes: string[] = []

  constructor(readonly columns = 80) {}

  clear(): void {
    this.rows = ['']
    this.row = 0
    this.col = 0
    this.pendingWrap = false
  }

  /** The screen as text lines, trailing spaces trimmed. */
  text(): string[] {
    return this.rows.map((r) => r.replace(/\s+$/, ''))
  }

  write(data: string): void {
    this.writes.push(data)
    // Prompt colours are SGR sequences (ESC [ ... m): they take no cells.
    const s = data.replace(/\x1b\[[0-9;]*m/g, '')
    let i = 0
    while (i < s.length) {
      const ch = s[i]
      if (ch === '\x1b' && s[i + 1] === '[') {
        let j = i + 2
        while (j < s.length && /[0-9;]/.test(s[j])) j++
        this.csi(s.slice(i + 2, j), s[j])
        i = j + 1
        continue
      }
      i++
      if (ch === '\r') { this.col = 0; this.pendingWrap = false; continue }
      if (ch === '\n') { this.down(); this.pendingWrap = false; continue }
      if (ch === '\x07') continue
      if (this.pendingWrap) { this.col = 0; this.down(); this.pendingWrap = false }
      const r = this.rows[this.row].padEnd(this.col)
      this.rows[this.row] = r.slice(0, this.col) + ch + r.slice(this.col + 1)
      if (this.col === this.columns - 1) this.pendingWrap = true
      else this.col++
    }
  }

  private down(): void {
    this.row++
    while (this.rows.length <= this.row) this.rows.push('')
  }

  private csi(param: string, final: string): void {
    const n = Number(param || '1')
    this.pendingWrap = false
    if (final === 'A') this.row = Math.max(0, this.row - n)
    else if (final === 'B') { for (let k = 0; k < n; k++) this.down() }
    else if (final === 'C') this.col = Math.min(this.columns - 1, this.col + n)
    else if (final === 'D') this.col = Math.max(0, this.col - n)
    else if (final === 'K') this.rows[this.row] = this.rows[this.row].slice(0, this.col)
    else if (final === 'J') {
      this.rows[this.row] = this.rows[this.row].slice(0, this.col)
      this.rows.length = this.row + 1
    }
  }
}
