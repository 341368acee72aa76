// kubectl top node|pod. Kubelab's cluster, like a fresh minikube, runs no metrics-server, so the
// metrics.k8s.io API is absent and kubectl says exactly what it says there.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top/top_{node,pod}.go (`Metrics API not available`).
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from './common'

function run(inv: Invocation): number {
  inv.target()
  const metricsServed = inv.api.discovery().some((k) => k.group === 'metrics.k8s.io')
  if (!metricsServed) throw fail('Metrics API not available')
  throw fail('kubectl top is not supported in Kubelab yet')
}

const sub = (name: string, aliases: string[], short: string, usage: string): Cmd => ({
  name, aliases, help: { short, long: `${short}.`, usage }, flags: [SELECTOR_FLAG, ALL_NAMESPACES_FLAG,
    { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' }],
  run,
})

export const topCommand: Cmd = {
  name: 'top',
  help: {
    short: 'Display resource (CPU/memory) usage',
    long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
    usage: 'kubectl top [flags] [options]',
  },
  flags: [],
  subcommands: [
    sub('node', ['nodes', 'no'], 'Display resource (CPU/memory) usage of nodes', 'kubectl top node [NAME | -l label] [options]'),
    sub('pod', ['pods', 'po'], 'Display resource (CPU/memory) usage of pods', 'kubectl top pod [NAME | -l label] [options]'),
  ],
}
