// Port arguments of kubectl port-forward before they are parsed as numbers: a pod's named ports
// (convertPodNamedPortToNumber), a Service's ports and targetPorts (translateServicePortToTargetPort,
// util.LookupContainerPortNumberByServicePort), and the local port the OS picks for `:80`.
import type { KubeObject } from '../../api/types'
import { fail } from '../errors'
import type { PodObject } from './exec-target'

/** The Service fields port-forward reads (kinds without a generated type are plain objects). */
export interface ServicePortLike { name?: string; port: number; targetPort?: number | string; protocol?: string }
export type ServiceLike = KubeObject & { spec?: { clusterIP?: string; ports?: ServicePortLike[] } }

/** splitPort: `[LOCAL:]REMOTE`. */
function splitPort(port: string): [string, string] {
  const parts = port.split(':')
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]]
}

const isInt = (s: string) => /^[+-]?\d+$/.test(s)

/** util.LookupContainerPortNumberByName. */
function containerPortByName(pod: PodObject, name: string): number {
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort
  }
  throw fail(`Pod '${pod.metadata.name}' does not have a named port '${name}'`)
}

/** convertPodNamedPortToNumber: `8080:http` → `8080:80`. */
export function namedPodPort(ports: string[], pod: PodObject): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port)
    if (remote === '') throw fail('remote port cannot be empty')
    const number = isInt(remote) ? remote : String(containerPortByName(pod, remote))
    return local !== remote ? `${local}:${number}` : number
  })
}

/** translateServicePortToTargetPort: a Service port (number or name) → the pod's container port. */
export function servicePortToTarget(ports: string[], svc: ServiceLike, pod: PodObject): string[] {
  const svcPorts = svc.spec?.ports ?? []
  return ports.map((port) => {
    let [local, remote] = splitPort(port)
    let portnum: number
    if (isInt(remote)) portnum = Number(remote)
    else {
      const named = svcPorts.find((p) => p.name === remote)
      if (!named) throw fail(`Service '${svc.metadata.name}' does not have a named port '${remote}'`)
      portnum = named.port
      if (local === remote) local = String(portnum)
    }
    const spec = svcPorts.find((p) => p.port === portnum)
    if (!spec) throw fail(`Service ${svc.metadata.name} does not have a service port ${portnum}`)
    let target: number
    const tp = spec.targetPort
    if (svc.spec?.clusterIP === 'None') target = portnum
    else if (tp === undefined || typeof tp === 'number' || isInt(String(tp))) target = Number(tp ?? 0) || spec.port
    else target = containerPortByName(pod, String(tp))
    remote = String(target)
    return local !== remote ? `${local}:${remote}` : remote
  })
}

/** Linux's default ip_local_port_range: 32768–60999 (28232 ports). */
const EPHEMERAL_FIRST = 32768
const EPHEMERAL_COUNT = 28232

/**
 * The port `:80` gets: the OS picks a free ephemeral one. Kubelab picks deterministically from
 * virtual time and the remote port (a Knuth multiplicative hash), stepping on while taken: at
 * 2026-01-01T00:00:00Z with remote 80 that is always the same port, run after run.
 */
export function ephemeralPort(nowMs: number, remote: number, free: (port: number) => boolean): number {
  const seed = (Math.floor(nowMs / 1000) * 31 + remote) >>> 0
  const start = Math.imul(seed, 2654435761) >>> 0
  for (let i = 0; i < EPHEMERAL_COUNT; i++) {
    const port = EPHEMERAL_FIRST + ((start + i) % EPHEMERAL_COUNT)
    if (free(port)) return port
  }
  throw fail('bind: address already in use')
}

/**
 * checkUDPPortInService / checkUDPPortInPod: a bare port number served only over UDP is refused
 * (port-forward carries TCP). `8053:53` does not parse as a number, so upstream lets it through.
 */
export function checkUDPPorts(ports: string[], declared: Array<{ port: number; protocol?: string }>): void {
  const udp = new Set(declared.filter((p) => p.protocol === 'UDP').map((p) => p.port))
  const tcp = new Set(declared.filter((p) => p.protocol === 'TCP').map((p) => p.port))
  for (const port of ports) {
    if (!isInt(port)) continue
    const n = Number(port)
    if (udp.has(n) && !tcp.has(n)) throw fail(`UDP protocol is not supported for ${port}`)
  }
}
