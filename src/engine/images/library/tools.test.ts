import { describe, it, expect } from 'vitest'
import { redis } from './redis'
import { postgres } from './postgres'
import { boutiqueServices } from './boutique'
import { busybox } from './busybox'
import { centos, ubuntu, debian, alpine } from './distros'
import { startProgram } from '../testkit'

describe('tools shipped as programs', () => {
  it('redis-cli ping answers PONG when the server listens, and refuses otherwise', async () => {
    const up = startProgram(redis, { command: ['redis-cli', 'ping'], taken: [6379] })
    expect(await up.exited).toBe(0)
    expect(up.stdout()).toBe('PONG\n')
    const cli = startProgram(redis, { command: ['redis-cli', 'ping'] })
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n')
  })

  it('pg_isready reports no response with nothing on 5432 (exit 2)', async () => {
    const c = startProgram(postgres, { command: ['pg_isready'] })
    expect(await c.exited).toBe(2)
    expect(c.stdout()).toBe('/var/run/postgresql:5432 - no response\n')
  })

  it('grpc_health_probe says SERVING for a listening service', async () => {
    const spec = boutiqueServices.find((s) => s.repository.endsWith('/productcatalogservice'))!
    const c = startProgram(spec, { command: ['/bin/grpc_health_probe', '-addr=:3550'], taken: [3550] })
    expect(await c.exited).toBe(0)
    expect(c.stdout()).toBe('status: SERVING\n')
  })
})

describe('shell images', () => {
  it('are one-shot shells with truthful tools', () => {
    for (const s of [busybox, alpine, ubuntu, debian, centos]) {
      expect(s.oneShot, s.repository).toBe(true)
      expect(s.shell).not.toBe('none')
    }
    expect(busybox.tools).toEqual(expect.arrayContaining(['wget', 'nc', 'nslookup', 'ping', 'ps']))
    expect(ubuntu.tools).not.toContain('curl')
    expect(debian.tools).not.toContain('curl')
    expect(centos.tools).toEqual(expect.arrayContaining(['curl', 'ping']))
    expect(centos.cmd).toEqual(['/bin/bash'])
    expect(centos.files?.['/etc/os-release']).toContain('PRETTY_NAME="CentOS Linux 7 (Core)"')
  })
})
