// UI settings kept in localStorage: pane sizes and graph options.
import { createStore } from 'zustand/vanilla'
import { SETTINGS_KEY, loadLocal, saveLocal } from './persist'

export interface Settings {
  /** Editor pane width as a fraction of the window (the rest is graph + terminal). */
  editorWidth: number
  /** Graph pane height as a fraction of the right column (the rest is the terminal). */
  graphHeight: number
  showSystemPods: boolean
}

export const DEFAULT_SETTINGS: Settings = { editorWidth: 0.42, graphHeight: 0.45, showSystemPods: false }

/** Panes never shrink below 15% or grow beyond 85%: each stays visible and grabbable. */
export const MIN_FRACTION = 0.15
export const MAX_FRACTION = 0.85

export function clampFraction(f: number): number {
  if (!Number.isFinite(f)) return 0.5
  return Math.min(MAX_FRACTION, Math.max(MIN_FRACTION, f))
}

function initial(): Settings {
  const saved = loadLocal<Partial<Settings>>(SETTINGS_KEY) ?? {}
  return {
    editorWidth: clampFraction(saved.editorWidth ?? DEFAULT_SETTINGS.editorWidth),
    graphHeight: clampFraction(saved.graphHeight ?? DEFAULT_SETTINGS.graphHeight),
    showSystemPods: saved.showSystemPods ?? DEFAULT_SETTINGS.showSystemPods,
  }
}

export const settingsStore = createStore<Settings>()(() => initial())

settingsStore.subscribe((s) => saveLocal(SETTINGS_KEY, s))

export function updateSettings(change: Partial<Settings>): void {
  const s = settingsStore.getState()
  const next = { ...s, ...change }
  next.editorWidth = clampFraction(next.editorWidth)
  next.graphHeight = clampFraction(next.graphHeight)
  settingsStore.setState(next, true)
}
