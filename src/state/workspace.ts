// The workspace store: files, drafts, tabs (pure reducers in workspaceModel.ts) plus the actions
// that also tell the engine (save → writeFile).
import { createStore } from 'zustand/vanilla'
import * as M from './workspaceModel'
import { sendToEngine } from './engine'

export const workspaceStore = createStore<M.WorkspaceState>()(() => M.EMPTY_WORKSPACE)

const update = (f: (s: M.WorkspaceState) => M.WorkspaceState) => workspaceStore.setState(f(workspaceStore.getState()), true)

export function openFile(path: string): void { update((s) => M.openTab(s, path)) }
export function closeFile(path: string): void { update((s) => M.closeTab(s, path)) }
export function activateFile(path: string): void { update((s) => M.setActive(s, path)) }
export function editFile(path: string, content: string): void { update((s) => M.editDraft(s, path, content)) }

/** Saves the editor's text for `path` to the engine's filesystem. */
export function saveFile(path: string): void {
  const content = M.editorText(workspaceStore.getState(), path)
  sendToEngine({ type: 'writeFile', path, content })
  update((s) => M.saved(s, path, content))
}

/** Creates (or opens, if it exists) a file; returns its absolute path, or null for a bad name. */
export function createFile(name: string, content = ''): string | null {
  const path = M.resolveNewPath(name)
  if (!path) return null
  if (!(path in workspaceStore.getState().files)) {
    sendToEngine({ type: 'writeFile', path, content })
    update((s) => M.saved(s, path, content))
  }
  openFile(path)
  return path
}

export function deleteFile(path: string): void {
  sendToEngine({ type: 'removeFile', path })
  update((s) => M.removeFile(s, path))
}
