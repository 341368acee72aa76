// The node's kernel tools (iptables, iptables-save, iptables-restore, ipvsadm, ipset, ip) as the
// KERNEL helper's `createKernelTools(kernel)` builds them (engine/network/kernel/tools). They tell
// root from the `docker` user by the shell's environment: USER=root (and LOGNAME=root) in a root
// shell (`sudo -i`, `sudo cmd`, `docker exec -it minikube bash`), USER=docker otherwise.
import type { CommandInfo } from '../../shell'
import type { NodeKernel } from '../../engine/network/kernel/types'
import { createKernelTools } from '../../engine/network/kernel/tools'

export type KernelToolsFactory = (kernel: NodeKernel) => Record<string, CommandInfo>

/** No kernel tools yet: a node shell then has the network tools only. */
export const NO_KERNEL_TOOLS: KernelToolsFactory = () => ({})

export const kernelTools: KernelToolsFactory = createKernelTools
