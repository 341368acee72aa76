// Thin persistence: IndexedDB (idb-keyval) for the workspace and terminal history, with debounced
// writes so typing in the editor does not write on every key. Failures (private mode, no IndexedDB
// in Node tests) degrade to "nothing persisted", never to an error on screen.
import { get, set } from 'idb-keyval'

export const WORKSPACE_KEY = 'kubelab.workspace.v1'
export const HISTORY_KEY = 'kubelab.history.v1'
/** UI settings live in localStorage: read synchronously so panes do not jump on load. */
export const SETTINGS_KEY = 'kubelab.settings.v1'

/** 400 ms: a burst of typing becomes one write; a reload right after a save still finds it. */
export const WRITE_DELAY_MS = 400

function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined'
}

export async function loadPersisted<T>(key: string): Promise<T | undefined> {
  if (!hasIndexedDb()) return undefined
  try {
    return (await get(key)) as T | undefined
  } catch {
    return undefined
  }
}

/** Returns a writer: call it with each new value; only the last within WRITE_DELAY_MS is written. */
export function debouncedWriter<T>(key: string, delay = WRITE_DELAY_MS): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: { value: T } | null = null
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!pending || !hasIndexedDb()) return
    const { value } = pending
    pending = null
    set(key, value).catch(() => { /* quota or private mode: keep running unpersisted */ })
  }
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush)
  return (value: T) => {
    pending = { value }
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, delay)
  }
}

export function loadLocal<T>(key: string): T | undefined {
  try {
    if (typeof localStorage === 'undefined') return undefined
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : undefined
  } catch {
    return undefined
  }
}

export function saveLocal(key: string, value: unknown): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(key, JSON.stringify(value))
  } catch { /* full or disabled: ignore */ }
}
