import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from '../fs'
import { createRegistry } from '../registry'
import { Shell } from '../shell'
import { collectWriter } from '../exec/streams'
import { createCancel } from '../exec/cancel'
import { fakeClock, testShell } from '../testkit'
import type { CancelSignal, ShellClock } from '../types'

describe('xargs', () => {
  it('appends stdin words to the command, -n per call, -I to substitute', async () => {
    const registry = createRegistry()
    const calls: string[][] = []
    registry.register('kubectl', { run: (ctx) => (calls.push(ctx.argv), 0) })
    const { run } = testShell({ registry })
    await run('printf "pod/a\\npod/b\\n" | xargs kubectl delete')
    expect(calls).toEqual([['kubectl', 'delete', 'pod/a', 'pod/b']])
    expect((await run('seq 3 | xargs -n 1 echo n')).stdout).toBe('n 1\nn 2\nn 3\n')
    expect((await run('printf "a\\nb\\n" | xargs -I {} echo "<{}>"')).stdout).toBe('<a>\n<b>\n')
    expect((await run('echo a b | xargs')).stdout).toBe('a b\n')
    expect((await run('echo x | xargs false')).status).toBe(123)
  })
})

describe('hostname, whoami, uname, basename, dirname', () => {
  it('print what the session is', async () => {
    const shell = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock: fakeClock(), hostname: 'web-0', user: 'root', env: { HOME: '/root' } })
    const out = collectWriter()
    await shell.run('hostname; whoami; uname; uname -r; uname -a', { stdout: out, stderr: out, signal: createCancel().signal })
    expect(out.text()).toBe('web-0\nroot\nLinux\n5.15.0\nLinux web-0 5.15.0 #1 SMP x86_64 GNU/Linux\n')
  })

  it('basename and dirname', async () => {
    const { run } = testShell()
    expect((await run('basename /a/b/c.yaml; basename /a/b/c.yaml .yaml; dirname /a/b/c.yaml; dirname c; dirname /a')).stdout).toBe('c.yaml\nc\n/a/b\n.\n/\n')
  })
})

describe('exec and local', () => {
  it('exec runs the command and ends the shell with its status', async () => {
    const { run, shell } = testShell()
    expect(await run('exec echo replaced; echo never')).toEqual({ status: 0, stdout: 'replaced\n', stderr: '' })
    expect(shell.exited).toBe(true)
  })

  it('local assigns inside functions', async () => {
    const { run } = testShell()
    expect((await run('f() { local x=1; echo $x; }; f')).stdout).toBe('1\n')
  })
})

/** A virtual clock whose sleeps end in time order, one at a time, once everything else has run. */
function steppedClock() {
  let now = 1767225600000
  let seq = 0
  const timers: { at: number; seq: number; resolve: () => void }[] = []
  const clock: ShellClock = {
    now: () => now,
    sleep: (ms: number, signal: CancelSignal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve()
        const t = { at: now + ms, seq: seq++, resolve }
        timers.push(t)
        signal.onAbort(() => {
          const i = timers.indexOf(t)
          if (i >= 0) timers.splice(i, 1)
          resolve()
        })
      }),
  }
  const drive = async <T>(p: Promise<T>): Promise<T> => {
    let done = false
    void p.finally(() => (done = true))
    while (!done) {
      await new Promise((r) => setTimeout(r, 0))
      if (done || timers.length === 0) continue
      timers.sort((x, y) => x.at - y.at || x.seq - y.seq)
      const t = timers.shift()!
      now = t.at
      t.resolve()
    }
    return p
  }
  return { clock, drive }
}

describe('timeout', () => {
  const setup = () => {
    const { clock, drive } = steppedClock()
    const shell = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock })
    return async (line: string) => {
      const out = collectWriter()
      const err = collectWriter()
      const status = await drive(shell.run(line, { stdout: out, stderr: err, signal: createCancel().signal }))
      return { status, stdout: out.text(), stderr: err.text() }
    }
  }

  it('stops a command after the duration of virtual time with status 124', async () => {
    const run = setup()
    const r = await run('timeout 2.5 sh -c "while true; do echo tick; sleep 1; done"; echo "status $?"')
    expect(r.stdout).toBe('tick\ntick\ntick\nstatus 124\n')
  })

  it("passes the command's own status through and checks its operands", async () => {
    const run = setup()
    expect((await run('timeout 5 sh -c "sleep 1; exit 3"; echo $?')).stdout).toBe('3\n')
    expect(await run('timeout x echo')).toEqual({ status: 125, stdout: '', stderr: "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n" })
  })
})
