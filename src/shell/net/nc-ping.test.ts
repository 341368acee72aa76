import { describe, it, expect } from 'vitest'
import { createCancel } from '../exec/cancel'
import { collectWriter } from '../exec/streams'
import { MemoryFileSystem } from '../fs'
import { createRegistry } from '../registry'
import { Shell } from '../shell'
import { fakeClock } from '../testkit'
import type { CancelSignal, ShellClock } from '../types'
import { createNetTools } from './index'
import { fakeNet, netShell } from './testing'

const cluster = (clock: ShellClock) =>
  fakeNet({
    clock,
    names: { web: '10.244.0.5' },
    hosts: { '10.244.0.5': { 80: () => ({ status: 200, headers: [['Content-Length', '3']], body: 'ok\n' }), 6379: 'tcp' } },
    unreachable: ['10.244.0.99'],
  })

describe('busybox nc', () => {
  it('-zv reports an open port on stderr, exit 0', async () => {
    const { run } = netShell({ net: cluster })
    expect(await run('nc -z -v -w 2 web 80')).toMatchObject({ status: 0, stdout: '', stderr: 'web (10.244.0.5:80) open\n' })
    expect(await run('nc -zv 10.244.0.5 6379')).toMatchObject({ status: 0, stderr: '10.244.0.5 (10.244.0.5:6379) open\n' })
    expect(await run('nc -z 10.244.0.5 6379')).toMatchObject({ status: 0, stderr: '' })
  })

  it('refused, timed out (-w) and bad address, exit 1', async () => {
    const { run } = netShell({ net: cluster })
    expect(await run('nc -zv web 81')).toMatchObject({ status: 1, stderr: 'nc: web (10.244.0.5:81): Connection refused\n' })
    expect(await run('nc -zv -w 2 10.244.0.9 80')).toMatchObject({ status: 1, stderr: 'nc: 10.244.0.9 (10.244.0.9:80): Connection timed out\n', elapsedMs: 2000 })
    expect(await run('nc -zv 10.244.0.99 80')).toMatchObject({ status: 1, stderr: 'nc: 10.244.0.99 (10.244.0.99:80): No route to host\n' })
    expect(await run('nc -zv nowhere 80')).toMatchObject({ status: 1, stderr: "nc: bad address 'nowhere'\n" })
  })

  it('an HTTP request piped in gets the raw response', async () => {
    const { run } = netShell({ net: cluster })
    const r = await run(`printf 'GET / HTTP/1.0\\r\\nHost: web\\r\\n\\r\\n' | nc web 80`)
    expect(r).toMatchObject({ status: 0, stdout: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n' })
  })

  it('no operands prints the usage, exit 1', async () => {
    const { run } = netShell({ net: cluster })
    const r = await run('nc')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('Usage: nc [OPTIONS] HOST PORT')
  })
})

describe('ping', () => {
  it('iputils: -c 3 answers once a second, then the statistics', async () => {
    const { run } = netShell({ net: cluster })
    const r = await run('ping -c 3 web')
    expect(r).toMatchObject({ status: 0, elapsedMs: 2000 })
    expect(r.stdout).toBe(
      'PING web (10.244.0.5) 56(84) bytes of data.\n' +
        '64 bytes from 10.244.0.5: icmp_seq=1 ttl=64 time=0.045 ms\n' +
        '64 bytes from 10.244.0.5: icmp_seq=2 ttl=64 time=0.061 ms\n' +
        '64 bytes from 10.244.0.5: icmp_seq=3 ttl=64 time=0.052 ms\n' +
        '\n--- web ping statistics ---\n' +
        '3 packets transmitted, 3 received, 0% packet loss, time 2000ms\n' +
        'rtt min/avg/max/mdev = 0.045/0.053/0.061/0.007 ms\n',
    )
  })

  it('iputils: nothing answers (a ClusterIP): 100% loss, exit 1; unknown names exit 2', async () => {
    const { run } = netShell({ net: cluster })
    const r = await run('ping -c 2 10.97.60.103')
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('PING 10.97.60.103 (10.97.60.103) 56(84) bytes of data.\n\n--- 10.97.60.103 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n')
    expect(await run('ping nowhere')).toMatchObject({ status: 2, stderr: 'ping: nowhere: Name or service not known\n' })
  })

  it('busybox flavour', async () => {
    const fs = new MemoryFileSystem([])
    const clock = fakeClock()
    const registry = createRegistry()
    for (const [name, info] of Object.entries(createNetTools({ ping: 'busybox' }))) registry.register(name, info)
    const shell = new Shell({ fs, registry, clock, net: cluster(clock) })
    const out = collectWriter()
    const err = collectWriter()
    expect(await shell.run('ping -c 2 10.244.0.5', { stdout: out, stderr: err, signal: createCancel().signal })).toBe(0)
    expect(out.text()).toBe(
      'PING 10.244.0.5 (10.244.0.5): 56 data bytes\n' +
        '64 bytes from 10.244.0.5: seq=0 ttl=64 time=0.045 ms\n' +
        '64 bytes from 10.244.0.5: seq=1 ttl=64 time=0.061 ms\n' +
        '\n--- 10.244.0.5 ping statistics ---\n' +
        '2 packets transmitted, 2 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = 0.045/0.053/0.061 ms\n',
    )
    await shell.run('ping nowhere', { stdout: out, stderr: err, signal: createCancel().signal })
    expect(err.text()).toBe("ping: bad address 'nowhere'\n")
  })

  it('loops until Ctrl-C, then prints the statistics', async () => {
    // A clock whose third sleep is interrupted by Ctrl-C.
    const cancel = createCancel()
    const base = fakeClock()
    let sleeps = 0
    const clock: ShellClock = {
      now: base.now,
      async sleep(ms: number, signal: CancelSignal) {
        if (++sleeps === 3) {
          cancel.abort()
          return
        }
        await base.sleep(ms, signal)
      },
    }
    const registry = createRegistry()
    for (const [name, info] of Object.entries(createNetTools())) registry.register(name, info)
    const shell = new Shell({ fs: new MemoryFileSystem([]), registry, clock, net: cluster(clock) })
    const out = collectWriter()
    const status = await shell.run('ping web', { stdout: out, stderr: collectWriter(), signal: cancel.signal })
    expect(status).toBe(130)
    expect(out.text()).toContain('icmp_seq=3 ttl=64')
    expect(out.text()).toContain('\n--- web ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2000ms\n')
  })
})
