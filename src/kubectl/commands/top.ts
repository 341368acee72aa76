// kubectl top node|pod: resource usage from the metrics.k8s.io API (metrics-server), which the
// API server serves live from each node's kubelet (engine/apiserver/metrics.ts).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top/top.go; the verbs are top-node.ts, top-pod.ts.
import type { Cmd } from '../command'
import { topNodeCommand } from './top-node'
import { topPodCommand } from './top-pod'

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
  subcommands: [topNodeCommand, topPodCommand],
}
