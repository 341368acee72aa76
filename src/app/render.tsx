// The React tree, loaded by main.tsx once the engine is on its way.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { EngineClient } from '../client/engineClient'
import { App } from './App'

export function render(client: EngineClient): void {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  )
}
