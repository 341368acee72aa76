// Connects an engine client to the stores: restores the persisted workspace and history, sends
// `hello` with the files, then keeps the stores current from the engine's messages and persists
// changes. Runs once per client (React StrictMode may call it twice).
import type { EngineClient } from '../client/engineClient'
import type { WorkspaceFile } from '../protocol/messages'
import { applyClusterDelta, resetCluster } from './clusterMirror'
import { clockReceived } from './clock'
import { bindEngine } from './engine'
import { historyStore } from './history'
import { HISTORY_KEY, WORKSPACE_KEY, debouncedWriter, loadPersisted } from './persist'
import { shellStore } from './shell'
import { workspaceStore } from './workspace'
import * as M from './workspaceModel'

/** What IndexedDB keeps of the workspace (drafts too: an unsaved edit survives a reload). */
interface PersistedWorkspace {
  files: WorkspaceFile[]
  drafts: Record<string, string>
  tabs: string[]
  active: string | null
}

const connections = new WeakMap<EngineClient, Promise<void>>()

const realNow = () => (typeof performance !== 'undefined' ? performance.now() : 0)

export function connectEngine(client: EngineClient, opts: { persist?: boolean } = {}): Promise<void> {
  const existing = connections.get(client)
  if (existing) return existing
  const p = doConnect(client, opts.persist ?? true)
  connections.set(client, p)
  return p
}

async function doConnect(client: EngineClient, persist: boolean): Promise<void> {
  bindEngine(client)
  const [ws, hist] = persist
    ? await Promise.all([loadPersisted<PersistedWorkspace>(WORKSPACE_KEY), loadPersisted<string[]>(HISTORY_KEY)])
    : [undefined, undefined]
  const fresh = !ws || !Array.isArray(ws.files)
  if (Array.isArray(hist)) historyStore.setState({ entries: hist.filter((h) => typeof h === 'string') })
  if (!fresh) {
    workspaceStore.setState({ files: {}, drafts: ws.drafts ?? {}, tabs: ws.tabs ?? [], active: ws.active ?? null }, true)
  }

  client.on('delta', (m) => applyClusterDelta(m.delta))
  client.on('clock', (m) => clockReceived(m.clock, realNow()))
  client.on('files', (m) => workspaceStore.setState(M.filesChanged(workspaceStore.getState(), m.changed, m.removed), true))
  client.on('openFile', (m) => workspaceStore.setState(M.openTab(workspaceStore.getState(), m.path), true))

  const ready = await client.hello({ files: fresh ? [...M.STARTER_FILES] : ws.files })
  resetCluster(ready.objects)
  clockReceived(ready.clock, realNow())
  let state = M.loadFiles(workspaceStore.getState(), ready.files)
  if (fresh) for (const f of M.STARTER_FILES) if (f.path in state.files) state = M.openTab(state, f.path)
  workspaceStore.setState(state, true)
  shellStore.setState({ ready: true, cwd: ready.cwd })

  if (persist) {
    const writeWorkspace = debouncedWriter<PersistedWorkspace>(WORKSPACE_KEY)
    const writeHistory = debouncedWriter<readonly string[]>(HISTORY_KEY)
    const snapshot = (s: M.WorkspaceState): PersistedWorkspace => ({
      files: Object.entries(s.files).map(([path, content]) => ({ path, content })),
      drafts: { ...s.drafts }, tabs: [...s.tabs], active: s.active,
    })
    writeWorkspace(snapshot(workspaceStore.getState()))
    workspaceStore.subscribe((s) => writeWorkspace(snapshot(s)))
    historyStore.subscribe((s) => writeHistory(s.entries))
  }
}
