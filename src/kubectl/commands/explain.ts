// kubectl explain TYPE[.field.path] [--recursive], over the schemas shipped in src/api/schemas
// (kubectl 1.30's plaintext template lives there: formatExplain).
import { formatExplain, loadDefinitions, loadedDefinitions } from '../../api/schemas/index'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError } from '../errors'
import { findKind } from '../resources'

const MISSING_TYPE = 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  if (p.positional.length === 0) throw new CmdError(MISSING_TYPE)
  const output = flagStr(p, 'output') ?? 'plaintext'
  if (output !== 'plaintext') throw new CmdError(output === 'plaintext-openapiv2' ? 'error: kubectl explain --output=plaintext-openapiv2 is not supported in Kubelab yet' : `error: unsupported output format: ${output}; supported formats: plaintext, plaintext-openapiv2`)
  if (p.positional.length > 1) throw new CmdError('error: We accept only this format: explain RESOURCE\n')
  inv.target()
  const [resource, ...path] = p.positional[0].split('.')
  const kinds = inv.api.discovery()
  const kind = findKind(kinds, resource)
  if (!kind) throw new CmdError(`error: the server doesn't have a resource type "${resource}"`)
  const apiVersion = flagStr(p, 'api-version') ?? (kind.group ? `${kind.group}/${kind.version}` : kind.version)
  // Already loaded in a warm session; the first explain waits for the schema chunk.
  const defs = loadedDefinitions() ?? await loadDefinitions()
  const res = formatExplain(defs, apiVersion, kind.kind, path, { recursive: flagBool(p, 'recursive') })
  if (!res.ok) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
  inv.ctx.stdout.write(res.text)
  return 0
}

export const explainCommand: Cmd = {
  name: 'explain',
  help: {
    short: 'Get documentation for a resource',
    long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
    examples: `  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
    usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  },
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run,
}
