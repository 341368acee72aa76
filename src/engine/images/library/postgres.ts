// postgres: the official image. docker-entrypoint.sh initialises $PGDATA on first start (initdb,
// a temporary server, the init scripts) and refuses to without a superuser password; the server
// then logs to stderr and listens on TCP 5432. A PGDATA that already holds PG_VERSION (a reused
// volume) skips initialisation. STOPSIGNAL SIGINT: the runtime's stop is a fast shutdown.
import type { CommandContext } from '../../../shell'
import type { ImageSpec, Program } from '../types'
import { entrypointProgram } from './entrypoint'
import { DEBIAN_12, MiB } from './osrelease'
import type { LogStep } from './server'
import { serverProgram } from './server'
import { pgTime } from './timefmt'

export const POSTGRES_VERSION = '17.2'
const PG_BUILD = `PostgreSQL ${POSTGRES_VERSION} (Debian ${POSTGRES_VERSION}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`

const out = (text: string, afterMs?: number): LogStep => ({ text, afterMs })
const log = (pid: number, msg: string, afterMs?: number): LogStep => ({ stderr: true, afterMs, text: (c) => `${pgTime(c.nowMs)} [${pid}] LOG:  ${msg}` })

/** `2026-01-01 00:00:06 UTC`: the shutdown time postgres reports (no milliseconds). */
const shutAt = (ms: number) => pgTime(ms).replace(/\.\d{3}/, '')

const pgdata = (ctx: CommandContext) => ctx.env.PGDATA || '/var/lib/postgresql/data'
const initialised = (ctx: CommandContext) => ctx.fs.exists(`${pgdata(ctx)}/PG_VERSION`)

/** The entrypoint's refusal, word for word (docker_verify_minimum_env). */
export const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`

const TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************`

/** initdb, the temporary server and its shutdown: about two seconds of virtual time. */
function initLines(ctx: CommandContext): LogStep[] {
  const dir = pgdata(ctx)
  return [
    ...(ctx.env.POSTGRES_HOST_AUTH_METHOD === 'trust' ? [{ text: TRUST_WARNING, stderr: true }] : []),
    out('The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n'),
    out('The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n'),
    out('Data page checksums are disabled.\n'),
    out(`fixing permissions on existing directory ${dir} ... ok`),
    out('creating subdirectories ... ok'),
    out('selecting dynamic shared memory implementation ... posix'),
    out('selecting default "max_connections" ... 100'),
    out('selecting default "shared_buffers" ... 128MB'),
    out('selecting default time zone ... Etc/UTC'),
    out('creating configuration files ... ok'),
    out('running bootstrap script ... ok', 400),
    out('performing post-bootstrap initialization ... ok', 600),
    out('syncing data to disk ... ok', 100),
    out('\n\nSuccess. You can now start the database server using:\n'),
    out(`    pg_ctl -D ${dir} -l logfile start\n`),
    { text: 'initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.', stderr: true },
    out('waiting for server to start....', 50),
    log(48, `starting ${PG_BUILD}`),
    log(48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    { stderr: true, afterMs: 60, text: (c) => `${pgTime(c.nowMs)} [51] LOG:  database system was shut down at ${shutAt(c.nowMs - 120)}` },
    log(48, 'database system is ready to accept connections', 20),
    out(' done\nserver started'),
    out('\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n'),
    out('waiting for server to shut down...', 100),
    log(48, 'received fast shutdown request'),
    log(48, 'aborting any active transactions'),
    log(48, 'background worker "logical replication launcher" (PID 54) exited with exit code 1'),
    log(49, 'shutting down'),
    log(48, 'database system is shut down', 200),
    out(' done\nserver stopped\n'),
    out('PostgreSQL init process complete; ready for start up.\n'),
  ]
}

/** The `postgres` server itself: PID 1 once the entrypoint has exec'd it. */
export function postgresServer(): Program {
  return serverProgram({
    startup: [
      log(1, `starting ${PG_BUILD}`),
      log(1, 'listening on IPv4 address "0.0.0.0", port 5432'),
      log(1, 'listening on IPv6 address "::", port 5432'),
      log(1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
      { stderr: true, afterMs: 20, text: (c) => `${pgTime(c.nowMs)} [62] LOG:  database system was shut down at ${shutAt(c.nowMs - 40)}` },
    ],
    listen: [{ port: 5432 }],
    ready: [log(1, 'database system is ready to accept connections', 10)],
    bindError: () => ({ lines: [log(1, 'could not bind IPv4 address "0.0.0.0": Address already in use'), log(1, 'could not create any TCP/IP sockets')], exitCode: 1 }),
    memoryBytes: 28 * MiB,
    cpuMillicores: 3,
    onTerm: {
      exitCode: 0,
      lines: [
        log(1, 'received fast shutdown request'),
        log(1, 'aborting any active transactions'),
        log(1, 'background worker "logical replication launcher" (PID 68) exited with exit code 1'),
        log(63, 'shutting down'),
        log(63, 'checkpoint starting: shutdown immediate'),
        log(63, 'checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.010 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/14E4F58, redo lsn=0/14E4F58', 10),
        log(1, 'database system is shut down'),
      ],
    },
  })
}

/** `pg_isready`: exit 0 with "accepting connections" when the local server listens, 2 otherwise. */
export const pgIsReady: Program = async (ctx) => {
  const r = ctx.net ? await ctx.net.connect('127.0.0.1', 5432, 3_000, ctx.signal) : { kind: 'error' as const }
  const ok = r.kind === 'open'
  ctx.stdout.write(`/var/run/postgresql:5432 - ${ok ? 'accepting connections' : 'no response'}\n`)
  return ok ? 0 : 2
}

function postgresPrograms(): Record<string, Program> {
  const programs: Record<string, Program> = { postgres: postgresServer(), pg_isready: pgIsReady }
  const entry = entrypointProgram({
    script: '/usr/local/bin/docker-entrypoint.sh',
    // `-c shared_buffers=…` as the first word means "arguments for postgres".
    rewrite: (argv) => (argv[0]?.startsWith('-') ? ['postgres', ...argv] : argv),
    applies: (argv) => argv[0] === 'postgres',
    check: (_argv, ctx) => {
      if (initialised(ctx)) return undefined
      if (!ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') return { lines: [{ text: POSTGRES_NO_PASSWORD, stderr: true }], exitCode: 1 }
      return undefined
    },
    lines: (_argv, ctx) => {
      if (initialised(ctx)) return [out('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n')]
      // Mark the cluster initialised, as initdb's files do (a restarted container skips init).
      writeMarker(ctx)
      return initLines(ctx)
    },
  }, () => programs)
  programs['docker-entrypoint.sh'] = entry
  programs['/usr/local/bin/docker-entrypoint.sh'] = entry
  return programs
}

function writeMarker(ctx: CommandContext): void {
  try {
    const dir = pgdata(ctx)
    if (!ctx.fs.isDir(dir)) ctx.fs.mkdir(dir, { recursive: true })
    ctx.fs.writeFile(`${dir}/PG_VERSION`, POSTGRES_VERSION.split('.')[0] + '\n')
  } catch { /* read-only: the next start initialises again */ }
}

export const postgres: ImageSpec = {
  repository: 'docker.io/library/postgres',
  family: 'postgres',
  tags: ['latest', '17', '17.2', '17.1', '17.0', 'bookworm', '17-bookworm', '16', '16.6', '16.4', '16.2', '15', '15.10', '15.8', '14', '14.15', '14.13', '13', '13.18', '12', '12.22', '11', '10', '9.6', 'alpine', '17-alpine', '17.2-alpine', '16-alpine', '16.6-alpine', '15-alpine', '14-alpine', '13-alpine', '12-alpine'],
  sizeBytes: 435_000_000,
  tagSizes: [{ tag: /alpine/, sizeBytes: 273_000_000 }, { tag: /^16/, sizeBytes: 432_000_000 }, { tag: /^15/, sizeBytes: 413_000_000 }, { tag: /^(14|13|12|11|10|9)/, sizeBytes: 379_000_000 }],
  description: 'PostgreSQL on TCP 5432; refuses to initialise without POSTGRES_PASSWORD (exit 1).',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin', PG_MAJOR: '17', PG_VERSION: '17.2-1.pgdg120+1', PGDATA: '/var/lib/postgresql/data', LANG: 'en_US.utf8', GOSU_VERSION: '1.17' },
  exposedPorts: [5432],
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: ['pg_isready'],
  programs: postgresPrograms(),
  memoryBytes: 28 * MiB,
  requiredEnv: ['POSTGRES_PASSWORD'],
  stopMs: 300,
}
