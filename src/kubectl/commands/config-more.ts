// More `kubectl config` subcommands: get-clusters, get-users, delete-context, rename-context.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/config/{get_clusters,get_users,delete_context,rename_context}.go.
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { saveKubeconfig, type Kubeconfig } from '../kubeconfig'

function loaded(inv: Invocation): { path: string; cfg?: Kubeconfig } {
  const l = inv.kubeconfig()
  return { path: l.path, cfg: l.config }
}

export const getClusters: Cmd = {
  name: 'get-clusters',
  help: { short: 'Display clusters defined in the kubeconfig', long: 'Display clusters defined in the kubeconfig.', examples: '  # List the clusters that kubectl knows about\n  kubectl config get-clusters', usage: 'kubectl config get-clusters [options]' },
  flags: [],
  run: (inv) => {
    inv.out('NAME')
    for (const c of loaded(inv).cfg?.clusters ?? []) inv.out(c.name)
    return 0
  },
}

export const getUsers: Cmd = {
  name: 'get-users',
  help: { short: 'Display users defined in the kubeconfig', long: 'Display users defined in the kubeconfig.', examples: '  # List the users that kubectl knows about\n  kubectl config get-users', usage: 'kubectl config get-users [options]' },
  flags: [],
  run: (inv) => {
    inv.out('NAME')
    for (const u of loaded(inv).cfg?.users ?? []) inv.out(u.name)
    return 0
  },
}

export const deleteContext: Cmd = {
  name: 'delete-context',
  help: { short: 'Delete the specified context from the kubeconfig', long: 'Delete the specified context from the kubeconfig.', examples: '  # Delete the context for the minikube cluster\n  kubectl config delete-context minikube', usage: 'kubectl config delete-context NAME [options]' },
  flags: [],
  run: (inv) => {
    const args = inv.args.positional
    if (args.length !== 1) throw new CmdError("error: Unexpected args: [" + args.join(' ') + "]\nSee 'kubectl config delete-context -h' for help and examples")
    const { path, cfg } = loaded(inv)
    const name = args[0]
    if (!cfg || !cfg.contexts.some((c) => c.name === name)) throw fail(`cannot delete context ${name}, not in ${path}`)
    if (cfg['current-context'] === name) inv.err('warning: this removed your active context, use "kubectl config use-context" to select a different one')
    cfg.contexts = cfg.contexts.filter((c) => c.name !== name)
    saveKubeconfig(inv.ctx.fs, path, cfg)
    inv.out(`deleted context ${name} from ${path}`)
    return 0
  },
}

export const renameContext: Cmd = {
  name: 'rename-context',
  help: { short: 'Rename a context from the kubeconfig file', long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`, examples: "  # Rename the context 'old-name' to 'new-name' in your kubeconfig file\n  kubectl config rename-context old-name new-name", usage: 'kubectl config rename-context CONTEXT_NAME NEW_NAME [options]' },
  flags: [],
  run: (inv) => {
    const args = inv.args.positional
    if (args.length !== 2) throw new CmdError("error: Unexpected args: [" + args.join(' ') + "]\nSee 'kubectl config rename-context -h' for help and examples")
    const [from, to] = args
    const { path, cfg } = loaded(inv)
    const ctx = cfg?.contexts.find((c) => c.name === from)
    if (!cfg || !ctx) throw fail(`cannot rename the context "${from}", it's not in ${path}`)
    if (cfg.contexts.some((c) => c.name === to)) throw fail(`cannot rename the context "${from}", the context "${to}" already exists in ${path}`)
    ctx.name = to
    if (cfg['current-context'] === from) cfg['current-context'] = to
    saveKubeconfig(inv.ctx.fs, path, cfg)
    inv.out(`Context "${from}" renamed to "${to}".`)
    return 0
  },
}
