import { describe, it, expect } from 'vitest'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type EngineToUi, type UiToEngine } from '../protocol/messages'
import type { DriverTimers } from './driver'

function setup() {
  const sent: EngineToUi[] = []
  let wall = 0
  const timers: DriverTimers = { now: () => wall, setInterval: () => 1, clearInterval: () => {} }
  const handle = createHandler((m) => sent.push(m), { timers })
  const of = <T extends EngineToUi['type']>(t: T) => sent.filter((m) => m.type === t) as Extract<EngineToUi, { type: T }>[]
  const output = (id: number) => of('out').filter((m) => m.id === id).map((m) => m.data).join('')
  const passWall = async (ms: number) => { wall += ms; await handle.tick() }
  return { sent, handle, of, output, passWall }
}

const hello: UiToEngine = { type: 'hello', version: PROTOCOL_VERSION, seed: 7, files: [{ path: '/home/learner/notes.txt', content: 'hi\n' }] }

describe('handle', () => {
  it('answers hello with ready: objects, clock, files (kubeconfig seeded), cwd', async () => {
    const { handle, of } = setup()
    await handle(hello)
    const ready = of('ready')[0]
    expect(ready.version).toBe(PROTOCOL_VERSION)
    expect(ready.cwd).toBe('/home/learner')
    expect(ready.files.map((f) => f.path)).toEqual(['/home/learner/.kube/config', '/home/learner/notes.txt'])
    expect(ready.objects.some((o) => o.kind === 'Node' && o.metadata.name === 'minikube')).toBe(true)
    expect(ready.clock).toMatchObject({ paused: false, speed: 1 })
  })

  it('runs a line: out chunks then one exit; deltas follow on ticks', async () => {
    const { handle, of, output, passWall } = setup()
    await handle(hello)
    await handle({ type: 'run', id: 1, line: 'kubectl run web --image=nginx' })
    expect(output(1)).toBe('pod/web created\n')
    expect(of('exit')).toEqual([{ type: 'exit', id: 1, code: 0, cwd: '/home/learner' }])
    const added = of('delta').flatMap((d) => d.delta.added)
    expect(added.some((o) => o.kind === 'Pod' && o.metadata.name === 'web')).toBe(true)
    for (let i = 0; i < 100; i++) await passWall(50) // 5 s of wall time at 1×
    const updates = of('delta').flatMap((d) => d.delta.updated).filter(([, cur]) => cur.metadata.name === 'web')
    const last = updates[updates.length - 1][1] as { status?: { phase?: string } }
    expect(last.status?.phase).toBe('Running')
    // Coalesced: never two updates of one uid in one delta.
    for (const d of of('delta')) {
      const uids = d.delta.updated.map(([, c]) => c.metadata.uid)
      expect(new Set(uids).size).toBe(uids.length)
    }
    expect(of('clock').length).toBeGreaterThan(0)
    expect(of('clock').length).toBeLessThanOrEqual(21) // at most 4 a second over 5 s
  })

  it('turns bad input into stderr and a non-zero exit, never a crash', async () => {
    const { handle, of, output } = setup()
    await handle(hello)
    await handle({ type: 'run', id: 2, line: 'kubectl get pods "unclosed' })
    expect(of('exit')[0]).toMatchObject({ id: 2 })
    expect(of('exit')[0].code).not.toBe(0)
    expect(output(2).length).toBeGreaterThan(0)
    await handle({ type: 'nonsense' } as unknown as UiToEngine)
    expect(of('error')[0].message).toMatch(/unexpected message/)
  })

  it('cancels a waiting command with Ctrl-C', async () => {
    const { handle, of } = setup()
    await handle(hello)
    const p = handle({ type: 'run', id: 3, line: 'sleep 100' })
    await handle({ type: 'cancel', id: 3 })
    await p
    expect(of('exit')[0]).toEqual({ type: 'exit', id: 3, code: 130, cwd: '/home/learner' })
  })

  it('pauses, changes speed, steps', async () => {
    const { handle, of, passWall } = setup()
    await handle(hello)
    const t0 = handle.cluster!.clock.now()
    await handle({ type: 'clock', paused: true })
    await passWall(1000)
    expect(handle.cluster!.clock.now()).toBe(t0)
    await handle({ type: 'clock', paused: false, speed: 10 })
    await passWall(500)
    expect(handle.cluster!.clock.now()).toBe(t0 + 5000)
    await handle({ type: 'step', ms: 60_000 })
    expect(handle.cluster!.clock.now()).toBe(t0 + 65_000)
    expect(of('clock').at(-1)!.clock).toMatchObject({ now: t0 + 65_000, speed: 10, paused: false })
  })

  it('mirrors shell file changes, not editor ones', async () => {
    const { handle, of, passWall } = setup()
    await handle(hello)
    await handle({ type: 'writeFile', path: '/home/learner/web.yaml', content: 'kind: Pod\n' })
    await handle({ type: 'run', id: 4, line: 'echo hello > out.txt' })
    await passWall(50)
    const files = of('files')
    expect(files.flatMap((f) => f.changed.map((c) => c.path))).toEqual(['/home/learner/out.txt'])
    await handle({ type: 'run', id: 5, line: 'cat web.yaml' })
    expect(of('out').filter((m) => m.id === 5).map((m) => m.data).join('')).toBe('kind: Pod\n')
  })

  it('completes', async () => {
    const { handle, of } = setup()
    await handle(hello)
    await handle({ type: 'complete', id: 9, line: 'kube', cursor: 4 })
    expect(of('completions')[0]).toMatchObject({ id: 9, word: 'kube' })
    expect(of('completions')[0].items).toContain('kubectl')
  })
})

describe('createEngineHandler', () => {
  it('serves the in-process transport shape with structured-cloneable replies', async () => {
    const { createEngineHandler } = await import('./handle')
    const sent: EngineToUi[] = []
    const h = createEngineHandler({ timers: false })
    h(hello, (m) => sent.push(structuredClone(m)))
    await new Promise((r) => setTimeout(r, 0))
    expect(sent[0].type).toBe('ready')
  })
})

describe('determinism across the worker boundary', () => {
  it('same seed + same messages = same replies', async () => {
    const once = async () => {
      const { handle, sent, passWall } = setup()
      await handle(hello)
      await handle({ type: 'run', id: 1, line: 'kubectl run web --image=nginx' })
      for (let i = 0; i < 80; i++) await passWall(50)
      await handle({ type: 'run', id: 2, line: 'kubectl get pods -o wide' })
      return JSON.stringify(sent)
    }
    const a = await once()
    expect(a).toBe(await once())
    expect(a).toContain('Running')
  })

  it('kubectl exec -it hands the terminal to the nested session: its prompt on exit, its lines, then back', async () => {
    const { handle, of, output } = setup()
    await handle(hello)
    const cluster = handle.cluster!
    cluster.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb', namespace: 'default' }, spec: { nodeName: 'minikube', containers: [{ name: 'bb', image: 'busybox' }] } })
    // The node's kubelet, replaced by one whose container shell echoes lines until `exit`.
    let exited = false
    let exitCode = 0
    const real = cluster.api.nodeConnections.get('minikube')!
    cluster.api.nodeConnections.register('minikube', {
      ...real,
      execSession: () => ({
        run: async (line: string, io: { stdout: { write(c: string): void } }) => {
          const m = /^exit (\d+)$/.exec(line)
          if (m) { exited = true; exitCode = Number(m[1]); return exitCode }
          io.stdout.write(`in container: ${line}\n`); return 0
        },
        prompt: () => '/ # ',
        complete: () => ({ word: 'l', items: ['ls'] }),
        get exited() { return exited },
        get exitCode() { return exitCode },
      }),
    })
    await handle({ type: 'run', id: 1, line: 'kubectl exec -it bb -- sh' })
    expect(of('exit')[0]).toEqual({ type: 'exit', id: 1, code: 0, cwd: '/home/learner', prompt: '/ # ' })
    await handle({ type: 'run', id: 2, line: 'ls /' })
    expect(output(2)).toBe('in container: ls /\n')
    expect(of('exit')[1]).toMatchObject({ id: 2, prompt: '/ # ' })
    await handle({ type: 'complete', id: 3, line: 'l', cursor: 1 })
    expect(of('completions')[0]).toMatchObject({ id: 3, items: ['ls'] })
    await handle({ type: 'run', id: 4, line: 'exit 3' })
    expect(output(4)).toBe('command terminated with exit code 3\n')
    expect(of('exit')[2]).toEqual({ type: 'exit', id: 4, code: 3, cwd: '/home/learner' })
    await handle({ type: 'run', id: 5, line: 'echo $?' })
    expect(output(5)).toBe('3\n')
  })
})
