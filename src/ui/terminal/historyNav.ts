// ↑/↓ through history. Index `entries.length` is the line being typed (the draft), which is kept
// while browsing so ↓ past the newest entry gives it back, as in bash.
export class HistoryNav {
  private index = -1
  private draft = ''

  constructor(private readonly entries: () => readonly string[]) {}

  /** Forget the browsing position (after Enter or Ctrl-C). */
  reset(): void {
    this.index = -1
  }

  /** The older entry, or undefined when already at the oldest. */
  up(current: string): string | undefined {
    const list = this.entries()
    const at = this.index < 0 ? list.length : this.index
    if (at === 0 || list.length === 0) return undefined
    if (at === list.length) this.draft = current
    this.index = at - 1
    return list[this.index]
  }

  /** The newer entry (or the draft past the newest), or undefined when not browsing. */
  down(): string | undefined {
    const list = this.entries()
    if (this.index < 0 || this.index >= list.length) return undefined
    this.index++
    if (this.index === list.length) {
      this.index = -1
      return this.draft
    }
    return list[this.index]
  }
}
