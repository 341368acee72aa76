// The pipe between the UI and the engine. Two implementations: a module Worker (engineClient.ts,
// the only `new Worker` in the app) and a direct call into a handler (inProcessTransport.ts, for
// Node tests). Both carry plain structured-clonable data.
import type { EngineToUi, UiToEngine } from '../protocol/messages'

export interface Transport {
  post(msg: UiToEngine): void
  /** Registers the one receiver; returns a function that removes it. */
  listen(receive: (msg: EngineToUi) => void): () => void
  close(): void
}
