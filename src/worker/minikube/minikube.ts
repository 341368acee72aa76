// `minikube` on the learner's laptop, for the cluster Kubelab runs (profile `minikube`, docker
// driver): ssh (the node shell), ip, addons, service, status, version. minikube's other commands
// say plainly that Kubelab does not have them; names minikube does not know fail as cobra fails.
import { suggestFor } from '../../kubectl/help/suggest'
import type { Cluster } from '../../engine/cluster'
import type { CommandContext, CommandInfo } from '../../shell'
import { addonsCommand } from './addons'
import { serviceCommand } from './service'
import { EXIT_GUEST_NOT_FOUND, EXIT_PROGRAM_ERROR, EXIT_USAGE, MINIKUBE_COMMIT, MINIKUBE_VERSION, exiting } from './messages'
import { findNode, minikubeNodes, type MinikubeNode } from './nodes'
import { nodeShellSession, runOnNode } from './nodeshell'
import type { KernelToolsFactory } from './kerneltools'

export interface MinikubeOptions {
  cluster: Cluster
  kernelTools?: KernelToolsFactory
  /** The laptop's commands (`minikube kubectl -- get pods` runs the registered kubectl). */
  command?(name: string): CommandInfo | undefined
}

/** minikube's commands that Kubelab does not model (they answer "not supported in Kubelab yet"). */
const OTHER_COMMANDS = new Set([
  'start', 'stop', 'delete', 'dashboard', 'pause', 'unpause', 'docker-env', 'podman-env', 'cache', 'image', 'config',
  'profile', 'update-context', 'tunnel', 'mount', 'node', 'cp', 'ssh-key', 'ssh-host', 'logs', 'update-check',
  'options', 'completion', 'license',
])

const SUBCOMMANDS = ['addons', 'ip', 'kubectl', 'service', 'ssh', 'status', 'version']

/** Pulls `-n NODE` / `--node=NODE` (and the profile flag, which has one value here) out of args. */
function takeNodeFlag(args: string[]): { node?: string; rest: string[]; afterDashes?: string[]; badFlag?: string } {
  const rest: string[] = []
  let node: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return { node, rest, afterDashes: args.slice(i + 1) }
    if (a === '-n' || a === '--node') node = args[++i]
    else if (a.startsWith('--node=')) node = a.slice('--node='.length)
    else if (a.startsWith('-n=')) node = a.slice(3)
    else if (a === '-p' || a === '--profile') i++
    else if (a.startsWith('--profile=') || a.startsWith('-p=') || a === '--native-ssh' || a.startsWith('--native-ssh=')) continue
    else if (a.startsWith('-') && a.length > 1) return { node, rest, badFlag: a }
    else rest.push(a)
  }
  return { node, rest }
}

function resolveNode(c: CommandContext, cluster: Cluster, name: string | undefined): MinikubeNode | undefined {
  const node = name === undefined ? minikubeNodes(cluster)[0] : findNode(cluster, name)
  if (!node) c.stderr.write(exiting('GUEST_NODE_RETRIEVE', `retrieving node: Could not find node ${name}`))
  return node
}

async function ssh(c: CommandContext, o: MinikubeOptions, args: string[]): Promise<number> {
  const { node: nodeName, rest, afterDashes, badFlag } = takeNodeFlag(args)
  if (badFlag) return unknownFlag(c, badFlag)
  const node = resolveNode(c, o.cluster, nodeName)
  if (!node) return EXIT_GUEST_NOT_FOUND
  const shellOpts = { cluster: o.cluster, node, clock: c.clock, user: 'docker' as const, kernelTools: o.kernelTools }
  // `minikube ssh -- cmd args` and `minikube ssh "cmd args"`: ssh joins the words and the remote
  // shell parses them.
  const command = [...rest, ...(afterDashes ?? [])].join(' ')
  if (command.trim() !== '') return runOnNode(shellOpts, command, { stdout: c.stdout, stderr: c.stderr, stdin: c.stdin, signal: c.signal, isTTY: c.isTTY, columns: c.columns })
  if (!c.attach) {
    // No terminal (a script): ssh feeds its stdin to the remote shell.
    const script = await c.stdin.readAll()
    return script.trim() === '' ? 0 : runOnNode(shellOpts, script, { stdout: c.stdout, stderr: c.stderr, signal: c.signal, isTTY: false })
  }
  c.attach(nodeShellSession(shellOpts))
  return 0
}

/** cobra's words for a flag it does not know. */
function unknownFlag(c: CommandContext, flag: string): number {
  const msg = flag.startsWith('--') ? `unknown flag: ${flag.split('=')[0]}` : `unknown shorthand flag: '${flag.charAt(1)}' in ${flag}`
  c.stderr.write(`Error: ${msg}\nSee 'minikube --help' for usage.\n`)
  return EXIT_USAGE
}

function ip(c: CommandContext, cluster: Cluster, args: string[]): number {
  const flags = takeNodeFlag(args)
  if (flags.badFlag) return unknownFlag(c, flags.badFlag)
  const node = resolveNode(c, cluster, flags.node)
  if (!node) return EXIT_GUEST_NOT_FOUND
  c.stdout.write(`${node.ip}\n`)
  return 0
}

/** `minikube kubectl -- ARGS`: kubectl v1.30.0 (the cluster's version, as minikube downloads it). */
async function kubectl(c: CommandContext, o: MinikubeOptions, args: string[]): Promise<number> {
  const info = o.command?.('kubectl')
  if (!info) {
    c.stderr.write("❗  'minikube kubectl' is not supported in Kubelab yet\n")
    return EXIT_PROGRAM_ERROR
  }
  const argv = args[0] === '--' ? args.slice(1) : args
  return info.run({ ...c, argv: ['kubectl', ...argv] })
}

/** `minikube status`: every component Running (a Kubelab cluster never stops). */
function status(c: CommandContext, cluster: Cluster): number {
  const blocks = minikubeNodes(cluster).map((n) => n.primary
    ? `${n.name}\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n`
    : `${n.name}\ntype: Worker\nhost: Running\nkubelet: Running\n\n`)
  c.stdout.write(blocks.join(''))
  return 0
}

function version(c: CommandContext, args: string[]): number {
  if (args.includes('--short')) c.stdout.write(`${MINIKUBE_VERSION}\n`)
  else c.stdout.write(`minikube version: ${MINIKUBE_VERSION}\ncommit: ${MINIKUBE_COMMIT}\n`)
  return 0
}

const HELP = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

Basic Commands:
  start            Starts a local Kubernetes cluster
  status           Gets the status of a local Kubernetes cluster
  stop             Stops a running local Kubernetes cluster
  delete           Deletes a local Kubernetes cluster
  dashboard        Access the Kubernetes dashboard running within the minikube cluster
  pause            pause Kubernetes
  unpause          unpause Kubernetes

Images Commands:
  docker-env       Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube.
  podman-env       Configure environment to use minikube's Podman service
  cache            Manage cache for images
  image            Manage images

Configuration and Management Commands:
  addons           Enable or disable a minikube addon
  config           Modify persistent configuration values
  profile          Get or list the current profiles (clusters)
  update-context   Update kubeconfig in case of an IP or port change

Networking and Connectivity Commands:
  service          Returns a URL to connect to a service
  tunnel           Connect to LoadBalancer services

Advanced Commands:
  mount            Mounts the specified directory into minikube
  ssh              Log into the minikube environment (for debugging)
  kubectl          Run a kubectl binary matching the cluster version
  node             Add, remove, or list additional nodes
  cp               Copy the specified file into minikube

Troubleshooting Commands:
  ssh-key          Retrieve the ssh identity key path of the specified node
  ssh-host         Retrieve the ssh host key of the specified node
  ip               Retrieves the IP address of the specified node
  logs             Returns logs to debug a local Kubernetes cluster
  update-check     Print current and latest version number
  version          Print the version of minikube
  options          Show a list of global command-line options (applies to all commands).

Other Commands:
  completion       Generate command completion for a shell
  license          Outputs the licenses of dependencies to a directory

Use "minikube <command> --help" for more information about a given command.
`

/** cobra's suggestions (the same SuggestionsFor kubectl uses), between the error and the usage hint. */
function didYouMean(typed: string): string {
  const hits = suggestFor(typed, [...SUBCOMMANDS, ...OTHER_COMMANDS].sort())
  return hits ? `${hits.slice(1)}\n` : ''
}

export function createMinikube(o: MinikubeOptions): CommandInfo {
  return {
    summary: 'the local cluster: ssh, ip, addons, service, status, version',
    complete: (argv) => (argv.length === 2 ? SUBCOMMANDS.filter((s) => s.startsWith(argv[1])) : []),
    async run(c: CommandContext): Promise<number> {
      const args = c.argv.slice(1)
      // Global flags before the subcommand: -p/--profile minikube.
      while (args[0] === '-p' || args[0] === '--profile' || args[0]?.startsWith('--profile=')) args.splice(0, args[0].includes('=') ? 1 : 2)
      const [sub, ...rest] = args
      const primary = minikubeNodes(o.cluster)[0]
      const addonCtx = { nodeName: primary.name, nodeIP: primary.ip }
      switch (sub) {
        case undefined: case 'help': case '--help': case '-h':
          c.stdout.write(HELP)
          return 0
        case 'ssh': return ssh(c, o, rest)
        case 'ip': return ip(c, o.cluster, rest)
        case 'status': return status(c, o.cluster)
        case 'version': return version(c, rest)
        case 'addons': return addonsCommand(c, o.cluster.api, addonCtx, rest)
        case 'service': return serviceCommand(c, o.cluster.api, primary.ip, rest)
        case 'kubectl': return kubectl(c, o, rest)
      }
      if (OTHER_COMMANDS.has(sub)) {
        c.stderr.write(`❗  'minikube ${sub}' is not supported in Kubelab yet\n`)
        return EXIT_PROGRAM_ERROR
      }
      c.stderr.write(`Error: unknown command "${sub}" for "minikube"\n${didYouMean(sub)}Run 'minikube --help' for usage.\n`)
      return EXIT_USAGE
    },
  }
}
