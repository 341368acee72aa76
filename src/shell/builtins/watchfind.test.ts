import { describe, expect, it } from 'vitest'
import { createCancel } from '../exec/cancel'
import { collectWriter } from '../exec/streams'
import { MemoryFileSystem } from '../fs'
import { createRegistry } from '../registry'
import { Shell } from '../shell'
import { testShell } from '../testkit'
import type { CancelSignal, ShellClock } from '../types'

describe('watch', () => {
  it('redraws the command output every interval of virtual time until Ctrl-C', async () => {
    let now = 1767225600000
    const cancel = createCancel()
    let rounds = 0
    // Each sleep advances virtual time; the third one is interrupted by Ctrl-C.
    const clock: ShellClock = {
      now: () => now,
      async sleep(ms: number, signal: CancelSignal) {
        if (++rounds === 3) cancel.abort()
        if (!signal.aborted) now += ms
      },
    }
    const shell = new Shell({ fs: new MemoryFileSystem(), registry: createRegistry(), clock })
    const out = collectWriter()
    const status = await shell.run('watch -n 5 date +%T', { stdout: out, stderr: out, signal: cancel.signal, columns: 60 })
    expect(status).toBe(130)
    const title = (t: string) => `Every 5.0s: date +%T${' '.repeat(60 - 20 - 33)}kubelab: Thu Jan  1 ${t} 2026\n\n`
    expect(out.text()).toBe(
      `\x1b[H\x1b[2J${title('00:00:00')}00:00:00\n` + `\x1b[H\x1b[2J${title('00:00:05')}00:00:05\n` + `\x1b[H\x1b[2J${title('00:00:10')}00:00:10\n`,
    )
  })
})

describe('find', () => {
  const files = [
    { path: '/home/learner/app/web.yaml', content: '' },
    { path: '/home/learner/app/db.yml', content: '' },
    { path: '/home/learner/app/sub/svc.yaml', content: '' },
    { path: '/home/learner/notes.txt', content: '' },
  ]

  it('walks from each path with -name, -type and -maxdepth', async () => {
    const { run } = testShell({ files })
    expect((await run('find app')).stdout).toBe('app\napp/db.yml\napp/sub\napp/sub/svc.yaml\napp/web.yaml\n')
    expect((await run('find . -name "*.yaml"')).stdout).toBe('./app/sub/svc.yaml\n./app/web.yaml\n')
    expect((await run('find app -type d')).stdout).toBe('app\napp/sub\n')
    expect((await run('find app -maxdepth 1 -type f')).stdout).toBe('app/db.yml\napp/web.yaml\n')
  })

  it('words errors as GNU find', async () => {
    const { run } = testShell({ files })
    expect(await run('find nope')).toEqual({ status: 1, stdout: '', stderr: "find: 'nope': No such file or directory\n" })
    expect((await run('find . -bogus x')).stderr).toBe("find: unknown predicate `-bogus'\n")
  })
})
