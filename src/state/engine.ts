// The engine client the stores' actions send through, bound once by connectEngine(). Until then
// actions only change local state (tests use the stores without any engine).
import type { EngineClient } from '../client/engineClient'
import type { UiToEngine } from '../protocol/messages'

let bound: EngineClient | null = null

export function bindEngine(client: EngineClient | null): void {
  bound = client
}

export function boundEngine(): EngineClient | null {
  return bound
}

export function sendToEngine(msg: UiToEngine): void {
  bound?.send(msg)
}
