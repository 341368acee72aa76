// Evaluated before every other module of the app (main.tsx imports it first): start the engine
// Worker and the IndexedDB reads at once, so both overlap with React, xterm and the UI modules
// being parsed and evaluated instead of waiting for them.
import { getEngineClient } from '../client/engineClient'
import { HISTORY_KEY, WORKSPACE_KEY, prefetchPersisted } from '../state/persist'

getEngineClient()
prefetchPersisted([WORKSPACE_KEY, HISTORY_KEY])
