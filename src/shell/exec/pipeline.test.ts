import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'
import { createRegistry } from '../registry'

describe('pipelines', () => {
  it('connects stages and returns the last status', async () => {
    const { run } = testShell()
    expect(await run('printf "b\\na\\n" | sort | head -1')).toEqual({ status: 0, stdout: 'a\n', stderr: '' })
    expect((await run('true | false')).status).toBe(1)
    expect((await run('false | true')).status).toBe(0)
    expect((await run('! true')).status).toBe(1)
  })

  it('stops an endless writer when the reader is done (virtual time advances only as needed)', async () => {
    const { run, clock } = testShell()
    const r = await run('while true; do date; sleep 1; done | head -3')
    expect(r.stdout).toBe('Thu Jan  1 00:00:00 UTC 2026\nThu Jan  1 00:00:01 UTC 2026\nThu Jan  1 00:00:02 UTC 2026\n')
    expect(clock.now() - 1767225600000).toBeLessThanOrEqual(3000)
    expect((await run('yes | head -n 2')).stdout).toBe('y\ny\n')
    expect((await run('yes no | head -1')).stdout).toBe('no\n')
  })

  it.each([
    ['grep Running', 'web-1 Running\n'],
    ['sed s/Running/Up/', 'web-1 Up\n'],
    ['cut -d" " -f1', 'web-1\n'],
    ['tr a-z A-Z', 'WEB-1 RUNNING\n'],
    ["awk '{print $2}'", 'Running\n'],
    ['cat', 'web-1 Running\n'],
    ['head -5', 'web-1 Running\n'],
  ])('streams through `%s` as lines are written', async (filter, first) => {
    const registry = createRegistry()
    const seen: string[] = []
    let release: () => void = () => {}
    registry.register('watcher', {
      async run(ctx) {
        ctx.stdout.write('web-1 Running\n')
        await new Promise<void>((r) => (release = r))
        ctx.stdout.write('web-2 Pending\n')
        return 0
      },
    })
    const { shell } = testShell({ registry })
    const done = shell.run(`watcher | ${filter}`, {
      stdout: { write: (c) => seen.push(c) },
      stderr: { write: () => {} },
      signal: { aborted: false, onAbort: () => () => {} },
    })
    for (let i = 0; i < 50; i++) await Promise.resolve()
    expect(seen.join('')).toBe(first)
    release()
    expect(await done).toBe(0)
  })

  it('runs each stage in a subshell: assignments do not leak', async () => {
    const { run } = testShell()
    expect((await run('X=1; echo 2 | read X; echo $X')).stdout).toBe('1\n')
    expect((await run('echo hi | { read L; echo "got $L"; }')).stdout).toBe('got hi\n')
  })

  it('marks only the terminal stage as a TTY', async () => {
    const registry = createRegistry()
    registry.register('tty', { run: (ctx) => (ctx.stdout.write(String(ctx.isTTY) + '\n'), 0) })
    const { run } = testShell({ registry })
    expect((await run('tty; tty | cat; echo $(tty); tty > f; cat f', { isTTY: true })).stdout).toBe('true\nfalse\nfalse\nfalse\n')
  })
})
