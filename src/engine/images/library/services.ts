// Other servers and tools tutorials reach for: memcached, rabbitmq, hazelcast (kubectl run's own
// help example), hello-world, curlimages/curl.
import type { IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { ALPINE_3_20, DEBIAN_12, DEFAULT_PATH, MiB, UBUNTU_24_04 } from './osrelease'
import type { LogStep } from './server'
import { pathOf, printProgram, serverProgram, text } from './server'
import { isoMicros } from './timefmt'

const memcachedProgram: Program = serverProgram({ listen: [{ port: 11211 }], memoryBytes: 2 * MiB, onTerm: { lines: [{ text: 'Signal handled: Terminated.' }], exitCode: 0 } })

export const memcached: ImageSpec = {
  repository: 'docker.io/library/memcached',
  family: 'caches and queues',
  tags: ['latest', '1', '1.6', '1.6.32', '1.6.31', '1.6.21', 'bookworm', 'alpine', '1-alpine', '1.6-alpine', '1.6.32-alpine'],
  sizeBytes: 84_700_000,
  tagSizes: [{ tag: /alpine/, sizeBytes: 9_550_000 }],
  description: 'memcached on TCP 11211 (silent while running).',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['memcached'],
  env: { PATH: DEFAULT_PATH, MEMCACHED_VERSION: '1.6.32' },
  user: 'memcache',
  exposedPorts: [11211],
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  programs: { memcached: memcachedProgram, 'docker-entrypoint.sh': memcachedProgram },
  memoryBytes: 2 * MiB,
  stopMs: 100,
}

const rmq = (msg: string, afterMs?: number) => ({ afterMs, text: (c: { nowMs: number }) => `${isoMicros(c.nowMs).replace('T', ' ').replace('Z', '+00:00')} [info] <0.9.0> ${msg}` })

const rabbitmqServer: Program = serverProgram({
  startup: [
    rmq('Starting RabbitMQ 4.0.3 on Erlang 27.1.2 [jit]'),
    rmq('Node           : rabbit@rabbitmq', 200),
    rmq('Home dir       : /var/lib/rabbitmq'),
    rmq('Config file(s) : /etc/rabbitmq/conf.d/10-defaults.conf'),
    rmq('Database dir   : /var/lib/rabbitmq/mnesia/rabbit@rabbitmq'),
    rmq('Running boot step pre_boot defined by app rabbit', 2000),
    rmq('started TCP listener on [::]:5672', 3000),
  ],
  listen: (c) => [{ port: 5672 }, ...(c.argv.join(' ').includes('management') || c.env.RABBITMQ_MANAGEMENT ? [{ port: 15672, http: (req: IncomingRequest) => (pathOf(req) === '/' ? text(200, '<!DOCTYPE html>\n<html>\n  <head>\n    <title>RabbitMQ Management</title>\n  </head>\n</html>\n', 'text/html') : text(404, '')) }] : [])],
  ready: [rmq('Server startup complete; 4 plugins started.', 100), { text: ' completed with 4 plugins.' }],
  memoryBytes: 110 * MiB,
  cpuMillicores: 15,
  onTerm: { exitCode: 0, lines: [rmq('RabbitMQ is asked to stop...'), rmq('Successfully stopped RabbitMQ and its dependencies', 1500)] },
})

export const rabbitmq: ImageSpec = {
  repository: 'docker.io/library/rabbitmq',
  family: 'caches and queues',
  tags: ['latest', '4', '4.0', '4.0.3', '3', '3.13', '3.13.7', '3.12', 'management', '4-management', '4.0-management', '3-management', '3.13-management', '3.12-management', 'alpine', 'management-alpine', '3-management-alpine'],
  sizeBytes: 220_000_000,
  tagSizes: [{ tag: /management/, sizeBytes: 252_000_000 }, { tag: /alpine/, sizeBytes: 164_000_000 }],
  description: 'RabbitMQ: AMQP on 5672 after ~5 s of Erlang boot; the management tags add the UI on 15672.',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['rabbitmq-server'],
  env: { PATH: `/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:${DEFAULT_PATH}`, RABBITMQ_DATA_DIR: '/var/lib/rabbitmq', RABBITMQ_VERSION: '4.0.3', HOME: '/var/lib/rabbitmq' },
  exposedPorts: [4369, 5671, 5672, 15691, 15692, 25672],
  files: { '/etc/os-release': UBUNTU_24_04 },
  shell: 'bash',
  tools: ['ps'],
  programs: { 'rabbitmq-server': rabbitmqServer, 'docker-entrypoint.sh': (ctx, host) => rabbitmqServer({ ...ctx, argv: ctx.argv.slice(1) }, host) },
  memoryBytes: 110 * MiB,
  stopMs: 1_500,
}

const hz = (logger: string, msg: string, afterMs?: number): LogStep => ({ afterMs, text: (c) => `${isoMicros(c.nowMs).slice(0, 23).replace('T', ' ')} [ INFO] [main] [${logger}]: ${msg.replace('$IP', c.host.pod.ip)}` })

const hazelcastProgram: Program = serverProgram({
  startup: [
    { text: '########################################\n# JAVA_OPTS=-Dhazelcast.logging.type=log4j2 -Dlog4j.configurationFile=file:/opt/hazelcast/config/log4j2.properties -Dhazelcast.config=/opt/hazelcast/config/hazelcast-docker.xml -Djet.custom.lib.dir=/opt/hazelcast/custom-lib -Dhazelcast.jet.enabled=true -XX:MaxRAMPercentage=80.0 -XX:MaxGCPauseMillis=5\n# CLASSPATH=/opt/hazelcast/*:/opt/hazelcast/lib/*:/opt/hazelcast/bin/user-lib/*\n# starting now....\n########################################' },
    hz('c.h.i.c.AbstractConfigLocator', 'Loading configuration \'/opt/hazelcast/config/hazelcast-docker.xml\' from System property \'hazelcast.config\'', 900),
    hz('c.h.i.c.AbstractConfigLocator', 'Using configuration file at /opt/hazelcast/config/hazelcast-docker.xml'),
    hz('c.h.i.c.ClusterService', '[$IP]:5701 [dev] [5.5.0] \n\nMembers {size:1, ver:1} [\n\tMember [$IP]:5701 - 0f3b6d2e-6b4b-4f2a-9d55-4b0c1f6a6e54 this\n]\n', 2500),
  ],
  listen: [{ port: 5701, http: (req) => (pathOf(req).startsWith('/hazelcast/health') ? text(200, '{"nodeState":"ACTIVE","clusterState":"ACTIVE","clusterSafe":true,"migrationQueueSize":0,"clusterSize":1}', 'application/json') : text(404, '')) }],
  memoryBytes: 210 * MiB,
  cpuMillicores: 10,
  onTerm: { exitCode: 143, lines: [] },
})

export const hazelcast: ImageSpec = {
  repository: 'docker.io/hazelcast/hazelcast',
  family: 'caches and queues',
  tags: ['latest', '5', '5.5', '5.5.0', '5.4', '5.4.1', '5.3', '5.3.8', '5.2', '4.2', '3.12', 'latest-jdk21', '5.5.0-jdk21'],
  sizeBytes: 344_000_000,
  description: 'Hazelcast in-memory data grid on 5701 (kubectl run\'s help example).',
  entrypoint: ['hz', 'start'],
  cmd: [],
  env: { PATH: `/opt/hazelcast/bin:${DEFAULT_PATH}`, HZ_HOME: '/opt/hazelcast', HZ_VERSION: '5.5.0' },
  user: 'hazelcast',
  exposedPorts: [5701],
  files: { '/etc/os-release': ALPINE_3_20 },
  shell: 'bash',
  tools: ['ps'],
  programs: { hz: hazelcastProgram, '/opt/hazelcast/bin/hz': hazelcastProgram },
  memoryBytes: 210 * MiB,
  stopMs: 500,
}

/** hello-world's message, word for word (the amd64 build). */
export const HELLO_WORLD = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
`

export const helloWorld: ImageSpec = {
  repository: 'docker.io/library/hello-world',
  family: 'tools',
  tags: ['latest', 'linux', 'nanoserver'],
  sizeBytes: 13_256,
  description: 'hello-world: prints Docker\'s greeting and exits 0 (Completed, then CrashLoopBackOff in a Deployment).',
  entrypoint: [],
  cmd: ['/hello'],
  shell: 'none',
  programs: { '/hello': printProgram([{ text: HELLO_WORLD }], 0) },
  memoryBytes: 64 * 1024,
  oneShot: true,
  stopMs: 0,
}

/** curlimages/curl: ENTRYPOINT curl; with no URL curl's own usage hint (exit 2). The tool itself is NETWORK's. */
export const curlImage: ImageSpec = {
  repository: 'docker.io/curlimages/curl',
  family: 'tools',
  tags: ['latest', '8.11.0', '8.10.1', '8.9.1', '8.8.0', '8.5.0', '8.4.0', '8.1.2', '7.85.0', '7.78.0'],
  sizeBytes: 22_300_000,
  description: 'curl on Alpine (ENTRYPOINT curl): `kubectl run -it --rm c --image=curlimages/curl -- http://web`.',
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  env: { PATH: DEFAULT_PATH, CURL_VERSION: '8.11.0' },
  user: 'curl_user',
  files: { '/etc/os-release': ALPINE_3_20 },
  shell: 'sh',
  tools: ['curl', 'wget', 'nc', 'ping', 'nslookup', 'ps'],
  programs: {
    // entrypoint.sh: `curl …` or a URL/flag as the first word runs curl; anything else is exec'd.
    '/entrypoint.sh': async (ctx, host) => {
      const rest = ctx.argv.slice(1)
      const argv = rest[0] === 'curl' ? rest : rest[0]?.startsWith('-') || /^https?:|^[\w.-]+(:\d+)?(\/|$)/.test(rest[0] ?? '') ? ['curl', ...rest] : rest
      if (host.exec) return host.exec(argv)
      if (argv.length === 1 && argv[0] === 'curl') { ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n"); return 2 }
      ctx.stderr.write(`/entrypoint.sh: exec: line 1: ${argv[0]}: not found\n`)
      return 127
    },
  },
  memoryBytes: 1 * MiB,
  oneShot: true,
  stopMs: 0,
}
