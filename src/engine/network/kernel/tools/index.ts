// The node's kernel tools as shell commands (the node shell registers them; see CONTEXT.md).
import type { CommandInfo } from '../../../../shell'
import type { NodeKernel } from '../types'
import { ipTool } from './ip'
import { ipsetTool } from './ipset'
import { iptablesRestoreTool, iptablesSaveTool, iptablesTool } from './iptables'
import { ipvsadmTool } from './ipvsadm'

export { isRoot } from './common'

/** iptables, iptables-save, iptables-restore (+ the -legacy names), ipvsadm, ipset, ip. */
export function createKernelTools(kernel: NodeKernel): Record<string, CommandInfo> {
  const iptables = iptablesTool(kernel)
  const save = iptablesSaveTool(kernel)
  const restore = iptablesRestoreTool(kernel)
  return {
    iptables,
    'iptables-save': save,
    'iptables-restore': restore,
    'iptables-legacy': iptables,
    'iptables-legacy-save': save,
    'iptables-legacy-restore': restore,
    ipvsadm: ipvsadmTool(kernel),
    ipset: ipsetTool(kernel),
    ip: ipTool(kernel),
  }
}
