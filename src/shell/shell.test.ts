import { describe, expect, it } from 'vitest'
import { createCancel } from './exec/cancel'
import { collectWriter, textReader } from './exec/streams'
import { MemoryFileSystem } from './fs'
import { createRegistry } from './registry'
import { Shell } from './shell'
import { fakeClock, testShell } from './testkit'
import type { CancelSignal, CommandContext, ShellClock } from './types'

/** A clock whose sleeps end only when aborted: time stands still, as when the host is paused. */
function stuckClock(): ShellClock {
  return {
    now: () => 0,
    sleep: (_ms: number, signal: CancelSignal) => new Promise<void>((resolve) => signal.onAbort(resolve)),
  }
}

async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve()
}

describe('Shell', () => {
  it('prints command not found with status 127', async () => {
    const { run } = testShell()
    expect(await run('kubeclt get pods')).toEqual({ status: 127, stdout: '', stderr: 'sh: kubeclt: command not found\n' })
  })

  it('gives registered commands their context and streams their output', async () => {
    const registry = createRegistry()
    let seen: CommandContext | undefined
    registry.register('kubectl', {
      summary: 'kubectl controls the Kubernetes cluster manager',
      run(ctx) {
        seen = ctx
        ctx.stdout.write('No resources found in default namespace.\n')
        return 0
      },
    })
    const { run } = testShell({ registry })
    const r = await run('alias k=kubectl\nN=default; NS=x k get pods -n "$N"', { isTTY: true, columns: 120 })
    expect(r.stdout).toBe('No resources found in default namespace.\n')
    expect(seen?.argv).toEqual(['kubectl', 'get', 'pods', '-n', 'default'])
    expect(seen?.env.NS).toBe('x')
    expect(seen?.env.N).toBeUndefined()
    expect(seen?.env.HOME).toBe('/home/learner')
    expect(seen?.cwd).toBe('/home/learner')
    expect(seen?.isTTY).toBe(true)
    expect(seen?.columns).toBe(120)
  })

  it('reports a command that throws as sh: name: message, status 1, and keeps going', async () => {
    const registry = createRegistry()
    registry.register('boom', {
      run() {
        throw new Error('kaput')
      },
    })
    const { run } = testShell({ registry })
    expect(await run('boom; echo still here')).toEqual({ status: 0, stdout: 'still here\n', stderr: 'sh: boom: kaput\n' })
  })

  it('Ctrl-C stops a sleep and resolves with 130 without printing ^C', async () => {
    const fs = new MemoryFileSystem()
    const shell = new Shell({ fs, registry: createRegistry(), clock: stuckClock() })
    const out = collectWriter()
    const cancel = createCancel()
    const p = shell.run('sleep 100; echo never', { stdout: out, stderr: out, signal: cancel.signal })
    await settle()
    cancel.abort()
    expect(await p).toBe(130)
    expect(out.text()).toBe('')
    expect(shell.lastStatus).toBe(130)
  })

  it('Ctrl-C ends a command that ignores the signal and silences its later output', async () => {
    const registry = createRegistry()
    let write: (s: string) => void = () => {}
    registry.register('watch', {
      run(ctx) {
        write = (s) => ctx.stdout.write(s)
        ctx.stdout.write('NAME READY\n')
        return new Promise<number>(() => {})
      },
    })
    const shell = new Shell({ fs: new MemoryFileSystem(), registry, clock: fakeClock() })
    const out = collectWriter()
    const cancel = createCancel()
    const p = shell.run('watch | cat', { stdout: out, stderr: out, signal: cancel.signal })
    await settle()
    cancel.abort()
    expect(await p).toBe(130)
    write('late\n')
    await settle()
    expect(out.text()).toBe('NAME READY\n')
  })

  it('Ctrl-C ends an endless loop', async () => {
    const shell = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock: stuckClock() })
    const cancel = createCancel()
    const out = collectWriter()
    const p = shell.run('while true; do echo tick; sleep 1; done', { stdout: out, stderr: out, signal: cancel.signal })
    await settle()
    cancel.abort()
    expect(await p).toBe(130)
    expect(out.text()).toBe('tick\n')
  })

  it('Ctrl-C reaches a busy loop that never sleeps: the shell gives the host a turn', async () => {
    // A host clock whose zero-length sleep is a real event-loop turn, as in the browser.
    const clock: ShellClock = { now: () => 0, sleep: () => new Promise<void>((r) => setTimeout(r, 0)) }
    const shell = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock })
    const cancel = createCancel()
    const out = collectWriter()
    const p = shell.run('while true; do :; done', { stdout: out, stderr: out, signal: cancel.signal })
    setTimeout(() => cancel.abort(), 20)
    expect(await p).toBe(130)
    const c2 = createCancel()
    const y2 = shell.run('yes > /dev/null', { stdout: out, stderr: out, signal: c2.signal })
    setTimeout(() => c2.abort(), 20)
    expect(await y2).toBe(130)
  })

  it('finishes long loops', async () => {
    const { run } = testShell()
    expect((await run('n=0; for i in $(seq 2500); do n=$((n+1)); done; echo $n')).stdout).toBe('2500\n')
  })

  it('passes stdin to the first command', async () => {
    const { shell } = testShell()
    const out = collectWriter()
    await shell.run('cat', { stdout: out, stderr: out, signal: createCancel().signal, stdin: textReader('piped\n') })
    expect(out.text()).toBe('piped\n')
  })

  it('shows the prompt as user@host:dir$ with ~ for home', async () => {
    const { run, shell } = testShell()
    expect(shell.prompt()).toBe('learner@kubelab:~$ ')
    await run('mkdir -p work/a && cd work/a')
    expect(shell.prompt()).toBe('learner@kubelab:~/work/a$ ')
    await run('cd /')
    expect(shell.prompt()).toBe('learner@kubelab:/$ ')
    const custom = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock: fakeClock(), user: 'root', hostname: 'web-0', env: { HOME: '/root' }, cwd: '/' })
    expect(custom.prompt()).toBe('root@web-0:/# ')
    const root = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock: fakeClock(), user: 'root', cwd: '/' })
    expect(root.env.HOME).toBe('/root')
  })

  it('exposes cwd, exported env and lastStatus', async () => {
    const { run, shell } = testShell({ env: { KUBECONFIG: '/home/learner/.kube/config' } })
    await run('export COLOR=blue; LOCAL=1; false')
    expect(shell.env.COLOR).toBe('blue')
    expect(shell.env.KUBECONFIG).toBe('/home/learner/.kube/config')
    expect(shell.env.LOCAL).toBeUndefined()
    expect(shell.lastStatus).toBe(1)
    expect(shell.cwd).toBe('/home/learner')
  })

  it('runs an argv without parsing it (container command, kubectl exec)', async () => {
    const { shell } = testShell()
    const out = collectWriter()
    const io = { stdout: out, stderr: out, signal: createCancel().signal }
    expect(await shell.runArgv(['echo', '$HOME', 'a  b'], io)).toBe(0)
    expect(await shell.runArgv(['sh', '-c', 'echo "in $0"; exit 3'], io)).toBe(3)
    expect(await shell.runArgv(['/bin/sh', '-c', 'echo "in $0"; exit 3'], io)).toBe(3)
    expect(await shell.runArgv(['nginx'], io)).toBe(127)
    expect(out.text()).toBe('$HOME a  b\nin sh\nin sh\nsh: nginx: command not found\n')
    expect(shell.history).toEqual([])
  })

  it('splits scripts for the headless runner', () => {
    expect(Shell.splitCommands('a\nif x\nthen y\nfi\n')).toEqual(['a', 'if x\nthen y\nfi'])
  })

  it('shows history the host recorded', async () => {
    const { run, shell } = testShell()
    shell.history.push('kubectl get pods', 'ls')
    expect((await run('history')).stdout).toBe('    1  kubectl get pods\n    2  ls\n    3  history\n')
    await run('')
    expect(shell.history.length).toBe(3)
  })
})

describe('completion', () => {
  const registry = createRegistry()
  registry.register('kubectl', {
    run: () => 0,
    complete: (argv) => (argv.length === 2 ? ['get', 'apply', 'describe'] : ['pods', 'deployments']),
  })
  const { shell } = testShell({
    registry,
    files: [
      { path: '/home/learner/web.yaml', content: '' },
      { path: '/home/learner/manifests/db.yaml', content: '' },
      { path: '/home/learner/.hidden', content: '' },
    ],
  })

  it('completes command names in command position', () => {
    expect(shell.complete('kub', 3)).toEqual({ word: 'kub', items: ['kubectl'] })
    expect(shell.complete('ls | gr', 7).items).toEqual(['grep'])
    expect(shell.complete('ec', 2).items).toEqual(['echo'])
  })

  it("delegates to the command's completer, also through an alias", async () => {
    expect(shell.complete('kubectl g', 9)).toEqual({ word: 'g', items: ['get'] })
    await shell.run('alias k=kubectl', { stdout: { write() {} }, stderr: { write() {} }, signal: createCancel().signal })
    expect(shell.complete('k g', 3)).toEqual({ word: 'g', items: ['get'] })
    expect(shell.complete('k', 1).items).toEqual(['k', 'kubectl'])
    expect(shell.complete('kubectl get p', 13).items).toEqual(['pods'])
  })

  it('completes file names, with / after directories', () => {
    expect(shell.complete('cat ', 4).items).toEqual(['manifests/', 'web.yaml'])
    expect(shell.complete('cat manifests/', 14)).toEqual({ word: 'manifests/', items: ['manifests/db.yaml'] })
    expect(shell.complete('cat .h', 6).items).toEqual(['.hidden'])
    expect(shell.complete('cat ~/w', 7).items).toEqual(['~/web.yaml'])
  })
})
