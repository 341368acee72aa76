// minio/minio: S3-compatible object storage, `minio server /data` on port 9000 with the liveness
// and readiness endpoints its docs probe. Two generations: the 2019 release the course's
// StatefulSet uses (MINIO_ACCESS_KEY/SECRET_KEY, the old banner) and the current one
// (MINIO_ROOT_USER/PASSWORD, console on a second port).
import type { HttpResponse, IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { basenameOf, execNext } from './entrypoint'
import { MiB } from './osrelease'
import type { LineCtx, LogStep } from './server'
import { pathOf, printProgram, serverProgram, text } from './server'

const CONSOLE_PORT = 42579

function s3(req: IncomingRequest): HttpResponse {
  const path = pathOf(req)
  if (path === '/minio/health/live' || path === '/minio/health/ready' || path === '/minio/health/cluster') return { status: 200, headers: { Server: 'MinIO', 'Content-Length': '0' }, body: '' }
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>${path}</Resource><RequestId>1816F3C7E3C2A7E5</RequestId><HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8</HostId></Error>`
  return text(403, body, 'application/xml', { Server: 'MinIO' })
}

const HELP = `NAME:
  minio - High Performance Object Storage

DESCRIPTION:
  Build high performance data infrastructure for machine learning, analytics and application data workloads with MinIO

USAGE:
  minio [FLAGS] COMMAND [ARGS...]

COMMANDS:
  server   start object storage server
  help, h  Shows a list of commands or help for one command

FLAGS:
  --certs-dir value, -S value  path to certs directory (default: "/root/.minio/certs")
  --quiet                      disable startup and info messages
  --json                       output logs in JSON format
  --help, -h                   show help
  --version, -v                print the version
`

const addrs = (c: LineCtx, port: number) => `http://${c.host.pod.ip}:${port}  http://127.0.0.1:${port}`

function bannerNew(c: LineCtx): LogStep[] {
  const user = c.env.MINIO_ROOT_USER || c.env.MINIO_ACCESS_KEY || 'minioadmin'
  const pass = c.env.MINIO_ROOT_PASSWORD || c.env.MINIO_SECRET_KEY || 'minioadmin'
  return [
    { text: 'INFO: Formatting 1st pool, 1 set(s), 1 drives per set.' },
    { text: 'INFO: WARNING: Host local has more than 0 drives of set. A host failure will result in data becoming unavailable.', afterMs: 100 },
    { text: 'MinIO Object Storage Server\nCopyright: 2015-2024 MinIO, Inc.\nLicense: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html\nVersion: RELEASE.2024-11-07T00-52-20Z (go1.23.3 linux/amd64)\n', afterMs: 400 },
    { text: `API: ${addrs(c, 9000)} \n   RootUser: ${user} \n   RootPass: ${pass} \n` },
    { text: `WebUI: http://${c.host.pod.ip}:${CONSOLE_PORT} http://127.0.0.1:${CONSOLE_PORT}  \n   RootUser: ${user} \n   RootPass: ${pass} \n` },
    { text: `CLI: https://min.io/docs/minio/linux/reference/minio-mc.html#quickstart\n   $ mc alias set 'myminio' 'http://${c.host.pod.ip}:9000' '${user}' '${pass}'\n` },
    { text: 'Docs: https://docs.min.io' },
    ...(user === 'minioadmin' ? [{ text: "WARN: Detected default credentials 'minioadmin:minioadmin', we recommend that you change these values with 'MINIO_ROOT_USER' and 'MINIO_ROOT_PASSWORD' environment variables" }] : []),
  ]
}

function banner2019(c: LineCtx): LogStep[] {
  const key = c.env.MINIO_ACCESS_KEY || 'minioadmin'
  const secret = c.env.MINIO_SECRET_KEY || 'minioadmin'
  return [
    { text: `Endpoint:  ${addrs(c, 9000)}         `, afterMs: 300 },
    { text: `AccessKey: ${key} ` },
    { text: `SecretKey: ${secret} \n` },
    { text: `Browser Access:\n   ${addrs(c, 9000)}         \n` },
    { text: `Command-line Access: https://docs.min.io/docs/minio-client-quickstart-guide\n   $ mc config host add myminio http://${c.host.pod.ip}:9000 ${key} ${secret}\n` },
    { text: 'Object API (Amazon S3 compatible):\n   Go:         https://docs.min.io/docs/golang-client-quickstart-guide\n   Java:       https://docs.min.io/docs/java-client-quickstart-guide\n   Python:     https://docs.min.io/docs/python-client-quickstart-guide\n   JavaScript: https://docs.min.io/docs/javascript-client-quickstart-guide\n   .NET:       https://docs.min.io/docs/dotnet-client-quickstart-guide' },
  ]
}

/** `minio server DIR`: anything else prints the help (exit 0, so the pod completes and restarts). */
function minioProgram(generation: 'new' | '2019'): Program {
  const help = printProgram([{ text: HELP }], 0)
  return (ctx, host) => {
    const args = ctx.argv.slice(1).filter((a) => !a.startsWith('--'))
    if (args[0] !== 'server') return help(ctx, host)
    if (args.length < 2) {
      ctx.stderr.write("ERROR Unable to validate passed arguments: Invalid arguments specified\n")
      return Promise.resolve(1)
    }
    return serverProgram({
      startup: generation === 'new' ? bannerNew : banner2019,
      listen: generation === 'new' ? [{ port: 9000, http: s3 }, { port: CONSOLE_PORT, http: () => text(200, '<!doctype html><html lang="en"><head><title>MinIO Console</title></head><body></body></html>', 'text/html') }] : [{ port: 9000, http: s3 }],
      memoryBytes: generation === 'new' ? 95 * MiB : 22 * MiB,
      cpuMillicores: 2,
      onTerm: { lines: [{ text: 'Exiting on signal: TERMINATED' }], exitCode: 0 },
    })(ctx, host)
  }
}

function minioPrograms(generation: 'new' | '2019'): Record<string, Program> {
  const programs: Record<string, Program> = { minio: minioProgram(generation) }
  // docker-entrypoint.sh: `server …` (anything not an executable) means minio arguments.
  programs['/usr/bin/docker-entrypoint.sh'] = (ctx, host) => {
    let rest = ctx.argv.slice(1)
    if (rest[0] && rest[0] !== 'minio' && !programs[rest[0]]) rest = ['minio', ...rest]
    return execNext(ctx, host, rest, programs, basenameOf(ctx.argv[0]))
  }
  programs['docker-entrypoint.sh'] = programs['/usr/bin/docker-entrypoint.sh']
  return programs
}

const OS_RELEASE_UBI = 'NAME="Red Hat Enterprise Linux"\nVERSION="9.4 (Plow)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"\nPRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n'

export const minio: ImageSpec = {
  repository: 'docker.io/minio/minio',
  aliases: ['quay.io/minio/minio'],
  family: 'minio',
  tags: ['latest', 'RELEASE.2024-11-07T00-52-20Z', 'RELEASE.2024-10-13T13-34-11Z', 'RELEASE.2024-08-17T01-24-54Z', 'RELEASE.2024-06-13T22-53-53Z', 'RELEASE.2024-01-16T16-07-38Z', 'RELEASE.2023-12-23T07-19-11Z', 'RELEASE.2023-03-20T20-16-18Z', 'RELEASE.2022-10-24T18-35-07Z'],
  sizeBytes: 164_000_000,
  description: 'MinIO object storage: `server /data` on 9000, /minio/health/live and /ready answer 200.',
  entrypoint: ['/usr/bin/docker-entrypoint.sh'],
  cmd: ['minio'],
  env: { PATH: '/opt/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', MINIO_ACCESS_KEY_FILE: 'access_key', MINIO_SECRET_KEY_FILE: 'secret_key', MINIO_ROOT_USER_FILE: 'access_key', MINIO_ROOT_PASSWORD_FILE: 'secret_key', MINIO_KMS_SECRET_KEY_FILE: 'kms_master_key', MINIO_UPDATE_MINISIGN_PUBKEY: 'RWTx5Zr1tiHQLwG9keckT0c45M3AGeHD6IvimQHpyRywVWGbP1aVSGav', MINIO_CONFIG_ENV_FILE: 'config.env', MC_CONFIG_DIR: '/tmp/.mc' },
  exposedPorts: [9000],
  files: { '/etc/os-release': OS_RELEASE_UBI },
  shell: 'bash',
  tools: ['curl', 'mc'],
  programs: minioPrograms('new'),
  memoryBytes: 95 * MiB,
  stopMs: 200,
}

/** The 2019 releases (the course's minio/minio:RELEASE.2019-07-10T00-34-56Z): Alpine based, old banner. */
export const minio2019: ImageSpec = {
  ...minio,
  tags: ['RELEASE.2019-07-10T00-34-56Z', 'RELEASE.2019-08-29T00-25-01Z', 'RELEASE.2019-10-12T01-39-57Z', 'RELEASE.2019-06-04T01-15-58Z', 'RELEASE.2019-05-14T23-57-45Z'],
  sizeBytes: 55_500_000,
  description: 'MinIO 2019 releases (Alpine based): MINIO_ACCESS_KEY/MINIO_SECRET_KEY, the old startup banner.',
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', MINIO_UPDATE: 'off', MINIO_ACCESS_KEY_FILE: 'access_key', MINIO_SECRET_KEY_FILE: 'secret_key', MINIO_SSE_MASTER_KEY_FILE: 'sse_master_key' },
  files: { '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.9.4\nPRETTY_NAME="Alpine Linux v3.9"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n' },
  shell: 'sh',
  tools: ['wget', 'nc', 'ping', 'nslookup', 'ps', 'curl'],
  programs: minioPrograms('2019'),
  memoryBytes: 22 * MiB,
}
