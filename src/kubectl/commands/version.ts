// kubectl version. Upstream: pkg/cmd/version/version.go. The build facts are those of the
// v1.30.0 release binaries, so `-o yaml` reads like a real cluster's.
import { toYAML } from '../printers/index'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'

export const KUBERNETES_VERSION = 'v1.30.0'
/** The kustomize library vendored into kubectl v1.30.0. */
export const KUSTOMIZE_VERSION = 'v5.0.4-0.20230601165947-6ce0bf390ce3'

function info(buildDate: string) {
  return {
    major: '1', minor: '30', gitVersion: KUBERNETES_VERSION,
    gitCommit: '7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a', gitTreeState: 'clean',
    buildDate, goVersion: 'go1.22.2', compiler: 'gc', platform: 'linux/amd64',
  }
}
const CLIENT = info('2024-04-17T17:36:05Z')
const SERVER = info('2024-04-17T17:27:03Z')

function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))) as T
}

function run(inv: Invocation): number {
  const clientOnly = flagBool(inv.args, 'client')
  const output = flagStr(inv.args, 'output')
  if (output !== undefined && output !== 'yaml' && output !== 'json') throw fail('--output must be \'yaml\' or \'json\'')
  let serverError: unknown
  if (!clientOnly) {
    try { inv.target(); inv.api.discovery() } catch (e) { serverError = e }
  }
  const withServer = !clientOnly && serverError === undefined
  if (output) {
    const doc = { clientVersion: CLIENT, kustomizeVersion: KUSTOMIZE_VERSION, ...(withServer ? { serverVersion: SERVER } : {}) }
    inv.ctx.stdout.write(output === 'json'
      ? JSON.stringify(doc, null, 2) + '\n'
      : toYAML({ clientVersion: sortKeys(CLIENT), kustomizeVersion: KUSTOMIZE_VERSION, ...(withServer ? { serverVersion: sortKeys(SERVER) } : {}) }))
  } else {
    inv.out(`Client Version: ${KUBERNETES_VERSION}`)
    inv.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`)
    if (withServer) inv.out(`Server Version: ${KUBERNETES_VERSION}`)
  }
  if (serverError !== undefined) throw serverError
  return 0
}

export const versionCommand: Cmd = {
  name: 'version',
  help: {
    short: 'Print the client and server version information',
    long: 'Print the client and server version information for the current context.',
    examples: `  # Print the client and server versions for the current context
  kubectl version`,
    usage: 'kubectl version [flags] [options]',
  },
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run,
}
