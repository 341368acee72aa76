// Every verb kubectl knows here. To add a verb: write commands/<verb>.ts exporting a Cmd, list it
// below, and remove it from the "not supported yet" list (help/groups.ts keeps the overview).
import type { Cmd } from '../command'
import { ALL_VERBS } from '../help/groups'
import { getCommand } from './get'
import { describeCommand } from './describe'
import { applyCommand } from './apply'
import { createCommand } from './create'
import { deleteCommand } from './delete'
import { runCommand } from './run'
import { labelCommand } from './label'
import { annotateCommand } from './annotate'
import { explainCommand } from './explain'
import { versionCommand } from './version'
import { clusterInfoCommand } from './cluster-info'
import { apiResourcesCommand, apiVersionsCommand } from './api-resources'
import { configCommand } from './config'
import { patchCommand } from './patch'
import { waitCommand } from './wait'
import { replaceCommand } from './replace'
import { eventsCommand } from './events'
import { topCommand } from './top'
import { scaleCommand } from './scale'
import { rolloutCommand } from './rollout'
import { setCommand } from './set'
import { diffCommand } from './diff'
import { editCommand } from './edit'
import { logsCommand } from './logs'
import { execCommand } from './exec'
import { cpCommand } from './cp'
import { portForwardCommand } from './port-forward'
import { exposeCommand } from './expose'

export const ROOT_COMMANDS: readonly Cmd[] = [
  getCommand, describeCommand, applyCommand, createCommand, deleteCommand, runCommand,
  labelCommand, annotateCommand, explainCommand, versionCommand, clusterInfoCommand,
  apiResourcesCommand, apiVersionsCommand, configCommand, patchCommand, waitCommand, replaceCommand, eventsCommand, topCommand,
  scaleCommand, rolloutCommand, setCommand, diffCommand, editCommand, execCommand, logsCommand, cpCommand, portForwardCommand,
  exposeCommand,
]

/** Real kubectl verbs that Kubelab does not implement yet: they say so instead of faking output. */
export const UNSUPPORTED_VERBS: readonly string[] = [
  ...ALL_VERBS.filter((v) => !ROOT_COMMANDS.some((c) => c.name === v)),
  'options', 'alpha',
]
