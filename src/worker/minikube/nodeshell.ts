// A shell on a minikube node (the docker driver's kicbase container): `minikube ssh` logs in as
// `docker` (`docker@minikube:~$ `, /home/docker), `docker exec -it minikube bash` starts as root
// in / (`root@minikube:/# `). `sudo -i` stacks a root shell (`root@minikube:~# `); `exit` pops one
// shell: from root back to docker, from the last one back to the learner's laptop.
// The node's tools are kicbase's: curl, ping (iputils), nc (netcat-openbsd), dig/nslookup
// (dnsutils) when the shell's net tools have them — no wget — and the kernel tools (iptables…).
import { Shell, createRegistry, type CancelSignal, type CommandInfo, type CommandRegistry, type InteractiveSession, type NetworkAccess, type Reader, type ShellClock, type Writer } from '../../shell'
import { createNetTools } from '../../shell/net'
import type { Cluster } from '../../engine/cluster'
import type { MinikubeNode } from './nodes'
import { createSudo } from './sudo'
import { kernelTools as defaultKernelTools, type KernelToolsFactory } from './kerneltools'

export const NODE_USER = 'docker'
export const NODE_USER_HOME = '/home/docker'
export const ROOT_HOME = '/root'
/** Ubuntu's default PATH for a login shell (root's adds the sbin directories first). */
const USER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin'
const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
/** kicbase has no wget (its Dockerfile installs curl, iputils-ping, netcat-openbsd, dnsutils). */
const MISSING_NET_TOOLS = new Set(['wget'])

export interface NodeShellOptions {
  cluster: Cluster
  node: MinikubeNode
  clock: ShellClock
  /** `docker` for `minikube ssh`, `root` for `docker exec -it <node> bash`. */
  user: 'docker' | 'root'
  /** Starting directory (default the user's home; `docker exec` starts in /). */
  cwd?: string
  /** Tests replace the kernel tools. */
  kernelTools?: KernelToolsFactory
}

/** The node's registry: network tools, kernel tools, sudo (wired to the session's shell stack). */
function nodeRegistry(o: NodeShellOptions, sudo: CommandInfo): CommandRegistry {
  const registry = createRegistry()
  for (const [name, info] of Object.entries(createNetTools({ ping: 'iputils' }))) {
    if (!MISSING_NET_TOOLS.has(name)) registry.register(name, info)
  }
  if (o.node.kernel) {
    for (const [name, info] of Object.entries((o.kernelTools ?? defaultKernelTools)(o.node.kernel))) registry.register(name, info)
  }
  registry.register('sudo', sudo)
  return registry
}

function userEnv(user: 'docker' | 'root'): Record<string, string> {
  return user === 'root'
    ? { HOME: ROOT_HOME, USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', PATH: ROOT_PATH, TERM: 'xterm' }
    : { HOME: NODE_USER_HOME, USER: NODE_USER, LOGNAME: NODE_USER, SHELL: '/bin/bash', PATH: USER_PATH, TERM: 'xterm' }
}

interface Frame { shell: Shell; login: boolean }

const SILENT: Writer = { write: () => {} }

/** The node shell as an interactive session the learner's terminal attaches to. */
export function nodeShellSession(o: NodeShellOptions): InteractiveSession {
  const net: NetworkAccess = o.cluster.fabric.access({ kind: 'node', ip: o.node.ip, name: o.node.name })
  const stack: Frame[] = []
  let closed = false
  let finalCode = 0
  const makeShell = (user: 'docker' | 'root', cwd: string): Shell => new Shell({
    fs: o.node.fs, registry, clock: o.clock, env: userEnv(user), cwd, hostname: o.node.name, user, net,
  })
  const sudo = createSudo({
    rootShell: ({ login, cwd }) => { stack.push({ shell: makeShell('root', login ? ROOT_HOME : cwd), login }) },
    oneShot: (cwd) => makeShell('root', cwd),
  })
  const registry = nodeRegistry(o, sudo)
  const home = o.user === 'root' ? ROOT_HOME : NODE_USER_HOME
  // ssh gives a login shell; `docker exec … bash` a plain one.
  stack.push({ shell: makeShell(o.user, o.cwd && o.node.fs.isDir(o.cwd) ? o.cwd : home), login: o.cwd === undefined })

  const top = (): Shell | undefined => stack[stack.length - 1]?.shell

  const session: InteractiveSession = {
    async run(line, io) {
      const frame = stack[stack.length - 1]
      if (!frame || closed) return finalCode
      const code = await frame.shell.run(line, { stdout: io.stdout, stderr: io.stderr, signal: io.signal, isTTY: true, columns: io.columns })
      // bash says `logout` when a login shell exits (the ssh login, `sudo -i`), `exit` otherwise.
      while (stack.length > 0 && stack[stack.length - 1].shell.exited) {
        const done = stack.pop()!
        io.stdout.write(done.login ? 'logout\n' : 'exit\n')
        if (stack.length === 0) finalCode = done.shell.exitCode
        // `sudo -i` returns the root shell's status: $? in the shell below.
        else await top()!.runArgv(['eval', `(exit ${done.shell.exitCode})`], { stdout: SILENT, stderr: SILENT, signal: io.signal, isTTY: false })
      }
      return code
    },
    prompt: () => top()?.prompt() ?? '',
    complete: (line, cursor) => top()?.complete(line, cursor) ?? { word: '', items: [] },
    get exited() { return closed || stack.length === 0 },
    get exitCode() { return finalCode },
    close() { closed = true },
  }
  return session
}

/**
 * One command line on the node, not interactive (`minikube ssh -- iptables-save`, `docker exec
 * minikube ip addr`): a fresh shell as `user`, its output to the caller, its status returned.
 */
export async function runOnNode(o: NodeShellOptions, line: string, io: { stdout: Writer; stderr: Writer; stdin?: Reader; signal: CancelSignal; isTTY: boolean; columns?: number }): Promise<number> {
  const net: NetworkAccess = o.cluster.fabric.access({ kind: 'node', ip: o.node.ip, name: o.node.name })
  const makeShell = (user: 'docker' | 'root', cwd: string): Shell => new Shell({
    fs: o.node.fs, registry, clock: o.clock, env: userEnv(user), cwd, hostname: o.node.name, user, net,
  })
  // A non-interactive `sudo -i` has no terminal to keep: it runs nothing further, as ssh -T would.
  const sudo = createSudo({ rootShell: () => {}, oneShot: (cwd) => makeShell('root', cwd) })
  const registry = nodeRegistry(o, sudo)
  const home = o.user === 'root' ? ROOT_HOME : NODE_USER_HOME
  const shell = makeShell(o.user, o.cwd && o.node.fs.isDir(o.cwd) ? o.cwd : home)
  return shell.run(line, { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, signal: io.signal, isTTY: io.isTTY, columns: io.columns })
}
