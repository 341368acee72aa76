// kubectl cluster-info. Upstream: pkg/cmd/clusterinfo/clusterinfo.go. Names are green and URLs
// yellow when stdout is a terminal, as upstream's `ct.ChangeColor` does.
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'

const GREEN = '\x1b[0;32m'
const YELLOW = '\x1b[0;33m'
const RESET = '\x1b[0m'
/** The label that marks cluster add-on services (kube-dns carries it). */
const CLUSTER_SERVICE_LABEL = 'kubernetes.io/cluster-service=true'

function run(inv: Invocation): number {
  if (inv.args.positional[0] === 'dump') throw fail('kubectl cluster-info dump is not supported in Kubelab yet')
  const { server } = inv.target()
  inv.api.discovery()
  const tty = inv.ctx.isTTY
  const line = (name: string, url: string) => tty ? `${GREEN}${name}${RESET} is running at ${YELLOW}${url}${RESET}` : `${name} is running at ${url}`
  inv.out(line('Kubernetes control plane', server))
  if (inv.api.discovery().some((k) => k.plural === 'services' && k.group === '')) {
    for (const svc of inv.api.list('services', { namespace: 'kube-system', labelSelector: CLUSTER_SERVICE_LABEL }).items) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name ?? ''
      const ports = ((svc.spec as { ports?: Array<{ name?: string }> } | undefined)?.ports) ?? []
      const port = ports[0]?.name
      const ref = port ? `${svc.metadata.name}:${port}` : svc.metadata.name
      inv.out(line(name, `${server}/api/v1/namespaces/kube-system/services/${ref}/proxy`))
    }
  }
  inv.out('')
  inv.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.")
  return 0
}

export const clusterInfoCommand: Cmd = {
  name: 'cluster-info',
  help: {
    short: 'Display cluster information',
    long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
    examples: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
    usage: 'kubectl cluster-info [flags] [options]',
  },
  flags: [],
  run,
}
