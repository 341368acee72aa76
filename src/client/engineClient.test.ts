import { describe, it, expect } from 'vitest'
import { EngineClient } from './engineClient'
import { createInProcessTransport } from './inProcessTransport'
import { PROTOCOL_VERSION, type EngineToUi, type UiToEngine } from '../protocol/messages'

function fakeEngine() {
  const seen: UiToEngine[] = []
  const transport = createInProcessTransport((msg, post) => {
    seen.push(msg)
    switch (msg.type) {
      case 'hello':
        post({ type: 'ready', version: PROTOCOL_VERSION, clock: { now: 0, paused: false, speed: 1 }, files: msg.files, cwd: '/home/learner', objects: [] })
        break
      case 'run':
        post({ type: 'out', id: msg.id, data: `ran ${msg.line}\n`, stream: 'stdout' })
        post({ type: 'exit', id: msg.id, code: 0 })
        break
      case 'complete':
        post({ type: 'completions', id: msg.id, items: ['get'], word: 'g' })
        break
      default:
        break
    }
  })
  return { seen, client: new EngineClient(transport) }
}

describe('EngineClient', () => {
  it('sends hello once with PROTOCOL_VERSION and the files, resolving with ready', async () => {
    const { seen, client } = fakeEngine()
    const files = [{ path: '/home/learner/a.yaml', content: 'x' }]
    const [a, b] = await Promise.all([client.hello({ files }), client.hello({ files: [] })])
    expect(a).toBe(b)
    expect(seen).toEqual([{ type: 'hello', version: PROTOCOL_VERSION, files, cwd: undefined, seed: undefined }])
    expect(a.files).toEqual(files)
    expect(client.ready).toBe(a)
  })

  it('gives every request a fresh id and routes typed messages', async () => {
    const { client } = fakeEngine()
    const got: EngineToUi[] = []
    const off = client.on('out', (m) => got.push(m))
    client.on('exit', (m) => got.push(m))
    const id1 = client.run('ls')
    const id2 = client.run('pwd')
    expect(id2).toBeGreaterThan(id1)
    await Promise.resolve()
    expect(got.map((m) => m.type)).toEqual(['out', 'exit', 'out', 'exit'])
    off()
    client.run('again')
    await Promise.resolve()
    expect(got.filter((m) => m.type === 'out')).toHaveLength(2)
  })

  it('resolves completions by request id', async () => {
    const { client } = fakeEngine()
    await expect(client.complete('kubectl g', 9)).resolves.toEqual({ items: ['get'], word: 'g' })
  })
})
