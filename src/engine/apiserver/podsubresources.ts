// pods/log, pods/exec, pods/portforward: the API server's half (find the pod and its node, check
// the request, proxy to the node's kubelet). Messages are the API server's own.
// Upstream: pkg/registry/core/pod/strategy.go (LogLocation, validateContainer, streamLocation,
// PortForwardLocation) and pkg/registry/core/pod/rest/log.go.
import type { AbortSignalLike, ChunkWriter, ExecIO, ExecSession, PodExecOptions, PodLogOptions, PortForwardTunnel } from '../../api/client'
import type { Container, KubeObject, Pod } from '../../api/types'
import { badRequest } from '../../api/errors'
import type { ApiServer } from './server'
import type { NodeServer } from './nodeproxy'

type StoredPod = Pod & KubeObject

/** Every container of the pod in podutil.VisitContainers order: init containers, then containers. */
function allNames(pod: StoredPod): string[] {
  const spec = pod.spec as { initContainers?: Container[]; containers?: Container[]; ephemeralContainers?: Container[] } | undefined
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c.name)
}

function containersOf(pod: StoredPod): Container[] {
  return (pod.spec as { containers?: Container[] } | undefined)?.containers ?? []
}

/** Go's %s of a []string: `[a b c]`. */
const goList = (names: string[]): string => `[${names.join(' ')}]`

/**
 * validateContainer (logs): an empty name is fine for a one-container pod; a pod with several
 * asks for one, listing all of them (`choose one of: [init-web web sidecar]`); a name must exist.
 */
export function validateLogContainer(pod: StoredPod, container: string | undefined): string {
  const name = pod.metadata.name ?? ''
  if (!container) {
    const cs = containersOf(pod)
    if (cs.length === 1) return cs[0].name
    if (cs.length === 0) throw badRequest(`a container name must be specified for pod ${name}`)
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: ${goList(allNames(pod))}`)
  }
  if (!allNames(pod).includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`)
  return container
}

/** streamLocation's container check (exec): a named container must exist; none means the first (the contract's default). */
function validateExecContainer(pod: StoredPod, container: string | undefined): string {
  const name = pod.metadata.name ?? ''
  if (container) {
    if (!allNames(pod).includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`)
    return container
  }
  const first = containersOf(pod)[0]
  if (!first) throw badRequest(`pod ${name} does not have any containers`)
  return first.name
}

/** The node server of the pod's node, or undefined when the pod is not bound (or its kubelet is gone). */
function nodeOf(api: ApiServer, pod: StoredPod): NodeServer | undefined {
  const nodeName = pod.spec?.nodeName
  return nodeName ? api.nodeConnections.get(nodeName) : undefined
}

function mustNode(api: ApiServer, pod: StoredPod): NodeServer {
  const node = nodeOf(api, pod)
  if (!node) throw badRequest(`pod ${pod.metadata.name ?? ''} does not have a host assigned`)
  return node
}

export async function podLogs(api: ApiServer, namespace: string, name: string, opts: PodLogOptions, out: ChunkWriter, signal: AbortSignalLike): Promise<void> {
  const pod = api.get<StoredPod>('pods', namespace, name)
  const container = validateLogContainer(pod, opts.container)
  // LogLocation: a pod not yet on a node has an empty location, and the log is an empty stream.
  const node = nodeOf(api, pod)
  if (!node) return
  return node.logs(pod, container, { ...opts, container }, out, signal)
}

export async function podExec(api: ApiServer, namespace: string, name: string, opts: PodExecOptions, io: ExecIO): Promise<number> {
  const pod = api.get<StoredPod>('pods', namespace, name)
  const container = validateExecContainer(pod, opts.container)
  return mustNode(api, pod).exec(pod, container, { ...opts, container }, io)
}

export function podExecSession(api: ApiServer, namespace: string, name: string, opts: PodExecOptions): ExecSession {
  const pod = api.get<StoredPod>('pods', namespace, name)
  const container = validateExecContainer(pod, opts.container)
  return mustNode(api, pod).execSession(pod, container, { ...opts, container })
}

export function podPortForward(api: ApiServer, namespace: string, name: string, port: number): PortForwardTunnel {
  const pod = api.get<StoredPod>('pods', namespace, name)
  return mustNode(api, pod).portForward(pod, port)
}
