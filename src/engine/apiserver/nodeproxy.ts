// The pod subresources (pods/log, pods/exec, pods/portforward) as the API server serves them: it
// looks the pod up, checks what the real server checks (the pod exists, is bound, the container
// is named right), then proxies to the kubelet of the pod's node, which registered itself here.
// The kubelet side is `NodeServer`; the kubelet answers in the kubelet's words (a container not
// running, no previous instance...), the API server in its own (NotFound, BadRequest).
import type { AbortSignalLike, ChunkWriter, ExecIO, ExecSession, PodExecOptions, PodLogOptions, PortForwardTunnel } from '../../api/client'
import type { KubeObject, Pod } from '../../api/types'

type StoredPod = Pod & KubeObject

/** What a node's kubelet serves the API server (kubelet's /containerLogs, /exec, /portForward). */
export interface NodeServer {
  /** Write the container's log per opts; throws StatusError (BadRequest) in the kubelet's words. */
  logs(pod: StoredPod, container: string, opts: PodLogOptions, out: ChunkWriter, signal: AbortSignalLike): Promise<void>
  exec(pod: StoredPod, container: string, opts: PodExecOptions, io: ExecIO): Promise<number>
  execSession(pod: StoredPod, container: string, opts: PodExecOptions): ExecSession
  portForward(pod: StoredPod, port: number): PortForwardTunnel
  /** Usage now, for metrics.k8s.io (kubectl top); undefined when the pod is not on this node. */
  podUsage(podUid: string): { containers: { name: string; cpuMillicores: number; memoryBytes: number }[] } | undefined
  nodeUsage(): { cpuMillicores: number; memoryBytes: number }
}

/** Registry of node servers by node name (a kubelet registers when it starts). */
export class NodeConnections {
  private readonly nodes = new Map<string, NodeServer>()

  register(nodeName: string, server: NodeServer): () => void {
    this.nodes.set(nodeName, server)
    return () => { if (this.nodes.get(nodeName) === server) this.nodes.delete(nodeName) }
  }

  get(nodeName: string): NodeServer | undefined {
    return this.nodes.get(nodeName)
  }

  names(): string[] {
    return [...this.nodes.keys()].sort()
  }
}
