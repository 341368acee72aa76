// kubectl set SUBCOMMAND: a group (bare `kubectl set` prints its help).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set.go.
import type { Cmd } from '../command'
import { setEnvCommand } from './set-env'
import { setImageCommand } from './set-image'
import { setResourcesCommand } from './set-resources'

export const setCommand: Cmd = {
  name: 'set',
  help: {
    short: 'Set specific features on objects',
    long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
    usage: 'kubectl set SUBCOMMAND [options]',
  },
  flags: [],
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand],
  unsupportedSubcommands: ['selector', 'serviceaccount', 'sa', 'subject'],
}
