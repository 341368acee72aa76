import { describe, it, expect } from 'vitest'
import { MemoryFileSystem, Shell, collectWriter, createCancel, createRegistry, type InteractiveSession } from '../shell'
import { AttachRouter } from './attach'

/** A container shell stand-in: echoes lines, `exit N` ends it, completes `ls`. */
function fakeNested(log: string[]): InteractiveSession & { closed: boolean; exited: boolean } {
  const s = {
    exited: false, exitCode: 0, closed: false,
    async run(line: string, io: { stdout: { write(c: string): void } }) {
      log.push(line)
      const m = /^exit(?: (\d+))?$/.exec(line.trim())
      if (m) { s.exited = true; s.exitCode = Number(m[1] ?? 0); return s.exitCode }
      io.stdout.write(`nested: ${line}\n`)
      return 0
    },
    prompt: () => '/ # ',
    complete: (line: string) => ({ word: line, items: ['ls'] }),
    close() { s.closed = true },
  }
  return s
}

function setup() {
  const log: string[] = []
  const sessions: Array<ReturnType<typeof fakeNested>> = []
  const registry = createRegistry()
  // Stands in for `kubectl exec -it`: hands the terminal over when the host offers it.
  registry.register('enter', { run: (ctx) => {
    if (!ctx.attach) { ctx.stderr.write('no terminal\n'); return 0 }
    const s = fakeNested(log)
    sessions.push(s)
    ctx.attach(s)
    return 0
  } })
  const shell = new Shell({ fs: new MemoryFileSystem(), registry, clock: { now: () => 0, sleep: async () => {} } })
  return { router: new AttachRouter(shell), shell, log, sessions }
}

async function run(router: AttachRouter, line: string, interactive?: boolean) {
  const out = collectWriter()
  const code = await router.run(line, { stdout: out, stderr: out, signal: createCancel().signal, isTTY: false, interactive })
  return { code, out: out.text() }
}

describe('AttachRouter', () => {
  it('routes lines, completion and the prompt to the nested session until it exits, then back with $?', async () => {
    const { router, log } = setup()
    expect(router.prompt()).toBeUndefined()
    expect(await run(router, 'enter')).toEqual({ code: 0, out: '' })
    expect(router.prompt()).toBe('/ # ')
    expect(await run(router, 'ls /')).toEqual({ code: 0, out: 'nested: ls /\n' })
    expect(router.complete('l', 1)).toEqual({ word: 'l', items: ['ls'] })
    expect(await run(router, 'exit 3')).toEqual({ code: 3, out: '' })
    expect(log).toEqual(['ls /', 'exit 3'])
    expect(router.prompt()).toBeUndefined()
    expect(await run(router, 'echo $?')).toEqual({ code: 0, out: '3\n' })
    expect(router.complete('ech', 3).items).toContain('echo')
  })

  it('a host without a terminal offers no attach', async () => {
    const { router } = setup()
    expect(await run(router, 'enter', false)).toEqual({ code: 0, out: 'no terminal\n' })
    expect(router.prompt()).toBeUndefined()
  })

  it('lets go of a session that ended on its own, and closes one still open on dispose', async () => {
    const { router, sessions } = setup()
    await run(router, 'enter')
    sessions[0].exited = true
    expect(router.prompt()).toBeUndefined()
    expect(await run(router, 'echo back')).toEqual({ code: 0, out: 'back\n' })
    await run(router, 'enter')
    router.dispose()
    expect(sessions[1].closed).toBe(true)
    expect(router.prompt()).toBeUndefined()
  })
})
