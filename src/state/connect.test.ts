import { describe, it, expect } from 'vitest'
import { EngineClient } from '../client/engineClient'
import { createInProcessTransport } from '../client/inProcessTransport'
import type { EngineToUi, UiToEngine } from '../protocol/messages'
import { connectEngine } from './connect'
import { clusterStore } from './clusterMirror'
import { workspaceStore, saveFile, editFile } from './workspace'
import { shellStore } from './shell'

describe('connectEngine with an in-process fake engine', () => {
  it('sends hello with the starter file, mirrors ready, deltas and file changes', async () => {
    const seen: UiToEngine[] = []
    let post: (m: EngineToUi) => void = () => {}
    const client = new EngineClient(createInProcessTransport((msg, p) => {
      seen.push(msg)
      post = p
      if (msg.type === 'hello') {
        p({
          type: 'ready', version: 1, cwd: '/home/learner', files: msg.files,
          clock: { now: 0, paused: false, speed: 1 },
          objects: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', uid: 'n1', resourceVersion: '1' } }],
        })
      }
    }))
    await connectEngine(client, { persist: false })
    await connectEngine(client, { persist: false }) // StrictMode: second call is a no-op
    expect(seen.filter((m) => m.type === 'hello')).toHaveLength(1)
    const hello = seen[0] as Extract<UiToEngine, { type: 'hello' }>
    expect(hello.files.map((f) => f.path)).toEqual(['/home/learner/pod.yaml'])
    expect(shellStore.getState()).toEqual({ ready: true, cwd: '/home/learner' })
    expect(workspaceStore.getState().tabs).toEqual(['/home/learner/pod.yaml'])
    expect(Object.keys(clusterStore.getState().objects)).toEqual(['n1'])

    post({ type: 'delta', delta: { added: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', uid: 'p1', resourceVersion: '2' } }], updated: [], removed: [] } })
    post({ type: 'files', changed: [{ path: '/home/learner/x.txt', content: 'hi' }], removed: [] })
    await Promise.resolve()
    expect(Object.keys(clusterStore.getState().objects).sort()).toEqual(['n1', 'p1'])
    expect(workspaceStore.getState().files['/home/learner/x.txt']).toBe('hi')

    editFile('/home/learner/x.txt', 'hello')
    saveFile('/home/learner/x.txt')
    expect(seen[seen.length - 1]).toEqual({ type: 'writeFile', path: '/home/learner/x.txt', content: 'hello' })
  })
})
