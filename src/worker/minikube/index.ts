// The laptop's `minikube` and `docker` commands, registered into the learner's shell by
// worker/session.ts. The node shell they open is nodeshell.ts.
import type { Cluster } from '../../engine/cluster'
import type { CommandRegistry } from '../../shell'
import { createMinikube } from './minikube'
import { createDocker } from './docker'
import type { KernelToolsFactory } from './kerneltools'

export { createMinikube } from './minikube'
export { createDocker } from './docker'
export { nodeShellSession, runOnNode, NODE_USER, NODE_USER_HOME } from './nodeshell'
export { minikubeNodes, findNode, nodeKernel, type MinikubeNode } from './nodes'
export type { KernelToolsFactory } from './kerneltools'

export function registerMinikube(registry: CommandRegistry, cluster: Cluster, opts: { kernelTools?: KernelToolsFactory } = {}): void {
  registry.register('minikube', createMinikube({ cluster, command: (name) => registry.get(name), ...opts }))
  registry.register('docker', createDocker({ cluster, ...opts }))
}
