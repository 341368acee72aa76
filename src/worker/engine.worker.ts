// Transport only: messages in go to handle(), messages out go to postMessage. Everything else is
// in handle.ts (tested in Node).
import { createHandler } from './handle'
import type { EngineToUi, UiToEngine } from '../protocol/messages'

const scope = self as unknown as { onmessage: ((e: MessageEvent<UiToEngine>) => void) | null; postMessage(msg: EngineToUi): void }
const handle = createHandler((msg) => scope.postMessage(msg))
scope.onmessage = (e) => { void handle(e.data) }
