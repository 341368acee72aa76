// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:targetPort].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go (ServiceOptions: Complete →
// Validate → Run; labels and selector app=NAME; port names are the --tcp text with ':' → '-').
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { isDNS1123Subdomain } from '../../api/labels'
import { flagArr, flagBool, flagInt, flagStr, type FlagSpec } from '../argv'
import { withLastApplied } from '../apply/lastapplied'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG, VALIDATE_FLAG } from './common'
import { createGenerated, kindOf } from './generated'
import { isValidPortName, parseGoPort } from './service-ports'

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

/** parsePorts: `5678:8080` → port 5678, targetPort 8080 (or a port name); `80` → 80:80. */
export function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':')
  const port = parseGoPort(parts[0])
  if (parts.length === 1) return { port, targetPort: port }
  const t = parts[1]
  if (!/^[+-]?\d+$/.test(t)) {
    const errs = isValidPortName(t)
    if (errs.length) throw fail(errs.join(','))
    return { port, targetPort: t }
  }
  const n = Number(t)
  if (n < 1 || n > 65535) throw fail('must be between 1 and 65535, inclusive')
  return { port, targetPort: n }
}

/** ServiceOptions.createService: the object kubectl prints with -o yaml --dry-run=client. */
export function buildService(name: string, type: ServiceType, tcp: string[], opts: { clusterIP?: string; nodePort?: number; externalName?: string; namespace?: string }): KubeObject {
  const ports = tcp.map((s) => {
    const { port, targetPort } = parseTcp(s)
    const p: Record<string, unknown> = { name: s.replace(/:/g, '-'), port, protocol: 'TCP', targetPort }
    if (opts.nodePort) p.nodePort = opts.nodePort
    return p
  })
  const spec: Record<string, unknown> = { selector: { app: name }, type }
  if (ports.length) spec.ports = ports
  if (opts.externalName) spec.externalName = opts.externalName
  if (opts.clusterIP) spec.clusterIP = opts.clusterIP
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { creationTimestamp: null as unknown as string, labels: { app: name }, name, ...(opts.namespace ? { namespace: opts.namespace } : {}) },
    spec,
    status: { loadBalancer: {} },
  }
}

function runFor(type: ServiceType, sub: string) {
  return (inv: Invocation): number => {
    const p = inv.args
    if (type === 'ExternalName' && !p.flags.has('external-name')) throw fail('required flag(s) "external-name" not set')
    const before = p.dashAt >= 0 ? p.dashAt : p.positional.length
    if (before !== 1) throw new CmdError(`error: exactly one NAME is required, got ${before}\nSee 'kubectl create service ${sub} -h' for help and examples`)
    const name = p.positional[0]
    const target = inv.target()
    const tcp = flagArr(p, 'tcp').flatMap((v) => v.split(',')).filter((s) => s !== '')
    const clusterIP = flagStr(p, 'clusterip') ?? ''
    const externalName = flagStr(p, 'external-name') ?? ''
    // Validate
    if (clusterIP === 'None' && type !== 'ClusterIP') throw fail('ClusterIP=None can only be used with ClusterIP service type')
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw fail('at least one tcp port specifier must be provided')
    if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length !== 0) throw fail(`invalid service external name ${externalName}`)
    const built = buildService(name, type, tcp, { clusterIP, nodePort: flagInt(p, 'node-port'), externalName, namespace: target.namespaceExplicit ? target.namespace : undefined })
    const obj = flagBool(p, 'save-config') ? withLastApplied(built).modified : built
    try {
      return createGenerated(inv, kindOf(inv, 'Service'), obj, flagStr(p, 'field-manager') ?? 'kubectl-create')
    } catch (e) {
      if (isStatusError(e)) throw fail(`failed to create ${type} service: ${e.status.message}`)
      throw e
    }
  }
}

const TCP_FLAG: FlagSpec = { name: 'tcp', type: 'stringArray', default: '[]', usage: "Port pairs can be specified as '<port>:<targetPort>'." }
const SAVE_CONFIG_FLAG: FlagSpec = { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' }
const COMMON: FlagSpec[] = [DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG, { ...FIELD_MANAGER_FLAG, default: 'kubectl-create' }]

const clusterIPCommand: Cmd = {
  name: 'clusterip',
  help: {
    short: 'Create a ClusterIP service',
    long: 'Create a ClusterIP service with the specified name.',
    examples: `  # Create a new ClusterIP service named my-cs
  kubectl create service clusterip my-cs --tcp=5678:8080

  # Create a new ClusterIP service named my-cs (in headless mode)
  kubectl create service clusterip my-cs --clusterip="None"`,
    usage: 'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  },
  flags: [...COMMON, TCP_FLAG, { name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }],
  run: runFor('ClusterIP', 'clusterip'),
}

const nodePortCommand: Cmd = {
  name: 'nodeport',
  help: {
    short: 'Create a NodePort service',
    long: 'Create a NodePort service with the specified name.',
    examples: `  # Create a new NodePort service named my-ns
  kubectl create service nodeport my-ns --tcp=5678:8080`,
    usage: 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  },
  flags: [...COMMON, TCP_FLAG, { name: 'node-port', type: 'int', default: '0', usage: 'Port used to expose the service on each node in a cluster.' }],
  run: runFor('NodePort', 'nodeport'),
}

const loadBalancerCommand: Cmd = {
  name: 'loadbalancer',
  help: {
    short: 'Create a LoadBalancer service',
    long: 'Create a LoadBalancer service with the specified name.',
    examples: `  # Create a new LoadBalancer service named my-lbs
  kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
    usage: 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  },
  flags: [...COMMON, TCP_FLAG],
  run: runFor('LoadBalancer', 'loadbalancer'),
}

const externalNameCommand: Cmd = {
  name: 'externalname',
  help: {
    short: 'Create an ExternalName service',
    long: `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.`,
    examples: `  # Create a new ExternalName service named my-ns
  kubectl create service externalname my-ns --external-name bar.com`,
    usage: 'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
  },
  flags: [...COMMON, TCP_FLAG, { name: 'external-name', type: 'string', usage: 'External name of service' }],
  run: runFor('ExternalName', 'externalname'),
}

export const createServiceCommand: Cmd = {
  name: 'service',
  aliases: ['svc'],
  help: {
    short: 'Create a service using a specified subcommand',
    long: 'Create a service using a specified subcommand.',
    usage: 'kubectl create service [flags] [options]',
  },
  flags: [],
  subcommands: [clusterIPCommand, externalNameCommand, loadBalancerCommand, nodePortCommand],
}
