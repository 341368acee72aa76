// What every kubectl verb is: its flags, its help, and a run function over an Invocation.
import type { ApiClient } from '../api/client'
import type { CommandContext, KubectlHost } from './context'
import type { FlagSpec, ParsedArgs } from './argv'
import type { LoadedConfig, Target } from './kubeconfig'

export interface HelpText {
  /** One line, as `kubectl --help` lists it. */
  short: string
  /** The long description (already indented/wrapped as kubectl prints it). */
  long?: string
  /** The Examples block, lines already indented by two spaces. */
  examples?: string
  /** After `Usage:`, e.g. `kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...) [flags] [options]`. */
  usage: string
}

export interface Cmd {
  name: string
  aliases?: string[]
  help: HelpText
  flags: FlagSpec[]
  subcommands?: Cmd[]
  /** Upstream subcommands Kubelab lacks: answered with "not supported yet" before flags are parsed. */
  unsupportedSubcommands?: string[]
  /** Absent for pure groups (`kubectl config` alone prints its help). */
  run?: (inv: Invocation) => number | Promise<number>
}

export interface Invocation {
  ctx: CommandContext
  host: KubectlHost
  api: ApiClient
  args: ParsedArgs
  /** `kubectl create configmap`: for usage hints. */
  path: string
  /** The kubeconfig as read at the start of this invocation. */
  kubeconfig(): LoadedConfig
  /** The cluster/namespace to talk to; throws the localhost:8080 refusal when unconfigured. */
  target(): Target
  out(line: string): void
  err(line: string): void
}
