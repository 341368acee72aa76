import { describe, it, expect } from 'vitest'
import { collectWriter, createCancel, type InteractiveSession } from '../../shell'
import { createCluster } from '../../engine/cluster'
import type { NodeKernel } from '../../engine/network/kernel/types'
import { createKernelTools } from '../../engine/network/kernel/tools'
import { minikubeNodes } from './nodes'
import { nodeShellSession, runOnNode } from './nodeshell'

/** A kernel that only saves: enough to see who may run the tools. */
const SAVED = '*nat\n:KUBE-SERVICES - [0:0]\n-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES\nCOMMIT\n'
const fakeKernel = { nodeName: 'minikube', nodeIP: '192.168.49.2', iptablesSave: () => SAVED } as unknown as NodeKernel

function setup() {
  const cluster = createCluster({ seed: 1 })
  const node = { ...minikubeNodes(cluster)[0], kernel: fakeKernel }
  const clock = { now: () => cluster.clock.now(), sleep: async () => {} }
  return { cluster, o: { cluster, node, clock, user: 'docker' as const, kernelTools: createKernelTools } }
}

async function line(s: InteractiveSession, text: string) {
  const out = collectWriter()
  const err = collectWriter()
  const code = await s.run(text, { stdout: out, stderr: err, signal: createCancel().signal })
  return { code, out: out.text(), err: err.text() }
}

describe('the node shell and the kernel tools', () => {
  it('refuses iptables-save to docker; sudo and sudo -i (USER=root) run it', async () => {
    const { o } = setup()
    const s = nodeShellSession(o)
    const denied = await line(s, 'iptables-save')
    expect(denied.code).not.toBe(0)
    expect(denied.err).toMatch(/Permission denied \(you must be root\)/)
    expect((await line(s, 'sudo iptables-save')).out).toBe(SAVED)
    await line(s, 'sudo -i')
    expect(s.prompt()).toBe('root@minikube:~# ')
    expect(await line(s, 'iptables-save | grep -c KUBE-SERVICES')).toEqual({ code: 0, out: '2\n', err: '' })
    await line(s, 'exit')
    await line(s, 'exit')
    expect(s.exited).toBe(true)
    expect(s.exitCode).toBe(0)
  })

  it('a sudo -s shell keeps the directory and says exit, not logout', async () => {
    const { o } = setup()
    const s = nodeShellSession(o)
    await line(s, 'cd /tmp; sudo -s')
    expect(s.prompt()).toBe('root@minikube:/tmp# ')
    expect((await line(s, 'exit')).out).toBe('exit\n')
    expect(s.prompt()).toBe('docker@minikube:/tmp$ ')
    await line(s, 'sudo -i')
    expect((await line(s, 'exit 4')).out).toBe('logout\n')
    expect((await line(s, 'echo $?')).out).toBe('4\n')
  })

  it('runs one line without a terminal as root when asked (docker exec)', async () => {
    const { o } = setup()
    const out = collectWriter()
    const code = await runOnNode({ ...o, user: 'root', cwd: '/' }, 'iptables-save -t nat | head -1; pwd', { stdout: out, stderr: out, signal: createCancel().signal, isTTY: false })
    expect([code, out.text()]).toEqual([0, '*nat\n/\n'])
  })

  it('ends when the terminal closes', async () => {
    const { o } = setup()
    const s = nodeShellSession(o)
    s.close?.()
    expect(s.exited).toBe(true)
  })
})
