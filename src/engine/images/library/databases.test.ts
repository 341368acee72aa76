import { describe, it, expect } from 'vitest'
import { postgres, POSTGRES_NO_PASSWORD } from './postgres'
import { mysql } from './mysql'
import { redis } from './redis'
import { mongo } from './mongo'
import { startProgram } from '../testkit'

describe('postgres', () => {
  it('refuses to initialise without POSTGRES_PASSWORD: the real block on stderr, exit 1', async () => {
    const c = startProgram(postgres)
    expect(await c.exited).toBe(1)
    expect(c.stderr()).toBe(POSTGRES_NO_PASSWORD + '\n')
    expect(c.stderr().split('\n')[0]).toBe('Error: Database is uninitialized and superuser password is not specified.')
    expect(c.stdout()).toBe('')
  })

  it('initialises, then listens on 5432; a restart skips initialisation', async () => {
    const c = startProgram(postgres, { env: { POSTGRES_PASSWORD: 'secret' } })
    await c.settle()
    await c.settle()
    expect(c.stdout()).toContain('PostgreSQL init process complete; ready for start up.')
    expect(c.stderr()).toContain('LOG:  database system is ready to accept connections')
    expect(c.listeners.has(5432)).toBe(true)
    expect(c.fs.readFile('/var/lib/postgresql/data/PG_VERSION')).toBe('17\n')
    c.term()
    expect(await c.exited).toBe(0)
    expect(c.stderr()).toContain('LOG:  received fast shutdown request')
    // The same data directory without a password: initialised already, so no refusal.
    const again = startProgram(postgres, { files: { '/var/lib/postgresql/data/PG_VERSION': '17\n' } })
    await again.settle()
    expect(again.stdout()).toContain('PostgreSQL Database directory appears to contain a database; Skipping initialization')
    expect(again.exitCode()).toBeUndefined()
  })
})

describe('mysql', () => {
  it('prints the entrypoint error block and exits 1 without a password', async () => {
    const c = startProgram(mysql)
    expect(await c.exited).toBe(1)
    expect(c.stderr()).toBe('2026-01-01 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n')
    expect(c.stdout()).toContain('[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.')
  })

  it('takes several seconds to initialise, then is ready on 3306', async () => {
    const c = startProgram(mysql, { env: { MYSQL_ROOT_PASSWORD: 'pw' } })
    for (let i = 0; i < 5; i++) await c.settle()
    expect(c.listeners.has(3306)).toBe(true)
    expect(c.clock.now() - 1767225600000).toBeGreaterThan(8_000)
    expect(c.stderr()).toContain("/usr/sbin/mysqld: ready for connections. Version: '9.1.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.")
  })
})

describe('redis', () => {
  it('prints its banner, listens on 6379 without HTTP, saves on SIGTERM', async () => {
    const c = startProgram(redis)
    await c.settle()
    expect(c.stdout()).toContain('1:C 01 Jan 2026 00:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n')
    expect(c.stdout()).toContain('1:M 01 Jan 2026 00:00:00.000 * Ready to accept connections tcp\n')
    expect(c.listeners.get(6379)?.http).toBeUndefined()
    c.term()
    expect(await c.exited).toBe(0)
    expect(c.stdout()).toContain('1:signal-handler (1767225600) Received SIGTERM scheduling shutdown...')
    expect(c.stdout()).toContain('# Redis is now ready to exit, bye bye...')
    expect(c.fs.exists('/data/dump.rdb')).toBe(true)
  })

  it('passes `--port` through the entrypoint', async () => {
    const c = startProgram(redis, { args: ['--port', '7777'] })
    await c.settle()
    expect(c.argv).toEqual(['docker-entrypoint.sh', '--port', '7777'])
    expect(c.listeners.has(7777)).toBe(true)
  })
})

describe('mongo', () => {
  it('logs JSON lines and waits for connections on 27017', async () => {
    const c = startProgram(mongo)
    for (let i = 0; i < 3; i++) await c.settle()
    expect(c.listeners.has(27017)).toBe(true)
    const last = c.stdout().trimEnd().split('\n').pop()!
    expect(JSON.parse(last)).toMatchObject({ s: 'I', c: 'NETWORK', id: 23016, msg: 'Waiting for connections', attr: { port: 27017, ssl: 'off' } })
  })
})
