// The composition root's layout: top bar (name, clock), editor on the left, graph above the
// terminal on the right, with splitters whose positions are kept in settings (localStorage).
import { useRef } from 'react'
import { useStore } from 'zustand'
import type { EngineClient } from '../client/engineClient'
import { settingsStore, updateSettings, MIN_FRACTION, MAX_FRACTION } from '../state/settings'
import { EditorPanel } from '../ui/editor/EditorPanel'
import { GraphPanel } from '../ui/graph/GraphPanel'
import { TerminalPanel } from '../ui/terminal/TerminalPanel'
import { ClockControl } from '../ui/controls/ClockControl'
import { Splitter } from '../ui/layout/Splitter'

export function App({ client }: { client: EngineClient }) {
  const editorWidth = useStore(settingsStore, (s) => s.editorWidth)
  const graphHeight = useStore(settingsStore, (s) => s.graphHeight)
  const main = useRef<HTMLElement>(null)
  const right = useRef<HTMLDivElement>(null)

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand"><span className="brand-mark" aria-hidden="true">⎈</span> Kubelab</h1>
        <ClockControl />
      </header>
      <main
        className="workspace"
        ref={main}
        style={{ gridTemplateColumns: `calc(${(editorWidth * 100).toFixed(2)}% - 3px) 6px minmax(0, 1fr)` }}
      >
        <div id="pane-editor" className="pane"><EditorPanel /></div>
        <Splitter
          orientation="vertical" label="Resize editor" controls="pane-editor" container={main}
          value={editorWidth} min={MIN_FRACTION} max={MAX_FRACTION}
          onChange={(f) => updateSettings({ editorWidth: f })}
        />
        <div
          className="right-column"
          ref={right}
          style={{ gridTemplateRows: `calc(${(graphHeight * 100).toFixed(2)}% - 3px) 6px minmax(0, 1fr)` }}
        >
          <div id="pane-graph" className="pane"><GraphPanel /></div>
          <Splitter
            orientation="horizontal" label="Resize graph" controls="pane-graph" container={right}
            value={graphHeight} min={MIN_FRACTION} max={MAX_FRACTION}
            onChange={(f) => updateSettings({ graphHeight: f })}
          />
          <div className="pane"><TerminalPanel client={client} /></div>
        </div>
      </main>
    </div>
  )
}
