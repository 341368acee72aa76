// redis: the official image. docker-entrypoint.sh drops to the redis user and execs redis-server
// (no lines of its own); redis-server prints its banner lines and listens on 6379 (TCP only: a
// tcpSocket probe connects, an httpGet probe fails). SIGTERM: saves /data/dump.rdb and exits 0.
import type { ImageSpec, Program } from '../types'
import { basenameOf, execNext } from './entrypoint'
import { DEBIAN_12, DEFAULT_PATH, MiB } from './osrelease'
import type { LogStep } from './server'
import { serverProgram } from './server'
import { ALPINE_3_20 } from './osrelease'
import { redisTime, unixSeconds } from './timefmt'

export const REDIS_VERSION = '7.4.1'

const line = (role: 'C' | 'M', mark: '*' | '#', msg: string): LogStep => ({ text: (c) => `1:${role} ${redisTime(c.nowMs)} ${mark} ${msg}` })

/** `redis-server [--port N] [config]`: the server. */
export function redisServer(version: string): Program {
  return (ctx, host) => {
    const i = ctx.argv.indexOf('--port')
    const port = i > 0 ? Number(ctx.argv[i + 1]) || 6379 : 6379
    const configFile = ctx.argv.slice(1).find((a) => a.endsWith('.conf'))
    return serverProgram({
      startup: [
        line('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
        line('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
        configFile
          ? line('C', '*', `Configuration loaded`)
          : line('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
        line('M', '*', 'monotonic clock: POSIX clock_gettime'),
        line('M', '*', `Running mode=standalone, port=${port}.`),
        line('M', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
        line('M', '*', 'Server initialized'),
        line('M', '*', 'Ready to accept connections tcp'),
      ],
      listen: [{ port }],
      bindError: (p) => ({ lines: [line('M', '#', `Warning: Could not create server TCP listening socket *:${p}: bind: Address already in use`), line('M', '#', `Failed listening on port ${p} (tcp), aborting.`)], exitCode: 1 }),
      memoryBytes: 3 * MiB,
      cpuMillicores: 2,
      onTerm: (c) => {
        try {
          if (!ctx.fs.isDir('/data')) ctx.fs.mkdir('/data', { recursive: true })
          ctx.fs.writeFile('/data/dump.rdb', `REDIS0011 redis-ver ${version}\n`)
        } catch { /* a read-only /data: redis would log the failed save; the exit is the same */ }
        return {
          exitCode: 0,
          lines: [
            { text: `1:signal-handler (${unixSeconds(c.nowMs)}) Received SIGTERM scheduling shutdown...` },
            { ...line('M', '*', 'User requested shutdown...'), afterMs: 60 },
            line('M', '*', 'Saving the final RDB snapshot before exiting.'),
            { ...line('M', '*', 'DB saved on disk'), afterMs: 2 },
            line('M', '#', 'Redis is now ready to exit, bye bye...'),
          ],
        }
      },
    })(ctx, host)
  }
}

/** `redis-cli [-h host] [-p port] ping`: PONG when a server accepts, else redis-cli's refusal line. */
export const redisCli: Program = async (ctx) => {
  const argv = ctx.argv.slice(1)
  let hostName = '127.0.0.1'
  let port = 6379
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-h') hostName = argv[++i] ?? hostName
    else if (argv[i] === '-p') port = Number(argv[++i]) || port
    else words.push(argv[i])
  }
  const r = ctx.net ? await ctx.net.connect(hostName, port, 2_000, ctx.signal) : { kind: 'error' as const, code: 'refused' as const }
  if (r.kind !== 'open') {
    ctx.stderr.write(`Could not connect to Redis at ${hostName}:${port}: ${r.code === 'resolve' ? 'Name or service not known' : 'Connection refused'}\n`)
    return 1
  }
  const cmd = (words[0] ?? 'ping').toLowerCase()
  ctx.stdout.write(cmd === 'ping' ? 'PONG\n' : cmd === 'set' ? 'OK\n' : '(nil)\n')
  return 0
}

function redisPrograms(version: string): Record<string, Program> {
  const programs: Record<string, Program> = { 'redis-server': redisServer(version), 'redis-cli': redisCli }
  // docker-entrypoint.sh: `-…` or `*.conf` as the first word means "arguments for redis-server".
  programs['docker-entrypoint.sh'] = (ctx, host) => {
    let rest = ctx.argv.slice(1)
    if (rest.length > 0 && (rest[0].startsWith('-') || rest[0].endsWith('.conf'))) rest = ['redis-server', ...rest]
    return execNext(ctx, host, rest, programs, basenameOf(ctx.argv[0]))
  }
  programs['/usr/local/bin/docker-entrypoint.sh'] = programs['docker-entrypoint.sh']
  return programs
}

const REDIS_TAGS = ['latest', '7', '7.4', '7.4.1', '7.4.0', '7.2', '7.2.6', '7.2.5', '7.2.4', '7.0', '7.0.15', '6', '6.2', '6.2.16', '6.2.14', '6.0', '6.0.20', '5', '5.0', '5.0.14', '4', '4.0', '4.0.14', 'bookworm', '7.4-bookworm']
const REDIS_ALPINE_TAGS = ['alpine', '7-alpine', '7.4-alpine', '7.4.1-alpine', '7.2-alpine', '7.0-alpine', '6-alpine', '6.2-alpine', '6.0-alpine', '5-alpine', '5.0-alpine', 'alpine3.20']

export const redis: ImageSpec = {
  repository: 'docker.io/library/redis',
  family: 'redis',
  tags: REDIS_TAGS,
  sizeBytes: 116_502_840,
  tagSizes: [{ tag: /^(6|6\.\d+(\.\d+)?)$/, sizeBytes: 112_000_000 }, { tag: /^(5|4)(\.\d+){0,2}$/, sizeBytes: 104_000_000 }],
  description: 'Redis key-value store on TCP 6379 (no HTTP); saves dump.rdb on SIGTERM. The Online Boutique\'s redis-cart uses redis:alpine.',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: DEFAULT_PATH, REDIS_VERSION, GOSU_VERSION: '1.17' },
  workingDir: '/data',
  exposedPorts: [6379],
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: ['redis-cli'],
  programs: redisPrograms(REDIS_VERSION),
  memoryBytes: 3 * MiB,
  stopMs: 200,
}

/** redis:alpine (the Online Boutique's redis-cart): the same server, busybox sh. */
export const redisAlpine: ImageSpec = {
  ...redis,
  tags: REDIS_ALPINE_TAGS,
  sizeBytes: 41_500_000,
  tagSizes: undefined,
  description: 'Redis on Alpine (redis:alpine): the same server, a busybox shell.',
  files: { '/etc/os-release': ALPINE_3_20 },
  shell: 'sh',
  tools: ['redis-cli', 'wget', 'nc', 'ping', 'nslookup', 'ps'],
}
