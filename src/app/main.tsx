// Entry point: create the engine client (one Worker, module-level), connect the stores to it
// (restores the workspace and history from IndexedDB, then says hello), and render.
import './boot'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getEngineClient } from '../client/engineClient'
import { connectEngine } from '../state/connect'
import { App } from './App'
import './styles.css'

const client = getEngineClient()
connectEngine(client).catch((e: unknown) => console.error('Kubelab: could not start the engine', e))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
)
