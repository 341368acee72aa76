// A Transport that calls an engine handler in the same thread (Node tests, the headless runner).
// The handler is passed in so that client/ never imports worker/. Replies are delivered on a
// microtask, like a worker's messages arrive asynchronously, and are structured-cloned so tests
// catch objects that would not survive the real boundary (classes, functions).
import type { EngineToUi, UiToEngine } from '../protocol/messages'
import type { Transport } from './transport'

export type EngineHandler = (msg: UiToEngine, post: (reply: EngineToUi) => void) => void

export function createInProcessTransport(handler: EngineHandler): Transport {
  let receiver: ((msg: EngineToUi) => void) | null = null
  let closed = false
  const post = (reply: EngineToUi) => {
    if (closed) return
    const copy = structuredClone(reply)
    queueMicrotask(() => { if (!closed) receiver?.(copy) })
  }
  return {
    post(msg) {
      if (closed) return
      handler(structuredClone(msg), post)
    },
    listen(receive) {
      receiver = receive
      return () => { if (receiver === receive) receiver = null }
    },
    close() { closed = true; receiver = null },
  }
}
