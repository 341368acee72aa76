// The only file that touches xterm: it creates the terminal, feeds its keys to the controller and
// the engine's out/exit/error messages to it, and fits it to the panel.
import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { Terminal as XTerm } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import type { EngineClient } from '../../client/engineClient'
import { addHistory, historyStore } from '../../state/history'
import { shellStore, takeTerminalRequests, terminalRequestStore } from '../../state/shell'
import { TerminalController, type Output } from './controller'

/** Colours matched to the app's dark theme (styles.css), ANSI palette tuned for contrast ≥ 4.5:1. */
const THEME = {
  background: '#0f1419',
  foreground: '#d8dee9',
  cursor: '#e6edf3',
  cursorAccent: '#0f1419',
  selectionBackground: '#2f4a6b',
  black: '#1b2129', brightBlack: '#6e7681',
  red: '#ff7b72', brightRed: '#ffa198',
  green: '#7ee787', brightGreen: '#aff5b4',
  yellow: '#e3b341', brightYellow: '#f2cc60',
  blue: '#79c0ff', brightBlue: '#a5d6ff',
  magenta: '#d2a8ff', brightMagenta: '#e2c5ff',
  cyan: '#76e3ea', brightCyan: '#b3f0ff',
  white: '#d8dee9', brightWhite: '#ffffff',
}

const FONT = 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", "Liberation Mono", Menlo, Consolas, monospace'

export function TerminalPanel({ client }: { client: EngineClient }) {
  const host = useRef<HTMLDivElement>(null)
  const ready = useStore(shellStore, (s) => s.ready)

  useEffect(() => {
    const el = host.current
    if (!el) return
    const term = new XTerm({
      fontFamily: FONT,
      fontSize: 13,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      theme: THEME,
    })
    const fit = new FitAddon()
    term.loadAddon(fit)
    term.open(el)
    const refit = () => { try { fit.fit() } catch { /* hidden panel: no size yet */ } }
    refit()

    const output: Output = {
      write: (d) => term.write(d),
      clear: () => { term.clear(); term.write('\x1b[H\x1b[2J') },
      get columns() { return term.cols },
    }
    const controller = new TerminalController(
      output,
      {
        run: (line, columns) => client.run(line, columns),
        cancel: (id) => client.cancel(id),
        complete: (line, cursor) => client.complete(line, cursor),
      },
      { entries: () => historyStore.getState().entries, add: addHistory },
      shellStore.getState().cwd,
    )

    const offs = [
      client.on('out', (m) => controller.output(m.id, m.data)),
      client.on('exit', (m) => {
        const cwd = m.cwd
        controller.exit(m.id, m.code, cwd, m.prompt)
        if (cwd && cwd !== shellStore.getState().cwd) shellStore.setState({ cwd })
      }),
      client.on('error', (m) => controller.error(m.message)),
    ]
    const startWhenReady = (ready: boolean, cwd: string) => { if (ready) controller.start(cwd) }
    startWhenReady(shellStore.getState().ready, shellStore.getState().cwd)
    const offShell = shellStore.subscribe((s) => startWhenReady(s.ready, s.cwd))
    const runRequests = () => { for (const r of takeTerminalRequests()) controller.typeLine(r.line) }
    runRequests()
    const offRequests = terminalRequestStore.subscribe(runRequests)
    // With text selected, Ctrl-C (and Ctrl-Shift-C) copies, as in most terminal apps; otherwise
    // Ctrl-C goes to the shell as an interrupt.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.key.toLowerCase() === 'c' && term.hasSelection()) {
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => {})
        term.clearSelection()
        return false
      }
      return true
    })
    const onData = term.onData((d) => controller.input(d))

    const observer = new ResizeObserver(() => refit())
    observer.observe(el)
    term.focus()

    return () => {
      for (const off of offs) off()
      offShell()
      offRequests()
      onData.dispose()
      observer.disconnect()
      term.dispose()
    }
  }, [client])

  return (
    <section className="panel terminal-panel" aria-labelledby="terminal-title">
      <h2 id="terminal-title" className="visually-hidden">Terminal</h2>
      <div className="terminal-host" data-testid="terminal" role="region" aria-label="Terminal" ref={host} />
      {!ready && <p className="terminal-status" role="status">Starting the cluster…</p>}
    </section>
  )
}
