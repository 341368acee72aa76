// mysql: the official image (Oracle Linux 9 based). docker-entrypoint.sh logs `[Note] [Entrypoint]`
// lines to stdout and errors to stderr; on an empty /var/lib/mysql it needs one of the password
// variables, initialises (about ten seconds: a readiness probe lesson) and execs mysqld, which
// logs to stderr and listens on 3306 (and X Protocol on 33060).
import type { CommandContext } from '../../../shell'
import type { ImageSpec, Program } from '../types'
import { entrypointProgram } from './entrypoint'
import { MiB } from './osrelease'
import type { LogStep } from './server'
import { serverProgram } from './server'
import { isoMicros, rfc3339Seconds } from './timefmt'

export const MYSQL_VERSION = '9.1.0'

const note = (msg: string, afterMs?: number): LogStep => ({ afterMs, text: (c) => `${rfc3339Seconds(c.nowMs)} [Note] [Entrypoint]: ${msg}` })
const srv = (thread: number, level: 'System' | 'Warning', code: string, sub: string, msg: string, afterMs?: number): LogStep => ({ stderr: true, afterMs, text: (c) => `${isoMicros(c.nowMs)} ${thread} [${level}] [${code}] [${sub}] ${msg}` })

/** The entrypoint's refusal (mysql_error: first line prefixed, the heredoc's other lines as written). */
export const MYSQL_NO_PASSWORD = `Database is uninitialized and password option is not specified
    You need to specify one of the following as an environment variable:
    - MYSQL_ROOT_PASSWORD
    - MYSQL_ALLOW_EMPTY_PASSWORD
    - MYSQL_RANDOM_ROOT_PASSWORD`

const initialised = (ctx: CommandContext) => ctx.fs.isDir('/var/lib/mysql/mysql')
const hasPassword = (env: Record<string, string>) => !!(env.MYSQL_ROOT_PASSWORD || env.MYSQL_ALLOW_EMPTY_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD)

function mysqldProgram(version: string): Program {
  return serverProgram({
    startup: [
      srv(0, 'System', 'MY-015015', 'Server', 'MySQL Server - start.'),
      srv(0, 'System', 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${version}) starting as process 1`, 200),
      srv(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.', 10),
      srv(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.', 400),
      srv(0, 'Warning', 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.', 200),
      srv(0, 'System', 'MY-013602', 'Server', 'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.'),
      srv(0, 'Warning', 'MY-011810', 'Server', "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory."),
    ],
    listen: [{ port: 3306 }, { port: 33060 }],
    ready: [
      srv(0, 'System', 'MY-011323', 'Server', "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"),
      srv(0, 'System', 'MY-010931', 'Server', `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
    ],
    memoryBytes: 420 * MiB,
    cpuMillicores: 5,
    onTerm: {
      exitCode: 0,
      lines: [
        srv(0, 'System', 'MY-013172', 'Server', `Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version}).`),
        srv(0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`, 1500),
        srv(0, 'System', 'MY-015016', 'Server', 'MySQL Server - end.'),
      ],
    },
  })
}

function initLines(version: string, ctx: CommandContext): LogStep[] {
  try { ctx.fs.mkdir('/var/lib/mysql/mysql', { recursive: true }) } catch { /* read-only: initialise again next time */ }
  return [
    note('Initializing database files'),
    srv(0, 'System', 'MY-015017', 'Server', 'MySQL Server Initialization - start.'),
    srv(0, 'System', 'MY-013169', 'Server', `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process 80`),
    srv(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
    srv(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.', 1200),
    srv(6, 'Warning', 'MY-010453', 'Server', 'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.', 2500),
    srv(0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.', 2000),
    note('Database files initialized'),
    note('Starting temporary server'),
    srv(0, 'System', 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${version}) starting as process 126`, 300),
    srv(0, 'System', 'MY-010931', 'Server', `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 0  MySQL Community Server - GPL.`, 900),
    note('Temporary server started.'),
    { text: "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'" },
    { stderr: true, text: "Warning: Unable to load '/usr/share/zoneinfo/iso3166.tab' as time zone. Skipping it.", afterMs: 1500 },
    { stderr: true, text: "Warning: Unable to load '/usr/share/zoneinfo/leapseconds' as time zone. Skipping it." },
    { stderr: true, text: "Warning: Unable to load '/usr/share/zoneinfo/tzdata.zi' as time zone. Skipping it." },
    { stderr: true, text: "Warning: Unable to load '/usr/share/zoneinfo/zone.tab' as time zone. Skipping it." },
    { stderr: true, text: "Warning: Unable to load '/usr/share/zoneinfo/zone1970.tab' as time zone. Skipping it." },
    ...(ctx.env.MYSQL_DATABASE ? [note(`Creating database ${ctx.env.MYSQL_DATABASE}`)] : []),
    ...(ctx.env.MYSQL_USER ? [note(`Creating user ${ctx.env.MYSQL_USER}`)] : []),
    note('Stopping temporary server'),
    srv(0, 'System', 'MY-013172', 'Server', `Received SHUTDOWN from user root. Shutting down mysqld (Version: ${version}).`),
    srv(0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`, 1800),
    note('Temporary server stopped\n'),
    note('MySQL init process done. Ready for start up.\n'),
  ]
}

function mysqlPrograms(version: string): Record<string, Program> {
  const programs: Record<string, Program> = { mysqld: mysqldProgram(version) }
  const entry = entrypointProgram({
    script: '/usr/local/bin/docker-entrypoint.sh',
    rewrite: (argv) => (argv[0]?.startsWith('-') ? ['mysqld', ...argv] : argv),
    applies: (argv) => argv[0] === 'mysqld',
    check: (_argv, ctx) => {
      if (initialised(ctx) || hasPassword(ctx.env)) return undefined
      return {
        exitCode: 1,
        lines: [
          note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
          note("Switching to dedicated user 'mysql'"),
          note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
          { stderr: true, text: (c) => `${rfc3339Seconds(c.nowMs)} [ERROR] [Entrypoint]: ${MYSQL_NO_PASSWORD}` },
        ],
      }
    },
    lines: (_argv, ctx) => [
      note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
      note("Switching to dedicated user 'mysql'"),
      note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
      ...(initialised(ctx) ? [] : initLines(version, ctx)),
    ],
  }, () => programs)
  programs['docker-entrypoint.sh'] = entry
  programs['/usr/local/bin/docker-entrypoint.sh'] = entry
  return programs
}

export const mysql: ImageSpec = {
  repository: 'docker.io/library/mysql',
  family: 'mysql',
  tags: ['latest', '9', '9.1', '9.1.0', 'innovation', 'oraclelinux9', '9.0', '9.0.1', 'lts', '8.4', '8.4.3', '8.4.2', '8', '8.0', '8.0.40', '8.0.39', '8.0.36', 'debian', '8.0-debian', '5.7', '5.7.44', '5'],
  sizeBytes: 602_000_000,
  tagSizes: [{ tag: /^(lts|8\.4)/, sizeBytes: 586_000_000 }, { tag: /^8(\.0)?/, sizeBytes: 573_000_000 }, { tag: /^5/, sizeBytes: 501_000_000 }],
  description: 'MySQL on 3306; needs MYSQL_ROOT_PASSWORD (or ALLOW_EMPTY / RANDOM) to initialise, about 10 s of init.',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOSU_VERSION: '1.17', MYSQL_MAJOR: 'innovation', MYSQL_VERSION: `${MYSQL_VERSION}-1.el9`, MYSQL_SHELL_VERSION: `${MYSQL_VERSION}-1.el9` },
  exposedPorts: [3306, 33060],
  files: { '/etc/os-release': 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.5"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.5"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:5:server"\nHOME_URL="https://linux.oracle.com/"\n' },
  shell: 'bash',
  tools: ['ps'],
  programs: mysqlPrograms(MYSQL_VERSION),
  memoryBytes: 420 * MiB,
  requiredEnv: ['MYSQL_ROOT_PASSWORD'],
  stopMs: 1_500,
}
