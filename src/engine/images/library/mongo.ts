// mongo: the official MongoDB image (Ubuntu based). mongod logs structured JSON lines to stdout and
// listens on TCP 27017; SIGTERM shuts down cleanly (exit 0). No password is required (auth is off
// unless MONGO_INITDB_ROOT_USERNAME/PASSWORD are both set).
import type { ImageSpec, Program } from '../types'
import { basenameOf, execNext } from './entrypoint'
import { MiB, UBUNTU_22_04 } from './osrelease'
import type { LineCtx, LogStep } from './server'
import { serverProgram } from './server'
import { isoMs } from './timefmt'

export const MONGO_VERSION = '8.0.3'

/** `{"t":{"$date":"2026-01-01T00:00:05.123+00:00"},"s":"I",  "c":"NETWORK",  "id":23016, …}` with mongod's padding. */
function mlog(s: 'I' | 'W', comp: string, id: number, ctxName: string, msg: string, attr?: object | ((c: LineCtx) => object), afterMs?: number): LogStep {
  return {
    afterMs,
    text: (c) => {
      const date = isoMs(c.nowMs).replace('Z', '+00:00')
      // mongod pads after the comma: `"c":"NETWORK",  "id":23016,   "ctx":…`.
      const head = `{"t":{"$date":"${date}"},"s":"${s}",  "c":"${comp}",${' '.repeat(Math.max(1, 9 - comp.length))}"id":${id},${' '.repeat(Math.max(1, 8 - String(id).length))}"ctx":${JSON.stringify(ctxName)},"msg":${JSON.stringify(msg)}`
      const a = typeof attr === 'function' ? attr(c) : attr
      return a ? `${head},"attr":${JSON.stringify(a)}}` : `${head}}`
    },
  }
}

function mongodProgram(version: string): Program {
  return serverProgram({
    startup: [
      mlog('I', 'CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\''),
      mlog('I', 'NETWORK', 4915701, 'main', 'Initialized wire specification', { spec: { incomingExternalClient: { minWireVersion: 0, maxWireVersion: 25 }, incomingInternalClient: { minWireVersion: 0, maxWireVersion: 25 }, outgoing: { minWireVersion: 6, maxWireVersion: 25 }, isInternalClient: true } }),
      mlog('I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', (c) => ({ pid: 1, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: c.host.pod.name })),
      mlog('I', 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version, gitVersion: '89d97f2744a2b9851ddfb51bdf22f687562d9b06', openSSLVersion: 'OpenSSL 3.0.2 15 Mar 2022', modules: [], allocator: 'tcmalloc-google', environment: { distmod: 'ubuntu2204', distarch: 'x86_64', target_arch: 'x86_64' } } }),
      mlog('I', 'CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: '22.04' } }),
      mlog('I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options: { net: { bindIp: '*' } } }),
      mlog('I', 'STORAGE', 22297, 'initandlisten', 'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem', undefined),
      mlog('I', 'STORAGE', 22315, 'initandlisten', 'Opening WiredTiger', { config: 'create,cache_size=1407M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],prefetch=(available=true,default=false),' }, 50),
      mlog('W', 'CONTROL', 22120, 'initandlisten', 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted', { tags: ['startupWarnings'] }, 700),
      mlog('I', 'NETWORK', 23015, 'listener', 'Listening on', { address: '/tmp/mongodb-27017.sock' }, 100),
      mlog('I', 'NETWORK', 23015, 'listener', 'Listening on', { address: '0.0.0.0' }),
    ],
    listen: [{ port: 27017 }],
    ready: [mlog('I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' })],
    memoryBytes: 160 * MiB,
    cpuMillicores: 8,
    onTerm: {
      exitCode: 0,
      lines: [
        mlog('I', 'CONTROL', 23377, 'SignalHandler', 'Received signal', { signal: 15, error: 'Terminated' }),
        mlog('I', 'CONTROL', 23378, 'SignalHandler', 'Signal was sent by kill(2)', { pid: 0, uid: 0 }),
        mlog('I', 'CONTROL', 23381, 'SignalHandler', 'will terminate after current cmd ends'),
        mlog('I', 'REPL', 4784900, 'SignalHandler', 'Stepping down the ReplicationCoordinator for shutdown', { waitTimeMillis: 15000 }),
        mlog('I', 'NETWORK', 4784923, 'SignalHandler', 'Shutting down the ASIO transport SessionManager'),
        mlog('I', 'STORAGE', 4784930, 'SignalHandler', 'Shutting down the storage engine', undefined, 200),
        mlog('I', 'STORAGE', 22320, 'SignalHandler', 'Shutting down journal flusher thread'),
        mlog('I', 'STORAGE', 4795902, 'SignalHandler', 'Closing WiredTiger', { closeConfig: 'leak_memory=true,use_timestamp=false,' }, 300),
        mlog('I', 'CONTROL', 20565, 'SignalHandler', 'Now exiting'),
        mlog('I', 'CONTROL', 8423404, 'SignalHandler', 'mongod shutdown complete', { Summary: 'of time elapsed during shutdown' }),
        mlog('I', 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { exitCode: 0 }),
      ],
    },
  })
}

function mongoPrograms(version: string): Record<string, Program> {
  const programs: Record<string, Program> = { mongod: mongodProgram(version) }
  // docker-entrypoint.sh: `--…` as the first word means mongod arguments; mongod gets --bind_ip_all.
  programs['docker-entrypoint.sh'] = (ctx, host) => {
    let rest = ctx.argv.slice(1)
    if (rest[0]?.startsWith('-')) rest = ['mongod', ...rest]
    if (rest[0] === 'mongod' && !rest.includes('--bind_ip_all')) rest = [...rest, '--bind_ip_all']
    return execNext(ctx, host, rest, programs, basenameOf(ctx.argv[0]))
  }
  programs['/usr/local/bin/docker-entrypoint.sh'] = programs['docker-entrypoint.sh']
  return programs
}

export const mongo: ImageSpec = {
  repository: 'docker.io/library/mongo',
  family: 'mongo',
  tags: ['latest', '8', '8.0', '8.0.3', '8.0.1', 'noble', '7', '7.0', '7.0.15', '7.0.12', '6', '6.0', '6.0.19', '6.0.16', '5', '5.0', '5.0.29', '4', '4.4', '4.4.29', '4.2', '4.0', '3.6'],
  sizeBytes: 855_000_000,
  tagSizes: [{ tag: /^7/, sizeBytes: 795_000_000 }, { tag: /^6/, sizeBytes: 756_000_000 }, { tag: /^5/, sizeBytes: 703_000_000 }, { tag: /^(4|3)/, sizeBytes: 432_000_000 }],
  description: 'MongoDB on TCP 27017, JSON log lines on stdout; starts without credentials.',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mongod'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOSU_VERSION: '1.17', JSYAML_VERSION: '3.13.1', MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: '8.0', MONGO_VERSION, HOME: '/data/db' },
  exposedPorts: [27017],
  files: { '/etc/os-release': UBUNTU_22_04 },
  shell: 'bash',
  tools: ['ps'],
  programs: mongoPrograms(MONGO_VERSION),
  memoryBytes: 160 * MiB,
  stopMs: 600,
}
