// kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...: listens on the learner's laptop
// (ctx.net.listen) and carries each connection through pods/portforward until Ctrl-C.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go (ports by name, Service
// targetPort translation, the Running check) and client-go tools/portforward/portforward.go
// (parsePorts, parseAddresses, "Forwarding from", "Handling connection for").
import type { AbortSignalLike, ForwardedRequest, ForwardedResult, PortForwardTunnel } from '../../api/client'
import { flagArr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { POD_RUNNING_TIMEOUT_FLAG, attachablePod, type PodObject } from './exec-target'
import { checkUDPPorts, ephemeralPort, namedPodPort, servicePortToTarget, type ServiceLike } from './port-forward-ports'

interface Forward { local: number; remote: number }
interface ListenAddress { address: string; failure: 'all' | 'any' }

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^[0-9a-fA-F:]+$/

/** Go's strconv.ParseUint(s, 10, 16) error text, or the value. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`
  const n = Number(s)
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`
  return n
}

/** client-go parsePorts: `8080:80`, `:80` (random local), `80`. */
export function parsePorts(specs: string[]): Forward[] {
  return specs.map((spec) => {
    const parts = spec.split(':')
    if (parts.length > 2) throw fail(`invalid port format '${spec}'`)
    const localString = parts.length === 1 ? parts[0] : parts[0] || '0'
    const remoteString = parts.length === 1 ? parts[0] : parts[1]
    const local = parseUint16(localString)
    if (typeof local === 'string') throw fail(`error parsing local port '${localString}': ${local}`)
    const remote = parseUint16(remoteString)
    if (typeof remote === 'string') throw fail(`error parsing remote port '${remoteString}': ${remote}`)
    if (remote === 0) throw fail('remote port must be > 0')
    return { local, remote }
  })
}

/** client-go parseAddresses: localhost means both loopbacks; sorted for a stable order. */
export function parseAddresses(values: string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>()
  for (const a of values) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', failure: 'all' })
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', failure: 'all' })
    } else if (IPV4.test(a) || (a.includes(':') && IPV6.test(a))) parsed.set(a, { address: a, failure: 'any' })
    else throw fail(`${a} is not a valid IP`)
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0))
}

/** net.JoinHostPort. */
const hostPort = (address: string, port: number) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`)

/** klog's header for an error line: `E0101 00:00:05.000000       1 file:line] `. */
function klogError(nowMs: number, where: string): string {
  const d = new Date(nowMs)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `E${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}       1 ${where}] `
}

async function run(inv: Invocation): Promise<number> {
  const args = inv.args.positional
  if (args.length < 2) throw new CmdError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples")
  const ns = inv.target().namespace
  const resource = args[0]
  // The object named, to translate a Service's ports (svc/x or service/x).
  const slash = resource.indexOf('/')
  const typeWord = slash >= 0 ? resource.slice(0, slash).toLowerCase() : 'pods'
  const pod = await attachablePod(inv, resource)
  const isService = ['svc', 'service', 'services'].includes(typeWord)
  let ports = args.slice(1)
  if (isService) {
    const svc = inv.api.get('services', ns, resource.slice(slash + 1)) as ServiceLike
    checkUDPPorts(ports, (svc.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol })))
    ports = servicePortToTarget(ports, svc, pod)
  } else {
    checkUDPPorts(ports, (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: (p as { protocol?: string }).protocol }))))
    ports = namedPodPort(ports, pod)
  }

  const current = inv.api.get<PodObject>('pods', ns, pod.metadata.name ?? '')
  const phase = current.status?.phase
  if (phase !== 'Running') throw fail(`unable to forward port because pod is not running. Current status=${phase ?? ''}`)
  const forwards = parsePorts(ports)
  const addresses = parseAddresses(flagArr(inv.args, 'address').flatMap((a) => a.split(',')).filter(Boolean).concat(flagArr(inv.args, 'address').length ? [] : ['localhost']))
  const net = inv.ctx.net
  if (!net?.listen) throw fail('port-forward needs a network to listen on, and this terminal has none')

  const closers: Array<() => void> = []
  const closeAll = () => { for (const c of closers.splice(0)) c() }
  const podName = current.metadata.name ?? ''
  const podUid = current.metadata.uid ?? ''
  let listening = 0
  // Since client-go 1.28 an error on one forwarded connection closes the stream connection, and
  // ForwardPorts returns ErrLostConnectionToPod: kubectl ends with `error: lost connection to pod`.
  let lost = false
  let wake = () => {}
  const lose = () => { lost = true; wake() }
  for (const f of forwards) {
    let tunnel: PortForwardTunnel | undefined
    /** handleConnection's error path: log it and close the stream connection (the command then ends). */
    const failed = (why: string): ForwardedResult => {
      inv.err(`${klogError(inv.ctx.clock.now(), 'portforward.go:409')}an error occurred forwarding ${f.local} -> ${f.remote}: ${why}`)
      lose()
      return { kind: 'error', code: 'reset' }
    }
    const handler = async (req: ForwardedRequest, signal: AbortSignalLike): Promise<ForwardedResult> => {
      if (lost) return { kind: 'error', code: 'refused' }
      inv.out(`Handling connection for ${f.local}`)
      try {
        tunnel ??= inv.api.podPortForward(ns, podName, f.remote)
        const res = await tunnel.http(req, signal)
        // The kubelet's words (cri-dockerd's socat for a refused connect), prefixed as client-go logs them.
        if (res.kind === 'error') return failed(res.message ?? `error forwarding port ${f.remote} to pod ${podUid}, uid : exit status 1: socat[1] E connect(5, AF=2 127.0.0.1:${f.remote}, 16): Connection refused`)
        return res
      } catch (e) {
        return failed(e instanceof Error ? e.message : String(e))
      }
    }
    if (f.local === 0) f.local = ephemeralPort(inv.ctx.clock.now(), f.remote, (port) => addresses.every((a) => canBind(net.listen!, a.address, port)))
    // listenOnPort: "all" addresses (localhost) fail only when none binds; an explicit address must bind.
    const errors: string[] = []
    const ok = { all: 0, any: 0 }
    const bad = { all: 0, any: 0 }
    for (const a of addresses) {
      try {
        closers.push(net.listen(a.address, f.local, handler))
        ok[a.failure]++
        inv.out(`Forwarding from ${hostPort(a.address, f.local)} -> ${f.remote}`)
      } catch (e) {
        bad[a.failure]++
        const proto = a.address.includes(':') ? 'tcp6' : 'tcp4'
        errors.push(`unable to create listener: Error listen ${proto} ${hostPort(a.address, f.local)}: bind: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    if ((ok.all === 0 && bad.all > 0) || bad.any > 0) {
      inv.err(`Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]`)
    } else listening++
  }
  if (listening === 0) {
    closeAll()
    throw fail(`unable to listen on any of the requested ports: [${forwards.map((f) => `{${f.local} ${f.remote}}`).join(' ')}]`)
  }
  // Runs until Ctrl-C (or the job is killed), like the real one.
  await new Promise<void>((resolve) => {
    wake = resolve
    inv.ctx.signal.onAbort(resolve)
  })
  closeAll()
  if (lost && !inv.ctx.signal.aborted) throw fail('lost connection to pod')
  return 0
}

/** Whether a port is free on this address: bind and release at once. */
function canBind(listen: NonNullable<NonNullable<Invocation['ctx']['net']>['listen']>, address: string, port: number): boolean {
  try { listen(address, port, async () => ({ kind: 'error', code: 'refused' }))(); return true } catch { return false }
}

export const portForwardCommand: Cmd = {
  name: 'port-forward',
  help: {
    short: 'Forward one or more local ports to a pod',
    long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
    examples: `  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000

  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
  kubectl port-forward deployment/mydeployment 5000 6000

  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
  kubectl port-forward service/myservice 8443:https

  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000

  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000

  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000

  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000`,
    usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  },
  flags: [
    { name: 'address', type: 'stringArray', default: '[localhost]', usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    POD_RUNNING_TIMEOUT_FLAG,
  ],
  run,
}
