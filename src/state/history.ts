// Terminal command history (↑/↓), kept across reloads. Like bash with HISTCONTROL=ignoreboth's
// useful half: blank lines and an immediate repeat of the last entry are not recorded.
import { createStore } from 'zustand/vanilla'

/** Bash's default HISTSIZE is 500 (kept in memory and in IndexedDB). */
export const MAX_HISTORY = 500

export interface HistoryState {
  entries: readonly string[]
}

export function pushHistory(entries: readonly string[], line: string): readonly string[] {
  if (!line.trim() || entries[entries.length - 1] === line) return entries
  const next = [...entries, line]
  return next.length > MAX_HISTORY ? next.slice(next.length - MAX_HISTORY) : next
}

export const historyStore = createStore<HistoryState>()(() => ({ entries: [] }))

export function addHistory(line: string): void {
  const { entries } = historyStore.getState()
  const next = pushHistory(entries, line)
  if (next !== entries) historyStore.setState({ entries: next })
}
