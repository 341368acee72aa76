// kubectl create namespace NAME. Upstream: pkg/cmd/create/create_namespace.go.
import type { Cmd, Invocation } from '../command'
import { CmdError } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG } from './common'
import { createGenerated, kindOf } from './generated'

function run(inv: Invocation): number {
  const args = inv.args.positional
  if (args.length === 0) throw new CmdError("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples")
  if (args.length > 1) throw new CmdError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create namespace -h' for help and examples`)
  inv.target()
  const obj = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: args[0], creationTimestamp: null as unknown as string }, spec: {}, status: {} }
  return createGenerated(inv, kindOf(inv, 'Namespace'), obj, 'kubectl-create')
}

export const createNamespaceCommand: Cmd = {
  name: 'namespace',
  aliases: ['ns'],
  help: {
    short: 'Create a namespace with the specified name',
    long: 'Create a namespace with the specified name.',
    examples: `  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  },
  flags: [DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG],
  run,
}
