// The kubelet's server (what the API server proxies pods/log, pods/exec and pods/portforward to,
// and what metrics-server scrapes), answering in the kubelet's and the runtime's words.
import type { ChunkReader, ExecSession, PortForwardTunnel } from '../../api/client'
import { badRequest, internalError } from '../../api/errors'
import type { ContainerStatus, KubeObject, Pod, PodStatus } from '../../api/types'
import type { Reader } from '../../shell'
import type { NodeServer } from '../apiserver/nodeproxy'
import { hex64 } from '../images/digest'
import type { Fabric } from '../network/types'
import { writeLog, type LogInstance, type LogStore } from './logs'
import { RuntimeExecError } from './process/messages'
import { podTunnel } from './process/portforward'
import type { ContainerProcess } from './process/types'

type StoredPod = Pod & KubeObject
type Usage = { cpuMillicores: number; memoryBytes: number }

/** What the kubelet gives its server (LIFECYCLE wires it; see process/CONTEXT.md). */
export interface NodeServerDeps {
  clock: { now(): number }
  fabric: Fabric
  logs: LogStore
  /** The container's process while it runs; undefined when it is not running (waiting, exited). */
  process(podUid: string, container: string): ContainerProcess | undefined
  /** The kubelet's own latest status for the pod (fresher than the stored one); default: the pod's. */
  podStatus?(podUid: string): PodStatus | undefined
  /** The pods this node runs now, with their containers (init ones included), for usage figures. */
  pods(): { uid: string; containers: string[] }[]
  /** What the node uses beyond its pods (kubelet, dockerd, system daemons). */
  systemUsage?: Usage
}

/**
 * An idle minikube node outside its pods: kubelet + dockerd + systemd ≈ 100m CPU and 500 MiB, so
 * `kubectl top node` on a fresh cluster shows ~9% of 2 CPUs once the control plane's pods are added.
 */
export const DEFAULT_SYSTEM_USAGE: Usage = { cpuMillicores: 100, memoryBytes: 500 * 1024 * 1024 }

export function createNodeServer(deps: NodeServerDeps): NodeServer {
  let execs = 0
  return {
    async logs(pod, container, opts, out, signal) {
      checkContainer(pod, container)
      const instance = logInstance(deps, pod, container, !!opts.previous)
      if (instance) await writeLog(instance, opts, deps.clock.now(), out, signal)
    },

    async exec(pod, container, opts, io) {
      const proc = runningProcess(deps, pod, container)
      const id = hex64(`${pod.metadata.uid}/${container}/exec/${execs++}`)
      try {
        return await proc.exec(opts.command, { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin ? toReader(io.stdin) : undefined, signal: io.signal, tty: opts.tty })
      } catch (e) {
        throw execFailed(e, id)
      }
    },

    execSession(pod, container, opts): ExecSession {
      const proc = runningProcess(deps, pod, container)
      const id = hex64(`${pod.metadata.uid}/${container}/exec/${execs++}`)
      try {
        return proc.session(opts.command)
      } catch (e) {
        throw execFailed(e, id)
      }
    },

    portForward(pod, port): PortForwardTunnel {
      const uid = pod.metadata.uid ?? ''
      let attempts = 0
      return podTunnel({
        podIP: pod.status?.podIP ?? '',
        port,
        fabric: deps.fabric,
        now: () => deps.clock.now(),
        refusedMessage: () => {
          const pid = 1000 + (parseInt(hex64(`${uid}/${port}/${attempts++}`).slice(0, 6), 16) % 60000)
          return `error forwarding port ${port} to pod ${hex64(`${uid}/sandbox`)}, uid : exit status 1: ${socatTime(deps.clock.now())} socat[${pid}] E connect(5, AF=2 127.0.0.1:${port}, 16): Connection refused`
        },
      })
    },

    podUsage(podUid) {
      const pod = deps.pods().find((p) => p.uid === podUid)
      if (!pod) return undefined
      const containers: { name: string; cpuMillicores: number; memoryBytes: number }[] = []
      for (const name of pod.containers) {
        const proc = deps.process(podUid, name)
        if (proc) containers.push({ name, ...proc.usage() })
      }
      return { containers }
    },

    nodeUsage() {
      const total = { ...(deps.systemUsage ?? DEFAULT_SYSTEM_USAGE) }
      for (const pod of deps.pods()) {
        for (const name of pod.containers) {
          const u = deps.process(pod.uid, name)?.usage()
          if (!u) continue
          total.cpuMillicores += u.cpuMillicores
          total.memoryBytes += u.memoryBytes
        }
      }
      return total
    },
  }
}

/** The API server's check (pod strategy): `container nginx is not valid for pod web`. */
function checkContainer(pod: StoredPod, container: string): void {
  const spec = pod.spec
  const all = [...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])]
  if (!all.some((c) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`)
}

function runningProcess(deps: NodeServerDeps, pod: StoredPod, container: string): ContainerProcess {
  checkContainer(pod, container)
  const proc = deps.process(pod.metadata.uid ?? '', container)
  // kubelet GetExec → findContainer; the API server's upgrade then fails with the body as message.
  if (!proc) throw badRequest(`unable to upgrade connection: container not found (${JSON.stringify(container)})`)
  return proc
}

/** containerd's exec failure as the API server returns it (500, `Internal error occurred: …`). */
function execFailed(e: unknown, execId: string): unknown {
  if (e instanceof RuntimeExecError) {
    return internalError(`error executing command in container: failed to exec in container: failed to start exec ${JSON.stringify(execId)}: ${e.message}`)
  }
  if (e instanceof Error && e.name !== 'StatusError') return internalError(e.message)
  return e
}

/**
 * Which instance's log to read: upstream kubelet's validateContainerLogStatus, on the pod's
 * status. The newest instance is `current` even when it has died (CrashLoopBackOff shows it).
 */
function logInstance(deps: NodeServerDeps, pod: StoredPod, container: string, previous: boolean): LogInstance | undefined {
  const uid = pod.metadata.uid ?? ''
  const podName = pod.metadata.name ?? ''
  const status = deps.podStatus?.(uid) ?? pod.status
  const cs = findStatus(status, container)
  const q = (s: string) => JSON.stringify(s)
  if (!cs) throw badRequest(`container ${q(container)} in pod ${q(podName)} is not available`)
  const last = cs.lastState?.terminated
  const { waiting, running, terminated } = cs.state ?? {}
  const pick = (containerId: string | undefined, positional: 'current' | 'previous') =>
    (containerId ? deps.logs.byContainerId(uid, container, containerId) : undefined) ?? deps.logs.instance(uid, container, positional)
  if (previous) {
    if (!last || !last.containerID) throw badRequest(`previous terminated container ${q(container)} in pod ${q(podName)} not found`)
    // Running or terminated: the last state is the instance before the newest; waiting
    // (CrashLoopBackOff): it is the newest, dead one.
    return pick(last.containerID, waiting ? 'current' : 'previous')
  }
  if (running) return pick(cs.containerID, 'current')
  if (terminated) {
    if (terminated.containerID) return pick(terminated.containerID, 'current')
    if (last?.containerID) return pick(last.containerID, 'current')
    throw badRequest(`container ${q(container)} in pod ${q(podName)} is terminated`)
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container ${q(container)} in pod ${q(podName)} is terminated`)
    return pick(last.containerID, 'current')
  }
  if (waiting) {
    const reason = waiting.reason ?? ''
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason
    throw badRequest(`container ${q(container)} in pod ${q(podName)} is waiting to start: ${why}`)
  }
  throw badRequest(`container ${q(container)} in pod ${q(podName)} is waiting to start - no logs yet`)
}

function findStatus(status: PodStatus | undefined, container: string): ContainerStatus | undefined {
  for (const list of [status?.containerStatuses, status?.initContainerStatuses, status?.ephemeralContainerStatuses]) {
    const found = list?.find((c) => c.name === container)
    if (found) return found
  }
  return undefined
}

function toReader(r: ChunkReader): Reader {
  return {
    read: () => r.read(),
    async readAll() {
      let all = ''
      for (let c = await r.read(); c !== null; c = await r.read()) all += c
      return all
    },
  }
}

/** socat's log time: `2026/01/01 00:00:05` (the node's local time, UTC on minikube). */
function socatTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`
}

