// What the UI knows about the learner's shell session: whether the engine is up, and the cwd for
// the prompt (from `ready`; see CONTEXT.md for how it follows `cd`).
import { createStore } from 'zustand/vanilla'
import { HOME } from './workspaceModel'

export interface ShellState {
  ready: boolean
  cwd: string
}

export const shellStore = createStore<ShellState>()(() => ({ ready: false, cwd: HOME }))

/** Lines other panels ask the terminal to run as if typed (the editor's "Apply" button). */
export interface TerminalRequest {
  id: number
  line: string
}

export const terminalRequestStore = createStore<{ queue: readonly TerminalRequest[] }>()(() => ({ queue: [] }))

let lastRequest = 0

export function requestTerminalLine(line: string): void {
  const queue = [...terminalRequestStore.getState().queue, { id: ++lastRequest, line }]
  terminalRequestStore.setState({ queue })
}

/** The terminal takes every pending request (in order) and empties the queue. */
export function takeTerminalRequests(): readonly TerminalRequest[] {
  const { queue } = terminalRequestStore.getState()
  if (queue.length) terminalRequestStore.setState({ queue: [] })
  return queue
}
