// The fabric and the shell's network tools together, on the virtual clock: the situations of the
// course notes (curl a pod IP from the laptop, from the node, from inside the pod; port-forward).
import { describe, it, expect } from 'vitest'
import { MemoryFileSystem, Shell, collectWriter, createCancel, createRegistry, type CancelSignal, type ShellClock } from '../../shell'
import { createNetTools } from '../../shell/net'
import { VirtualClock } from '../runtime/clock'
import { createFabric } from './fabric'
import type { Listener, Netns } from './types'

const pod: Netns = { kind: 'pod', ip: '10.244.0.5', namespace: 'default', podName: 'second-pod' }
const node: Netns = { kind: 'node', ip: '192.168.49.2', name: 'minikube' }

/** simpleservice's /info: who asked, as the course notes show it. */
const simpleservice: Listener = {
  http: (req) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"host": "${req.headers.host}", "version": "0.5.0", "from": "${req.remoteIP}"}\n` }),
}

function lab() {
  const clock = new VirtualClock()
  const fabric = createFabric({ clock })
  fabric.attach(node)
  fabric.attach(pod)
  fabric.listen(pod, 9876, simpleservice)
  const shellClock: ShellClock = {
    now: () => clock.now(),
    sleep: (ms: number, signal: CancelSignal) =>
      new Promise<void>((resolve) => {
        const cancel = clock.after(ms, resolve)
        signal.onAbort(() => {
          cancel()
          resolve()
        })
      }),
  }
  const shellFor = (ns: Netns) => {
    const registry = createRegistry()
    for (const [name, info] of Object.entries(createNetTools())) registry.register(name, info)
    return new Shell({ fs: new MemoryFileSystem([]), registry, clock: shellClock, net: fabric.access(ns) })
  }
  /** Runs a line while the cluster clock advances up to `advanceMs`. */
  const run = async (shell: Shell, line: string, advanceMs = 0) => {
    const out = collectWriter()
    const err = collectWriter()
    const start = clock.now()
    let end = -1
    const p = shell.run(line, { stdout: out, stderr: err, signal: createCancel().signal, isTTY: true }).then((s) => {
      end = clock.now()
      return s
    })
    await clock.advanceAsync(advanceMs)
    const status = await p
    return { status, stdout: out.text(), stderr: err.text(), elapsedMs: end - start }
  }
  return { clock, fabric, shellFor, run }
}

describe('network tools on the fabric', () => {
  it('from the node: the pod answers, and sees the cni0 address as the caller', async () => {
    const { shellFor, run } = lab()
    const r = await run(shellFor(node), 'curl 10.244.0.5:9876/info')
    expect(r).toMatchObject({ status: 0, stdout: '{"host": "10.244.0.5:9876", "version": "0.5.0", "from": "10.244.0.1"}\n' })
  })

  it('inside the pod: localhost reaches the pod’s own server from 127.0.0.1', async () => {
    const { shellFor, run } = lab()
    const r = await run(shellFor(pod), 'curl localhost:9876/info')
    expect(r.stdout).toBe('{"host": "localhost:9876", "version": "0.5.0", "from": "127.0.0.1"}\n')
  })

  it('from the laptop: a pod IP is not routed, curl gives up after 130 s', async () => {
    const { shellFor, run } = lab()
    const r = await run(shellFor({ kind: 'laptop' }), 'curl 10.244.0.5:9876/info', 200_000)
    expect(r).toMatchObject({
      status: 28,
      elapsedMs: 130_000,
      stderr: "curl: (28) Failed to connect to 10.244.0.5 port 9876 after 130000 ms: Couldn't connect to server\n",
    })
  })

  it('from the laptop after port-forward: localhost:PORT reaches the pod', async () => {
    const { fabric, shellFor, run } = lab()
    const laptop = fabric.access({ kind: 'laptop' })
    // What kubectl port-forward does: relay each exchange to the pod's localhost.
    laptop.listen!('127.0.0.1', 8080, (req, signal) => fabric.access(pod).http({ ...req, host: '127.0.0.1', port: 9876 }, signal))
    const r = await run(shellFor({ kind: 'laptop' }), 'curl -s localhost:8080/info')
    expect(r.stdout).toBe('{"host": "localhost:8080", "version": "0.5.0", "from": "127.0.0.1"}\n')
  })

  it('ping from a pod, and a dead address on the pod network', async () => {
    const { shellFor, run } = lab()
    const shell = shellFor(pod)
    expect((await run(shell, 'ping -c 2 10.244.0.5', 5000)).stdout).toContain('2 packets transmitted, 2 received, 0% packet loss')
    const dead = await run(shell, 'curl -sS 10.244.0.77', 5000)
    expect(dead).toMatchObject({ status: 7, elapsedMs: 3000, stderr: "curl: (7) Failed to connect to 10.244.0.77 port 80 after 3000 ms: Couldn't connect to server\n" })
  })
})
