// Workspace files as the editor sees them: the saved content (what the engine's filesystem holds),
// unsaved drafts, the open tabs and the active tab. Pure functions over plain data; the store in
// workspace.ts wraps them.
import type { WorkspaceFile } from '../protocol/messages'

export interface WorkspaceState {
  /** Saved content by absolute path (mirrors the engine's workspace filesystem). */
  files: Readonly<Record<string, string>>
  /** Unsaved editor content by path; absent when the editor matches the saved file. */
  drafts: Readonly<Record<string, string>>
  /** Open editor tabs, in order. */
  tabs: readonly string[]
  active: string | null
}

export const HOME = '/home/learner'

/** What a newcomer finds in a fresh workspace: something to `kubectl apply`. */
export const STARTER_FILES: readonly WorkspaceFile[] = [
  {
    path: `${HOME}/pod.yaml`,
    content: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      '  labels:',
      '    app: web',
      'spec:',
      '  containers:',
      '    - name: nginx',
      '      image: nginx:1.25',
      '      ports:',
      '        - containerPort: 80',
      '',
    ].join('\n'),
  },
]

export const EMPTY_WORKSPACE: WorkspaceState = { files: {}, drafts: {}, tabs: [], active: null }

/** Files the editor shows: hidden dot-directories (.kube) stay out of the explorer. */
export function isListedFile(path: string): boolean {
  return !path.split('/').some((seg) => seg.startsWith('.'))
}

export function isDirty(s: WorkspaceState, path: string): boolean {
  return path in s.drafts
}

/** The text the editor should show for `path`. */
export function editorText(s: WorkspaceState, path: string): string {
  return s.drafts[path] ?? s.files[path] ?? ''
}

/** The engine's full file list (on `ready`): replaces saved files, keeps drafts of files still there. */
export function loadFiles(s: WorkspaceState, list: readonly WorkspaceFile[]): WorkspaceState {
  const files: Record<string, string> = {}
  for (const f of list) files[f.path] = f.content
  const drafts: Record<string, string> = {}
  for (const [p, d] of Object.entries(s.drafts)) if (p in files && files[p] !== d) drafts[p] = d
  const tabs = s.tabs.filter((p) => p in files)
  const active = s.active && tabs.includes(s.active) ? s.active : (tabs[0] ?? null)
  return { files, drafts, tabs, active }
}

/** Files changed or removed by the shell. A draft of a changed file is kept (the learner's edit wins). */
export function filesChanged(s: WorkspaceState, changed: readonly WorkspaceFile[], removed: readonly string[]): WorkspaceState {
  const files: Record<string, string> = { ...s.files }
  const drafts: Record<string, string> = { ...s.drafts }
  for (const f of changed) {
    files[f.path] = f.content
    if (drafts[f.path] === f.content) delete drafts[f.path]
  }
  for (const p of removed) { delete files[p]; delete drafts[p] }
  let next: WorkspaceState = { ...s, files, drafts }
  for (const p of removed) next = closeTab(next, p)
  return next
}

export function openTab(s: WorkspaceState, path: string): WorkspaceState {
  const tabs = s.tabs.includes(path) ? s.tabs : [...s.tabs, path]
  return { ...s, tabs, active: path }
}

/** Closing the active tab activates its right neighbour, else its left one (as editors do). */
export function closeTab(s: WorkspaceState, path: string): WorkspaceState {
  const i = s.tabs.indexOf(path)
  if (i < 0) return s
  const tabs = s.tabs.filter((p) => p !== path)
  let active = s.active
  if (active === path) active = tabs[i] ?? tabs[i - 1] ?? null
  const drafts = { ...s.drafts }
  delete drafts[path] // closing discards unsaved edits (the UI asks first)
  return { ...s, tabs, active, drafts }
}

export function setActive(s: WorkspaceState, path: string): WorkspaceState {
  return s.tabs.includes(path) ? { ...s, active: path } : openTab(s, path)
}

export function editDraft(s: WorkspaceState, path: string, content: string): WorkspaceState {
  const drafts = { ...s.drafts }
  if (s.files[path] === content) {
    if (!(path in drafts)) return s
    delete drafts[path]
  } else {
    if (drafts[path] === content) return s
    drafts[path] = content
  }
  return { ...s, drafts }
}

/** The editor saved `path` (and sent writeFile): the content becomes the saved one. */
export function saved(s: WorkspaceState, path: string, content: string): WorkspaceState {
  const drafts = { ...s.drafts }
  delete drafts[path]
  return { ...s, files: { ...s.files, [path]: content }, drafts }
}

export function removeFile(s: WorkspaceState, path: string): WorkspaceState {
  return filesChanged(s, [], [path])
}

/**
 * Resolves what a learner typed in "New file" to an absolute path: relative names live in HOME.
 * Returns null for names that are empty or end in '/'.
 */
export function resolveNewPath(name: string): string | null {
  const n = name.trim()
  if (!n || n.endsWith('/')) return null
  const abs = n.startsWith('/') ? n : n.startsWith('~/') ? `${HOME}/${n.slice(2)}` : `${HOME}/${n}`
  const parts: string[] = []
  for (const seg of abs.split('/')) {
    if (!seg || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return parts.length ? `/${parts.join('/')}` : null
}

/** `/home/learner/web.yaml` → `web.yaml`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** The path as a learner would type it in the shell at HOME: `~/x.yaml` → shown as `x.yaml`. */
export function displayPath(path: string): string {
  return path.startsWith(`${HOME}/`) ? path.slice(HOME.length + 1) : path
}
