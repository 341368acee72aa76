// The Monaco part of the editor panel, loaded lazily (React.lazy) so the terminal is usable
// before ~1 MB of editor arrives. One Monaco model per open tab, kept in step with the workspace
// store both ways: typing updates the draft; files the shell changed update the model with the
// smallest edit, so the cursor stays put.
import { useEffect, useRef } from 'react'
import { setupMonaco, monaco } from './monacoSetup'
import { workspaceStore, editFile, saveFile } from '../../state/workspace'
import { editorText, baseName, type WorkspaceState } from '../../state/workspaceModel'
import { minimalEdit } from './minimalEdit'

function languageOf(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext'
}

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = host.current
    if (!el) return
    setupMonaco()
    const editor = monaco.editor.create(el, {
      theme: 'kubelab-dark',
      automaticLayout: true,
      fontSize: 13,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", "Liberation Mono", Menlo, Consolas, monospace',
      minimap: { enabled: false },
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      quickSuggestions: { other: true, comments: false, strings: true },
      ariaLabel: 'YAML editor',
      // The hidden-textarea input path, so the multi-line insert below can see `beforeinput`.
      editContext: false,
      model: null,
    })
    const models = new Map<string, monaco.editor.ITextModel>()
    const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>()
    const modelSubs = new Map<string, monaco.IDisposable>()
    let external = false
    let shownPath: string | null = null

    const ensureModel = (s: WorkspaceState, path: string) => {
      let m = models.get(path)
      if (!m) {
        m = monaco.editor.createModel(editorText(s, path), languageOf(path), monaco.Uri.file(path))
        const model = m
        modelSubs.set(path, model.onDidChangeContent(() => { if (!external) editFile(path, model.getValue()) }))
        models.set(path, m)
      }
      return m
    }

    const sync = (s: WorkspaceState) => {
      // Models for open tabs; dispose the rest.
      for (const path of s.tabs) {
        const m = ensureModel(s, path)
        const want = editorText(s, path)
        const have = m.getValue()
        if (have !== want && !(path in s.drafts)) {
          // Changed outside the editor (the shell): apply the smallest edit.
          const e = minimalEdit(have, want)
          if (e) {
            const a = m.getPositionAt(e.start)
            const b = m.getPositionAt(e.end)
            external = true
            m.pushEditOperations([], [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text }], () => null)
            external = false
          }
        }
      }
      for (const [path, m] of models) {
        if (!s.tabs.includes(path)) {
          modelSubs.get(path)?.dispose()
          modelSubs.delete(path)
          viewStates.delete(path)
          m.dispose()
          models.delete(path)
        }
      }
      if (s.active !== shownPath) {
        if (shownPath && models.has(shownPath)) viewStates.set(shownPath, editor.saveViewState())
        shownPath = s.active
        const m = s.active ? models.get(s.active) ?? null : null
        editor.setModel(m)
        if (s.active) {
          const vs = viewStates.get(s.active)
          if (vs) editor.restoreViewState(vs)
          editor.updateOptions({ ariaLabel: `Editor: ${baseName(s.active)}` })
        }
      }
    }

    // Monaco types multi-line input character by character, auto-indenting after every newline,
    // so YAML inserted in one input event (dictation, assistive tools, Playwright's insertText)
    // would come out re-indented. Insert it as written, as a paste is.
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'insertText' || !e.data || !e.data.includes('\n')) return
      e.preventDefault()
      e.stopPropagation()
      const text = e.data.replace(/\r\n?/g, '\n')
      editor.pushUndoStop()
      editor.executeEdits('insert-text', (editor.getSelections() ?? []).map((range) => ({ range, text, forceMoveMarkers: true })))
      editor.pushUndoStop()
    }
    el.addEventListener('beforeinput', onBeforeInput, true)

    sync(workspaceStore.getState())
    const unsubscribe = workspaceStore.subscribe(sync)
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
      const active = workspaceStore.getState().active
      if (active) saveFile(active)
    })

    return () => {
      el.removeEventListener('beforeinput', onBeforeInput, true)
      unsubscribe()
      for (const d of modelSubs.values()) d.dispose()
      editor.dispose()
      for (const m of models.values()) m.dispose()
    }
  }, [])

  return <div className="monaco-host" ref={host} />
}
