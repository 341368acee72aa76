// Entry point, kept small on purpose: it creates the engine client (one Worker, module-level) and
// connects the stores to it (restores the workspace and history from IndexedDB, then says hello)
// before the UI's code is even fetched. The engine worker then downloads and boots while the
// browser loads and parses React, xterm and the panels (render.tsx, a separate chunk). On a
// 2-core machine that overlap is a few hundred ms off the time to the first prompt.
import { getEngineClient } from '../client/engineClient'
import { connectEngine } from '../state/connect'
import './styles.css'

const client = getEngineClient()
connectEngine(client).catch((e: unknown) => console.error('Kubelab: could not start the engine', e))

import('./render')
  .then(({ render }) => render(client))
  .catch((e: unknown) => console.error('Kubelab: could not load the interface', e))
