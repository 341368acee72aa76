// The editor panel: a file list, tabs (open/switch/close, dirty dot), New file, Save and Apply,
// and the lazily loaded Monaco view. Apply saves the file and types `kubectl apply -f <file>` into
// the terminal, so the learner sees (and can re-run) the command like any other.
import { lazy, Suspense, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useStore } from 'zustand'
import { workspaceStore, activateFile, closeFile, createFile, openFile, saveFile } from '../../state/workspace'
import { baseName, displayPath, isDirty, isListedFile } from '../../state/workspaceModel'
import { requestTerminalLine, shellStore } from '../../state/shell'
import { applyCommand } from './applyCommand'

const MonacoEditor = lazy(() => import('./MonacoEditor'))

export function EditorPanel() {
  const ws = useStore(workspaceStore)
  const [naming, setNaming] = useState(false)
  const [newName, setNewName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const files = Object.keys(ws.files).filter(isListedFile).sort()
  const active = ws.active

  const apply = () => {
    if (!active) return
    saveFile(active)
    requestTerminalLine(applyCommand(active, shellStore.getState().cwd))
  }

  const close = (path: string) => {
    if (isDirty(ws, path) && !window.confirm(`Discard unsaved changes to ${baseName(path)}?`)) return
    closeFile(path)
  }

  const submitNew = (e: FormEvent) => {
    e.preventDefault()
    const path = createFile(newName)
    if (!path) { setNameError('Enter a file name, e.g. deployment.yaml'); return }
    setNaming(false)
    setNewName('')
    setNameError(null)
  }

  /** ARIA tabs pattern: ←/→ (and Home/End) move between tabs, activating them. */
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = active ? ws.tabs.indexOf(active) : -1
    const last = ws.tabs.length - 1
    const to = e.key === 'ArrowRight' ? (i >= last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i <= 0 ? last : i - 1)
      : e.key === 'Home' ? 0 : e.key === 'End' ? last : null
    if (to === null || last < 0) return
    e.preventDefault()
    const path = ws.tabs[to]
    const list = e.currentTarget
    activateFile(path)
    requestAnimationFrame(() => {
      list.querySelector<HTMLButtonElement>(`[data-path="${CSS.escape(path)}"]`)?.focus()
    })
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault()
      if (active) saveFile(active)
    }
  }

  return (
    <section className="panel editor-panel" data-testid="editor" aria-label="Editor" onKeyDown={onKeyDown}>
      <header className="panel-header">
        <h2 className="panel-title">Files</h2>
        <div className="panel-actions">
          <button type="button" className="btn btn-small" onClick={() => { setNaming(true); setNameError(null) }}>New file</button>
          <button type="button" className="btn btn-small" disabled={!active || !isDirty(ws, active)} onClick={() => active && saveFile(active)}>Save</button>
          <button type="button" className="btn btn-small btn-primary" disabled={!active} onClick={apply}
            title="Save the file and run kubectl apply -f in the terminal">Apply</button>
        </div>
      </header>
      {naming && (
        <form className="new-file" onSubmit={submitNew}>
          <label htmlFor="new-file-name" className="visually-hidden">New file name</label>
          <input
            id="new-file-name"
            autoFocus
            value={newName}
            placeholder="deployment.yaml"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'new-file-error' : undefined}
            onChange={(e) => setNewName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') setNaming(false) }}
          />
          <button type="submit" className="btn btn-small">Create</button>
          <button type="button" className="btn btn-small" onClick={() => setNaming(false)}>Cancel</button>
          {nameError && <p id="new-file-error" className="form-error" role="alert">{nameError}</p>}
        </form>
      )}
      <div className="editor-body">
        <nav className="file-list" aria-label="Workspace files">
          <ul>
            {files.map((f) => (
              <li key={f}>
                <button type="button" className={f === active ? 'file current' : 'file'} aria-current={f === active ? 'true' : undefined}
                  title={f} onClick={() => openFile(f)}>
                  {displayPath(f)}
                </button>
              </li>
            ))}
            {files.length === 0 && <li className="muted">No files</li>}
          </ul>
        </nav>
        <div className="editor-main">
          <div className="tabs" role="tablist" aria-label="Open files" onKeyDown={onTabKey}>
            {ws.tabs.map((t) => {
              const dirty = isDirty(ws, t)
              const name = baseName(t)
              return (
                <div key={t} className={t === active ? 'tab active' : 'tab'}>
                  <button type="button" role="tab" aria-selected={t === active} className="tab-label" title={t}
                    tabIndex={t === active ? 0 : -1} data-path={t}
                    onClick={() => activateFile(t)}>
                    {name}
                    {dirty && <span className="dirty-dot" aria-label="unsaved changes" role="img">●</span>}
                  </button>
                  <button type="button" className="tab-close" aria-label={`Close ${name}`} onClick={() => close(t)}>×</button>
                </div>
              )
            })}
          </div>
          <div className="editor-surface" role="tabpanel" aria-label={active ? baseName(active) : 'No file open'}>
            {active ? (
              <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
                <MonacoEditor />
              </Suspense>
            ) : (
              <div className="editor-empty">Open a file from the list, or create one with “New file”.</div>
            )}
          </div>
        </div>
      </div>
    </section>
  )
}
