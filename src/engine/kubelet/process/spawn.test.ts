import { describe, it, expect } from 'vitest'
import { collectWriter, createCancel } from '../../../shell'
import { spawnContainer } from './spawn'
import { image, spawnOptions } from './testkit'
import type { ProcessExit } from './types'
import type { VirtualClock } from '../../runtime/clock'

const sh = (script: string) => ({ name: 'web', image: 'busybox', command: ['sh', '-c', script] })

/**
 * Drives virtual time exactly: every instant's timers run, then everything they set off settles
 * (a macrotask turn) before the next instant. advanceAsync's fixed microtask budget is too short
 * for a shell pipeline like `echo $(date) | tee /dev/stderr`, which would then sleep late.
 */
async function runFor(clock: VirtualClock, ms: number): Promise<void> {
  const target = clock.now() + ms
  const flush = () => new Promise((r) => setTimeout(r, 0))
  await flush()
  for (let next = clock.nextAt(); next !== undefined && next <= target; next = clock.nextAt()) {
    clock.advance(next - clock.now())
    await flush()
  }
  clock.advance(target - clock.now())
  await flush()
}

/** Resolves with the exit if the process has ended after `ms` of virtual time, else undefined. */
async function after(clock: VirtualClock, exited: Promise<ProcessExit>, ms: number): Promise<ProcessExit | undefined> {
  let done: ProcessExit | undefined
  void exited.then((e) => { done = e })
  await runFor(clock, ms)
  return done
}

describe('spawnContainer: a shell as PID 1', () => {
  it('logs the countdown 9..1 and completes', async () => {
    const o = spawnOptions(sh('for i in 9 8 7 6 5 4 3 2 1; do echo $i; done'))
    const p = spawnContainer(o)
    const exit = await after(o.clock, p.exited, 0)
    expect(exit).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(o.lines.map((l) => l.text)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1'])
    expect(o.lines.every((l) => l.stream === 'stdout')).toBe(true)
  })

  it('exit 3 is an Error with code 3', async () => {
    const o = spawnOptions(sh('echo failing >&2; exit 3'))
    const exit = await after(o.clock, spawnContainer(o).exited, 0)
    expect(exit).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(o.lines).toEqual([{ atMs: o.clock.now(), stream: 'stderr', text: 'failing' }])
  })

  it('sleep 3600 runs until the hour passes, or until killed with 137', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const p = spawnContainer(o)
    expect(await after(o.clock, p.exited, 3_599_000)).toBeUndefined()
    p.kill()
    expect(await after(o.clock, p.exited, 0)).toMatchObject({ exitCode: 137, reason: 'Error' })

    const o2 = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const p2 = spawnContainer(o2)
    expect(await after(o2.clock, p2.exited, 3_600_000)).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('sleep infinity runs until killed', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', 'infinity'] })
    const p = spawnContainer(o)
    expect(await after(o.clock, p.exited, 86_400_000)).toBeUndefined()
    p.kill()
    expect(await after(o.clock, p.exited, 0)).toMatchObject({ exitCode: 137, reason: 'Error' })
  })

  it('a date loop writes one line per virtual second to both streams', async () => {
    const o = spawnOptions(sh('while true; do echo $(date) | tee /dev/stderr; sleep 1; done'))
    const p = spawnContainer(o)
    await runFor(o.clock, 2500)
    const out = o.lines.filter((l) => l.stream === 'stdout')
    const err = o.lines.filter((l) => l.stream === 'stderr')
    expect(out.map((l) => l.atMs - out[0].atMs)).toEqual([0, 1000, 2000])
    expect(err.map((l) => l.text)).toEqual(out.map((l) => l.text))
    expect(out[0].text).toBe('Thu Jan 1 00:00:00 UTC 2026')
    expect(out[2].text).toBe('Thu Jan 1 00:00:02 UTC 2026')
    p.kill()
    const n = o.lines.length
    await runFor(o.clock, 5000)
    expect(o.lines.length).toBe(n)
  })

  it('keeps the cadence when the clock is driven in coarse steps', async () => {
    const o = spawnOptions(sh('while true; do echo $(date) | tee /dev/stderr; sleep 1; done'))
    const p = spawnContainer(o)
    // One big step (the learner's `sleep 10` on the instant clock), then the driver's next ticks.
    await o.clock.advanceAsync(10_000)
    for (let i = 0; i < 30; i++) await o.clock.advanceAsync(50)
    const out = o.lines.filter((l) => l.stream === 'stdout').slice(0, 11)
    expect(out.map((l) => l.text)).toEqual(Array.from({ length: 11 }, (_, s) => `Thu Jan 1 00:00:${String(s).padStart(2, '0')} UTC 2026`))
    expect(out.map((l) => l.atMs - out[0].atMs)).toEqual(Array.from({ length: 11 }, (_, s) => s * 1000))
    p.kill()
  })

  it('writes into the container filesystem', async () => {
    const o = spawnOptions(sh('mkdir -p /app && echo hi > /app/index.html'))
    expect(await after(o.clock, spawnContainer(o).exited, 0)).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(o.fs.readFile('/app/index.html')).toBe('hi\n')
  })

  it('sees its environment, hostname and working directory', async () => {
    const o = spawnOptions(sh('echo $GREETING $HOSTNAME $HOME; hostname; pwd'), { env: { GREETING: 'hello', HOSTNAME: 'web' } })
    o.container.workingDir = '/tmp'
    await after(o.clock, spawnContainer(o).exited, 0)
    expect(o.lines.map((l) => l.text)).toEqual(['hello web /root', 'web', '/tmp'])
  })

  it('sh with stdin open (kubectl run -it) keeps running; without it, sh ends at once', async () => {
    const o = spawnOptions({ name: 'web', stdin: true, tty: true })
    const p = spawnContainer(o)
    expect(await after(o.clock, p.exited, 60_000)).toBeUndefined()
    p.kill()
    const o2 = spawnOptions({ name: 'web' })
    expect(await after(o2.clock, spawnContainer(o2).exited, 0)).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('ignores SIGTERM: only SIGKILL ends it', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const p = spawnContainer(o)
    p.term()
    expect(await after(o.clock, p.exited, 30_000)).toBeUndefined()
    p.kill()
    expect(await after(o.clock, p.exited, 0)).toMatchObject({ exitCode: 137 })
  })
})

describe('spawnContainer: argv from the image and the container', () => {
  it('runs the image CMD when the container says nothing', async () => {
    const o = spawnOptions({ name: 'web' }, { image: image({ entrypoint: [], cmd: ['echo', 'from', 'cmd'] }) })
    await after(o.clock, spawnContainer(o).exited, 0)
    expect(o.lines.map((l) => l.text)).toEqual(['from cmd'])
  })

  it('args keep the ENTRYPOINT; command drops the CMD', async () => {
    const img = image({ entrypoint: ['echo', 'entry'], cmd: ['cmd'] })
    const o = spawnOptions({ name: 'web', args: ['arg'] }, { image: img })
    await after(o.clock, spawnContainer(o).exited, 0)
    expect(o.lines.map((l) => l.text)).toEqual(['entry arg'])
    const o2 = spawnOptions({ name: 'web', command: ['echo'] }, { image: img })
    await after(o2.clock, spawnContainer(o2).exited, 0)
    expect(o2.lines.map((l) => l.text)).toEqual([''])
  })
})

describe('spawnContainer: start errors', () => {
  const message = (name: string) => `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`

  it('a command that does not exist is a StartError with 128 and runc\'s words', async () => {
    const o = spawnOptions({ name: 'web', command: ['foo'] })
    expect(await after(o.clock, spawnContainer(o).exited, 0)).toEqual({ exitCode: 128, reason: 'StartError', message: message('foo'), atMs: o.clock.now() })
  })

  it('bash in a busybox image, anything in an image without a shell, a shell keyword', async () => {
    for (const [argv, img] of [[['bash', '-c', 'true'], image()], [['sh'], image({ shell: 'none' })], [['cd', '/'], image()]] as const) {
      const o = spawnOptions({ name: 'web', command: [...argv] }, { image: img })
      expect(await after(o.clock, spawnContainer(o).exited, 0)).toMatchObject({ reason: 'StartError', message: message(argv[0]) })
    }
  })

  it('a missing path says stat', async () => {
    const o = spawnOptions({ name: 'web', command: ['/app/run.sh'] })
    expect((await after(o.clock, spawnContainer(o).exited, 0))?.message).toContain('exec: "/app/run.sh": stat /app/run.sh: no such file or directory: unknown')
  })

  it('a script file in the container starts', async () => {
    const o = spawnOptions({ name: 'web', command: ['/app/run.sh'] })
    o.fs.writeFile('/app/run.sh', 'echo running\n')
    expect(await after(o.clock, spawnContainer(o).exited, 0)).toMatchObject({ reason: 'Completed' })
    expect(o.lines.map((l) => l.text)).toEqual(['running'])
  })
})

describe('spawnContainer: a program as PID 1', () => {
  it('listens, logs, and exits 0 on SIGTERM; its port closes', async () => {
    const o = spawnOptions({ name: 'web', command: ['web'] })
    const p = spawnContainer(o)
    await runFor(o.clock, 0)
    expect(o.fabric.listenerAt('10.244.0.7', 80)).toBeDefined()
    expect(p.usage().memoryBytes).toBe(5_000_000)
    p.term()
    const exit = await after(o.clock, p.exited, 100)
    expect(exit).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(o.lines.map((l) => l.text)).toEqual(['server started', 'shutting down'])
    expect(o.fabric.listenerAt('10.244.0.7', 80)).toBeUndefined()
  })

  it('kill closes its port at once', async () => {
    const o = spawnOptions({ name: 'web', command: ['/usr/sbin/web'] })
    const p = spawnContainer(o)
    await runFor(o.clock, 0)
    p.kill()
    expect(await after(o.clock, p.exited, 0)).toMatchObject({ exitCode: 137, reason: 'Error' })
    expect(o.fabric.listenerAt('10.244.0.7', 80)).toBeUndefined()
  })

  it('is OOM-killed when its memory passes the limit', async () => {
    const o = spawnOptions({ name: 'web', command: ['stress'] }, { memoryLimitBytes: 3_500_000 })
    const p = spawnContainer(o)
    expect(await after(o.clock, p.exited, 2000)).toBeUndefined()
    expect(p.usage().memoryBytes).toBe(3_000_000)
    expect(await after(o.clock, p.exited, 1000)).toMatchObject({ exitCode: 137, reason: 'OOMKilled', atMs: o.clock.now() })
  })

  it('an entrypoint that execs a program: it becomes PID 1 and gets SIGTERM', async () => {
    const o = spawnOptions({ name: 'web', args: ['web'] }, { image: image({ entrypoint: ['/docker-entrypoint.sh'], cmd: [] }) })
    const p = spawnContainer(o)
    await runFor(o.clock, 0)
    expect(p.processes()[0].command).toBe('web')
    p.term()
    expect(await after(o.clock, p.exited, 100)).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('an entrypoint that execs a shell command, or something missing', async () => {
    const o = spawnOptions({ name: 'web', command: ['/docker-entrypoint.sh', 'sh', '-c', 'echo via shell; exit 5'] })
    expect(await after(o.clock, spawnContainer(o).exited, 0)).toMatchObject({ exitCode: 5, reason: 'Error' })
    expect(o.lines.map((l) => l.text)).toEqual(['via shell'])
    const o2 = spawnOptions({ name: 'web', command: ['/docker-entrypoint.sh', 'nope'] })
    expect(await after(o2.clock, spawnContainer(o2).exited, 0)).toMatchObject({ exitCode: 127, reason: 'Error' })
    expect(o2.lines.map((l) => l.text)).toEqual(['/docker-entrypoint.sh: exec: nope: not found'])
  })

  it('a program a shell starts does not see SIGTERM', async () => {
    const o = spawnOptions(sh('web'))
    const p = spawnContainer(o)
    await runFor(o.clock, 0)
    expect(o.fabric.listenerAt('10.244.0.7', 80)).toBeDefined()
    p.term()
    expect(await after(o.clock, p.exited, 10_000)).toBeUndefined()
  })

  it('a spinning shell uses a core, or its CPU limit', async () => {
    const o = spawnOptions({ ...sh('while true; do :; done'), resources: { limits: { cpu: '500m' } } })
    const p = spawnContainer(o)
    expect(p.usage().cpuMillicores).toBe(1)
    await runFor(o.clock, 3000)
    expect(p.usage().cpuMillicores).toBe(500)
    p.kill()
  })

  it('an idle shell costs the image\'s memory', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '10'] })
    const p = spawnContainer(o)
    expect(p.usage()).toEqual({ cpuMillicores: 1, memoryBytes: 400_000 })
    expect(p.processes()).toEqual([{ pid: 1, user: 'root', command: 'sleep 10', startedAtMs: o.clock.now() }])
  })
})

describe('exec beside PID 1', () => {
  it('runs in the same filesystem and environment', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { env: { APP: 'shop' } })
    const p = spawnContainer(o)
    o.fs.writeFile('/data/x', 'stored\n')
    const out = collectWriter()
    const code = await p.exec(['sh', '-c', 'cat /data/x; echo $APP'], { stdout: out, stderr: out, signal: createCancel().signal })
    expect(code).toBe(0)
    expect(out.text()).toBe('stored\nshop\n')
  })

  it('printenv lists the environment as runc passed it, HOME last', async () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOSTNAME: 'pod-env', SIMPLE_SERVICE_VERSION: '1.0', KUBERNETES_SERVICE_HOST: '10.96.0.1' }
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { env })
    const out = collectWriter()
    await spawnContainer(o).exec(['printenv'], { stdout: out, stderr: out, signal: createCancel().signal })
    expect(out.text()).toBe('PATH=/usr/local/bin:/usr/bin:/bin\nHOSTNAME=pod-env\nSIMPLE_SERVICE_VERSION=1.0\nKUBERNETES_SERVICE_HOST=10.96.0.1\nHOME=/root\n')
  })

  it('has the tools its image lists, the container tools, and nothing else', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { image: image({ tools: ['wget', 'ps'] }) })
    const p = spawnContainer(o)
    const out = collectWriter()
    const io = { stdout: out, stderr: out, signal: createCancel().signal }
    expect(await p.exec(['sh', '-c', 'command -v wget ps >/dev/null && ! command -v curl'], io)).toBe(0)
    expect(await p.exec(['wget', '-q', '-O-', 'http://10.244.0.7/'], io)).not.toBe(0)
    await expect(p.exec(['curl', 'http://10.244.0.7/'], io)).rejects.toThrow('exec: "curl": executable file not found in $PATH')
    const ps = collectWriter()
    await p.exec(['ps'], { ...io, stdout: ps })
    expect(ps.text()).toContain('sleep 3600')
    // A debian-slim image without procps.
    const slim = spawnContainer(spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { image: image({ shell: 'bash', tools: ['curl'] }) }))
    await expect(slim.exec(['ps'], io)).rejects.toThrow('exec: "ps": executable file not found in $PATH')
    expect(await slim.exec(['id', '-u'], io)).toBe(0)
  })

  it('a missing command rejects with the OCI exec message', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const p = spawnContainer(o)
    const out = collectWriter()
    await expect(p.exec(['bash'], { stdout: out, stderr: out, signal: createCancel().signal })).rejects.toThrow(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown')
  })

  it('an exec ends with the container', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const p = spawnContainer(o)
    const out = collectWriter()
    const running = p.exec(['sleep', '100'], { stdout: out, stderr: out, signal: createCancel().signal })
    await runFor(o.clock, 0)
    expect(p.processes().map((x) => [x.pid, x.command])).toEqual([[1, 'sleep 3600'], [7, 'sleep 100']])
    p.kill()
    expect(await running).toBe(130)
  })
})

describe('interactive sessions', () => {
  it('busybox sh: `/ # ` prompt, runs lines, ends with exit', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    const s = spawnContainer(o).session(['sh'])
    expect(s.prompt()).toBe('/ # ')
    const out = collectWriter()
    await s.run('cd /tmp; hostname', { stdout: out, stderr: out, signal: createCancel().signal })
    expect(out.text()).toBe('web\n')
    expect(s.prompt()).toBe('/tmp # ')
    const env = collectWriter()
    await s.run('printenv TERM SHLVL PWD HOME', { stdout: env, stderr: env, signal: createCancel().signal })
    expect(env.text()).toBe('xterm\n1\n/tmp\n/root\n')
    await s.run('cd; exit 4', { stdout: out, stderr: out, signal: createCancel().signal })
    expect(s.exited).toBe(true)
    expect(s.exitCode).toBe(4)
  })

  it('bash images: `root@<pod>:/# `; their sh is dash: `# `', () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { image: image({ shell: 'bash' }) })
    const p = spawnContainer(o)
    expect(p.session(['bash']).prompt()).toBe('root@web:/# ')
    expect(p.session(['/bin/sh']).prompt()).toBe('# ')
  })

  it('a uid without a name: bash says so, HOME is /', async () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'], securityContext: { runAsUser: 1001 } }, { image: image({ shell: 'bash' }) })
    const p = spawnContainer(o)
    const s = p.session(['bash'])
    expect(s.prompt()).toBe('I have no name!@web:/$ ')
    const out = collectWriter()
    await s.run('echo $HOME; id -u', { stdout: out, stderr: out, signal: createCancel().signal })
    expect(out.text()).toBe('/\n1001\n')
  })

  it('bash in busybox is the runtime\'s error', () => {
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    expect(() => spawnContainer(o).session(['bash'])).toThrow('exec: "bash": executable file not found in $PATH')
  })
})
