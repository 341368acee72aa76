// `docker` on the learner's laptop, as minikube's docker driver leaves it: one container per node
// (gcr.io/k8s-minikube/kicbase, named after the node) — `docker ps` lists them, `docker exec -it
// minikube bash` opens a root shell on the node (`root@minikube:/# `), kind-style.
import type { Cluster } from '../../engine/cluster'
import type { CommandContext, CommandInfo } from '../../shell'
import { KICBASE_IMAGE } from './messages'
import { findNode, minikubeNodes, type MinikubeNode } from './nodes'
import { nodeShellSession, runOnNode } from './nodeshell'
import type { KernelToolsFactory } from './kerneltools'

export interface DockerOptions {
  cluster: Cluster
  kernelTools?: KernelToolsFactory
}

/** kicbase's entrypoint, as `docker ps` shows it (quoted, cut at 20 characters with …). */
const ENTRYPOINT = '/usr/local/bin/entrypoint /sbin/init'
/** The first host port Docker publishes for minikube's container (the next node's start 5 later). */
const FIRST_HOST_PORT = 32768
/** Container ports minikube publishes on 127.0.0.1, in the order `docker ps` prints them (host ports count down). */
const PUBLISHED = [22, 2376, 5000, 8443, 32443]
const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh'])
/** Docker's commands Kubelab has no model of. */
const OTHER_COMMANDS = new Set([
  'run', 'build', 'pull', 'push', 'images', 'logs', 'inspect', 'stop', 'start', 'restart', 'rm', 'rmi', 'kill', 'cp',
  'network', 'volume', 'compose', 'info', 'version', 'login', 'logout', 'tag', 'stats', 'top', 'create', 'system',
  'container', 'image', 'port', 'pause', 'unpause', 'attach', 'commit', 'diff', 'events', 'export', 'history',
  'import', 'load', 'rename', 'save', 'search', 'update', 'wait', 'buildx', 'context',
])

/** A stable 12-hex container ID from the node name (FNV-1a, twice for 48 bits). */
export function containerId(name: string): string {
  const fnv = (s: string, seed: number) => {
    let h = seed >>> 0
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
    return h
  }
  const a = fnv(name, 0x811c9dc5).toString(16).padStart(8, '0')
  const b = fnv(`${name}/kic`, 0x01000193).toString(16).padStart(8, '0')
  return (a + b).slice(0, 12)
}

/** go-units HumanDuration, as `docker ps` prints CREATED (`… ago`) and STATUS (`Up …`). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.floor(seconds / 60)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.round(ms / 3_600_000)
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`
  return `${Math.floor(hours / 24 / 365)} years`
}

function ports(i: number): string {
  const base = FIRST_HOST_PORT + PUBLISHED.length * i
  return PUBLISHED.map((p, k) => `127.0.0.1:${base + PUBLISHED.length - 1 - k}->${p}/tcp`).join(', ')
}

/** docker's table writer: tabwriter(minwidth 10, padding 3); the last column unpadded. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(10, ...rows.map((r) => [...r[i]].length + 3)))
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join('') + '\n').join('')
}

function ps(c: CommandContext, cluster: Cluster, args: string[]): number {
  const quiet = args.some((a) => a === '-q' || a === '--quiet' || a === '-aq' || a === '-qa')
  const nodes = minikubeNodes(cluster)
  const created = (n: MinikubeNode) => {
    const ts = cluster.api.list('nodes').items.find((o) => o.metadata.name === n.name)?.metadata.creationTimestamp
    return ts ? Date.parse(ts) : cluster.clock.now()
  }
  if (quiet) {
    c.stdout.write(nodes.slice().reverse().map((n) => `${containerId(n.name)}\n`).join(''))
    return 0
  }
  const command = `"${[...ENTRYPOINT].length > 20 ? `${[...ENTRYPOINT].slice(0, 19).join('')}…` : ENTRYPOINT}"`
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']]
  // Newest first, as docker lists them: minikube-m02 above minikube.
  nodes.map((n, i) => ({ n, i })).reverse().forEach(({ n, i }) => {
    const age = humanDuration(cluster.clock.now() - created(n))
    rows.push([containerId(n.name), KICBASE_IMAGE, command, `${age} ago`, `Up ${age}`, ports(i), n.name])
  })
  c.stdout.write(table(rows))
  return 0
}

/** Single-quotes each word so the node shell runs exactly this argv (docker exec has no shell). */
function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}

const EXEC_USAGE = '"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n'

async function exec(c: CommandContext, o: DockerOptions, args: string[]): Promise<number> {
  let tty = false
  let interactive = false
  let user: 'docker' | 'root' = 'root'
  let workdir: string | undefined
  let i = 0
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i]
    if (a === '-u' || a === '--user') user = args[++i] === 'docker' ? 'docker' : 'root'
    else if (a === '-w' || a === '--workdir') workdir = args[++i]
    else if (a === '-e' || a === '--env') i++
    else if (/^-[itd]+$/.test(a)) { tty ||= a.includes('t'); interactive ||= a.includes('i') }
    else if (a === '--tty') tty = true
    else if (a === '--interactive') interactive = true
  }
  const [name, ...argv] = args.slice(i)
  if (!name || argv.length === 0) {
    c.stderr.write(EXEC_USAGE)
    return 1
  }
  const node = findNode(o.cluster, name) ?? minikubeNodes(o.cluster).find((n) => containerId(n.name).startsWith(name) && name.length >= 4)
  if (!node) {
    c.stderr.write(`Error response from daemon: No such container: ${name}\n`)
    return 1
  }
  const shellOpts = { cluster: o.cluster, node, clock: c.clock, user, cwd: workdir ?? '/', kernelTools: o.kernelTools }
  if (tty && interactive && SHELLS.has(argv[0]) && argv.length === 1) {
    if (!c.attach) {
      c.stderr.write('the input device is not a TTY\n')
      return 1
    }
    c.attach(nodeShellSession(shellOpts))
    return 0
  }
  return runOnNode(shellOpts, quoteArgv(argv), { stdout: c.stdout, stderr: c.stderr, stdin: interactive ? c.stdin : undefined, signal: c.signal, isTTY: tty })
}

export function createDocker(o: DockerOptions): CommandInfo {
  return {
    summary: "the docker driver's node containers: ps, exec",
    complete: (argv) => (argv.length === 2 ? ['exec', 'ps'].filter((s) => s.startsWith(argv[1])) : []),
    async run(c: CommandContext): Promise<number> {
      const [sub, ...rest] = c.argv.slice(1)
      if (sub === 'ps' || (sub === 'container' && rest[0] === 'ls')) return ps(c, o.cluster, sub === 'ps' ? rest : rest.slice(1))
      if (sub === 'exec') return exec(c, o, rest)
      if (sub === undefined) {
        c.stdout.write('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  exec        Execute a command in a running container\n  ps          List containers\n')
        return 0
      }
      if (OTHER_COMMANDS.has(sub)) {
        c.stderr.write(`docker ${sub}: not supported in Kubelab yet (docker ps and docker exec are)\n`)
        return 1
      }
      c.stderr.write(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`)
      return 1
    },
  }
}
