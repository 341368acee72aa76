// kubectl create serviceaccount NAME. Upstream: pkg/cmd/create/create_serviceaccount.go.
import type { Cmd, Invocation } from '../command'
import { CmdError } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG } from './common'
import { createGeneratedOrFail, kindOf } from './generated'

function run(inv: Invocation): number {
  const args = inv.args.positional
  if (args.length !== 1) throw new CmdError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create serviceaccount -h' for help and examples`)
  inv.target()
  const obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: args[0], creationTimestamp: null as unknown as string } }
  return createGeneratedOrFail(inv, kindOf(inv, 'ServiceAccount'), obj, 'kubectl-create', 'serviceaccount')
}

export const createServiceAccountCommand: Cmd = {
  name: 'serviceaccount',
  aliases: ['sa'],
  help: {
    short: 'Create a service account with the specified name',
    long: 'Create a service account with the specified name.',
    examples: `  # Create a new service account named my-service-account
  kubectl create serviceaccount my-service-account`,
    usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
  },
  flags: [DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG],
  run,
}
