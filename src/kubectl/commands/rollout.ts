// kubectl rollout SUBCOMMAND: a group (bare `kubectl rollout` prints its help).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout.go.
import type { Cmd } from '../command'
import { rolloutHistoryCommand } from './rollout-history'
import { rolloutPauseCommand, rolloutResumeCommand } from './rollout-pause'
import { rolloutRestartCommand } from './rollout-restart'
import { rolloutStatusCommand } from './rollout-status'
import { rolloutUndoCommand } from './rollout-undo'

export const rolloutCommand: Cmd = {
  name: 'rollout',
  help: {
    short: 'Manage the rollout of a resource',
    long: `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
    examples: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc

  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo

  # Restart a deployment
  kubectl rollout restart deployment/abc

  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
    usage: 'kubectl rollout SUBCOMMAND [options]',
  },
  flags: [],
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
}
