// kubectl api-resources and api-versions, from the server's discovery.
// Upstream: pkg/cmd/apiresources/apiresources.go and apiversions.go.
import type { KindInfo } from '../../api/kinds'
import { flagBool, flagStr, has } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { formatTable } from '../printers/index'

const apiVersion = (k: KindInfo) => (k.group ? `${k.group}/${k.version}` : k.version)

function run(inv: Invocation): number {
  const p = inv.args
  inv.target()
  const output = flagStr(p, 'output')
  if (output !== undefined && output !== 'wide' && output !== 'name') throw fail(`--output ${output} is not available`)
  let kinds = [...inv.api.discovery()]
  if (has(p, 'namespaced')) { const ns = flagBool(p, 'namespaced'); kinds = kinds.filter((k) => k.namespaced === ns) }
  const group = flagStr(p, 'api-group')
  if (group !== undefined) kinds = kinds.filter((k) => k.group === group)
  const verbs = (flagStr(p, 'verbs') ?? '').split(',').filter(Boolean)
  if (verbs.length > 0) kinds = kinds.filter((k) => verbs.every((v) => k.verbs.includes(v)))
  // Core group first, then groups alphabetically; by resource name within a group.
  kinds.sort((a, b) => a.group.localeCompare(b.group) || a.plural.localeCompare(b.plural))
  const sortBy = flagStr(p, 'sort-by')
  if (sortBy !== undefined && sortBy !== 'name' && sortBy !== 'kind') throw fail(`--sort-by accepts only name or kind`)
  if (sortBy === 'name') kinds.sort((a, b) => a.plural.localeCompare(b.plural))
  if (sortBy === 'kind') kinds.sort((a, b) => a.kind.localeCompare(b.kind))
  if (output === 'name') {
    for (const k of kinds) inv.out(k.group ? `${k.plural}.${k.group}` : k.plural)
    return 0
  }
  const wide = output === 'wide'
  const headers = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]
  const rows = kinds.map((k) => [k.plural, k.shortNames.join(','), apiVersion(k), String(k.namespaced), k.kind,
    ...(wide ? [`[${k.verbs.join(' ')}]`, k.categories?.length ? `[${k.categories.join(' ')}]` : ''] : [])])
  inv.ctx.stdout.write(formatTable({ headers, rows }, { noHeaders: flagBool(p, 'no-headers') }))
  return 0
}

export const apiResourcesCommand: Cmd = {
  name: 'api-resources',
  help: {
    short: 'Print the supported API resources on the server',
    long: 'Print the supported API resources on the server.',
    examples: `  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
    usage: 'kubectl api-resources [flags] [options]',
  },
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'namespaced', type: 'bool', default: 'true', usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'verbs', type: 'string', usage: 'Limit to resources that support the specified verbs.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
  ],
  run,
}

export const apiVersionsCommand: Cmd = {
  name: 'api-versions',
  help: {
    short: 'Print the supported API versions on the server, in the form of "group/version"',
    long: 'Print the supported API versions on the server, in the form of "group/version".',
    examples: `  # Print the supported API versions
  kubectl api-versions`,
    usage: 'kubectl api-versions [flags] [options]',
  },
  flags: [],
  run: (inv) => {
    inv.target()
    const versions = [...new Set(inv.api.discovery().map(apiVersion))].sort()
    for (const v of versions) inv.out(v)
    return 0
  },
}
